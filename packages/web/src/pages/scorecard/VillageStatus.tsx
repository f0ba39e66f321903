import type { VillageEvaluationsResponse } from '@ntm/server/contract/evaluation';
import { Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { useVillageEvaluations } from '../../api/scorecard';
import { ExportTableButton, exportSubtitle } from '../../components/ExportTableButton';
import { QueryState } from '../../components/QueryState';
import { type MessageKey, useI18n } from '../../i18n';

type Village = VillageEvaluationsResponse['villages'][number];

const statusKeys: Record<Village['status'], MessageKey> = {
  met: 'scorecard.villageMet',
  not_met: 'scorecard.villageNotMet',
  no_data: 'scorecard.villageNoData',
  not_evaluable: 'scorecard.villageNoSet',
};

function Status({ village }: { village: Village }) {
  const { t } = useI18n();
  if (village.status === 'not_evaluable') {
    return (
      <Tooltip title={village.problem?.message}>
        <Typography.Text type="secondary" data-village-status="not_evaluable">
          {t('scorecard.villageNoSet')}
        </Typography.Text>
      </Tooltip>
    );
  }
  if (village.status === 'no_data') {
    return <Tag data-village-status="no_data">{t('scorecard.villageNoData')}</Tag>;
  }
  const met = village.status === 'met';
  return (
    <>
      <Tag color={met ? 'success' : 'error'} data-village-status={village.status}>
        {t(statusKeys[village.status])}
      </Tag>
      <Typography.Text type="secondary">
        {t('scorecard.criteriaOf', { met: village.criteriaMet, total: village.criteriaTotal })}
      </Typography.Text>
    </>
  );
}

/** The commune's villages, each judged under the village standard on its own values, in one request. */
export function VillageStatus({ communeId, year }: { communeId: string; year: number }) {
  const { t } = useI18n();
  const villages = useVillageEvaluations(communeId, year);
  return (
    <QueryState query={villages}>
      {(data) => (
        <Flex vertical gap={8}>
          <Flex justify="flex-end">
            <ExportTableButton
              title={t('export.villagesTitle', { name: data.commune.name })}
              subtitle={exportSubtitle(t('export.year', { year }), t('scorecard.villageStandard'))}
              demo={data.commune.isDemo}
              fileName={`thon-ban_${data.commune.code}_${year}`}
              disabled={data.villages.length === 0}
              columns={[
                t('export.code'),
                t('scorecard.village'),
                t('scorecard.villageStandard'),
                { header: t('export.criteriaMet'), type: 'integer' },
                { header: t('export.criteriaTotal'), type: 'integer' },
                t('scorecard.recognition.decision'),
                { header: t('scorecard.recognition.date'), type: 'date' },
              ]}
              rows={() =>
                data.villages.map((v) => [
                  v.unit.code,
                  v.unit.name,
                  t(statusKeys[v.status]),
                  v.status === 'not_evaluable' ? null : v.criteriaMet,
                  v.status === 'not_evaluable' ? null : v.criteriaTotal,
                  v.recognition?.decisionNumber ?? null,
                  v.recognition?.decisionDate ?? null,
                ])
              }
            />
          </Flex>
          <Table<Village>
            size="small"
            pagination={false}
            rowKey={(v) => v.unit.id}
            dataSource={data.villages}
            locale={{ emptyText: t('scorecard.noVillages') }}
            data-testid="village-table"
            columns={[
              {
                title: t('scorecard.village'),
                key: 'name',
                render: (_, v) => (
                  <Link to={`/don-vi/${encodeURIComponent(v.unit.id)}?nam=${year}`}>{v.unit.name}</Link>
                ),
              },
              {
                title: t('scorecard.villageStandard'),
                key: 'status',
                render: (_, v) => <Status village={v} />,
              },
              {
                title: t('scorecard.recognition.decision'),
                key: 'recognised',
                responsive: ['sm'],
                render: (_, v) =>
                  v.recognition ? (
                    <Typography.Text>
                      {t('scorecard.villageRecognised', { number: v.recognition.decisionNumber ?? '' })}
                    </Typography.Text>
                  ) : (
                    <Typography.Text type="secondary">—</Typography.Text>
                  ),
              },
            ]}
          />
        </Flex>
      )}
    </QueryState>
  );
}

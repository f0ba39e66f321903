import { compareVietnamese } from '@ntm/core/format';
import type { UnitEvaluationResponse } from '@ntm/server/contract/evaluation';
import type { UnitSummary } from '@ntm/server/contract/units';
import { Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { useChildUnits } from '../../api/queries';
import { useVillageEvaluations } from '../../api/scorecard';
import { useI18n } from '../../i18n';
import { yearEndDate } from '../../scope';

interface Row {
  village: UnitSummary;
  evaluation: UnitEvaluationResponse | undefined;
  error: unknown;
  pending: boolean;
}

function Status({ row }: { row: Row }) {
  const { t } = useI18n();
  if (row.error) {
    const missingSet =
      row.error instanceof ApiError &&
      ['no_criteria_set', 'criteria_set_incomplete'].includes(row.error.code);
    return (
      <Tooltip title={row.error instanceof ApiError ? row.error.detail : undefined}>
        <Typography.Text type="secondary">
          {missingSet ? t('scorecard.villageNoSet') : t('errorTitle')}
        </Typography.Text>
      </Tooltip>
    );
  }
  if (row.pending || !row.evaluation)
    return <Typography.Text type="secondary">{t('loading')}</Typography.Text>;
  const e = row.evaluation.evaluation;
  if (e.criteriaNoData === e.criteriaTotal) {
    return <Tag data-village-status="no_data">{t('scorecard.villageNoData')}</Tag>;
  }
  const met = e.eligibility.allCriteriaMet;
  return (
    <>
      <Tag color={met ? 'success' : 'error'} data-village-status={met ? 'met' : 'not_met'}>
        {met ? t('scorecard.villageMet') : t('scorecard.villageNotMet')}
      </Tag>
      <Typography.Text type="secondary">
        {t('scorecard.criteriaOf', { met: e.criteriaMet, total: e.criteriaTotal })}
      </Typography.Text>
    </>
  );
}

function Recognised({ evaluation }: { evaluation: UnitEvaluationResponse | undefined }) {
  const { t } = useI18n();
  const decided = evaluation?.recognitions.find(
    (r) => r.status === 'decided' && r.tier === 'village_standard',
  );
  if (!decided) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text>
      {t('scorecard.villageRecognised', { number: decided.decisionNumber ?? '' })}
    </Typography.Text>
  );
}

/** The commune's villages, each judged under the village standard on its own values. */
export function VillageStatus({ communeId, year }: { communeId: string; year: number }) {
  const { t } = useI18n();
  const children = useChildUnits(communeId, yearEndDate(year));
  const villages = (children.data?.units ?? [])
    .filter((u) => u.level === 'village')
    .sort((a, b) => compareVietnamese(a.name, b.name));
  const evaluations = useVillageEvaluations(
    villages.map((v) => v.id),
    year,
  );
  const rows: Row[] = villages.map((village, i) => ({
    village,
    evaluation: evaluations[i]?.data,
    error: evaluations[i]?.error ?? null,
    pending: evaluations[i]?.isPending ?? true,
  }));
  return (
    <Table<Row>
      size="small"
      pagination={false}
      loading={children.isPending}
      rowKey={(r) => r.village.id}
      dataSource={rows}
      locale={{ emptyText: t('scorecard.noVillages') }}
      columns={[
        {
          title: t('scorecard.village'),
          key: 'name',
          render: (_, r) => (
            <Link to={`/don-vi/${encodeURIComponent(r.village.id)}?nam=${year}`}>{r.village.name}</Link>
          ),
        },
        { title: t('scorecard.villageStandard'), key: 'status', render: (_, r) => <Status row={r} /> },
        {
          title: t('scorecard.recognition.decision'),
          key: 'recognised',
          responsive: ['sm'],
          render: (_, r) => <Recognised evaluation={r.evaluation} />,
        },
      ]}
    />
  );
}

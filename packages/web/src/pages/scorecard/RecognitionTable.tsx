import { formatDate } from '@ntm/core/format';
import type { UnitEvaluationResponse } from '@ntm/server/contract/evaluation';
import { Flex, Table, Tag, Typography } from 'antd';
import { type MessageKey, useI18n } from '../../i18n';
import { tierKey } from '../catalog/labels';
import { RecognitionsExport } from './ScorecardExport';

type Recognition = UnitEvaluationResponse['recognitions'][number];

const statusKeys: Record<Recognition['status'], MessageKey> = {
  registered: 'scorecard.recognition.registered',
  dossier: 'scorecard.recognition.dossier',
  appraised: 'scorecard.recognition.appraised',
  decided: 'scorecard.recognition.decided',
  revoked: 'scorecard.recognition.revoked',
};

/** Latest first; a record without a decision yet sorts by nothing and goes last. */
function byDecisionDate(a: Recognition, b: Recognition): number {
  return (b.decisionDate ?? '').localeCompare(a.decisionDate ?? '');
}

/** Recognition records: only a decision counts towards a target, so its number, date and issuer are shown. */
export function RecognitionTable({
  recognitions,
  unitName,
  unitCode,
}: {
  recognitions: readonly Recognition[];
  unitName: string;
  unitCode: string;
}) {
  const { t } = useI18n();
  const sorted = [...recognitions].sort(byDecisionDate);
  return (
    <Flex vertical gap={8}>
      <Flex justify="flex-end">
        <RecognitionsExport
          recognitions={sorted}
          unitName={unitName}
          unitCode={unitCode}
          statusLabel={(status) => t(statusKeys[status])}
        />
      </Flex>
      <Table<Recognition>
        size="small"
        pagination={false}
        rowKey="id"
        scroll={{ x: 640 }}
        locale={{ emptyText: t('scorecard.noRecognitions') }}
        dataSource={sorted}
        columns={[
          { title: t('scorecard.recognition.tier'), key: 'tier', render: (_, r) => t(tierKey(r.tier)) },
          {
            title: t('scorecard.recognition.status'),
            key: 'status',
            render: (_, r) => (
              <>
                <Tag
                  color={r.status === 'decided' ? 'success' : r.status === 'revoked' ? 'error' : 'processing'}
                >
                  {t(statusKeys[r.status])}
                </Tag>
                {r.revokedDate && (
                  <Typography.Text type="secondary">{formatDate(r.revokedDate)}</Typography.Text>
                )}
              </>
            ),
          },
          {
            title: t('scorecard.recognition.decision'),
            key: 'number',
            render: (_, r) => r.decisionNumber ?? '—',
          },
          {
            title: t('scorecard.recognition.date'),
            key: 'date',
            render: (_, r) => (r.decisionDate ? formatDate(r.decisionDate) : '—'),
          },
          { title: t('scorecard.recognition.issuer'), key: 'issuer', render: (_, r) => r.issuer ?? '—' },
          {
            title: '',
            key: 'demo',
            render: (_, r) => (r.isDemo ? <Tag color="orange">{t('demoBadge')}</Tag> : null),
          },
        ]}
      />
    </Flex>
  );
}

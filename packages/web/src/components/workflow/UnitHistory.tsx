import type { AuditEntrySchema } from '@ntm/server/contract/audit';
import { Table, Typography } from 'antd';
import { useUnitHistory } from '../../auth/queries';
import { useI18n } from '../../i18n';
import { QueryState } from '../QueryState';
import { formatTimestamp } from './format';
import { useActionLabel } from './labels';

/** The audit entries about one unit: its values, their workflow, the accounts attached to it. */
export function UnitHistory({ unitId }: { unitId: string }) {
  const { t } = useI18n();
  const history = useUnitHistory(unitId);
  const actionLabel = useActionLabel();
  return (
    <QueryState query={history}>
      {(data) => (
        <Table<AuditEntrySchema>
          size="small"
          rowKey="id"
          dataSource={data.entries}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('workflow.historyEmpty') }}
          data-testid="unit-history"
          columns={[
            {
              title: t('workflow.at'),
              dataIndex: 'at',
              render: (at: string) => formatTimestamp(at),
              width: 150,
            },
            { title: t('workflow.action'), dataIndex: 'action', render: actionLabel },
            { title: t('audit.entityId'), dataIndex: 'entityId' },
            { title: t('workflow.by'), render: (_: unknown, e: AuditEntrySchema) => e.actorName ?? e.actor },
            {
              title: t('workflow.reason'),
              dataIndex: 'reason',
              render: (reason: string | null) => <Typography.Text>{reason ?? ''}</Typography.Text>,
            },
          ]}
        />
      )}
    </QueryState>
  );
}

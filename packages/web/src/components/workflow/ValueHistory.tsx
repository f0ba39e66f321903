import type { ValueVersion } from '@ntm/server/contract/workflow';
import { Table, Typography } from 'antd';
import { useMeasures } from '../../api/catalog';
import { useValueHistory } from '../../auth/queries';
import { useI18n } from '../../i18n';
import { QueryState } from '../QueryState';
import { formatObserved, formatTimestamp } from './format';
import { StatusTag } from './StatusTag';

/** Every version of a unit's values for a year (or of one measure), newest first, with who, when and why. */
export function ValueHistory({ unitId, year, measure }: { unitId: string; year: number; measure?: string }) {
  const { t } = useI18n();
  const history = useValueHistory(unitId, year, measure);
  const measures = useMeasures();
  const names = new Map((measures.data?.measures ?? []).map((m) => [m.code, m.name]));
  return (
    <QueryState query={history}>
      {(data) => (
        <Table<ValueVersion>
          size="small"
          rowKey={(v) => `${v.measure}:${v.version}`}
          dataSource={data.versions}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('workflow.historyEmpty') }}
          data-testid="value-history"
          columns={[
            {
              title: t('workflow.at'),
              dataIndex: 'at',
              render: (at: string) => formatTimestamp(at),
              width: 150,
            },
            ...(measure
              ? []
              : [
                  {
                    title: t('workflow.measure'),
                    dataIndex: 'measure',
                    render: (code: string) => names.get(code) ?? code,
                  },
                ]),
            {
              title: t('workflow.action'),
              dataIndex: 'action',
              render: (action: ValueVersion['action']) => t(`action.${action}`),
            },
            { title: t('workflow.value'), dataIndex: 'value', render: (v: unknown) => formatObserved(v) },
            {
              title: t('workflow.status'),
              render: (_: unknown, v: ValueVersion) => <StatusTag status={v.status} />,
            },
            {
              title: t('workflow.by'),
              render: (_: unknown, v: ValueVersion) => v.actorName ?? v.actor,
            },
            {
              title: t('workflow.reason'),
              dataIndex: 'reason',
              render: (reason: string | null) => <Typography.Text>{reason ?? ''}</Typography.Text>,
            },
            { title: t('workflow.version'), dataIndex: 'version', width: 80 },
          ]}
        />
      )}
    </QueryState>
  );
}

import { formatNumber } from '@ntm/core/format';
import { Button, Card, Table, Tag } from 'antd';
import { ExportTableButton } from '../../components/ExportTableButton';
import { QueryState } from '../../components/QueryState';
import { formatTimestamp } from '../../components/workflow/format';
import { type ImportSummary, useImports } from './excel-api';
import { useExcelText } from './messages';

const statusColours: Record<ImportSummary['status'], string> = {
  pending: 'processing',
  applied: 'success',
  reverted: 'default',
  discarded: 'default',
};

/** Recent imports, so one can reopen a preview or revert an import after leaving the page. */
export function ImportHistory({ onChange }: { onChange(summary: ImportSummary): void }) {
  const text = useExcelText();
  const imports = useImports();
  const statusText = {
    pending: text('statusPending'),
    applied: text('statusApplied'),
    reverted: text('statusReverted'),
    discarded: text('statusDiscarded'),
  };
  return (
    <Card
      size="small"
      title={text('historyTitle')}
      data-testid="import-history"
      extra={
        imports.data && (
          <ExportTableButton
            title={text('historyTitle')}
            fileName="lich-su-nhap-excel"
            disabled={imports.data.imports.length === 0}
            columns={[
              { header: text('createdAt'), type: 'datetime' },
              text('createdBy'),
              text('file'),
              { header: text('newValues'), type: 'integer' },
              { header: text('changedValues'), type: 'integer' },
              { header: text('unchangedValues'), type: 'integer' },
              { header: text('problems'), type: 'integer' },
              text('status'),
            ]}
            rows={() =>
              (imports.data?.imports ?? []).map((i) => [
                i.createdAt,
                i.createdBy,
                i.fileName,
                i.newCount,
                i.changedCount,
                i.unchangedCount,
                i.problemCount,
                statusText[i.status],
              ])
            }
          />
        )
      }
    >
      <QueryState query={imports}>
        {(data) => (
          <Table<ImportSummary>
            size="small"
            rowKey="id"
            dataSource={data.imports}
            pagination={false}
            columns={[
              {
                key: 'at',
                title: text('createdAt'),
                render: (_, i) => formatTimestamp(i.createdAt),
                width: 170,
              },
              { key: 'file', title: text('file'), dataIndex: 'fileName' },
              {
                key: 'values',
                title: `${text('newValues')} / ${text('changedValues')}`,
                render: (_, i) => `${formatNumber(i.newCount)} / ${formatNumber(i.changedCount)}`,
                width: 150,
              },
              {
                key: 'status',
                title: text('status'),
                render: (_, i) => <Tag color={statusColours[i.status]}>{statusText[i.status]}</Tag>,
                width: 150,
              },
              {
                key: 'open',
                render: (_, i) =>
                  i.status === 'pending' || i.status === 'applied' ? (
                    <Button size="small" onClick={() => onChange(i)}>
                      {text('open')}
                    </Button>
                  ) : null,
                width: 170,
              },
            ]}
          />
        )}
      </QueryState>
    </Card>
  );
}

import { formatDate } from '@ntm/core/format';
import type { ObstacleSummary } from '@ntm/server/contract/follow-up';
import { Button, Table } from 'antd';
import { DeadlineTag, SeverityTag, StatusTag } from './labels';
import type { FollowUpText } from './messages';

export function ObstacleTable({
  obstacles,
  text,
  onOpen,
  showUnit = true,
  showDepartment = true,
}: {
  obstacles: ObstacleSummary[];
  text: FollowUpText;
  onOpen(id: string): void;
  showUnit?: boolean;
  showDepartment?: boolean;
}) {
  return (
    <Table<ObstacleSummary>
      size="small"
      rowKey="id"
      dataSource={obstacles}
      data-testid="obstacle-table"
      pagination={{ pageSize: 30, showSizeChanger: false, hideOnSinglePage: true }}
      scroll={{ x: showUnit && showDepartment ? 900 : 600 }}
      columns={[
        {
          title: text('title'),
          render: (_, o) => (
            <Button
              type="link"
              size="small"
              style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}
              onClick={() => onOpen(o.id)}
            >
              {o.title}
            </Button>
          ),
        },
        ...(showUnit
          ? [
              {
                title: text('unit'),
                render: (_: unknown, o: ObstacleSummary) =>
                  `${o.unitName}${o.districtName ? ` – ${o.districtName}` : ''}`,
              },
            ]
          : []),
        { title: text('criterion'), render: (_, o) => `${o.criterionNumber}. ${o.criterionName}` },
        ...(showDepartment ? [{ title: text('department'), dataIndex: 'departmentName' }] : []),
        { title: text('severity'), render: (_, o) => <SeverityTag text={text} severity={o.severity} /> },
        { title: text('status'), render: (_, o) => <StatusTag text={text} status={o.status} /> },
        {
          title: text('dueDate'),
          sorter: (a, b) => a.dueDate.localeCompare(b.dueDate),
          render: (_, o) => (
            <>
              {formatDate(o.dueDate)} <DeadlineTag text={text} deadline={o.deadline} />
            </>
          ),
        },
      ]}
    />
  );
}

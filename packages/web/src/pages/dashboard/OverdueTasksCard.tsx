import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTasks } from '../../api/plans';
import { QueryState } from '../../components/QueryState';
import { usePlanText } from '../plans/messages';
import { dayOf } from '../plans/plan-view';

/** Tasks of the directives past their deadline, most overdue first (PRODUCT §4.4). */
export function OverdueTasksCard() {
  const p = usePlanText();
  const tasks = useTasks(true, false);
  return (
    <Card
      size="small"
      title={p('overdueTitle')}
      data-testid="overdue-tasks-card"
      extra={<Link to="/chi-dao?qua-han=1">{p('openDirectives')}</Link>}
    >
      <QueryState query={tasks}>
        {(data) =>
          data.tasks.length === 0 ? (
            <Empty description={p('overdueNone')} />
          ) : (
            <List
              size="small"
              dataSource={data.tasks.slice(0, 6)}
              renderItem={(task) => (
                <List.Item data-testid="overdue-task">
                  <Flex vertical gap={2} style={{ width: '100%' }}>
                    <Flex justify="space-between" gap={8}>
                      <Typography.Text strong>{`${task.directiveNumber} · ${task.number}`}</Typography.Text>
                      <Tag color="error">{p('overdueDays', { days: task.daysOverdue })}</Tag>
                    </Flex>
                    <Typography.Text ellipsis={{ tooltip: task.content }}>{task.content}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {`${task.assigneeName} · ${p('deadline')} ${dayOf(task.deadline)}`}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          )
        }
      </QueryState>
    </Card>
  );
}

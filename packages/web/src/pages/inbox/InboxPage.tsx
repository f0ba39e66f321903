import type { InboxResponse } from '@ntm/server/contract/workflow';
import { Badge, Button, Card, Flex, List, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useInbox, useMarkNotificationsRead, useNotifications } from '../../auth/queries';
import { ExportTableButton, exportSubtitle } from '../../components/ExportTableButton';
import { QueryState } from '../../components/QueryState';
import { formatTimestamp } from '../../components/workflow/format';
import { useI18n } from '../../i18n';
import { selectableYears } from '../../scope';

type Group = InboxResponse['groups'][number];

const kindColours: Record<Group['kind'], string> = {
  returned: 'error',
  to_verify: 'processing',
  to_approve: 'cyan',
  drafts: 'default',
};

function Notifications() {
  const { t } = useI18n();
  const notifications = useNotifications();
  const markRead = useMarkNotificationsRead();
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center">
          {t('inbox.notifications')}
          <Badge count={notifications.data?.unread ?? 0} />
        </Flex>
      }
      extra={
        <Button
          size="small"
          onClick={() => markRead.mutate(undefined)}
          disabled={!notifications.data?.unread}
        >
          {t('inbox.markAllRead')}
        </Button>
      }
    >
      <QueryState query={notifications}>
        {(data) => (
          <List
            size="small"
            dataSource={data.notifications}
            locale={{ emptyText: t('inbox.noNotifications') }}
            data-testid="notifications"
            renderItem={(n) => (
              <List.Item>
                <Flex vertical>
                  <Typography.Text strong={!n.read}>{n.message}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatTimestamp(n.at)}
                  </Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </QueryState>
    </Card>
  );
}

/** What waits for the signed-in user: values to verify or approve, values returned to fix, drafts to send. */
export default function InboxPage() {
  const { t } = useI18n();
  const [year, setYear] = useState<number | undefined>(undefined);
  const inbox = useInbox(year);
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('inbox.title')}
        </Typography.Title>
        <Flex gap={8} align="center">
          {inbox.data && (
            <ExportTableButton
              title={t('inbox.title')}
              subtitle={exportSubtitle(year === undefined ? t('inbox.allYears') : t('export.year', { year }))}
              fileName="viec-cho-xu-ly"
              disabled={inbox.data.groups.length === 0}
              columns={[
                t('workflow.status'),
                t('inbox.unit'),
                { header: t('year'), type: 'integer' },
                { header: t('inbox.count'), type: 'integer' },
                t('workflow.reason'),
              ]}
              rows={() =>
                (inbox.data?.groups ?? []).map((g) => [
                  t(`inbox.kind.${g.kind}`),
                  g.unitName,
                  g.year,
                  g.count,
                  g.reasons.join('; '),
                ])
              }
            />
          )}
          <Select<number | 'all'>
            value={year ?? 'all'}
            onChange={(value) => setYear(value === 'all' ? undefined : value)}
            style={{ width: 140 }}
            options={[
              { value: 'all', label: t('inbox.allYears') },
              ...selectableYears.map((y) => ({ value: y, label: String(y) })),
            ]}
          />
        </Flex>
      </Flex>
      <QueryState query={inbox}>
        {(data) => (
          <>
            {data.truncated && <Typography.Text type="warning">{t('inbox.truncated')}</Typography.Text>}
            <Table<Group>
              size="small"
              rowKey={(g) => `${g.kind}|${g.unitId}|${g.year}`}
              dataSource={data.groups}
              locale={{ emptyText: t('inbox.empty') }}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              data-testid="inbox-table"
              columns={[
                {
                  title: t('workflow.status'),
                  dataIndex: 'kind',
                  render: (kind: Group['kind']) => (
                    <Tag color={kindColours[kind]}>{t(`inbox.kind.${kind}`)}</Tag>
                  ),
                },
                { title: t('inbox.unit'), dataIndex: 'unitName' },
                { title: t('year'), dataIndex: 'year', width: 80 },
                { title: t('inbox.count'), dataIndex: 'count', width: 90 },
                {
                  title: t('workflow.reason'),
                  dataIndex: 'reasons',
                  render: (reasons: string[]) => (
                    <Flex vertical>
                      {reasons.map((r) => (
                        <Typography.Text key={r} type="danger">
                          {r}
                        </Typography.Text>
                      ))}
                    </Flex>
                  ),
                },
                {
                  title: '',
                  render: (_: unknown, g: Group) => (
                    <Link to={`/quy-trinh/${encodeURIComponent(g.unitId)}?nam=${g.year}`}>
                      {t('inbox.open')}
                    </Link>
                  ),
                },
              ]}
            />
          </>
        )}
      </QueryState>
      <Notifications />
    </Flex>
  );
}

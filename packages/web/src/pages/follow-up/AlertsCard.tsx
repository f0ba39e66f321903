import type { MaintenanceAlert } from '@ntm/server/contract/follow-up';
import { App, Button, Card, Empty, Flex, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { problemDetail } from '../../api/client';
import { useAcknowledgeAlert, useAlerts } from '../../api/follow-up';
import { DemoBadge } from '../../components/DemoBadge';
import { QueryState } from '../../components/QueryState';
import { formatTimestamp } from '../../components/workflow/format';
import { useFollowUpText } from './messages';

/** Open maintenance alerts of the year in the viewer's area; they stay until resolved or acknowledged with a reason. */
export function AlertsCard({ year }: { year: number }) {
  const text = useFollowUpText();
  const { message } = App.useApp();
  const alerts = useAlerts({ year, status: 'open' });
  const acknowledge = useAcknowledgeAlert();
  const [target, setTarget] = useState<MaintenanceAlert | null>(null);
  const [reason, setReason] = useState('');
  const send = async () => {
    if (!target) return;
    try {
      await acknowledge.mutateAsync({ id: target.id, reason });
      setTarget(null);
      setReason('');
    } catch (error) {
      void message.error(problemDetail(error));
    }
  };
  return (
    <Card
      size="small"
      data-testid="alerts-card"
      title={
        <Space>
          {text('alertsTitle')}
          {alerts.data && alerts.data.alerts.length > 0 && <Tag color="red">{alerts.data.alerts.length}</Tag>}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {text('alertsHelp')}
      </Typography.Paragraph>
      <QueryState query={alerts}>
        {(data) =>
          data.alerts.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text('noAlerts')} />
          ) : (
            <List
              size="small"
              dataSource={data.alerts}
              pagination={data.alerts.length > 6 ? { pageSize: 6, size: 'small' } : false}
              renderItem={(a) => (
                <List.Item
                  actions={
                    a.canAcknowledge
                      ? [
                          <Button key="ack" size="small" onClick={() => setTarget(a)}>
                            {text('acknowledge')}
                          </Button>,
                        ]
                      : []
                  }
                >
                  <Flex vertical gap={2}>
                    <Space size={4} wrap>
                      <Link to={`/don-vi/${encodeURIComponent(a.unitId)}?nam=${year}`}>{a.unitName}</Link>
                      {a.districtName && <Typography.Text type="secondary">{a.districtName}</Typography.Text>}
                      <Tag>{text(`tier_${a.recognisedTier}` as 'tier_standard')}</Tag>
                      {a.isDemo && <DemoBadge />}
                    </Space>
                    <Typography.Text title={a.indicatorName}>
                      {text('indicator')} {a.indicatorCode} ({text('criterion').toLowerCase()}{' '}
                      {a.criterionNumber}. {a.criterionName}):{' '}
                      {text(a.kind === 'no_data' ? 'alertNoData' : 'alertNotMet')}
                    </Typography.Text>
                    {a.gapSentence && (
                      <Typography.Text type="danger" style={{ fontSize: 12 }}>
                        {a.gapSentence}
                      </Typography.Text>
                    )}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {a.departmentName} · {formatTimestamp(a.raisedAt)}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          )
        }
      </QueryState>
      <Modal
        open={target !== null}
        title={
          target ? text('acknowledgeTitle', { unit: target.unitName, indicator: target.indicatorCode }) : ''
        }
        onCancel={() => setTarget(null)}
        okText={text('acknowledge')}
        cancelText={text('cancel')}
        okButtonProps={{ disabled: reason.trim().length < 10, loading: acknowledge.isPending }}
        onOk={() => void send()}
      >
        <Input.TextArea
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder={text('acknowledgeReason')}
        />
      </Modal>
    </Card>
  );
}

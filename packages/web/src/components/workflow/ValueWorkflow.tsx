import type { UnitValuesResponse } from '@ntm/server/contract/values';
import { Alert, App, Button, Card, Flex, Input, Modal, Space, Table, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useMeasures } from '../../api/catalog';
import { ApiError } from '../../api/client';
import { useUnit, useUnitValues } from '../../api/queries';
import { useWorkflowStep, type WorkflowAction } from '../../auth/queries';
import { can, type Permission, useCurrentUser } from '../../auth/session';
import { useI18n } from '../../i18n';
import { ExportTableButton, exportSubtitle } from '../ExportTableButton';
import { QueryState } from '../QueryState';
import { formatObserved } from './format';
import { IndicatorHistoryButton } from './IndicatorHistoryButton';
import { StatusTag, type ValueStatus } from './StatusTag';
import { UnitHistory } from './UnitHistory';
import { ValueHistory } from './ValueHistory';

type StoredValue = UnitValuesResponse['values'][number];

const steps: { action: WorkflowAction; permission: Permission; from: readonly ValueStatus[] }[] = [
  { action: 'submit', permission: 'enter_values', from: ['draft'] },
  { action: 'verify', permission: 'review_values', from: ['submitted'] },
  { action: 'approve', permission: 'approve_values', from: ['verified'] },
  { action: 'return', permission: 'review_values', from: ['submitted', 'verified'] },
];

const MIN_REASON = 5;

function StatusTable({ unitId, year, values }: { unitId: string; year: number; values: StoredValue[] }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const measures = useMeasures();
  const step = useWorkflowStep();
  const [selected, setSelected] = useState<string[]>([]);
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<ApiError | null>(null);
  const unit = useUnit(unitId).data?.unit;
  const names = new Map((measures.data?.measures ?? []).map((m) => [m.code, m.name]));
  const chosen = values.filter((v) => selected.includes(v.measure));

  async function run(action: WorkflowAction, why?: string) {
    setProblem(null);
    try {
      const result = await step.mutateAsync({
        action,
        request: {
          items: chosen.map((v) => ({ unitId, year, measure: v.measure, version: v.version })),
          ...(why ? { reason: why } : {}),
        },
      });
      void message.success(t('workflow.done', { action: t(`workflow.${action}`), count: result.changed }));
      setSelected([]);
      setReturning(false);
      setReason('');
    } catch (error) {
      if (error instanceof ApiError && error.code === 'stale_version')
        void message.warning(t('workflow.staleReloaded'));
      setProblem(error instanceof ApiError ? error : new ApiError(0, 'error', String(error)));
    }
  }

  const statuses: ValueStatus[] = ['draft', 'submitted', 'verified'];
  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap align="center">
        {statuses.map((status) => (
          <Button
            key={status}
            size="small"
            disabled={!values.some((v) => v.status === status)}
            onClick={() => setSelected(values.filter((v) => v.status === status).map((v) => v.measure))}
          >
            {t('workflow.selectStatus', { status: t(`status.${status}`) })}
          </Button>
        ))}
        <Typography.Text type="secondary">{t('workflow.selected', { count: chosen.length })}</Typography.Text>
        <ExportTableButton
          title={t('workflow.exportTitle')}
          subtitle={exportSubtitle(unit?.name ?? unitId, t('export.year', { year }))}
          demo={unit?.isDemo ?? false}
          fileName={`quy-trinh_${unit?.code ?? 'don-vi'}_${year}`}
          columns={[
            t('workflow.measure'),
            t('workflow.value'),
            t('workflow.status'),
            { header: t('workflow.version'), type: 'integer' },
          ]}
          rows={() =>
            values.map((v) => [
              names.get(v.measure) ?? v.measure,
              formatObserved(v.value),
              [t(`status.${v.status}`), v.status === 'draft' ? v.returnReason : null]
                .filter(Boolean)
                .join(' — '),
              v.version,
            ])
          }
        />
        <Space wrap style={{ marginLeft: 'auto' }}>
          {steps
            .filter((s) => can(user, s.permission))
            .map((s) => (
              <Button
                key={s.action}
                type={s.action === 'return' ? 'default' : 'primary'}
                danger={s.action === 'return'}
                disabled={chosen.length === 0 || !chosen.every((v) => s.from.includes(v.status))}
                loading={step.isPending && step.variables?.action === s.action}
                onClick={() => (s.action === 'return' ? setReturning(true) : void run(s.action))}
                data-testid={`workflow-${s.action}`}
              >
                {t(`workflow.${s.action}`)} ({chosen.filter((v) => s.from.includes(v.status)).length})
              </Button>
            ))}
        </Space>
      </Flex>
      {problem && (
        <Alert
          type="error"
          showIcon
          closable
          onClose={() => setProblem(null)}
          message={problem.detail}
          description={
            problem.rows.length > 0 ? (
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {problem.rows.slice(0, 10).map((r) => (
                  <li key={`${r.row}-${r.field}`}>{r.message}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}
      <Table<StoredValue>
        size="small"
        rowKey="measure"
        dataSource={values}
        pagination={false}
        data-testid="workflow-table"
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
        columns={[
          {
            title: t('workflow.measure'),
            dataIndex: 'measure',
            render: (code: string) => names.get(code) ?? code,
          },
          {
            title: t('workflow.value'),
            render: (_: unknown, v: StoredValue) => (
              <Flex vertical>
                <span>{formatObserved(v.value)}</span>
                {v.approvedValue !== null && JSON.stringify(v.approvedValue) !== JSON.stringify(v.value) && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('workflow.approvedValue', { value: formatObserved(v.approvedValue) })}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          {
            title: t('workflow.status'),
            render: (_: unknown, v: StoredValue) => (
              <Flex vertical gap={2}>
                <StatusTag status={v.status} returnReason={v.returnReason} />
                {v.status === 'draft' && v.returnReason && (
                  <Typography.Text type="danger" style={{ fontSize: 12 }}>
                    {v.returnReason}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          { title: t('workflow.version'), dataIndex: 'version', width: 90 },
          {
            title: '',
            width: 90,
            render: (_: unknown, v: StoredValue) => (
              <IndicatorHistoryButton
                unitId={unitId}
                year={year}
                measure={v.measure}
                name={names.get(v.measure) ?? v.measure}
              />
            ),
          },
        ]}
      />
      <Modal
        open={returning}
        title={t('workflow.return')}
        okText={t('workflow.return')}
        okButtonProps={{
          danger: true,
          disabled: reason.trim().length < MIN_REASON,
          ...({ 'data-testid': 'return-confirm' } as Record<string, string>),
        }}
        cancelText={t('common.cancel')}
        confirmLoading={step.isPending}
        onOk={() => void run('return', reason.trim())}
        onCancel={() => setReturning(false)}
      >
        <Typography.Paragraph>{t('workflow.returnReason')}</Typography.Paragraph>
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={3}
          maxLength={1000}
          aria-label={t('workflow.returnReason')}
          data-testid="return-reason"
        />
        {reason.trim().length > 0 && reason.trim().length < MIN_REASON && (
          <Typography.Text type="danger">{t('workflow.reasonTooShort')}</Typography.Text>
        )}
      </Modal>
    </Flex>
  );
}

/**
 * The workflow of one unit's values for a year: each value's status (returned ones with their
 * reason), bulk submit / verify / approve / return for the values the user may act on, and the
 * history of the values and of the unit. The server decides; the buttons only follow its rules.
 */
export function ValueWorkflow({ unitId, year }: { unitId: string; year: number }) {
  const { t } = useI18n();
  const values = useUnitValues(unitId, year);
  return (
    <Card title={t('workflow.title', { year })} size="small" data-testid="value-workflow">
      <Tabs
        items={[
          {
            key: 'status',
            label: t('workflow.status'),
            children: (
              <QueryState query={values}>
                {(data) =>
                  data.values.length === 0 ? (
                    <Typography.Text type="secondary">{t('workflow.empty', { year })}</Typography.Text>
                  ) : (
                    <StatusTable unitId={unitId} year={year} values={data.values} />
                  )
                }
              </QueryState>
            ),
          },
          {
            key: 'values',
            label: t('workflow.history'),
            children: <ValueHistory unitId={unitId} year={year} />,
          },
          { key: 'unit', label: t('workflow.unitHistory'), children: <UnitHistory unitId={unitId} /> },
        ]}
      />
    </Card>
  );
}

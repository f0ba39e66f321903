import { formatNumber } from '@ntm/core/format';
import {
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { problemDetail } from '../../api/client';
import {
  type TargetInput,
  useComparison,
  useCreateTarget,
  useDeleteTarget,
  usePlanProgress,
  useUpdateTarget,
} from '../../api/plans';
import { DemoBadge } from '../../components/DemoBadge';
import { ExportTableButton, exportSubtitle } from '../../components/ExportTableButton';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { useScope } from '../../scope';
import { metricNames, type PlanText, usePlanText } from './messages';
import { dayOf, describeForecast, formatValue, type PlanTarget } from './plan-view';

type Metric = PlanTarget['target']['metric'];
const metrics = Object.keys(metricNames.vi) as Metric[];
const outlookColours = { recognised: 'success', likely: 'green', possible: 'gold', unlikely: 'red' } as const;

function ForecastCell({ target, p }: { target: PlanTarget; p: PlanText }) {
  const text = describeForecast(target, (min, max) => p('forecastRange', { min, max }));
  if (text === null) return <Typography.Text type="secondary">{p('noForecast')}</Typography.Text>;
  return (
    <Flex
      vertical
      gap={2}
      data-testid={`forecast-${target.target.id}`}
      data-expected={target.forecast.expected ?? ''}
    >
      <Typography.Text strong>{text}</Typography.Text>
      {target.forecast.onTrack !== null && (
        <Tag color={target.forecast.onTrack ? 'success' : 'warning'} style={{ width: 'fit-content' }}>
          {target.forecast.monthsLeft <= 0
            ? target.forecast.onTrack
              ? p('reachedFinal')
              : p('missedFinal')
            : target.forecast.onTrack
              ? p('onTrack')
              : p('offTrack')}
        </Tag>
      )}
    </Flex>
  );
}

function RegisteredUnits({
  target,
  year,
  scopeName,
}: {
  target: PlanTarget;
  year: number;
  scopeName: string;
}) {
  const p = usePlanText();
  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>{p('assumptions')}</Typography.Text>
      <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="forecast-assumptions">
        {target.forecast.assumptions.map((a) => (
          <li key={a}>
            <Typography.Text type="secondary">{a}</Typography.Text>
          </li>
        ))}
      </ul>
      {target.tier !== null && (
        <>
          <Flex justify="space-between" align="center">
            <Typography.Text strong>{p('registeredUnits')}</Typography.Text>
            <ExportTableButton
              title={p('registeredExportTitle', { target: target.target.label })}
              subtitle={exportSubtitle(scopeName, String(year))}
              demo={target.target.isDemo}
              fileName={`dang-ky_${target.target.metric}_${year}`}
              columns={[
                p('unit'),
                p('parent'),
                p('registeredBy'),
                { header: p('expectedMonth'), type: 'integer' },
                { header: p('criteriaMissing'), type: 'integer' },
                p('outlook'),
              ]}
              rows={target.registered.map((r) => [
                r.name,
                r.parentName,
                r.registeringUnitName,
                r.expectedMonth,
                r.criteriaMissing,
                p(`outlook.${r.outlook}`),
              ])}
              disabled={target.registered.length === 0}
            />
          </Flex>
          <Table
            size="small"
            rowKey="unitId"
            pagination={false}
            dataSource={target.registered}
            locale={{ emptyText: p('noRegisteredUnits') }}
            columns={[
              { title: p('unit'), dataIndex: 'name' },
              { title: p('parent'), dataIndex: 'parentName' },
              { title: p('registeredBy'), dataIndex: 'registeringUnitName' },
              { title: p('expectedMonth'), dataIndex: 'expectedMonth', width: 110 },
              {
                title: p('criteriaMissing'),
                dataIndex: 'criteriaMissing',
                width: 130,
                render: (v: number | null) => (v === null ? '—' : v),
              },
              {
                title: p('outlook'),
                dataIndex: 'outlook',
                render: (o: PlanTarget['registered'][number]['outlook']) => (
                  <Tag color={outlookColours[o]}>{p(`outlook.${o}`)}</Tag>
                ),
              },
            ]}
          />
        </>
      )}
    </Flex>
  );
}

interface FormValues {
  metric: Metric;
  value: number;
  label: string;
  scopeUnitId: string;
  schemeOnly?: boolean;
  belowCriteria?: number;
  note?: string;
}

function TargetForm({
  open,
  onClose,
  year,
  editing,
  scopes,
  directiveId,
}: {
  open: boolean;
  onClose(): void;
  year: number;
  editing: PlanTarget['target'] | null;
  scopes: { id: string; name: string }[];
  directiveId: string | null;
}) {
  const p = usePlanText();
  const { language } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateTarget();
  const update = useUpdateTarget();
  const metric = Form.useWatch('metric', form);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const values = await form.validateFields();
    const params = {
      ...(values.schemeOnly ? { schemeOnly: true } : {}),
      ...(values.belowCriteria !== undefined && values.belowCriteria !== null
        ? { belowCriteria: values.belowCriteria }
        : {}),
    };
    setError(null);
    try {
      if (editing) {
        await update.mutateAsync({
          id: editing.id,
          body: {
            value: values.value,
            label: values.label,
            params,
            directiveId: editing.directiveId,
            note: values.note?.trim() ? values.note : null,
            expectedVersion: editing.version,
          },
        });
      } else {
        const body: TargetInput = {
          year,
          scopeUnitId: values.scopeUnitId,
          metric: values.metric,
          value: values.value,
          label: values.label,
          params,
          directiveId,
          note: values.note?.trim() ? values.note : null,
        };
        await create.mutateAsync(body);
      }
      void message.success(p('saved'));
      onClose();
    } catch (e) {
      setError(problemDetail(e));
    }
  };
  return (
    <Modal
      open={open}
      title={editing ? p('editTarget') : p('addTarget')}
      onCancel={onClose}
      onOk={() => void save()}
      okText={p('save')}
      cancelText={p('cancel')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) return;
        setError(null);
        form.setFieldsValue(
          editing
            ? {
                metric: editing.metric,
                value: editing.value,
                label: editing.label,
                scopeUnitId: editing.scopeUnitId,
                schemeOnly: editing.params.schemeOnly ?? false,
                ...(editing.params.belowCriteria === undefined
                  ? {}
                  : { belowCriteria: editing.params.belowCriteria }),
                note: editing.note ?? '',
              }
            : { scopeUnitId: scopes[0]?.id ?? '', metric: 'communes_standard_new' },
        );
      }}
    >
      <Form form={form} layout="vertical" data-testid="target-form">
        <Form.Item name="metric" label={p('metric')} rules={[{ required: true }]}>
          <Select
            disabled={editing !== null}
            options={metrics.map((m) => ({ value: m, label: metricNames[language][m] }))}
          />
        </Form.Item>
        <Form.Item name="scopeUnitId" label={p('targetScope')} rules={[{ required: true }]}>
          <Select
            disabled={editing !== null}
            options={scopes.map((s) => ({ value: s.id, label: s.name }))}
            showSearch
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item name="label" label={p('label')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={400} />
        </Form.Item>
        <Form.Item name="value" label={p('value')} rules={[{ required: true }]}>
          <InputNumber
            min={0}
            step={metric === 'average_criteria_per_commune' ? 0.1 : 1}
            decimalSeparator=","
            style={{ width: 160 }}
          />
        </Form.Item>
        {metric === 'villages_standard_new' && (
          <Form.Item name="schemeOnly" valuePropName="checked">
            <Checkbox>{p('schemeOnly')}</Checkbox>
          </Form.Item>
        )}
        {metric === 'communes_under_criteria' && (
          <Form.Item name="belowCriteria" label={p('belowCriteria')} rules={[{ required: true }]}>
            <InputNumber min={1} max={60} />
          </Form.Item>
        )}
        <Form.Item name="note" label={p('note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        {error && (
          <Typography.Text type="danger" data-testid="target-form-error">
            {error}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}

function Comparison({
  year,
  targets,
  asOf,
}: {
  year: number;
  targets: PlanTarget[];
  asOf: string | undefined;
}) {
  const p = usePlanText();
  const { language } = useI18n();
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const targetId = chosen ?? targets[0]?.target.id;
  const comparison = useComparison(year, targetId, asOf);
  const target = targets.find((x) => x.target.id === targetId);
  return (
    <Card
      size="small"
      title={p('comparisonTitle')}
      data-testid="comparison-card"
      extra={
        comparison.data && (
          <ExportTableButton
            title={p('comparisonExportTitle', { target: comparison.data.target.label })}
            subtitle={exportSubtitle(String(year), `${p('asOf')} ${dayOf(comparison.data.asOf)}`)}
            demo={comparison.data.target.isDemo}
            fileName={`so-sanh_${comparison.data.target.metric}_${year}`}
            columns={[
              p('unit'),
              { header: p('allocated'), type: 'decimal' },
              { header: p('actual'), type: 'decimal' },
              { header: p('registered'), type: 'integer' },
              { header: p('forecast'), type: 'decimal' },
              { header: `${p('progress')} (%)`, type: 'percent' },
            ]}
            rows={comparison.data.rows.map((r) => [
              r.name,
              r.allocated,
              r.actual,
              r.registered,
              r.forecast,
              r.progress === null ? null : Math.round(r.progress * 1000) / 10,
            ])}
          />
        )
      }
    >
      <Flex vertical gap={8}>
        <Space wrap>
          <Typography.Text>{p('comparisonTarget')}</Typography.Text>
          <Select
            style={{ minWidth: 360 }}
            value={targetId}
            onChange={setChosen}
            options={targets.map((x) => ({ value: x.target.id, label: x.target.label }))}
            data-testid="comparison-target"
          />
        </Space>
        <QueryState query={comparison}>
          {(data) => (
            <Table
              size="small"
              rowKey="unitId"
              pagination={false}
              dataSource={data.rows}
              data-testid="comparison-table"
              columns={[
                { title: p('unit'), dataIndex: 'name' },
                {
                  title: p('allocated'),
                  dataIndex: 'allocated',
                  render: (v: number | null) =>
                    v === null ? (
                      <Typography.Text type="secondary">{p('notAllocated')}</Typography.Text>
                    ) : (
                      formatValue(data.target.metric, v)
                    ),
                },
                {
                  title: p('actual'),
                  dataIndex: 'actual',
                  render: (v: number | null) => formatValue(data.target.metric, v),
                },
                {
                  title: p('registered'),
                  dataIndex: 'registered',
                  render: (v: number) => (target?.tier === null ? '—' : v),
                },
                {
                  title: p('forecast'),
                  dataIndex: 'forecast',
                  render: (v: number | null) => formatValue(data.target.metric, v),
                },
                {
                  title: p('progress'),
                  dataIndex: 'progress',
                  width: 160,
                  render: (v: number | null) =>
                    v === null ? (
                      '—'
                    ) : (
                      <Progress
                        percent={Math.min(100, Math.round(v * 100))}
                        size="small"
                        format={() => `${formatNumber(v * 100, 0)}%`}
                      />
                    ),
                },
              ]}
            />
          )}
        </QueryState>
        {target && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {metricNames[language][target.target.metric]}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}

/** /ke-hoach: the year's plan for an area, its targets against live results, and the forecast. */
export default function PlansPage() {
  const p = usePlanText();
  const { t, language } = useI18n();
  const { year, unitId, setUnitId } = useScope();
  const [params, setParams] = useSearchParams();
  // In the URL, so that "the plan as it stood on 30/06" can be shared.
  const asOf = params.get('ngay') ?? undefined;
  const setAsOf = (day: string | undefined) =>
    setParams((current) => {
      const copy = new URLSearchParams(current);
      if (day === undefined) copy.delete('ngay');
      else copy.set('ngay', day);
      return copy;
    });
  const progress = usePlanProgress(year, unitId, asOf);
  const [form, setForm] = useState<{ open: boolean; editing: PlanTarget['target'] | null }>({
    open: false,
    editing: null,
  });
  const remove = useDeleteTarget();
  const { message } = App.useApp();
  const data = progress.data;
  const scopes = useMemo(
    () => (data ? [{ id: data.scope.id, name: data.scope.name }, ...data.allocationUnits] : []),
    [data],
  );
  const directiveId = data?.targets.find((x) => x.target.directiveId !== null)?.target.directiveId ?? null;
  const demo = data?.targets.some((x) => x.target.isDemo) ?? false;
  return (
    <Flex vertical gap={16}>
      <Flex wrap gap={12} align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {p('plansTitle', { year })}
        </Typography.Title>
        {demo && <DemoBadge />}
      </Flex>
      <Space wrap>
        <Typography.Text>{p('scope')}</Typography.Text>
        <Select
          style={{ minWidth: 240 }}
          value={data?.scope.id}
          onChange={(id: string) => setUnitId(id)}
          options={scopes.map((s) => ({ value: s.id, label: s.name }))}
          showSearch
          optionFilterProp="label"
          data-testid="plan-scope"
        />
        {unitId !== undefined && (
          <Button onClick={() => setUnitId(undefined)}>{t('dashboard.wholeProvince')}</Button>
        )}
        <Typography.Text>{p('asOf')}</Typography.Text>
        <DatePicker
          format="DD/MM/YYYY"
          value={data ? dayjs(data.asOf) : null}
          onChange={(d) => setAsOf(d ? d.format('YYYY-MM-DD') : undefined)}
          allowClear
          data-testid="plan-as-of"
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {p('asOfHelp')}
        </Typography.Text>
      </Space>
      <QueryState query={progress}>
        {(plan) => (
          <Flex vertical gap={16}>
            <Card
              size="small"
              title={`${p('target')} · ${plan.scope.name}`}
              extra={
                <Space>
                  {plan.canManage && (
                    <Button
                      type="primary"
                      size="small"
                      onClick={() => setForm({ open: true, editing: null })}
                      data-testid="add-target"
                    >
                      {p('addTarget')}
                    </Button>
                  )}
                  <ExportTableButton
                    title={p('targetsExportTitle', { year })}
                    subtitle={exportSubtitle(plan.scope.name, `${p('asOf')} ${dayOf(plan.asOf)}`)}
                    demo={demo}
                    fileName={`ke-hoach_${year}`}
                    columns={[
                      p('target'),
                      p('metric'),
                      { header: p('planned'), type: 'decimal' },
                      { header: p('actual'), type: 'decimal' },
                      { header: `${p('progress')} (%)`, type: 'percent' },
                      { header: p('forecast'), type: 'decimal' },
                      p('forecastRange', { min: 'min', max: 'max' }),
                      { header: p('registered'), type: 'integer' },
                      p('assumptions'),
                    ]}
                    rows={plan.targets.map((x) => [
                      x.target.label,
                      metricNames[language][x.target.metric],
                      x.target.value,
                      x.actual,
                      x.progress === null ? null : Math.round(x.progress * 1000) / 10,
                      x.forecast.expected,
                      x.forecast.min === null || x.forecast.max === null
                        ? null
                        : `${formatValue(x.target.metric, x.forecast.min)}–${formatValue(x.target.metric, x.forecast.max)}`,
                      x.registeredCount,
                      x.forecast.assumptions.join(' '),
                    ])}
                    disabled={plan.targets.length === 0}
                  />
                </Space>
              }
            >
              {plan.targets.length === 0 ? (
                <Empty description={p('noTargets', { scope: plan.scope.name, year })} />
              ) : (
                <Table
                  size="small"
                  rowKey={(x) => x.target.id}
                  pagination={false}
                  dataSource={plan.targets}
                  data-testid="plan-targets"
                  expandable={{
                    expandedRowRender: (x) => (
                      <RegisteredUnits target={x} year={year} scopeName={plan.scope.name} />
                    ),
                  }}
                  columns={[
                    {
                      title: p('target'),
                      render: (_: unknown, x: PlanTarget) => (
                        <Flex vertical>
                          <Typography.Text strong>{x.target.label}</Typography.Text>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {metricNames[language][x.target.metric]}
                          </Typography.Text>
                        </Flex>
                      ),
                    },
                    {
                      title: p('planned'),
                      render: (_: unknown, x: PlanTarget) => formatValue(x.target.metric, x.target.value),
                    },
                    {
                      title: p('actual'),
                      render: (_: unknown, x: PlanTarget) => formatValue(x.target.metric, x.actual),
                    },
                    {
                      title: p('progress'),
                      width: 150,
                      render: (_: unknown, x: PlanTarget) =>
                        x.progress === null || x.direction === 'at_most' ? (
                          '—'
                        ) : (
                          <Progress
                            percent={Math.min(100, Math.round(x.progress * 100))}
                            size="small"
                            format={() => `${formatNumber((x.progress ?? 0) * 100, 0)}%`}
                          />
                        ),
                    },
                    {
                      title: p('forecast'),
                      render: (_: unknown, x: PlanTarget) => <ForecastCell target={x} p={p} />,
                    },
                    {
                      title: p('registered'),
                      width: 110,
                      render: (_: unknown, x: PlanTarget) => (x.tier === null ? '—' : x.registeredCount),
                    },
                    ...(plan.canManage
                      ? [
                          {
                            title: p('actions'),
                            width: 130,
                            render: (_: unknown, x: PlanTarget) => (
                              <Space size={4}>
                                <Button
                                  size="small"
                                  onClick={() => setForm({ open: true, editing: x.target })}
                                >
                                  {p('edit')}
                                </Button>
                                <Popconfirm
                                  title={p('deleteConfirm')}
                                  onConfirm={() =>
                                    remove.mutate(x.target.id, {
                                      onError: (e) => void message.error(problemDetail(e)),
                                    })
                                  }
                                >
                                  <Button size="small" danger>
                                    {p('deleteTarget')}
                                  </Button>
                                </Popconfirm>
                              </Space>
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
              )}
            </Card>
            {plan.targets.length > 0 && plan.allocationUnits.length > 0 && (
              <Comparison year={year} targets={plan.targets} asOf={asOf} />
            )}
            <TargetForm
              open={form.open}
              editing={form.editing}
              onClose={() => setForm({ open: false, editing: null })}
              year={year}
              scopes={scopes}
              directiveId={directiveId}
            />
          </Flex>
        )}
      </QueryState>
    </Flex>
  );
}

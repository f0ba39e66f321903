import { formatDate } from '@ntm/core/format';
import type { AuditEntrySchema, AuditQuery } from '@ntm/server/contract/audit';
import { Button, DatePicker, Flex, Form, Input, Select, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useAuditLog } from '../../auth/queries';
import { ExportTableButton, exportSubtitle } from '../../components/ExportTableButton';
import { QueryState } from '../../components/QueryState';
import { formatTimestamp } from '../../components/workflow/format';
import { useActionLabel } from '../../components/workflow/labels';
import { useI18n } from '../../i18n';

type Filter = Pick<AuditQuery, 'actor' | 'action' | 'entity' | 'entityId' | 'unitId' | 'from' | 'to'>;

interface FilterForm {
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  unitId?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

const actions = [
  'create',
  'update',
  'correct',
  'delete',
  'submit',
  'verify',
  'approve',
  'return',
  'import',
  'revert',
  'lock',
];
const entities = ['measure_value', 'user', 'session', 'change_set', 'demo_dataset'];

function toFilter(form: FilterForm): Partial<Filter> {
  const text = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
  const filter: Partial<Filter> = {};
  for (const key of ['actor', 'action', 'entity', 'entityId', 'unitId'] as const) {
    const value = text(form[key]);
    if (value) filter[key] = value;
  }
  const [from, to] = form.range ?? [null, null];
  if (from) filter.from = from.format('YYYY-MM-DD');
  if (to) filter.to = to.format('YYYY-MM-DD');
  return filter;
}

function Change({ value }: { value: unknown }) {
  if (value === null || value === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12, maxWidth: 360 }}>
      {JSON.stringify(value, null, 1)}
    </pre>
  );
}

/** A before/after record as JSON, cut to what one spreadsheet cell of the export accepts. */
function changeText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const json = JSON.stringify(value);
  return json.length > 2000 ? `${json.slice(0, 1999)}…` : json;
}

/** The append-only log of every change, filtered by who, what, which record or unit, and when. */
export default function AuditPage() {
  const { t } = useI18n();
  const actionLabel = useActionLabel();
  const [filter, setFilter] = useState<Partial<Filter>>({});
  const [cursors, setCursors] = useState<number[]>([]);
  const before = cursors[cursors.length - 1];
  const page = useAuditLog({ ...filter, limit: 100, ...(before !== undefined ? { before } : {}) });
  const [form] = Form.useForm<FilterForm>();
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('audit.title')}
      </Typography.Title>
      <Form<FilterForm>
        form={form}
        layout="inline"
        onFinish={(values) => {
          setFilter(toFilter(values));
          setCursors([]);
        }}
      >
        <Form.Item name="actor" label={t('audit.actor')}>
          <Input allowClear style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="action" label={t('audit.action')}>
          <Select
            allowClear
            style={{ width: 170 }}
            options={actions.map((a) => ({ value: a, label: actionLabel(a) }))}
          />
        </Form.Item>
        <Form.Item name="entity" label={t('audit.entity')}>
          <Select allowClear style={{ width: 160 }} options={entities.map((e) => ({ value: e, label: e }))} />
        </Form.Item>
        <Form.Item name="entityId" label={t('audit.entityId')}>
          <Input allowClear style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="unitId" label={t('audit.unit')}>
          <Input allowClear style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="range" label={`${t('audit.from')} – ${t('audit.to')}`}>
          <DatePicker.RangePicker format="DD/MM/YYYY" allowEmpty={[true, true]} />
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('audit.filter')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            setFilter({});
            setCursors([]);
          }}
        >
          {t('audit.clear')}
        </Button>
      </Form>
      <QueryState query={page}>
        {(data) => (
          <>
            <Table<AuditEntrySchema>
              size="small"
              rowKey="id"
              dataSource={data.entries}
              pagination={false}
              locale={{ emptyText: t('audit.empty') }}
              data-testid="audit-table"
              expandable={{
                expandedRowRender: (e) => (
                  <Flex gap={24}>
                    <Flex vertical>
                      <Typography.Text strong>{t('audit.before')}</Typography.Text>
                      <Change value={e.before} />
                    </Flex>
                    <Flex vertical>
                      <Typography.Text strong>{t('audit.after')}</Typography.Text>
                      <Change value={e.after} />
                    </Flex>
                  </Flex>
                ),
              }}
              columns={[
                {
                  title: t('workflow.at'),
                  dataIndex: 'at',
                  width: 150,
                  render: (at: string) => formatTimestamp(at),
                },
                {
                  title: t('audit.actor'),
                  render: (_: unknown, e: AuditEntrySchema) =>
                    e.actorName ? `${e.actorName} (${e.actor})` : e.actor,
                },
                { title: t('audit.action'), dataIndex: 'action', render: actionLabel },
                { title: t('audit.entity'), dataIndex: 'entity' },
                { title: t('audit.entityId'), dataIndex: 'entityId' },
                { title: t('workflow.reason'), dataIndex: 'reason', render: (r: string | null) => r ?? '' },
              ]}
            />
            <Flex gap={8} justify="flex-end">
              <ExportTableButton
                title={t('audit.title')}
                subtitle={exportSubtitle(
                  filter.actor && `${t('audit.actor')}: ${filter.actor}`,
                  filter.action && `${t('audit.action')}: ${actionLabel(filter.action)}`,
                  filter.entity && `${t('audit.entity')}: ${filter.entity}`,
                  filter.entityId && `${t('audit.entityId')}: ${filter.entityId}`,
                  filter.unitId && `${t('audit.unit')}: ${filter.unitId}`,
                  filter.from && `${t('audit.from')} ${formatDate(filter.from)}`,
                  filter.to && `${t('audit.to')} ${formatDate(filter.to)}`,
                  t('export.page', { page: cursors.length + 1 }),
                )}
                fileName="nhat-ky-thay-doi"
                disabled={data.entries.length === 0}
                columns={[
                  { header: t('workflow.at'), type: 'datetime' },
                  t('audit.actor'),
                  t('audit.action'),
                  t('audit.entity'),
                  t('audit.entityId'),
                  t('audit.unit'),
                  t('workflow.reason'),
                  t('audit.before'),
                  t('audit.after'),
                ]}
                rows={() =>
                  data.entries.map((e) => [
                    e.at,
                    e.actorName ? `${e.actorName} (${e.actor})` : e.actor,
                    actionLabel(e.action),
                    e.entity,
                    e.entityId,
                    e.unitId,
                    e.reason,
                    changeText(e.before),
                    changeText(e.after),
                  ])
                }
              />
              <Button disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
                ‹
              </Button>
              <Button
                disabled={data.nextBefore === null}
                onClick={() =>
                  data.nextBefore !== null && setCursors((c) => [...c, data.nextBefore as number])
                }
              >
                {t('audit.more')} ›
              </Button>
            </Flex>
          </>
        )}
      </QueryState>
    </Flex>
  );
}

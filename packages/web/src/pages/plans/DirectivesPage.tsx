import type { DirectiveDetailResponse } from '@ntm/server/contract/directives';
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
  List,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDepartments } from '../../api/catalog';
import { apiUrl, problemDetail } from '../../api/client';
import {
  uploadReportFile,
  useCreateDirective,
  useCreateTask,
  useDirective,
  useDirectives,
  useReportTask,
  useUpdateTask,
} from '../../api/plans';
import { DemoBadge } from '../../components/DemoBadge';
import { ExportTableButton, exportSubtitle } from '../../components/ExportTableButton';
import { QueryState } from '../../components/QueryState';
import { useProblemToast } from '../../components/use-problem-toast';
import { UnitSelect } from '../users/UnitSelect';
import { type PlanText, usePlanText } from './messages';
import { dayOf } from './plan-view';

type Task = DirectiveDetailResponse['tasks'][number];
type Status = Task['status'];
const statuses: Status[] = ['open', 'in_progress', 'done'];
const statusColours = { open: 'default', in_progress: 'processing', done: 'success' } as const;

function ReportForm({ task, onClose }: { task: Task | null; onClose(): void }) {
  const p = usePlanText();
  const { message } = App.useApp();
  const [form] = Form.useForm<{
    reportedOn: Dayjs;
    content: string;
    progressPercent?: number;
    status: Status;
  }>();
  const [files, setFiles] = useState<{ id: string; name: string }[]>([]);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const report = useReportTask();
  const save = async () => {
    if (!task) return;
    const values = await form.validateFields();
    setError(null);
    try {
      await report.mutateAsync({
        id: task.id,
        body: {
          reportedOn: values.reportedOn.format('YYYY-MM-DD'),
          content: values.content,
          progressPercent: values.progressPercent ?? null,
          status: values.status,
          attachmentIds: files.map((f) => f.id),
        },
      });
      void message.success(p('reported'));
      onClose();
    } catch (e) {
      setError(problemDetail(e));
    }
  };
  return (
    <Modal
      open={task !== null}
      title={task ? `${p('report')} · ${task.number}` : ''}
      onCancel={onClose}
      onOk={() => void save()}
      okText={p('save')}
      cancelText={p('cancel')}
      confirmLoading={report.isPending}
      okButtonProps={{ disabled: uploading }}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (!open || !task) return;
        setFiles([]);
        setError(null);
        form.setFieldsValue({
          reportedOn: dayjs(),
          content: '',
          status: task.status === 'open' ? 'in_progress' : task.status,
        });
      }}
    >
      <Form form={form} layout="vertical" data-testid="report-form">
        <Typography.Paragraph type="secondary">{task?.content}</Typography.Paragraph>
        <Form.Item name="reportedOn" label={p('reportOn')} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="content" label={p('content')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={8000} />
        </Form.Item>
        <Space>
          <Form.Item name="progressPercent" label={p('progressPercent')}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name="status" label={p('statusAfter')} rules={[{ required: true }]}>
            <Select
              style={{ width: 180 }}
              options={statuses.map((s) => ({ value: s, label: p(`taskStatus.${s}`) }))}
            />
          </Form.Item>
        </Space>
        <Form.Item label={p('attachments')}>
          <Upload
            multiple
            showUploadList={false}
            customRequest={async ({ file, onSuccess, onError }) => {
              setUploading(true);
              try {
                const ref = await uploadReportFile(
                  file as File,
                  task?.assignee.kind === 'unit' ? task.assignee.unitId : undefined,
                );
                setFiles((all) => [...all, { id: ref.id, name: ref.fileName }]);
                onSuccess?.(ref);
              } catch (e) {
                setError(problemDetail(e));
                onError?.(e as Error);
              } finally {
                setUploading(false);
              }
            }}
          >
            <Button loading={uploading}>{p('attach')}</Button>
          </Upload>
          <Flex vertical>
            {files.map((f) => (
              <Typography.Text key={f.id}>{f.name}</Typography.Text>
            ))}
          </Flex>
        </Form.Item>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Form>
    </Modal>
  );
}

interface TaskFormValues {
  number: string;
  content: string;
  kind: 'department' | 'unit';
  departmentCode?: string;
  unitId?: string;
  deadline: Dayjs;
  status: Status;
}

function TaskForm({
  directiveId,
  editing,
  open,
  onClose,
}: {
  directiveId: string;
  editing: Task | null;
  open: boolean;
  onClose(): void;
}) {
  const p = usePlanText();
  const [form] = Form.useForm<TaskFormValues>();
  const kind = Form.useWatch('kind', form);
  const departments = useDepartments();
  const create = useCreateTask();
  const update = useUpdateTask();
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const v = await form.validateFields();
    const body = {
      number: v.number,
      content: v.content,
      assignee:
        v.kind === 'department'
          ? { kind: 'department' as const, departmentCode: v.departmentCode ?? '' }
          : { kind: 'unit' as const, unitId: v.unitId ?? '' },
      deadline: v.deadline.format('YYYY-MM-DD'),
      status: v.status,
    };
    setError(null);
    try {
      if (editing)
        await update.mutateAsync({ id: editing.id, body: { ...body, expectedVersion: editing.version } });
      else await create.mutateAsync({ directiveId, body });
      onClose();
    } catch (e) {
      setError(problemDetail(e));
    }
  };
  return (
    <Modal
      open={open}
      title={editing ? p('editTask') : p('addTask')}
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
                number: editing.number,
                content: editing.content,
                kind: editing.assignee.kind,
                ...(editing.assignee.kind === 'department'
                  ? { departmentCode: editing.assignee.departmentCode }
                  : { unitId: editing.assignee.unitId }),
                deadline: dayjs(editing.deadline),
                status: editing.status,
              }
            : { kind: 'department', status: 'open' },
        );
      }}
    >
      <Form form={form} layout="vertical" data-testid="task-form">
        <Form.Item name="number" label={p('taskNumber')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={16} style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="content" label={p('content')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.Item name="kind" label={p('assigneeKind')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'department', label: p('department') },
              { value: 'unit', label: p('districtOrCommune') },
            ]}
          />
        </Form.Item>
        {kind === 'unit' ? (
          <Form.Item name="unitId" label={p('districtOrCommune')} rules={[{ required: true }]}>
            <UnitSelect level="district" initialLabel={editing?.assigneeName ?? null} />
          </Form.Item>
        ) : (
          <Form.Item name="departmentCode" label={p('department')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={departments.isPending}
              options={(departments.data?.departments ?? []).map((d) => ({ value: d.code, label: d.name }))}
            />
          </Form.Item>
        )}
        <Space>
          <Form.Item name="deadline" label={p('deadline')} rules={[{ required: true }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item name="status" label={p('status')}>
            <Select
              style={{ width: 180 }}
              options={statuses.map((s) => ({ value: s, label: p(`taskStatus.${s}`) }))}
            />
          </Form.Item>
        </Space>
        {error && (
          <Typography.Text type="danger" data-testid="task-form-error">
            {error}
          </Typography.Text>
        )}
      </Form>
    </Modal>
  );
}

function Reports({ task, p }: { task: Task; p: PlanText }) {
  if (task.reports.length === 0) return <Typography.Text type="secondary">{p('noReports')}</Typography.Text>;
  return (
    <List
      size="small"
      header={<Typography.Text strong>{p('reports')}</Typography.Text>}
      dataSource={task.reports}
      renderItem={(r) => (
        <List.Item>
          <Flex vertical gap={2}>
            <Space wrap>
              <Typography.Text strong>{dayOf(r.reportedOn)}</Typography.Text>
              <Tag color={statusColours[r.statusAfter]}>{p(`taskStatus.${r.statusAfter}`)}</Tag>
              {r.progressPercent !== null && <Typography.Text>{`${r.progressPercent}%`}</Typography.Text>}
              <Typography.Text type="secondary">{r.createdBy}</Typography.Text>
            </Space>
            <Typography.Text>{r.content}</Typography.Text>
            {r.attachments.map((a) => (
              <a key={a.id} href={apiUrl(`/attachments/${encodeURIComponent(a.id)}`)} download={a.fileName}>
                {a.fileName}
              </a>
            ))}
          </Flex>
        </List.Item>
      )}
    />
  );
}

function DirectiveDetail({
  id,
  onlyOverdue,
  onlyMine,
}: {
  id: string;
  onlyOverdue: boolean;
  onlyMine: boolean;
}) {
  const p = usePlanText();
  const directive = useDirective(id);
  const [reporting, setReporting] = useState<Task | null>(null);
  const [taskForm, setTaskForm] = useState<{ open: boolean; editing: Task | null }>({
    open: false,
    editing: null,
  });
  return (
    <QueryState query={directive}>
      {(data) => {
        const d = data.directive;
        const tasks = data.tasks.filter((x) => (!onlyOverdue || x.overdue) && (!onlyMine || x.canReport));
        return (
          <Card
            size="small"
            data-testid="directive-detail"
            title={
              <Space wrap>
                <span>
                  {p('directiveHeader', { number: d.number, date: dayOf(d.date), issuer: d.issuer })}
                </span>
                {d.isDemo && <DemoBadge />}
              </Space>
            }
            extra={
              <Space>
                {data.canManage && (
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => setTaskForm({ open: true, editing: null })}
                    data-testid="add-task"
                  >
                    {p('addTask')}
                  </Button>
                )}
                <ExportTableButton
                  title={p('tasksExportTitle', { number: d.number })}
                  subtitle={exportSubtitle(d.title, dayOf(data.today))}
                  demo={d.isDemo}
                  fileName={`nhiem-vu_${d.number.replaceAll('/', '-')}`}
                  columns={[
                    p('taskNumber'),
                    p('content'),
                    p('assignee'),
                    { header: p('deadline'), type: 'date' },
                    p('status'),
                    { header: p('overdueDays', { days: '' }).trim(), type: 'integer' },
                    { header: p('lastReport'), type: 'date' },
                    { header: p('progressPercent'), type: 'integer' },
                  ]}
                  rows={tasks.map((x) => [
                    x.number,
                    x.content,
                    x.assigneeName,
                    x.deadline,
                    p(`taskStatus.${x.status}`),
                    x.daysOverdue || null,
                    x.lastReport?.reportedOn ?? null,
                    x.lastReport?.progressPercent ?? null,
                  ])}
                />
              </Space>
            }
          >
            <Flex vertical gap={12}>
              <Typography.Text strong>{d.title}</Typography.Text>
              {d.text && <Typography.Paragraph type="secondary">{d.text}</Typography.Paragraph>}
              <Typography.Text>
                {p('taskSummary', { done: d.doneCount, total: d.taskCount, overdue: d.overdueCount })}
              </Typography.Text>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={tasks}
                data-testid="tasks"
                onRow={(x) =>
                  ({ style: x.overdue ? { background: '#fff1f0' } : {}, 'data-overdue': x.overdue }) as object
                }
                expandable={{ expandedRowRender: (x) => <Reports task={x} p={p} /> }}
                columns={[
                  { title: p('taskNumber'), dataIndex: 'number', width: 60 },
                  { title: p('content'), dataIndex: 'content' },
                  { title: p('assignee'), dataIndex: 'assigneeName', width: 200 },
                  {
                    title: p('deadline'),
                    width: 150,
                    render: (_: unknown, x: Task) => (
                      <Flex vertical>
                        <Typography.Text>{dayOf(x.deadline)}</Typography.Text>
                        {x.overdue && (
                          <Typography.Text type="danger" strong style={{ fontSize: 12 }}>
                            {p('overdueDays', { days: x.daysOverdue })}
                          </Typography.Text>
                        )}
                      </Flex>
                    ),
                  },
                  {
                    title: p('status'),
                    width: 140,
                    render: (_: unknown, x: Task) => (
                      <Tag color={statusColours[x.status]}>{p(`taskStatus.${x.status}`)}</Tag>
                    ),
                  },
                  {
                    title: p('lastReport'),
                    width: 130,
                    render: (_: unknown, x: Task) =>
                      x.lastReport
                        ? `${dayOf(x.lastReport.reportedOn)}${x.lastReport.progressPercent === null ? '' : ` · ${x.lastReport.progressPercent}%`}`
                        : '—',
                  },
                  {
                    title: '',
                    width: 150,
                    render: (_: unknown, x: Task) => (
                      <Space size={4} wrap>
                        {x.canReport && (
                          <Button
                            size="small"
                            onClick={() => setReporting(x)}
                            data-testid={`report-${x.number}`}
                          >
                            {p('report')}
                          </Button>
                        )}
                        {data.canManage && (
                          <Button size="small" onClick={() => setTaskForm({ open: true, editing: x })}>
                            {p('editTask')}
                          </Button>
                        )}
                      </Space>
                    ),
                  },
                ]}
              />
            </Flex>
            <ReportForm task={reporting} onClose={() => setReporting(null)} />
            <TaskForm
              directiveId={d.id}
              editing={taskForm.editing}
              open={taskForm.open}
              onClose={() => setTaskForm({ open: false, editing: null })}
            />
          </Card>
        );
      }}
    </QueryState>
  );
}

function DirectiveForm({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose(): void;
  onCreated(id: string): void;
}) {
  const p = usePlanText();
  const [form] = Form.useForm<{
    number: string;
    date: Dayjs;
    issuer: string;
    title: string;
    text?: string;
  }>();
  const create = useCreateDirective();
  const fail = useProblemToast();
  const save = async () => {
    const v = await form.validateFields();
    create.mutate(
      {
        number: v.number,
        date: v.date.format('YYYY-MM-DD'),
        issuer: v.issuer,
        title: v.title,
        text: v.text ?? '',
      },
      {
        onSuccess: (detail) => {
          onCreated(detail.directive.id);
          onClose();
        },
        onError: fail,
      },
    );
  };
  return (
    <Modal
      open={open}
      title={p('addDirective')}
      onCancel={onClose}
      onOk={() => void save()}
      okText={p('save')}
      cancelText={p('cancel')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Space>
          <Form.Item name="number" label={p('number')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={64} />
          </Form.Item>
          <Form.Item name="date" label={p('date')} rules={[{ required: true }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
        </Space>
        <Form.Item name="issuer" label={p('issuer')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="title" label={p('title')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={400} />
        </Form.Item>
        <Form.Item name="text" label={p('text')}>
          <Input.TextArea rows={5} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** /chi-dao: directives, their tasks with deadlines (overdue ones highlighted) and progress reports. */
export default function DirectivesPage() {
  const p = usePlanText();
  const list = useDirectives();
  const [params, setParams] = useSearchParams();
  const [onlyOverdue, setOnlyOverdue] = useState(params.get('qua-han') === '1');
  const [onlyMine, setOnlyMine] = useState(false);
  const [creating, setCreating] = useState(false);
  const choose = (id: string) =>
    setParams((current) => {
      const copy = new URLSearchParams(current);
      copy.set('chi-thi', id);
      return copy;
    });
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {p('directivesTitle')}
      </Typography.Title>
      <QueryState query={list}>
        {(data) => {
          const selected = params.get('chi-thi') ?? data.directives[0]?.id;
          return (
            <Flex vertical gap={16}>
              <Space wrap>
                <Typography.Text>{p('directive')}</Typography.Text>
                <Select
                  style={{ minWidth: 420 }}
                  value={selected}
                  onChange={choose}
                  options={data.directives.map((d) => ({
                    value: d.id,
                    label: `${d.number} (${dayOf(d.date)}) · ${p('taskSummary', { done: d.doneCount, total: d.taskCount, overdue: d.overdueCount })}`,
                  }))}
                  data-testid="directive-select"
                />
                <Checkbox checked={onlyOverdue} onChange={(e) => setOnlyOverdue(e.target.checked)}>
                  {p('onlyOverdue')}
                </Checkbox>
                <Checkbox checked={onlyMine} onChange={(e) => setOnlyMine(e.target.checked)}>
                  {p('onlyMine')}
                </Checkbox>
                {data.canManage && <Button onClick={() => setCreating(true)}>{p('addDirective')}</Button>}
              </Space>
              {selected ? (
                <DirectiveDetail id={selected} onlyOverdue={onlyOverdue} onlyMine={onlyMine} />
              ) : (
                <Empty description={p('noDirectives')} />
              )}
              <DirectiveForm open={creating} onClose={() => setCreating(false)} onCreated={choose} />
            </Flex>
          );
        }}
      </QueryState>
    </Flex>
  );
}

import type {
  RegistrationDetailResponse,
  RegistrationReviewRequest,
} from '@ntm/server/contract/registrations';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Collapse,
  Empty,
  Flex,
  Input,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  type ItemInput,
  useCandidates,
  useCreateRegistration,
  useRegistration,
  useRegistrationStep,
  useRegistrations,
  useReviewRegistration,
  useSaveRegistrationItems,
} from '../../api/plans';
import { DemoBadge } from '../../components/DemoBadge';
import { ExportTableButton, exportSubtitle } from '../../components/ExportTableButton';
import { QueryState } from '../../components/QueryState';
import { useProblemToast } from '../../components/use-problem-toast';
import { useI18n } from '../../i18n';
import { useScope } from '../../scope';
import { type PlanText, tierNames, usePlanText } from './messages';
import { dayOf } from './plan-view';

type Detail = RegistrationDetailResponse;
type Version = Detail['versions'][number];
type Item = Version['items'][number];
type Tier = Item['tier'];
type Decision = NonNullable<Item['decision']>;

const communeTiers: Tier[] = ['standard', 'advanced', 'model', 'modern'];
const villageTiers: Tier[] = ['village_standard', 'model_residential_area'];
const statusColours = { draft: 'default', submitted: 'processing', approved: 'success' } as const;
const decisionColours = { accepted: 'success', adjusted: 'gold', rejected: 'error' } as const;
const months = Array.from({ length: 12 }, (_, i) => i + 1);

function toInput(item: Item): ItemInput {
  return { unitId: item.unitId, tier: item.tier, expectedMonth: item.expectedMonth, note: item.note };
}

function Candidates({ detail, current }: { detail: Detail; current: Version }) {
  const p = usePlanText();
  const { language } = useI18n();
  const { message } = App.useApp();
  const fail = useProblemToast();
  const [tier, setTier] = useState<Tier>('standard');
  const candidates = useCandidates(detail.registration.year, tier, detail.registration.unitId);
  const save = useSaveRegistrationItems();
  const inDraft = new Set(current.items.map((i) => i.unitId));
  const add = (unitId: string, name: string) =>
    save.mutate(
      {
        id: detail.registration.id,
        items: [...current.items.map(toInput), { unitId, tier, expectedMonth: 12, note: null }],
      },
      { onSuccess: () => void message.success(p('added', { name })), onError: fail },
    );
  return (
    <Card
      size="small"
      title={p('candidatesTitle')}
      data-testid="candidates-card"
      extra={
        <Space>
          <Select<Tier>
            value={tier}
            onChange={setTier}
            style={{ width: 220 }}
            options={[...communeTiers, ...villageTiers].map((x) => ({
              value: x,
              label: tierNames[language][x],
            }))}
            data-testid="candidate-tier"
          />
          {candidates.data && (
            <ExportTableButton
              title={p('candidatesExportTitle', { tier: tierNames[language][tier] ?? tier })}
              subtitle={exportSubtitle(detail.registration.unitName, String(detail.registration.year))}
              demo={detail.registration.isDemo}
              fileName={`gan-dat_${tier}_${detail.registration.year}`}
              columns={[
                p('unit'),
                p('parent'),
                { header: p('criteriaMissing'), type: 'integer' },
                { header: p('gap'), type: 'decimal' },
                p('prerequisites'),
              ]}
              rows={candidates.data.candidates.map((c) => [
                c.name,
                c.parentName,
                c.criteriaMissing,
                Math.round(c.totalNormalisedGap * 100) / 100,
                c.missingPrerequisites.length === 0
                  ? p('prerequisitesMet')
                  : c.missingPrerequisites
                      .map((x) => p('missingPrerequisite', { tier: tierNames[language][x] ?? x }))
                      .join('; '),
              ])}
            />
          )}
        </Space>
      }
    >
      <QueryState query={candidates}>
        {(data) => (
          <Flex vertical gap={8}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {p('candidatesHelp', { set: data.criteriaSet.shortName })}
            </Typography.Text>
            <Table
              size="small"
              rowKey="unitId"
              dataSource={data.candidates}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              data-testid="candidates"
              columns={[
                { title: p('unit'), dataIndex: 'name' },
                { title: p('parent'), dataIndex: 'parentName' },
                { title: p('criteriaMissing'), dataIndex: 'criteriaMissing', width: 120 },
                {
                  title: p('gap'),
                  dataIndex: 'totalNormalisedGap',
                  width: 100,
                  render: (v: number) => v.toLocaleString('vi-VN', { maximumFractionDigits: 2 }),
                },
                {
                  title: p('prerequisites'),
                  render: (_: unknown, c: (typeof data.candidates)[number]) => (
                    <Flex gap={4} wrap>
                      {c.missingPrerequisites.length === 0 ? (
                        <Tag color="success">{p('prerequisitesMet')}</Tag>
                      ) : (
                        c.missingPrerequisites.map((x) => (
                          <Tag key={x} color="warning">
                            {p('missingPrerequisite', { tier: tierNames[language][x] ?? x })}
                          </Tag>
                        ))
                      )}
                      {c.pendingRecognition && <Tag color="processing">{p('pending')}</Tag>}
                    </Flex>
                  ),
                },
                {
                  title: '',
                  width: 150,
                  render: (_: unknown, c: (typeof data.candidates)[number]) =>
                    inDraft.has(c.unitId) ? (
                      <Tag>{p('alreadyRegistered')}</Tag>
                    ) : (
                      <Button
                        size="small"
                        type="primary"
                        ghost
                        loading={save.isPending && save.variables?.items.at(-1)?.unitId === c.unitId}
                        onClick={() => add(c.unitId, c.name)}
                        data-testid={`add-candidate-${c.unitId}`}
                      >
                        {p('add')}
                      </Button>
                    ),
                },
              ]}
            />
          </Flex>
        )}
      </QueryState>
    </Card>
  );
}

interface Draft {
  decision: Decision;
  reason: string;
  tier: Tier;
  expectedMonth: number;
}

function tierOptions(language: 'vi' | 'en', item: Item) {
  const ladder = villageTiers.includes(item.tier) ? villageTiers : communeTiers;
  return ladder.map((x) => ({ value: x, label: tierNames[language][x] ?? x }));
}

function CurrentItems({ detail, current }: { detail: Detail; current: Version }) {
  const p = usePlanText();
  const { language } = useI18n();
  const { message } = App.useApp();
  const fail = useProblemToast();
  const save = useSaveRegistrationItems();
  const step = useRegistrationStep();
  const review = useReviewRegistration();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [note, setNote] = useState('');
  useEffect(() => {
    setDrafts(
      Object.fromEntries(
        current.items.map((i) => [
          i.unitId,
          { decision: 'accepted', reason: '', tier: i.tier, expectedMonth: i.expectedMonth },
        ]),
      ),
    );
  }, [current]);
  const editing = detail.canEdit && current.status === 'draft';
  const reviewing = detail.canReview && current.status === 'submitted';
  const saveItems = (items: ItemInput[]) =>
    save.mutate({ id: detail.registration.id, items }, { onError: fail });
  const change = (unitId: string, patch: Partial<ItemInput>) =>
    saveItems(current.items.map((i) => (i.unitId === unitId ? { ...toInput(i), ...patch } : toInput(i))));
  const setDraft = (unitId: string, patch: Partial<Draft>) =>
    setDrafts((all) => ({ ...all, [unitId]: { ...(all[unitId] as Draft), ...patch } }));
  const sendReview = () => {
    const body: RegistrationReviewRequest = {
      decisions: current.items.map((i) => {
        const d = drafts[i.unitId] as Draft;
        return {
          unitId: i.unitId,
          decision: d.decision,
          reason: d.reason.trim() ? d.reason : null,
          ...(d.decision === 'adjusted' ? { tier: d.tier, expectedMonth: d.expectedMonth } : {}),
        };
      }),
      note: note.trim() ? note : null,
    };
    review.mutate(
      { id: detail.registration.id, body },
      { onSuccess: () => void message.success(p('reviewed')), onError: fail },
    );
  };
  const tierText = (x: Tier | null) => (x === null ? '—' : (tierNames[language][x] ?? x));
  return (
    <Flex vertical gap={8}>
      <Table
        size="small"
        rowKey="unitId"
        pagination={false}
        dataSource={current.items}
        data-testid="registration-items"
        locale={{ emptyText: editing ? p('draftEmpty') : undefined }}
        columns={[
          {
            title: p('unit'),
            render: (_: unknown, i: Item) => (
              <Flex vertical>
                <Typography.Text>{i.unitName}</Typography.Text>
                {i.parentName && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {i.parentName}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          {
            title: p('tier'),
            render: (_: unknown, i: Item) =>
              editing ? (
                <Select<Tier>
                  size="small"
                  value={i.tier}
                  style={{ width: 180 }}
                  options={tierOptions(language, i)}
                  onChange={(tier) => change(i.unitId, { tier })}
                />
              ) : (
                tierText(i.tier)
              ),
          },
          {
            title: p('expectedMonth'),
            width: 120,
            render: (_: unknown, i: Item) =>
              editing ? (
                <Select<number>
                  size="small"
                  value={i.expectedMonth}
                  style={{ width: 90 }}
                  options={months.map((m) => ({ value: m, label: String(m) }))}
                  onChange={(expectedMonth) => change(i.unitId, { expectedMonth })}
                />
              ) : (
                i.expectedMonth
              ),
          },
          ...(reviewing
            ? [
                {
                  title: p('decision'),
                  render: (_: unknown, i: Item) => {
                    const d = drafts[i.unitId];
                    if (!d) return null;
                    return (
                      <Flex vertical gap={4} data-testid={`review-${i.unitId}`}>
                        <Radio.Group
                          size="small"
                          optionType="button"
                          value={d.decision}
                          onChange={(e) => setDraft(i.unitId, { decision: e.target.value as Decision })}
                          options={(['accepted', 'adjusted', 'rejected'] as const).map((x) => ({
                            value: x,
                            label: p(`decision.${x}`),
                          }))}
                        />
                        {d.decision === 'adjusted' && (
                          <Space size={4}>
                            <Select<Tier>
                              size="small"
                              value={d.tier}
                              style={{ width: 170 }}
                              options={tierOptions(language, i)}
                              onChange={(tier) => setDraft(i.unitId, { tier })}
                            />
                            <Select<number>
                              size="small"
                              value={d.expectedMonth}
                              style={{ width: 80 }}
                              options={months.map((m) => ({ value: m, label: String(m) }))}
                              onChange={(expectedMonth) => setDraft(i.unitId, { expectedMonth })}
                            />
                          </Space>
                        )}
                        <Input
                          size="small"
                          value={d.reason}
                          placeholder={p('reasonPlaceholder')}
                          onChange={(e) => setDraft(i.unitId, { reason: e.target.value })}
                          aria-label={p('reason')}
                        />
                      </Flex>
                    );
                  },
                },
              ]
            : [
                {
                  title: p('decision'),
                  render: (_: unknown, i: Item) =>
                    i.decision === null ? (
                      '—'
                    ) : (
                      <Flex vertical gap={2}>
                        <Tag color={decisionColours[i.decision]} style={{ width: 'fit-content' }}>
                          {p(`decision.${i.decision}`)}
                        </Tag>
                        {i.decision === 'adjusted' && (
                          <Typography.Text style={{ fontSize: 12 }}>
                            {`${p('approvedAs')}: ${tierText(i.approvedTier)}, ${p('month', { month: i.approvedMonth ?? '' })}`}
                          </Typography.Text>
                        )}
                        {i.reason && (
                          <Typography.Text
                            type={i.decision === 'rejected' ? 'danger' : 'secondary'}
                            style={{ fontSize: 12 }}
                          >
                            {i.reason}
                          </Typography.Text>
                        )}
                      </Flex>
                    ),
                },
              ]),
          ...(editing
            ? [
                {
                  title: '',
                  width: 70,
                  render: (_: unknown, i: Item) => (
                    <Button
                      size="small"
                      danger
                      onClick={() =>
                        saveItems(current.items.filter((x) => x.unitId !== i.unitId).map(toInput))
                      }
                    >
                      {p('remove')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Space wrap>
        {editing && (
          <Button
            type="primary"
            disabled={current.items.length === 0}
            loading={step.isPending}
            onClick={() =>
              step.mutate(
                { id: detail.registration.id, step: 'submit' },
                { onSuccess: () => void message.success(p('submitted')), onError: fail },
              )
            }
            data-testid="submit-registration"
          >
            {p('submit')}
          </Button>
        )}
        {reviewing && (
          <>
            <Input
              style={{ width: 360 }}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={p('reviewNote')}
            />
            <Button type="primary" loading={review.isPending} onClick={sendReview} data-testid="send-review">
              {p('review')}
            </Button>
          </>
        )}
        {detail.canRevise && (
          <Button
            loading={step.isPending}
            onClick={() => step.mutate({ id: detail.registration.id, step: 'revise' }, { onError: fail })}
            data-testid="revise-registration"
          >
            {p('revise')}
          </Button>
        )}
      </Space>
    </Flex>
  );
}

function VersionHistory({ detail, p }: { detail: Detail; p: PlanText }) {
  const { language } = useI18n();
  const tierText = (x: Tier | null) => (x === null ? '—' : (tierNames[language][x] ?? x));
  return (
    <Collapse
      size="small"
      data-testid="registration-history"
      items={[...detail.versions].reverse().map((v) => ({
        key: String(v.version),
        label: (
          <Space wrap>
            <span>{p('versionTitle', { version: v.version, status: p(`status.${v.status}`) })}</span>
            {v.submittedAt && (
              <Typography.Text type="secondary">
                {p('submittedOn', { at: dayOf(v.submittedAt), by: v.submittedBy ?? '' })}
              </Typography.Text>
            )}
            {v.reviewedAt && (
              <Typography.Text type="secondary">
                {p('reviewedOn', { at: dayOf(v.reviewedAt), by: v.reviewedBy ?? '' })}
              </Typography.Text>
            )}
          </Space>
        ),
        children: (
          <Flex vertical gap={8}>
            {v.version > 1 && (
              <Flex vertical gap={4}>
                <Typography.Text strong>{p('changes')}</Typography.Text>
                {v.changes.length === 0 ? (
                  <Typography.Text type="secondary">{p('noChanges')}</Typography.Text>
                ) : (
                  v.changes.map((c) => (
                    <Typography.Text key={`${c.kind}-${c.unitId}`}>
                      <Tag color={c.kind === 'added' ? 'green' : c.kind === 'removed' ? 'red' : 'blue'}>
                        {p(`change.${c.kind}`)}
                      </Tag>
                      {c.unitName}
                      {c.before && c.after
                        ? `: ${tierText(c.before.tier)}, ${p('month', { month: c.before.expectedMonth })} → ${tierText(c.after.tier)}, ${p('month', { month: c.after.expectedMonth })}`
                        : c.after
                          ? `: ${tierText(c.after.tier)}, ${p('month', { month: c.after.expectedMonth })}`
                          : ''}
                    </Typography.Text>
                  ))
                )}
              </Flex>
            )}
            {v.note && <Alert type="info" showIcon message={v.note} />}
            <Table
              size="small"
              rowKey="unitId"
              pagination={false}
              dataSource={v.items}
              columns={[
                { title: p('unit'), dataIndex: 'unitName' },
                { title: p('tier'), render: (_: unknown, i: Item) => tierText(i.tier) },
                { title: p('expectedMonth'), dataIndex: 'expectedMonth', width: 110 },
                {
                  title: p('decision'),
                  render: (_: unknown, i: Item) =>
                    i.decision === null ? (
                      '—'
                    ) : (
                      <Tag color={decisionColours[i.decision]}>{p(`decision.${i.decision}`)}</Tag>
                    ),
                },
                {
                  title: p('approvedAs'),
                  render: (_: unknown, i: Item) =>
                    i.approvedTier
                      ? `${tierText(i.approvedTier)}, ${p('month', { month: i.approvedMonth ?? '' })}`
                      : '—',
                },
                { title: p('reason'), dataIndex: 'reason' },
              ]}
            />
          </Flex>
        ),
      }))}
    />
  );
}

function RegistrationDetail({ id }: { id: string }) {
  const p = usePlanText();
  const { language } = useI18n();
  const registration = useRegistration(id);
  return (
    <QueryState query={registration}>
      {(detail) => {
        const current =
          detail.versions.find((v) => v.version === detail.registration.currentVersion) ??
          detail.versions.at(-1);
        if (!current) return null;
        const r = detail.registration;
        return (
          <Flex vertical gap={16}>
            <Card
              size="small"
              data-testid="registration-detail"
              data-status={r.status}
              title={
                <Space wrap>
                  <span>{r.unitName}</span>
                  <Tag color={statusColours[r.status]}>{p(`status.${r.status}`)}</Tag>
                  <Typography.Text type="secondary">{`${p('version')} ${r.currentVersion}`}</Typography.Text>
                  {r.isDemo && <DemoBadge />}
                </Space>
              }
              extra={
                <ExportTableButton
                  title={p('itemsExportTitle', { year: r.year, unit: r.unitName })}
                  subtitle={exportSubtitle(
                    `${p('version')} ${current.version}`,
                    p(`status.${current.status}`),
                  )}
                  demo={r.isDemo}
                  fileName={`dang-ky_${r.year}`}
                  columns={[
                    p('unit'),
                    p('parent'),
                    p('tier'),
                    { header: p('expectedMonth'), type: 'integer' },
                    p('decision'),
                    p('approvedAs'),
                    p('reason'),
                  ]}
                  rows={current.items.map((i) => [
                    i.unitName,
                    i.parentName,
                    tierNames[language][i.tier] ?? i.tier,
                    i.expectedMonth,
                    i.decision ? p(`decision.${i.decision}`) : null,
                    i.approvedTier
                      ? `${tierNames[language][i.approvedTier]}, ${p('month', { month: i.approvedMonth ?? '' })}`
                      : null,
                    i.reason,
                  ])}
                  disabled={current.items.length === 0}
                />
              }
            >
              <Flex vertical gap={8}>
                {r.approvedVersion !== null && (
                  <Alert
                    type="success"
                    showIcon
                    message={p('approvedInForce', { version: r.approvedVersion })}
                  />
                )}
                <CurrentItems detail={detail} current={current} />
              </Flex>
            </Card>
            {detail.canEdit && <Candidates detail={detail} current={current} />}
            <Card size="small" title={p('history')}>
              <VersionHistory detail={detail} p={p} />
            </Card>
          </Flex>
        );
      }}
    </QueryState>
  );
}

/** /dang-ky: registrations of the year, the closest units to add, review and version history. */
export default function RegistrationsPage() {
  const p = usePlanText();
  const { year } = useScope();
  const [params, setParams] = useSearchParams();
  const selected = params.get('ma') ?? undefined;
  const select = (id: string) =>
    setParams((current) => {
      const copy = new URLSearchParams(current);
      copy.set('ma', id);
      return copy;
    });
  const list = useRegistrations(year);
  const create = useCreateRegistration();
  const fail = useProblemToast();
  const [newUnit, setNewUnit] = useState<string | undefined>(undefined);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {p('registrationsTitle', { year })}
      </Typography.Title>
      <Typography.Text type="secondary">{p('registrationsHelp')}</Typography.Text>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={9}>
          <Card size="small" title={p('registrationUnit')}>
            <QueryState query={list}>
              {(data) => (
                <Flex vertical gap={8}>
                  {data.canRegisterFor.length > 0 && (
                    <Space wrap>
                      <Select
                        style={{ minWidth: 220 }}
                        placeholder={p('newRegistration')}
                        value={newUnit ?? data.canRegisterFor[0]?.id}
                        onChange={setNewUnit}
                        options={data.canRegisterFor.map((u) => ({ value: u.id, label: u.name }))}
                        showSearch
                        optionFilterProp="label"
                        data-testid="new-registration-unit"
                      />
                      <Button
                        type="primary"
                        loading={create.isPending}
                        onClick={() => {
                          const unitId = newUnit ?? data.canRegisterFor[0]?.id;
                          if (unitId)
                            create.mutate(
                              { year, unitId },
                              { onSuccess: (detail) => select(detail.registration.id), onError: fail },
                            );
                        }}
                        data-testid="create-registration"
                      >
                        {p('create')}
                      </Button>
                    </Space>
                  )}
                  {data.registrations.length === 0 ? (
                    <Empty description={p('noRegistrations', { year })} />
                  ) : (
                    <Table
                      size="small"
                      rowKey="id"
                      pagination={false}
                      dataSource={data.registrations}
                      data-testid="registrations"
                      onRow={(r) => ({ onClick: () => select(r.id), style: { cursor: 'pointer' } })}
                      rowClassName={(r) => (r.id === selected ? 'ant-table-row-selected' : '')}
                      columns={[
                        { title: p('registrationUnit'), dataIndex: 'unitName' },
                        {
                          title: p('status'),
                          dataIndex: 'status',
                          render: (s: keyof typeof statusColours) => (
                            <Tag color={statusColours[s]}>{p(`status.${s}`)}</Tag>
                          ),
                        },
                        { title: p('items'), dataIndex: 'itemCount', width: 70 },
                        { title: p('approvedItems'), dataIndex: 'approvedCount', width: 80 },
                      ]}
                    />
                  )}
                </Flex>
              )}
            </QueryState>
          </Card>
        </Col>
        <Col xs={24} xl={15}>
          {selected ? <RegistrationDetail id={selected} /> : <Empty description={p('chooseRegistration')} />}
        </Col>
      </Row>
    </Flex>
  );
}

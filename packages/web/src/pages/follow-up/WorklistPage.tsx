import { formatNumber } from '@ntm/core/format';
import type { WorklistItem, WorklistResponse } from '@ntm/server/contract/follow-up';
import { Card, Col, Empty, Flex, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useObstacles, useResponsibility, useWorklist } from '../../api/follow-up';
import { useCurrentUser } from '../../auth/session';
import { ExportTableButton, exportSubtitle } from '../../components/ExportTableButton';
import { QueryState } from '../../components/QueryState';
import { useScope } from '../../scope';
import { DeadlineTag } from './labels';
import { type FollowUpText, useFollowUpText } from './messages';
import { ObstacleDrawer } from './ObstacleDrawer';
import { ObstacleTable } from './ObstacleTable';

function percent(value: number | null): string {
  return value === null ? '—' : `${formatNumber(value, 1)}%`;
}

function Summary({ data, text }: { data: WorklistResponse; text: FollowUpText }) {
  return (
    <Card size="small" title={text('summaryTitle')}>
      <Table
        size="small"
        pagination={false}
        rowKey="number"
        dataSource={data.summary}
        data-testid="worklist-summary"
        columns={[
          {
            title: text('criterion'),
            render: (_, s) => (
              <Space size={4}>
                {`${s.number}. ${s.name}`}
                {!s.verified && <Tag color="warning">{text('unverified')}</Tag>}
              </Space>
            ),
          },
          {
            title: text('lastYear', { year: data.year - 1 }),
            align: 'right',
            render: (_, s) => `${percent(s.lastYear.percent)} (${s.lastYear.met}/${s.lastYear.evaluated})`,
          },
          {
            title: text('thisYear', { year: data.year }),
            align: 'right',
            render: (_, s) => `${percent(s.thisYear.percent)} (${s.thisYear.met}/${s.thisYear.evaluated})`,
          },
          {
            title: text('change'),
            align: 'right',
            render: (_, s) =>
              s.thisYear.percent === null || s.lastYear.percent === null
                ? '—'
                : `${s.thisYear.percent >= s.lastYear.percent ? '+' : ''}${formatNumber(s.thisYear.percent - s.lastYear.percent, 1)} điểm %`,
          },
        ]}
      />
    </Card>
  );
}

function trendText(text: FollowUpText, trend: WorklistItem['trend']): string {
  return trend === 'slipped'
    ? text('trendSlipped')
    : trend === 'still_unmet'
      ? text('trendStill')
      : text('trendUnknown');
}

/**
 * Obstacles routed to the department and not yet settled: part of its work whether or not the
 * criterion is met today (a commune that meets it may be about to lose it).
 */
function DepartmentObstacles({
  department,
  year,
  text,
}: {
  department: string;
  year: number;
  text: FollowUpText;
}) {
  const [open, setOpen] = useState<string | undefined>(undefined);
  const active = useObstacles({ department, year, status: undefined });
  const unsettled =
    active.data?.obstacles.filter((o) => o.status === 'open' || o.status === 'in_progress') ?? [];
  return (
    <Card
      size="small"
      title={text('departmentObstacles', { count: unsettled.length })}
      data-testid="worklist-obstacles"
    >
      <QueryState query={active}>
        {() =>
          unsettled.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text('noObstacles')} />
          ) : (
            <ObstacleTable obstacles={unsettled} text={text} onOpen={setOpen} showDepartment={false} />
          )
        }
      </QueryState>
      <ObstacleDrawer id={open} onClose={() => setOpen(undefined)} />
    </Card>
  );
}

export default function WorklistPage() {
  const text = useFollowUpText();
  const { year } = useScope();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const department = params.get('so') ?? user?.departmentCode ?? undefined;
  const criterion = params.get('tc') ?? undefined;
  const districtId = params.get('huyen') ?? undefined;
  const statusParam = params.get('tt');
  const status = statusParam === 'not_met' || statusParam === 'no_data' ? statusParam : undefined;
  const set = (key: string, value: string | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const worklist = useWorklist({ year, department, criterion, districtId, status }, department !== undefined);
  // The departments of the year, in the order of the catalog, from the responsibility matrix.
  const departments = useResponsibility(year).data?.departments;
  return (
    <Flex vertical gap={16}>
      <Card
        title={text('worklistTitle', { year })}
        extra={
          worklist.data && (
            <ExportTableButton
              title={text('worklistExport', { department: worklist.data.department.name })}
              subtitle={exportSubtitle(
                `Năm ${year}`,
                worklist.data.criteriaSet.shortName,
                criterion && `Tiêu chí ${criterion}`,
                districtId && worklist.data.districts.find((d) => d.id === districtId)?.name,
                status && text(status === 'not_met' ? 'notMet' : 'noData'),
              )}
              demo={worklist.data.criteriaSet.illustrative}
              fileName={`viec-can-lam-${worklist.data.department.code}-${year}`}
              columns={[
                text('unit'),
                text('district'),
                text('criterion'),
                text('status'),
                text('gap'),
                text('trend'),
                text('obstacles'),
                text('registrations'),
              ]}
              rows={worklist.data.items.map((i) => [
                i.unitName,
                i.districtName,
                `${i.criterionNumber}. ${i.criterionName}`,
                text(i.outcome === 'not_met' ? 'notMet' : 'noData'),
                i.indicators.map((x) => `${x.code}: ${x.gapSentence ?? text('noData')}`).join('; '),
                trendText(text, i.trend),
                i.openObstacles.length,
                i.registrations.map((r) => r.tier).join(', ') || null,
              ])}
            />
          )
        }
      >
        <Flex vertical gap={12}>
          <Flex gap={8} wrap>
            {user?.role !== 'department' && (
              <Select
                placeholder={text('chooseDepartment')}
                value={department}
                onChange={(v) => set('so', v)}
                style={{ minWidth: 260 }}
                showSearch
                optionFilterProp="label"
                options={(departments ?? []).map((d) => ({ value: d.code, label: d.name }))}
                loading={!departments}
                data-testid="worklist-department"
              />
            )}
            <Select
              allowClear
              placeholder={text('allCriteria')}
              value={criterion}
              onChange={(v) => set('tc', v)}
              style={{ minWidth: 200 }}
              options={(worklist.data?.summary ?? []).map((s) => ({
                value: s.number,
                label: `${s.number}. ${s.name}`,
              }))}
            />
            <Select
              allowClear
              placeholder={text('allDistricts')}
              value={districtId}
              onChange={(v) => set('huyen', v)}
              style={{ minWidth: 200 }}
              options={(worklist.data?.districts ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
            <Select
              allowClear
              placeholder={text('allStatuses')}
              value={status}
              onChange={(v) => set('tt', v)}
              style={{ minWidth: 200 }}
              options={[
                { value: 'not_met', label: text('notMet') },
                { value: 'no_data', label: text('noData') },
              ]}
            />
          </Flex>
          {department === undefined ? (
            <Empty description={text('chooseDepartment')} />
          ) : (
            <QueryState query={worklist}>
              {(data) => (
                <Flex vertical gap={12}>
                  <Typography.Text type="secondary">
                    {text('worklistHelp', { department: data.department.name })}{' '}
                    {text('items', {
                      count: data.items.length,
                      units: new Set(data.items.map((i) => i.unitId)).size,
                    })}
                  </Typography.Text>
                  <Row gutter={[16, 16]}>
                    <Col xs={24} xl={10}>
                      <Summary data={data} text={text} />
                    </Col>
                    <Col xs={24} xl={14}>
                      <DepartmentObstacles department={data.department.code} year={year} text={text} />
                    </Col>
                  </Row>
                  <Table<WorklistItem>
                    size="small"
                    rowKey={(i) => `${i.unitId}|${i.criterionNumber}`}
                    dataSource={data.items}
                    data-testid="worklist-table"
                    pagination={{ pageSize: 50, showSizeChanger: false }}
                    scroll={{ x: 1100 }}
                    columns={[
                      {
                        title: text('unit'),
                        sorter: (a, b) => new Intl.Collator('vi').compare(a.unitName, b.unitName),
                        render: (_, i) => (
                          <Link to={`/don-vi/${encodeURIComponent(i.unitId)}?nam=${year}`}>{i.unitName}</Link>
                        ),
                      },
                      {
                        title: text('district'),
                        dataIndex: 'districtName',
                        render: (v: string | null) => v ?? text('none'),
                      },
                      {
                        title: text('criterion'),
                        render: (_, i) => `${i.criterionNumber}. ${i.criterionName}`,
                      },
                      {
                        title: text('status'),
                        render: (_, i) => (
                          <Tag color={i.outcome === 'not_met' ? 'red' : 'default'}>
                            {text(i.outcome === 'not_met' ? 'notMet' : 'noData')}
                          </Tag>
                        ),
                      },
                      {
                        title: text('gap'),
                        sorter: (a, b) => a.normalisedGap - b.normalisedGap,
                        render: (_, i) => (
                          <Flex vertical>
                            {i.indicators.map((x) => (
                              <Typography.Text key={x.code} style={{ fontSize: 12 }}>
                                {x.code}: {x.gapSentence ?? text('noData')}
                              </Typography.Text>
                            ))}
                          </Flex>
                        ),
                      },
                      {
                        title: text('trend'),
                        render: (_, i) => (
                          <Tag color={i.trend === 'slipped' ? 'orange' : 'default'}>
                            {trendText(text, i.trend)}
                          </Tag>
                        ),
                      },
                      {
                        title: text('obstacles'),
                        render: (_, i) =>
                          i.openObstacles.length === 0 ? (
                            text('none')
                          ) : (
                            <Flex vertical gap={2}>
                              {i.openObstacles.map((o) => (
                                <Space key={o.id} size={4}>
                                  <Link to={`/vuong-mac?id=${encodeURIComponent(o.id)}&nam=${year}`}>
                                    {o.title}
                                  </Link>
                                  <DeadlineTag text={text} deadline={o.deadline as 'on_time'} />
                                </Space>
                              ))}
                            </Flex>
                          ),
                      },
                      {
                        title: text('registrations'),
                        render: (_, i) =>
                          i.registrations.length === 0
                            ? text('none')
                            : i.registrations.map((r) => (
                                <Tag key={r.registrationId}>{text(`tier_${r.tier}` as 'tier_standard')}</Tag>
                              )),
                      },
                    ]}
                  />
                </Flex>
              )}
            </QueryState>
          )}
        </Flex>
      </Card>
    </Flex>
  );
}

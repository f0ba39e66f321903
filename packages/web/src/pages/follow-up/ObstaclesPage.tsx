import { Card, Checkbox, Flex, Select, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useObstacles } from '../../api/follow-up';
import { ExportTableButton, exportSubtitle } from '../../components/ExportTableButton';
import { QueryState } from '../../components/QueryState';
import { useScope } from '../../scope';
import { useFollowUpText } from './messages';
import { ObstacleDrawer } from './ObstacleDrawer';
import { ObstacleTable } from './ObstacleTable';

const statuses = ['open', 'in_progress', 'resolved', 'rejected'] as const;

export default function ObstaclesPage() {
  const text = useFollowUpText();
  const { year } = useScope();
  const [params, setParams] = useSearchParams();
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
  const status = params.get('tt') ?? undefined;
  const overdue = params.get('quahan') === '1';
  const mine = params.get('cuatoi') === '1';
  const allYears = params.get('moinam') === '1';
  const openId = params.get('id') ?? undefined;
  const obstacles = useObstacles({
    year: allYears ? undefined : year,
    status,
    overdue: overdue ? 'true' : undefined,
    mine: mine ? 'true' : undefined,
  });
  return (
    <Card
      title={text('obstaclesTitle')}
      extra={
        obstacles.data && (
          <ExportTableButton
            title={text('obstaclesTitle')}
            subtitle={exportSubtitle(
              allYears ? text('allYears') : `Năm ${year}`,
              overdue && text('filterOverdue'),
            )}
            demo={obstacles.data.obstacles.some((o) => o.isDemo)}
            fileName={`vuong-mac-${allYears ? 'moi-nam' : year}`}
            columns={[
              text('title'),
              text('unit'),
              text('district'),
              text('criterion'),
              text('department'),
              text('severity'),
              text('status'),
              text('raisedBy'),
              { header: text('raisedAt'), type: 'date' },
              { header: text('dueDate'), type: 'date' },
              text('deadline_overdue'),
            ]}
            rows={obstacles.data.obstacles.map((o) => [
              o.title,
              o.unitName,
              o.districtName,
              `${o.criterionNumber}. ${o.criterionName}`,
              o.departmentName,
              text(`severity_${o.severity}`),
              text(`status_${o.status}`),
              o.raisedByName,
              o.raisedAt.slice(0, 10),
              o.dueDate,
              o.deadline === 'overdue' ? text('deadline_overdue') : null,
            ])}
          />
        )
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">{text('obstaclesHelp')}</Typography.Text>
        <Flex gap={12} wrap align="center">
          <Select
            allowClear
            placeholder={text('status')}
            value={status}
            onChange={(v) => set('tt', v)}
            style={{ minWidth: 180 }}
            options={statuses.map((s) => ({ value: s, label: text(`status_${s}`) }))}
          />
          <Checkbox
            checked={overdue}
            onChange={(e) => set('quahan', e.target.checked ? '1' : undefined)}
            data-testid="filter-overdue"
          >
            {text('filterOverdue')}
          </Checkbox>
          <Checkbox checked={mine} onChange={(e) => set('cuatoi', e.target.checked ? '1' : undefined)}>
            {text('filterMine')}
          </Checkbox>
          <Checkbox checked={allYears} onChange={(e) => set('moinam', e.target.checked ? '1' : undefined)}>
            {text('allYears')}
          </Checkbox>
          {obstacles.data && (
            <Typography.Text strong>
              {text('countOpen', {
                open: obstacles.data.counts.open,
                overdue: obstacles.data.counts.overdue,
              })}
            </Typography.Text>
          )}
        </Flex>
        <QueryState query={obstacles}>
          {(data) => <ObstacleTable obstacles={data.obstacles} text={text} onOpen={(id) => set('id', id)} />}
        </QueryState>
      </Flex>
      <ObstacleDrawer id={openId} onClose={() => set('id', undefined)} />
    </Card>
  );
}

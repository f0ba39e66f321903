import { formatDate } from '@ntm/core/format';
import { Card, Empty, Flex, Progress, Skeleton, Tooltip, Typography } from 'antd';
import { useTargets } from '../../api/queries';
import { DemoBadge } from '../../components/DemoBadge';
import { ExportTableButton, exportSubtitle } from '../../components/ExportTableButton';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { usePlanText } from '../plans/messages';
import { describeTarget, forecastText, type TargetProgress } from './target-view';

/** The directive's order: communes by tier, residential areas, villages, then the average. */
const metricOrder: readonly TargetProgress['metric'][] = [
  'communes_standard_new',
  'communes_advanced_new',
  'communes_model_new',
  'communes_modern_new',
  'model_residential_areas_new',
  'villages_standard_new',
  'scheme_villages_standard',
  'average_criteria_per_commune',
  'communes_under_criteria',
];

function targetsOf(targets: readonly TargetProgress[], areaId: string | undefined): TargetProgress[] {
  return targets
    .filter((x) => x.scopeUnitId === areaId)
    .sort((a, b) => metricOrder.indexOf(a.metric) - metricOrder.indexOf(b.metric));
}

function TargetRow({ target }: { target: TargetProgress }) {
  const { t } = useI18n();
  const p = usePlanText();
  const view = describeTarget(target, t);
  const forecast = forecastText(target, (min, max) => p('forecastRange', { min, max }));
  return (
    <div
      data-testid={`target-${target.metric}`}
      // e2e/first-paint.ts takes the moment this block's text is painted as the first meaningful paint.
      elementtiming={`target-${target.metric}`}
      data-actual={target.actual ?? ''}
      data-target={target.target}
      data-forecast={target.forecast.expected ?? ''}
      data-registered={target.registeredCount}
    >
      <Flex justify="space-between" align="baseline" gap={8}>
        <Typography.Text strong>{target.label}</Typography.Text>
        <Typography.Text style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text strong style={{ fontSize: 18 }}>
            {view.actual}
          </Typography.Text>
          {` / ${view.target} ${view.unit}`}
        </Typography.Text>
      </Flex>
      <Progress
        percent={view.percent}
        showInfo={false}
        strokeColor={view.reached ? '#2e9d5b' : '#d48806'}
        size="small"
        style={{ margin: 0 }}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {`${view.percentText} · `}
        <Typography.Text type={view.reached ? 'success' : 'warning'} style={{ fontSize: 12 }}>
          {view.status}
        </Typography.Text>
        {forecast !== null && (
          <Tooltip title={target.forecast.assumptions.join(' ')}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="target-forecast">
              {` · ${p('forecastLine', { value: forecast })}`}
            </Typography.Text>
          </Tooltip>
        )}
        {target.registeredCount > 0 && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {` · ${p('registeredLine', { count: target.registeredCount })}`}
          </Typography.Text>
        )}
      </Typography.Text>
    </div>
  );
}

/** The year's targets against results, for the area; the first thing a leader reads. */
export function TargetsCard({
  year,
  areaId,
  areaName,
}: {
  year: number;
  areaId: string | undefined;
  areaName: string | undefined;
}) {
  const { t } = useI18n();
  const targets = useTargets(year);
  const shown = targets.data ? targetsOf(targets.data.targets, areaId) : [];
  return (
    <Card
      size="small"
      title={t('dashboard.targetsTitle', { year })}
      data-testid="targets-card"
      style={{ height: '100%' }}
      extra={
        shown.length > 0 && (
          <ExportTableButton
            title={t('dashboard.targetsTitle', { year })}
            subtitle={exportSubtitle(areaName, t('export.year', { year }))}
            demo={targets.data?.directives.some((d) => d.isDemo) ?? false}
            fileName={`muc-tieu_${year}`}
            columns={[
              t('export.target'),
              { header: t('export.planned'), type: 'decimal' },
              { header: t('export.actual'), type: 'decimal' },
              t('export.unit'),
              { header: t('export.progress'), type: 'percent' },
              t('export.status'),
            ]}
            rows={() =>
              shown.map((target) => {
                const view = describeTarget(target, t);
                return [
                  target.label,
                  target.target,
                  target.actual,
                  view.unit,
                  target.progress === null ? null : Math.round(target.progress * 1000) / 10,
                  view.status,
                ];
              })
            }
          />
        )
      }
    >
      {areaId === undefined ? (
        <Skeleton active />
      ) : (
        <QueryState query={targets}>
          {(data) => {
            const rows = targetsOf(data.targets, areaId);
            const directive = data.directives.find((d) => rows.some((r) => r.directiveId === d.id));
            if (rows.length === 0) {
              return <Empty description={t('dashboard.noTargets', { year, area: areaName ?? '' })} />;
            }
            return (
              <Flex vertical gap={10}>
                {directive && (
                  <Flex gap={6} wrap align="center">
                    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                      {t('dashboard.directive', {
                        number: directive.number,
                        date: formatDate(directive.date),
                        issuer: directive.issuer,
                      })}
                    </Typography.Text>
                    {directive.isDemo && <DemoBadge />}
                  </Flex>
                )}
                {rows.map((target) => (
                  <TargetRow key={target.id} target={target} />
                ))}
              </Flex>
            );
          }}
        </QueryState>
      )}
    </Card>
  );
}

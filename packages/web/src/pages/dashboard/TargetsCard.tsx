import { formatDate } from '@ntm/core/format';
import { Card, Empty, Flex, Progress, Skeleton, Typography } from 'antd';
import { useTargets } from '../../api/queries';
import { DemoBadge } from '../../components/DemoBadge';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { describeTarget, type TargetProgress } from './target-view';

/** The directive's order: communes by tier, residential areas, villages, then the average. */
const metricOrder: readonly TargetProgress['metric'][] = [
  'communes_standard_new',
  'communes_advanced_new',
  'communes_model_new',
  'model_residential_areas_new',
  'scheme_villages_standard',
  'average_criteria_per_commune',
];

function TargetRow({ target }: { target: TargetProgress }) {
  const { t } = useI18n();
  const view = describeTarget(target, t);
  return (
    <div
      data-testid={`target-${target.metric}`}
      data-actual={target.actual ?? ''}
      data-target={target.target}
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
  return (
    <Card
      size="small"
      title={t('dashboard.targetsTitle', { year })}
      data-testid="targets-card"
      style={{ height: '100%' }}
    >
      {areaId === undefined ? (
        <Skeleton active />
      ) : (
        <QueryState query={targets}>
          {(data) => {
            const rows = data.targets
              .filter((x) => x.scopeUnitId === areaId)
              .sort((a, b) => metricOrder.indexOf(a.metric) - metricOrder.indexOf(b.metric));
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

import { Col, Flex, Row, Skeleton } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useArea, usePrefetchFirstFigures, useRollupTrend } from '../../api/dashboard';
import { useRollup, useTargets } from '../../api/queries';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { selectableYears, useScope } from '../../scope';
import { AreaHeading } from './AreaHeading';
import { useAfterPaint } from './after-paint';
import { CriteriaMetBars } from './CriteriaMetBars';
import { KeyNumbers } from './KeyNumbers';
import { TargetsCard } from './TargetsCard';

// ECharts arrives after the targets and key numbers are on screen.
const BandsChart = lazy(() => import('./charts').then((m) => ({ default: m.BandsChart })));
const TiersChart = lazy(() => import('./charts').then((m) => ({ default: m.TiersChart })));
const TrendChart = lazy(() => import('./charts').then((m) => ({ default: m.TrendChart })));
// The ranking table brings Ant Design's Table, which the first figures do not need.
const ClosestTable = lazy(() => import('./ClosestTable').then((m) => ({ default: m.ClosestTable })));
// Alerts and overdue tasks are read after the first figures: their requests would compete with them.
const AlertsCard = lazy(() => import('../follow-up/AlertsCard').then((m) => ({ default: m.AlertsCard })));
const OverdueTasksCard = lazy(() =>
  import('./OverdueTasksCard').then((m) => ({ default: m.OverdueTasksCard })),
);

const chartFallback = <Skeleton active paragraph={{ rows: 4 }} />;

export default function DashboardPage() {
  const { t } = useI18n();
  const { year, unitId } = useScope();
  usePrefetchFirstFigures(year);
  const area = useArea(year, unitId);
  const rollup = useRollup(area.areaId, year);
  const trendYears = useMemo(() => selectableYears.filter((y) => y <= year), [year]);
  // The other years wait for this year's figures: on two cores they would otherwise compete with them.
  const trend = useRollupTrend(
    area.areaId === area.province?.id ? undefined : area.areaId,
    trendYears,
    !rollup.isPending,
  );
  const targets = useTargets(year);
  // Targets and key numbers paint first; charts and long lists follow in a later task.
  const showRest = useAfterPaint(!targets.isPending && !rollup.isPending);
  const districtNames = useMemo(() => new Map(area.districts.map((d) => [d.id, d.name])), [area.districts]);
  const heatmapSearch = `nam=${year}${area.areaId && area.areaId !== area.province?.id ? `&dv=${encodeURIComponent(area.areaId)}` : ''}`;

  return (
    <Flex vertical gap={16} data-testid="dashboard">
      <AreaHeading title={t('dashboard.title', { year })} area={area} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={13}>
          <TargetsCard year={year} areaId={area.areaId} areaName={area.areaName} />
        </Col>
        <Col xs={24} lg={11}>
          <Flex vertical gap={16}>
            <QueryState query={rollup}>{(data) => <KeyNumbers rollup={data} />}</QueryState>
            {rollup.data && showRest && (
              <Suspense fallback={chartFallback}>
                <BandsChart rollup={rollup.data} />
              </Suspense>
            )}
          </Flex>
        </Col>
        {rollup.data && showRest && (
          <>
            <Col xs={24} lg={13}>
              <CriteriaMetBars rollup={rollup.data} heatmapSearch={heatmapSearch} />
            </Col>
            <Col xs={24} lg={11}>
              <Suspense fallback={chartFallback}>
                <ClosestTable rollup={rollup.data} districtNames={districtNames} year={year} />
              </Suspense>
            </Col>
            <Col xs={24} lg={9}>
              <Suspense fallback={chartFallback}>
                <TiersChart rollup={rollup.data} />
              </Suspense>
            </Col>
          </>
        )}
        {showRest && (
          <>
            <Col xs={24} lg={rollup.data ? 15 : 24}>
              <Suspense fallback={chartFallback}>
                <AlertsCard year={year} />
              </Suspense>
            </Col>
            <Col xs={24} lg={rollup.data ? 9 : 24}>
              <Suspense fallback={chartFallback}>
                <OverdueTasksCard />
              </Suspense>
            </Col>
            <Col xs={24} lg={rollup.data ? 15 : 24}>
              <Suspense fallback={chartFallback}>
                <TrendChart years={trend} currentYear={year} />
              </Suspense>
            </Col>
          </>
        )}
      </Row>
    </Flex>
  );
}

import { formatNumber } from '@ntm/core/format';
import { Card, Empty, Flex, Typography } from 'antd';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import type { Rollup, TrendYear } from '../../api/dashboard';
import { Chart } from '../../components/charts/Chart';
import { echarts } from '../../components/charts/echarts';
import { bandColor, tierColors } from '../../components/charts/palette';
import { useI18n } from '../../i18n';
import { bandLabel, tierKey } from '../catalog/labels';
import { tierDistribution, trendSeries } from './dashboard-model';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent]);

const lineColors = ['#1677ff', '#722ed1', '#13a8a8'];

const numberFormatter = (value: unknown) =>
  typeof value === 'number' ? formatNumber(value, 2) : String(value);

export function BandsChart({ rollup }: { rollup: Rollup }) {
  const { t } = useI18n();
  const bands = [...rollup.rollup.bands].reverse();
  const label = `${t('dashboard.bandsTitle')}: ${rollup.rollup.bands.map((b) => `${bandLabel(b, t)} ${b.count}`).join('; ')}`;
  return (
    <Card size="small" title={t('dashboard.bandsTitle')} data-testid="bands-card">
      <Chart
        label={label}
        height={190}
        option={{
          grid: { left: 130, right: 40, top: 8, bottom: 8 },
          tooltip: { trigger: 'item', valueFormatter: numberFormatter },
          xAxis: { type: 'value', show: false },
          yAxis: { type: 'category', data: bands.map((b) => bandLabel(b, t)), axisTick: { show: false } },
          series: [
            {
              type: 'bar',
              name: t('dashboard.communes'),
              data: bands.map((b, i) => ({
                value: b.count,
                itemStyle: { color: bandColor(bands.length - 1 - i) },
              })),
              label: {
                show: true,
                position: 'right',
                formatter: ({ value }: { value: number }) => formatNumber(value),
              },
              barMaxWidth: 22,
            },
          ],
        }}
      />
    </Card>
  );
}

export function TiersChart({ rollup }: { rollup: Rollup }) {
  const { t } = useI18n();
  const shares = tierDistribution(rollup.communes);
  const name = (tier: string) =>
    tier === 'none' ? t('dashboard.notRecognised') : t(tierKey(tier as 'standard'));
  const label = `${t('dashboard.tiersTitle')}: ${shares.map((s) => `${name(s.tier)} ${s.count}`).join('; ')}`;
  return (
    <Card size="small" title={t('dashboard.tiersTitle')} data-testid="tiers-card" style={{ height: '100%' }}>
      <Chart
        label={label}
        height={190}
        option={{
          tooltip: { trigger: 'item', valueFormatter: numberFormatter },
          legend: { orient: 'vertical', right: 0, top: 'middle', itemWidth: 12, itemHeight: 12 },
          series: [
            {
              type: 'pie',
              radius: ['45%', '75%'],
              center: ['32%', '50%'],
              label: { show: true, formatter: ({ value }: { value: number }) => formatNumber(value) },
              data: shares
                .filter((s) => s.count > 0)
                .map((s) => ({
                  name: name(s.tier),
                  value: s.count,
                  itemStyle: { color: tierColors[s.tier] },
                })),
            },
          ],
        }}
      />
    </Card>
  );
}

export function TrendChart({ years, currentYear }: { years: readonly TrendYear[]; currentYear: number }) {
  const { t } = useI18n();
  const { points, gaps } = trendSeries(years, t('noData'));
  const pending = years.some((y) => y.isPending);
  const tiers = ['standard', 'advanced', 'model'] as const;
  const label = `${t('dashboard.trendTitle')}: ${points
    .map((p) => `${p.year} ${formatNumber(p.averageCriteriaMet, 2)}/${p.criteriaTotal}`)
    .join('; ')}`;
  return (
    <Card size="small" title={t('dashboard.trendTitle')} data-testid="trend-card" style={{ height: '100%' }}>
      {points.length === 0 && !pending ? (
        <Empty description={t('dashboard.trendEmpty')} />
      ) : (
        <Chart
          label={label}
          height={250}
          option={{
            grid: { left: 40, right: 48, top: 56, bottom: 24 },
            legend: { top: 0, itemWidth: 12, itemHeight: 12 },
            tooltip: {
              trigger: 'axis',
              valueFormatter: numberFormatter,
            },
            xAxis: {
              type: 'category',
              data: points.map((p) => String(p.year)),
              axisLabel: {
                formatter: (value: string) => (value === String(currentYear) ? `{b|${value}}` : value),
                rich: { b: { fontWeight: 'bold' } },
              },
            },
            yAxis: [
              { type: 'value', name: t('dashboard.communes'), minInterval: 1 },
              { type: 'value', name: t('dashboard.averageShort'), splitLine: { show: false } },
            ],
            series: [
              ...tiers.map((tier) => ({
                type: 'bar',
                name: t(tierKey(tier)),
                data: points.map((p) => p.recognised[tier]),
                itemStyle: { color: tierColors[tier] },
                barMaxWidth: 18,
              })),
              // One line per criteria set: averages over 19 and over 10 criteria are not one series.
              ...[...new Set(points.map((p) => p.setName))].map((setName, i) => ({
                type: 'line',
                name: setName,
                yAxisIndex: 1,
                data: points.map((p) =>
                  p.setName === setName ? Math.round(p.averageCriteriaMet * 100) / 100 : null,
                ),
                itemStyle: { color: lineColors[i % lineColors.length] },
                label: {
                  show: true,
                  formatter: ({ value }: { value: number | null }) =>
                    value === null ? '' : formatNumber(value, 1),
                },
              })),
            ],
          }}
        />
      )}
      {points.length > 1 && new Set(points.map((p) => p.criteriaTotal)).size > 1 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('dashboard.trendSetsDiffer')}
        </Typography.Text>
      )}
      {gaps.length > 0 && (
        <Flex vertical gap={0} style={{ marginTop: 4 }} data-testid="trend-gaps">
          {gaps.map((g) => (
            <Typography.Text key={g.year} type="secondary" style={{ fontSize: 12 }}>
              {`${g.year}: ${g.reason}`}
            </Typography.Text>
          ))}
        </Flex>
      )}
    </Card>
  );
}

import { formatNumber } from '@ntm/core/format';
import type { PlanProgressResponse } from '@ntm/server/contract/plans';

export type PlanTarget = PlanProgressResponse['targets'][number];

/** Averages keep two decimals; counts of units none, except a forecast's half units. */
export function formatValue(metric: PlanTarget['target']['metric'], value: number | null): string {
  if (value === null) return '—';
  return formatNumber(value, metric === 'average_criteria_per_commune' ? 2 : 1);
}

/** "5 (khoảng 4–6)" or just "5" when the range is one value. */
export function describeForecast(
  target: PlanTarget,
  range: (min: string, max: string) => string,
): string | null {
  const { expected, min, max } = target.forecast;
  if (expected === null) return null;
  const value = formatValue(target.target.metric, expected);
  if (min === null || max === null || Math.abs(max - min) < 1e-9) return value;
  const [low, high] = min <= max ? [min, max] : [max, min];
  return `${value} (${range(formatValue(target.target.metric, low), formatValue(target.target.metric, high))})`;
}

/** ISO yyyy-mm-dd to dd/mm/yyyy, for timestamps too. */
export function dayOf(iso: string): string {
  return iso.slice(0, 10).split('-').reverse().join('/');
}

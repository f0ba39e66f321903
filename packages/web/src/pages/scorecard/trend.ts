import type { UnitTrendResponse } from '@ntm/server/contract/trend';

export type TrendOutcome = 'met' | 'not_met' | 'no_data';

/** One year of one indicator: `outcome` is null when the year could not be evaluated at all. */
export interface TrendPoint {
  year: number;
  value: number | boolean | string | null;
  outcome: TrendOutcome | null;
}

export function indicatorSeries(trend: UnitTrendResponse, code: string): TrendPoint[] {
  return trend.years.map((year) => {
    const found = year.indicators.find((i) => i.code === code);
    return { year: year.year, value: found?.value ?? null, outcome: found?.outcome ?? null };
  });
}

export interface SparklineDot {
  x: number;
  y: number;
  point: TrendPoint;
}

export interface SparklineGeometry {
  dots: SparklineDot[];
  /** SVG path; a year without a number breaks the line instead of joining across it. */
  path: string;
}

/**
 * Numeric values scaled into the box (a flat series sits in the middle); yes/no and level
 * values have no scale and sit on the middle line, coloured by their outcome.
 */
export function sparklineGeometry(
  points: readonly TrendPoint[],
  width: number,
  height: number,
): SparklineGeometry {
  const pad = 3;
  const numbers = points.map((p) => (typeof p.value === 'number' ? p.value : null));
  const known = numbers.filter((n): n is number => n !== null);
  const min = Math.min(...known);
  const max = Math.max(...known);
  const step = points.length > 1 ? (width - 2 * pad) / (points.length - 1) : 0;
  const middle = height / 2;
  const yOf = (n: number | null) =>
    n === null || max === min ? middle : pad + (1 - (n - min) / (max - min)) * (height - 2 * pad);
  const dots: SparklineDot[] = [];
  let path = '';
  let drawing = false;
  points.forEach((point, i) => {
    const x = points.length > 1 ? pad + i * step : width / 2;
    const n = numbers[i] ?? null;
    if (point.outcome !== null && point.value !== null) dots.push({ x, y: yOf(n), point });
    if (n === null) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${round(x)},${round(yOf(n))}`;
    drawing = true;
  });
  return { dots, path };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

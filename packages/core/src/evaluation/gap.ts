import type { Comparator, Indicator } from '../catalog/schema';
import { formatNumber, formatPercent } from '../format/vi';
import type { ObservedValue } from '../values/value';
import { isMet, levelIndex } from './compare';
import type { Gap, SelectedThreshold } from './result';

export type GapIndicator = Pick<Indicator, 'name' | 'unit' | 'valueType' | 'comparator'>;

const PERCENT_POINTS = 'điểm %';

const symbols: Partial<Record<Comparator, string>> = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' };

/** Drops binary noise (6.2 − 5 = 1.2000000000000002) from amounts that are stored. */
function tidy(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

function withUnit(text: string, unit: string): string {
  return unit ? `${text} ${unit}` : text;
}

function formatAmount(indicator: GapIndicator, n: number, includeUnit: boolean): string {
  if (indicator.valueType === 'percent') return formatPercent(n);
  return includeUnit ? withUnit(formatNumber(n), indicator.unit) : formatNumber(n);
}

/**
 * Signed so that negative always means "short": above a ceiling (lte/lt) is as short as below
 * a floor (gte/gt). An unmet equality has no direction, so its distance is negative.
 */
function signedAmount(comparator: Comparator, value: number, threshold: number, met: boolean): number {
  switch (comparator) {
    case 'lte':
    case 'lt':
      return threshold - value;
    case 'eq':
      return met ? 0 : -Math.abs(value - threshold);
    default:
      return value - threshold;
  }
}

function numericGap(indicator: GapIndicator, value: number, threshold: number, met: boolean): Gap {
  const amount = tidy(signedAmount(indicator.comparator, value, threshold, met));
  const unit = indicator.valueType === 'percent' ? PERCENT_POINTS : indicator.unit;
  const head = `${indicator.name} ${formatAmount(indicator, value, true)}`;
  if (met) {
    const symbol = symbols[indicator.comparator] ?? '';
    return {
      amount,
      unit,
      sentence: `${head} — đạt ngưỡng ${symbol} ${formatAmount(indicator, threshold, false)}`,
      normalised: 0,
    };
  }
  const distance = tidy(Math.abs(value - threshold));
  const direction = value > threshold ? 'cao hơn' : 'thấp hơn';
  // A zero threshold ("no violations") has no scale; the raw shortfall stands in for it.
  const normalised = distance / (threshold === 0 ? 1 : Math.abs(threshold));
  return {
    amount,
    unit,
    sentence: `${head} — ${direction} ngưỡng ${formatAmount(indicator, threshold, true)} là ${withUnit(formatNumber(distance), unit)}`,
    normalised,
  };
}

function booleanGap(indicator: GapIndicator, met: boolean): Gap {
  const required = indicator.comparator === 'is_false' ? 'Không' : 'Đạt';
  return {
    amount: null,
    unit: indicator.unit,
    sentence: met ? 'Đạt' : `Chưa đạt (yêu cầu: ${required})`,
    normalised: met ? 0 : 1,
  };
}

function levelGap(
  indicator: GapIndicator,
  value: ObservedValue,
  threshold: ObservedValue,
  levels: readonly string[] | undefined,
  met: boolean,
): Gap {
  const valueIndex = levelIndex(indicator.comparator, value, levels);
  const thresholdIndex = levelIndex(indicator.comparator, threshold, levels);
  const head = `${indicator.name}: mức “${String(value)}”`;
  return {
    amount: valueIndex - thresholdIndex,
    unit: 'mức',
    sentence: met
      ? `${head} — đạt mức yêu cầu “${String(threshold)}”`
      : `${head} — thấp hơn mức yêu cầu “${String(threshold)}” ${thresholdIndex - valueIndex} mức`,
    // Unmet implies thresholdIndex ≥ 1, so the share of the ladder still to climb is in (0, 1].
    normalised: met ? 0 : (thresholdIndex - valueIndex) / thresholdIndex,
  };
}

/**
 * How far `value` is from `threshold`, in the indicator's unit (percent gaps in "điểm %"),
 * with the Vietnamese sentence shown on scorecards. `levels` is needed for level indicators.
 */
export function computeGap(
  indicator: GapIndicator,
  value: ObservedValue,
  threshold: SelectedThreshold,
  levels?: readonly string[],
): Gap {
  const met = isMet(indicator.comparator, value, threshold.value, levels);
  switch (indicator.comparator) {
    case 'is_true':
    case 'is_false':
      return booleanGap(indicator, met);
    case 'level_gte':
      return levelGap(indicator, value, threshold.value, levels, met);
    default:
      if (typeof value === 'number' && typeof threshold.value === 'number') {
        return numericGap(indicator, value, threshold.value, met);
      }
      // Equality on text: isMet has already checked both are strings.
      return {
        amount: null,
        unit: indicator.unit,
        sentence: met
          ? `${indicator.name}: “${String(value)}” — đạt`
          : `${indicator.name}: “${String(value)}” — chưa đạt (yêu cầu: “${String(threshold.value)}”)`,
        normalised: met ? 0 : 1,
      };
  }
}

/** Derived indicators lack data when any of their inputs does. */
export function describeNoData(indicator: Pick<Indicator, 'derived'>): string {
  return indicator.derived ? 'Chưa đủ số liệu để tính' : 'Chưa có số liệu';
}

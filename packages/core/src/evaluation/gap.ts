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

function isNumeric(indicator: GapIndicator, value: ObservedValue, threshold: ObservedValue): boolean {
  return (
    indicator.comparator !== 'level_gte' &&
    indicator.comparator !== 'is_true' &&
    indicator.comparator !== 'is_false' &&
    typeof value === 'number' &&
    typeof threshold === 'number'
  );
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

interface GapFigures {
  amount: number | null;
  unit: string;
  normalised: number;
}

function gapFigures(
  indicator: GapIndicator,
  value: ObservedValue,
  threshold: ObservedValue,
  levels: readonly string[] | undefined,
  met: boolean,
): GapFigures {
  if (isNumeric(indicator, value, threshold)) {
    const v = value as number;
    const t = threshold as number;
    // A zero threshold ("no violations") has no scale; the raw shortfall stands in for it.
    const scale = t === 0 ? 1 : Math.abs(t);
    return {
      amount: tidy(signedAmount(indicator.comparator, v, t, met)),
      unit: indicator.valueType === 'percent' ? PERCENT_POINTS : indicator.unit,
      normalised: met ? 0 : tidy(Math.abs(v - t)) / scale,
    };
  }
  if (indicator.comparator === 'level_gte') {
    const valueIndex = levelIndex(indicator.comparator, value, levels);
    const thresholdIndex = levelIndex(indicator.comparator, threshold, levels);
    return {
      amount: valueIndex - thresholdIndex,
      unit: 'mức',
      // Unmet implies thresholdIndex ≥ 1, so the share of the ladder still to climb is in (0, 1].
      normalised: met ? 0 : (thresholdIndex - valueIndex) / thresholdIndex,
    };
  }
  return { amount: null, unit: indicator.unit, normalised: met ? 0 : 1 };
}

function gapSentence(
  indicator: GapIndicator,
  value: ObservedValue,
  threshold: ObservedValue,
  levels: readonly string[] | undefined,
  met: boolean,
): string {
  if (isNumeric(indicator, value, threshold)) {
    const v = value as number;
    const t = threshold as number;
    const head = `${indicator.name} ${formatAmount(indicator, v, true)}`;
    if (met)
      return `${head} — đạt ngưỡng ${symbols[indicator.comparator] ?? ''} ${formatAmount(indicator, t, false)}`;
    const unit = indicator.valueType === 'percent' ? PERCENT_POINTS : indicator.unit;
    const direction = v > t ? 'cao hơn' : 'thấp hơn';
    const distance = withUnit(formatNumber(tidy(Math.abs(v - t))), unit);
    return `${head} — ${direction} ngưỡng ${formatAmount(indicator, t, true)} là ${distance}`;
  }
  switch (indicator.comparator) {
    case 'is_true':
    case 'is_false':
      return met ? 'Đạt' : `Chưa đạt (yêu cầu: ${indicator.comparator === 'is_false' ? 'Không' : 'Đạt'})`;
    case 'level_gte': {
      const head = `${indicator.name}: mức “${String(value)}”`;
      if (met) return `${head} — đạt mức yêu cầu “${String(threshold)}”`;
      const steps =
        levelIndex(indicator.comparator, threshold, levels) - levelIndex(indicator.comparator, value, levels);
      return `${head} — thấp hơn mức yêu cầu “${String(threshold)}” ${steps} mức`;
    }
    default:
      // Equality on text: isMet has already checked that both are strings.
      return met
        ? `${indicator.name}: “${String(value)}” — đạt`
        : `${indicator.name}: “${String(value)}” — chưa đạt (yêu cầu: “${String(threshold)}”)`;
  }
}

/**
 * How far `value` is from `threshold`, in the indicator's unit (percent gaps in "điểm %"),
 * with the Vietnamese sentence shown on scorecards. `levels` is needed for level indicators.
 * Throws EvaluationTypeError on a value of the wrong type.
 */
export function computeGap(
  indicator: GapIndicator,
  value: ObservedValue,
  threshold: SelectedThreshold,
  levels?: readonly string[],
): Gap {
  const met = isMet(indicator.comparator, value, threshold.value, levels);
  return {
    ...gapFigures(indicator, value, threshold.value, levels, met),
    sentence: gapSentence(indicator, value, threshold.value, levels, met),
  };
}

/**
 * The gap inside a unit evaluation, whose sentence is written only when read. A national run
 * produces half a million gaps and reads few sentences; writing them all doubled its time and
 * memory. `toJSON` gives the plain Gap, so API responses and stored results carry the sentence;
 * property access works as on a plain object, but spreading or structured cloning drops it.
 */
export class EvaluatedGap implements Gap {
  readonly amount: number | null;
  readonly unit: string;
  readonly normalised: number;
  readonly #indicator: GapIndicator;
  readonly #value: ObservedValue;
  readonly #threshold: ObservedValue;
  readonly #levels: readonly string[] | undefined;
  readonly #met: boolean;

  constructor(
    indicator: GapIndicator,
    value: ObservedValue,
    threshold: ObservedValue,
    levels: readonly string[] | undefined,
    met: boolean,
  ) {
    const figures = gapFigures(indicator, value, threshold, levels, met);
    this.amount = figures.amount;
    this.unit = figures.unit;
    this.normalised = figures.normalised;
    this.#indicator = indicator;
    this.#value = value;
    this.#threshold = threshold;
    this.#levels = levels;
    this.#met = met;
  }

  get sentence(): string {
    return gapSentence(this.#indicator, this.#value, this.#threshold, this.#levels, this.#met);
  }

  toJSON(): Gap {
    return { amount: this.amount, unit: this.unit, sentence: this.sentence, normalised: this.normalised };
  }
}

/** Derived indicators lack data when any of their inputs does. */
export function describeNoData(indicator: Pick<Indicator, 'derived'>): string {
  return indicator.derived ? 'Chưa đủ số liệu để tính' : 'Chưa có số liệu';
}

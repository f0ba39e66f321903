import type {
  Comparator,
  CriteriaSet,
  Formula,
  Indicator,
  Measure,
  MeasureValue,
  ObservedValue,
  Unit,
  ValueStatus,
} from '@ntm/core';
import { selectThreshold } from '@ntm/core';
import type { Random } from './random';

/**
 * Generates a unit's observations so that each criteria set judges it as its story says:
 * every value is drawn relative to the threshold that applies to that unit (the same
 * `selectThreshold` the evaluation uses), inside or outside it as required, and values
 * improve year on year unless the story says otherwise.
 */

export const DEMO_VALUE_SOURCE = 'Số liệu demo (minh họa)';

/** How a set should judge the unit: meet all but `unmet` criteria, or no requirement. */
export interface SetDemand {
  set: CriteriaSet;
  unmet: readonly string[] | 'free';
  /**
   * A missed criterion fails on one indicator; 'meet' keeps its other indicators met (a
   * commune just short, or one slipping), 'free' lets them fall where quality puts them.
   */
  othersInMissed?: 'meet' | 'free';
}

export interface UnitYearPlan {
  year: number;
  demands: readonly SetDemand[];
  /** 0–1: where values fall inside what the demands allow. */
  quality: number;
  /** Chance of leaving out a measure that feeds only missed criteria or free sets. */
  missingRate: number;
  status: ValueStatus;
}

type Quantity =
  | { key: string; kind: 'measure'; measure: Measure }
  | { key: string; kind: 'ratio'; numerator: Measure; denominator: Measure; factor: number };

interface Constraint {
  comparator: Comparator;
  threshold: number | boolean | string;
  want: 'meet' | 'fail';
}

interface Interval {
  lo: number;
  hi: number;
}

/** The one derived shape the catalog uses: numerator / denominator × factor (a share in %). */
function ratioOf(formula: Formula): { numerator: string; denominator: string; factor: number } | null {
  if (!('op' in formula) || formula.op !== 'mul' || !('const' in formula.right)) return null;
  const div = formula.left;
  if (!('op' in div) || div.op !== 'div' || !('measure' in div.left) || !('measure' in div.right))
    return null;
  return { numerator: div.left.measure, denominator: div.right.measure, factor: formula.right.const };
}

function measureOf(measures: ReadonlyMap<string, Measure>, code: string, unit: Unit): Measure {
  const measure = measures.get(code);
  if (!measure) throw new Error(`Dữ liệu demo: không có chỉ số đo ${code}`);
  if (!measure.levelsObserved.includes(unit.level)) {
    throw new Error(`Dữ liệu demo: chỉ số đo ${code} không thu thập ở cấp ${unit.level}`);
  }
  return measure;
}

function quantityOf(indicator: Indicator, measures: ReadonlyMap<string, Measure>, unit: Unit): Quantity {
  if (indicator.measure) {
    return { key: indicator.measure, kind: 'measure', measure: measureOf(measures, indicator.measure, unit) };
  }
  const ratio = indicator.derived ? ratioOf(indicator.derived) : null;
  if (!ratio)
    throw new Error(`Dữ liệu demo: chưa sinh được số liệu cho chỉ tiêu tính toán ${indicator.code}`);
  return {
    key: `${ratio.numerator}/${ratio.denominator}`,
    kind: 'ratio',
    numerator: measureOf(measures, ratio.numerator, unit),
    denominator: measureOf(measures, ratio.denominator, unit),
    factor: ratio.factor,
  };
}

function decimalsOf(quantity: Quantity): number {
  if (quantity.kind === 'ratio') return 1;
  const m = quantity.measure;
  if (m.valueType === 'percent') return 1;
  return m.unit.includes('km') || m.unit.includes('triệu') ? 1 : 0;
}

function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

function isUp(comparator: Comparator): boolean {
  return (
    comparator === 'gte' || comparator === 'gt' || comparator === 'level_gte' || comparator === 'is_true'
  );
}

/** Where values of a quantity plausibly lie, given the threshold it is usually judged by. */
function naturalRange(quantity: Quantity, anchor: number | null, up: boolean): Interval {
  const measure = quantity.kind === 'ratio' ? null : quantity.measure;
  const hardMin = measure?.min ?? 0;
  const hardMax = measure?.max ?? Number.POSITIVE_INFINITY;
  const percent = measure === null || measure.valueType === 'percent';
  if (anchor === null)
    return { lo: percent ? 40 : hardMin, hi: percent ? 100 : Math.min(hardMax, hardMin + 10) };
  if (percent) {
    if (!up) return { lo: Math.max(hardMin, anchor * 0.2), hi: Math.min(hardMax, anchor * 3, anchor + 12) };
    if (anchor >= 100 && hardMax > 100) return { lo: anchor * 0.75, hi: Math.min(hardMax, anchor * 1.3) };
    return { lo: Math.max(hardMin, anchor - 40, anchor * 0.5), hi: Math.min(hardMax, 100) };
  }
  if (!up) return anchor === 0 ? { lo: 0, hi: 20 } : { lo: anchor * 0.2, hi: anchor * 3 };
  return anchor >= 10 ? { lo: anchor * 0.8, hi: Math.min(hardMax, anchor * 1.9) } : { lo: 0, hi: anchor + 3 };
}

function narrow(interval: Interval, constraint: Constraint, step: number): Interval {
  const t = constraint.threshold;
  if (typeof t !== 'number') throw new Error(`Dữ liệu demo: ngưỡng ${String(t)} không phải số`);
  const { lo, hi } = interval;
  const meet = constraint.want === 'meet';
  switch (constraint.comparator) {
    case 'gte':
      return meet ? { lo: Math.max(lo, t), hi } : { lo, hi: Math.min(hi, t - step) };
    case 'gt':
      return meet ? { lo: Math.max(lo, t + step), hi } : { lo, hi: Math.min(hi, t) };
    case 'lte':
      return meet ? { lo, hi: Math.min(hi, t) } : { lo: Math.max(lo, t + step), hi };
    case 'lt':
      return meet ? { lo, hi: Math.min(hi, t - step) } : { lo: Math.max(lo, t), hi };
    default:
      throw new Error(`Dữ liệu demo: chưa sinh được số liệu cho phép so sánh ${constraint.comparator}`);
  }
}

/** The interval allowed by the constraints, inside the natural range when that is possible. */
function allowed(
  natural: Interval,
  hard: Interval,
  constraints: readonly Constraint[],
  step: number,
  context: string,
): Interval {
  const snap = (i: Interval): Interval => ({
    lo: Math.ceil(i.lo / step - 1e-9) * step,
    hi: Math.floor(i.hi / step + 1e-9) * step,
  });
  const within = snap(constraints.reduce((i, c) => narrow(i, c, step), natural));
  if (within.lo <= within.hi) return within;
  const relaxed = snap(constraints.reduce((i, c) => narrow(i, c, step), hard));
  if (relaxed.lo > relaxed.hi) throw new Error(`Dữ liệu demo: các yêu cầu về ${context} mâu thuẫn nhau`);
  return relaxed;
}

function clamp(value: number, interval: Interval): number {
  return Math.min(interval.hi, Math.max(interval.lo, value));
}

interface Reference {
  quantity: Quantity;
  indicator: Indicator;
  set: CriteriaSet;
  criterion: string;
}

/**
 * The indicator that carries each missed criterion, fixed for the unit so the same gap
 * narrows year after year; numeric ones are preferred because they have a gap to show. A
 * yes/no measure another demanded set also reads is avoided: it cannot be "no" for one set
 * and "yes" for the other, where a number can sit between two thresholds.
 */
function chooseFailing(random: Random, references: ReadonlyMap<string, Reference[]>): Map<string, string> {
  const shared = new Set<Indicator>();
  const sets: CriteriaSet[] = [];
  for (const refs of references.values()) {
    for (const ref of refs) if (!sets.includes(ref.set)) sets.push(ref.set);
    if (new Set(refs.map((r) => r.set)).size > 1) for (const ref of refs) shared.add(ref.indicator);
  }
  const failing = new Map<string, string>();
  for (const set of sets) {
    for (const criterion of set.criteria) {
      const usable = criterion.indicators.filter((i) => i.valueType !== 'boolean' || !shared.has(i));
      const candidates = usable.length > 0 ? usable : criterion.indicators;
      const numeric = candidates.filter((i) => i.valueType !== 'boolean');
      const pool = numeric.length > 0 && random.chance(0.75) ? numeric : candidates;
      failing.set(`${set.id}|${criterion.number}`, random.pick(pool).code);
    }
  }
  return failing;
}

function constraintsFor(
  unit: Unit,
  refs: readonly Reference[],
  demands: readonly SetDemand[],
  failing: ReadonlyMap<string, string>,
): Constraint[] {
  const constraints: Constraint[] = [];
  for (const ref of refs) {
    const demand = demands.find((d) => d.set === ref.set);
    if (!demand || demand.unmet === 'free') continue;
    const threshold = selectThreshold(ref.set, ref.indicator, unit);
    if (!threshold) continue;
    const missed = demand.unmet.includes(ref.criterion);
    const carrier = failing.get(`${ref.set.id}|${ref.criterion}`) === ref.indicator.code;
    const want = !missed ? 'meet' : carrier ? 'fail' : demand.othersInMissed === 'meet' ? 'meet' : null;
    if (want) constraints.push({ comparator: ref.indicator.comparator, threshold: threshold.value, want });
  }
  return constraints;
}

function booleanValue(constraints: readonly Constraint[], draw: number, quality: number): boolean {
  let value: boolean | null = null;
  for (const c of constraints) {
    const wanted = (c.comparator === 'is_true') === (c.want === 'meet');
    if (value !== null && value !== wanted) throw new Error('Dữ liệu demo: yêu cầu Có/Không mâu thuẫn');
    value = wanted;
  }
  return value ?? draw < 0.35 + 0.6 * quality;
}

function referencesOf(
  unit: Unit,
  plans: readonly UnitYearPlan[],
  measures: ReadonlyMap<string, Measure>,
): Map<string, Reference[]> {
  const byKey = new Map<string, Reference[]>();
  const seenSets = new Set<CriteriaSet>();
  for (const plan of plans) {
    for (const { set } of plan.demands) {
      if (seenSets.has(set)) continue;
      seenSets.add(set);
      for (const criterion of set.criteria) {
        for (const indicator of criterion.indicators) {
          const quantity = quantityOf(indicator, measures, unit);
          const refs = byKey.get(quantity.key) ?? [];
          refs.push({ quantity, indicator, set, criterion: criterion.number });
          byKey.set(quantity.key, refs);
        }
      }
    }
  }
  return byKey;
}

/** Observations of every measure the demanded sets read, for each planned year. */
export function generateUnitValues(
  unit: Unit,
  plans: readonly UnitYearPlan[],
  measures: ReadonlyMap<string, Measure>,
  random: Random,
): MeasureValue[] {
  const sortedPlans = [...plans].sort((a, b) => a.year - b.year);
  const references = referencesOf(unit, sortedPlans, measures);
  const failing = chooseFailing(random, references);
  const out: MeasureValue[] = [];
  const emit = (plan: UnitYearPlan, measureCode: string, value: ObservedValue) =>
    out.push({
      unitId: unit.id,
      measureCode,
      year: plan.year,
      value,
      source: DEMO_VALUE_SOURCE,
      status: plan.status,
    });

  for (const refs of references.values()) {
    const first = refs[0];
    if (!first) continue;
    const quantity = first.quantity;
    const draw = random.next();
    const perYear = sortedPlans.map((plan) => constraintsFor(unit, refs, plan.demands, failing));
    const dropped = sortedPlans.map(
      (plan, i) => !(perYear[i] ?? []).some((c) => c.want === 'meet') && random.chance(plan.missingRate),
    );

    if (quantity.kind === 'measure' && quantity.measure.valueType === 'boolean') {
      sortedPlans.forEach((plan, i) => {
        if (!dropped[i]) emit(plan, quantity.key, booleanValue(perYear[i] ?? [], draw, plan.quality));
      });
      continue;
    }

    const anchorRef = refs.find((r) => r.indicator.thresholds.length > 0);
    const anchorThreshold = anchorRef ? selectThreshold(anchorRef.set, anchorRef.indicator, unit) : null;
    const anchor = typeof anchorThreshold?.value === 'number' ? anchorThreshold.value : null;
    const up = isUp(anchorRef?.indicator.comparator ?? 'gte');
    const decimals = decimalsOf(quantity);
    const step = 10 ** -decimals;
    const natural = naturalRange(quantity, anchor, up);
    const hard: Interval =
      quantity.kind === 'measure'
        ? { lo: quantity.measure.min ?? 0, hi: quantity.measure.max ?? Number.MAX_SAFE_INTEGER }
        : { lo: 0, hi: 100 };
    const intervals = perYear.map((constraints, i) =>
      allowed(
        natural,
        hard,
        constraints,
        step,
        `${quantity.key} của ${unit.name} năm ${sortedPlans[i]?.year}`,
      ),
    );
    const values = sortedPlans.map((plan, i) => {
      const interval = intervals[i] as Interval;
      const position = Math.min(1, Math.max(0, 0.55 * plan.quality + 0.45 * draw));
      const raw = up
        ? interval.lo + position * (interval.hi - interval.lo)
        : interval.hi - position * (interval.hi - interval.lo);
      return roundTo(clamp(roundTo(raw, decimals), interval), decimals);
    });
    // A later year is never worse, unless its constraints force a decline (a slip).
    for (let i = values.length - 2; i >= 0; i--) {
      const later = values[i + 1] as number;
      const current = values[i] as number;
      const interval = intervals[i] as Interval;
      const worseLater = up ? current > later : current < later;
      if (worseLater && later >= interval.lo && later <= interval.hi) values[i] = later;
    }

    if (quantity.kind === 'measure') {
      sortedPlans.forEach((plan, i) => {
        if (!dropped[i]) emit(plan, quantity.key, values[i] as number);
      });
      continue;
    }
    const denominatorDecimals = quantity.denominator.unit.includes('km') ? 1 : 0;
    const denominator =
      denominatorDecimals === 0
        ? random.int(3, 5)
        : roundTo(unit.level === 'village' ? random.between(1, 5) : random.between(8, 30), 1);
    const numeratorStep = 10 ** -denominatorDecimals;
    sortedPlans.forEach((plan, i) => {
      const interval = intervals[i] as Interval;
      const scale = denominator / quantity.factor;
      const range: Interval = {
        lo: Math.ceil((interval.lo * scale) / numeratorStep - 1e-9) * numeratorStep,
        hi: Math.floor((interval.hi * scale) / numeratorStep + 1e-9) * numeratorStep,
      };
      if (range.lo > range.hi) throw new Error(`Dữ liệu demo: không chia được ${quantity.key} theo yêu cầu`);
      const numerator = roundTo(clamp((values[i] as number) * scale, range), denominatorDecimals);
      emit(plan, quantity.denominator.code, denominator);
      if (!dropped[i]) emit(plan, quantity.numerator.code, numerator);
    });
  }
  return out;
}

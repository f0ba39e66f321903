import {
  type CriteriaSet,
  type Formula,
  type Indicator,
  isMet,
  type Measure,
  measures,
  measuresByCode,
  type ObservedValue,
  selectThreshold,
  type Unit,
} from '@ntm/core';
import { createRandom, type Random } from '../../packages/server/src/demo/random';
import { BENCH_SEED } from './units';

export const BENCH_SOURCE = 'Số liệu đo hiệu năng (minh họa)';

export interface ValueRow {
  unitId: string;
  year: number;
  measure: string;
  value: ObservedValue;
  source: string;
}

/** Everything a commune reports itself: all commune measures except shares computed from villages. */
export const communeMeasures: readonly Measure[] = measures.filter(
  (m) => m.levelsObserved.includes('commune') && m.rollup.kind !== 'share_true',
);

/** The village measures that commune shares (share_true) are computed from. */
const villageMeasures: readonly Measure[] = [
  ...new Set(measures.flatMap((m) => (m.rollup.kind === 'share_true' ? [m.rollup.ofMeasure] : []))),
].flatMap((code) => measuresByCode.get(code) ?? []);

function gaussian(r: Random): number {
  return Math.sqrt(-2 * Math.log(1 - r.next())) * Math.cos(2 * Math.PI * r.next());
}

/** How strong a commune is in a year, 0–1: a fixed draw that improves by 5 points a year. */
export function strengthOf(commune: Unit, year: number): number {
  const r = createRandom(`strength|${commune.id}`, BENCH_SEED);
  const base = 0.25 + (0.7 * (r.next() + r.next() + r.next())) / 3;
  const handicap = commune.flags.includes('especially_difficult') ? 0.15 : 0;
  return Math.min(0.98, Math.max(0.1, base - handicap + 0.05 * (year - 2020)));
}

const difficulties = new Map<string, number>();
function difficultyOf(code: string): number {
  let d = difficulties.get(code);
  if (d === undefined) {
    d = createRandom(`difficulty|${code}`, BENCH_SEED).next();
    difficulties.set(code, d);
  }
  return d;
}

function decimalsOf(measure: Measure): number {
  if (measure.valueType === 'percent') return 1;
  return measure.unit.includes('km') || measure.unit.includes('triệu') ? 1 : 0;
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

function clamp(value: number, measure: Measure): number {
  return Math.min(measure.max ?? Number.POSITIVE_INFINITY, Math.max(measure.min ?? 0, value));
}

/** A value for a measure no indicator of the year's set judges. */
function plainValue(measure: Measure, r: Random): ObservedValue {
  switch (measure.valueType) {
    case 'boolean':
      return r.chance(0.85);
    case 'percent':
      return round(clamp(r.between(55, 100), measure), 1);
    case 'level':
      return r.pick(measure.levels ?? ['']);
    case 'number':
      return measure.unit.includes('triệu') ? round(r.between(35, 95), 1) : r.int(0, 12);
  }
}

/** A value just inside or just outside the threshold: most communes sit near it. */
function judgedValue(
  measure: Measure,
  indicator: Indicator,
  threshold: ObservedValue,
  met: boolean,
  r: Random,
): ObservedValue {
  if (indicator.comparator === 'is_true') return met;
  if (indicator.comparator === 'is_false') return !met;
  if (indicator.comparator === 'level_gte') {
    const levels = measure.levels ?? [];
    const at = Math.max(0, levels.indexOf(String(threshold)));
    return (met ? levels[r.int(at, levels.length - 1)] : levels[r.int(0, Math.max(0, at - 1))]) ?? '';
  }
  const t = Number(threshold);
  const decimals = decimalsOf(measure);
  const step = 10 ** -decimals;
  const margin = Math.abs(gaussian(r)) * 0.08 + 0.01;
  const up = indicator.comparator === 'gte' || indicator.comparator === 'gt';
  const direction = (up ? 1 : -1) * (met ? 1 : -1);
  const scale = Math.max(Math.abs(t), measure.valueType === 'percent' ? 10 : 1);
  let value = round(clamp(t + direction * Math.max(step, margin * scale), measure), decimals);
  for (let i = 0; i < 5 && isMet(indicator.comparator, value, t) !== met; i++) {
    value = round(clamp(value + direction * step, measure), decimals);
  }
  return value;
}

function ratioOf(formula: Formula): { numerator: string; denominator: string } | null {
  if (!('op' in formula) || formula.op !== 'mul' || !('op' in formula.left)) return null;
  const div = formula.left;
  if (div.op !== 'div' || !('measure' in div.left) || !('measure' in div.right)) return null;
  return { numerator: div.left.measure, denominator: div.right.measure };
}

interface Judged {
  indicator: Indicator;
  threshold: ObservedValue;
}

/**
 * A commune's values for a year, and its villages' — seeded by unit, year and revision, so a
 * province generated alone gets the same numbers as in the whole country. Each judged value
 * is met with a chance that grows with the commune's strength and falls with the indicator's
 * difficulty; about 1.5% of values and 0.5% of commune-years are missing.
 */
export function communeYearValues(
  commune: Unit,
  villages: readonly Unit[],
  year: number,
  set: CriteriaSet,
  revision = 0,
): ValueRow[] {
  const r = createRandom(`values|${commune.id}|${year}|${revision}`, BENCH_SEED);
  if (r.chance(0.005)) return [];
  const strength = strengthOf(commune, year);
  const meets = (code: string) => r.next() >= (1 - strength) * (0.03 + 0.2 * difficultyOf(code));
  const rows: ValueRow[] = [];
  const add = (unitId: string, measure: string, value: ObservedValue) =>
    rows.push({ unitId, year, measure, value, source: BENCH_SOURCE });

  const judged = new Map<string, Judged>();
  const ratios: { indicator: Indicator; numerator: Measure; denominator: Measure; threshold: number }[] = [];
  const shares: { measure: Measure; ofMeasure: string; threshold: number; met: boolean }[] = [];
  for (const indicator of set.criteria.flatMap((c) => c.indicators)) {
    const threshold = selectThreshold(set, indicator, commune);
    if (!threshold) continue;
    const measure = indicator.measure ? measuresByCode.get(indicator.measure) : undefined;
    if (measure?.rollup.kind === 'share_true') {
      shares.push({
        measure,
        ofMeasure: measure.rollup.ofMeasure,
        threshold: Number(threshold.value),
        met: meets(indicator.code),
      });
    } else if (measure) {
      judged.set(measure.code, { indicator, threshold: threshold.value });
    } else if (indicator.derived) {
      const ratio = ratioOf(indicator.derived);
      const numerator = ratio && measuresByCode.get(ratio.numerator);
      const denominator = ratio && measuresByCode.get(ratio.denominator);
      if (numerator && denominator) {
        ratios.push({ indicator, numerator, denominator, threshold: Number(threshold.value) });
      }
    }
  }

  const ratioValues = new Map<string, number>();
  for (const { indicator, numerator, denominator, threshold } of ratios) {
    const met = meets(indicator.code);
    const whole = decimalsOf(denominator) === 0 ? r.int(3, 7) : round(r.between(8, 60), 1);
    const share = Math.min(100, Math.max(0, threshold + (met ? 1 : -1) * (Math.abs(gaussian(r)) * 8 + 1)));
    let part =
      decimalsOf(numerator) === 0 ? Math.floor((share * whole) / 100) : round((share * whole) / 100, 1);
    if (met && (part / whole) * 100 < threshold) part = whole;
    ratioValues.set(denominator.code, whole);
    ratioValues.set(numerator.code, Math.min(part, whole));
  }

  for (const measure of communeMeasures) {
    if (r.chance(0.015)) continue;
    const known = ratioValues.get(measure.code);
    if (known !== undefined) {
      add(commune.id, measure.code, known);
      continue;
    }
    const rule = judged.get(measure.code);
    add(
      commune.id,
      measure.code,
      rule
        ? judgedValue(measure, rule.indicator, rule.threshold, meets(rule.indicator.code), r)
        : plainValue(measure, r),
    );
  }

  for (const measure of villageMeasures) {
    const share = shares.find((s) => s.ofMeasure === measure.code);
    const n = villages.length;
    let yes = n;
    if (share) {
      const needed = Math.ceil((share.threshold / 100) * n - 1e-9);
      yes = share.met ? r.int(Math.min(n, needed), n) : r.int(0, Math.max(0, needed - 1));
    } else {
      yes = Math.round(n * r.between(0.8, 1));
    }
    const order = r.shuffle(villages);
    order.forEach((village, i) => {
      add(village.id, measure.code, i < yes);
    });
  }
  return rows;
}

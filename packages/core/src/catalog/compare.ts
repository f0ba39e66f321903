import { conditionKey } from './coverage';
import type { Comparator, CriteriaSet, Criterion, Indicator, Threshold, ThresholdCondition } from './schema';

/** How one threshold moved from the earlier set to the later one, for the same units. */
export type ThresholdChange = 'added' | 'removed' | 'tightened' | 'loosened' | 'changed' | 'unchanged';
export type ItemChange = 'added' | 'removed' | 'changed' | 'unchanged';
export type IndicatorDifference = 'name' | 'unit' | 'valueType' | 'comparator' | 'measure' | 'formula';
export type CriterionDifference = 'name' | 'group' | 'leadDepartment';

export interface ThresholdComparison {
  /** Thresholds with the same conditions apply to the same units, so they are compared with each other. */
  key: string;
  when: ThresholdCondition | null;
  before: Threshold | null;
  after: Threshold | null;
  change: ThresholdChange;
}

export interface IndicatorOutline {
  name: string;
  unit: string;
  valueType: Indicator['valueType'];
  comparator: Comparator;
  measure: string | null;
  derived: boolean;
}

export interface IndicatorComparison {
  code: string;
  change: ItemChange;
  before: IndicatorOutline | null;
  after: IndicatorOutline | null;
  differences: IndicatorDifference[];
  thresholds: ThresholdComparison[];
}

export interface CriterionOutline {
  name: string;
  group: string | null;
  leadDepartment: string;
  indicatorCount: number;
}

export interface CriterionComparison {
  number: string;
  change: ItemChange;
  before: CriterionOutline | null;
  after: CriterionOutline | null;
  differences: CriterionDifference[];
  /**
   * False when one side records no indicator at all (its official annex is not in the
   * catalog yet): listing every indicator as removed would misreport the law.
   */
  indicatorsComparable: boolean;
  indicators: IndicatorComparison[];
}

export interface ComparisonCounts {
  criteriaAdded: number;
  criteriaRemoved: number;
  criteriaRenamed: number;
  indicatorsAdded: number;
  indicatorsRemoved: number;
  indicatorsRenamed: number;
  /** Threshold counts cover indicators present in both sets. */
  thresholdsAdded: number;
  thresholdsRemoved: number;
  thresholdsTightened: number;
  thresholdsLoosened: number;
  thresholdsChanged: number;
}

export interface CriteriaSetComparison {
  fromId: string;
  toId: string;
  criteria: CriterionComparison[];
  counts: ComparisonCounts;
}

/** Levels of a `level` measure, lowest first, so a raised level reads as tightened. */
export type LevelsOf = (measureCode: string) => readonly string[] | undefined;

const byNumber = new Intl.Collator('en', { numeric: true });

function outlineIndicator(indicator: Indicator): IndicatorOutline {
  return {
    name: indicator.name,
    unit: indicator.unit,
    valueType: indicator.valueType,
    comparator: indicator.comparator,
    measure: indicator.measure ?? null,
    derived: indicator.derived !== undefined,
  };
}

function outlineCriterion(criterion: Criterion): CriterionOutline {
  return {
    name: criterion.name,
    group: criterion.group ?? null,
    leadDepartment: criterion.leadDepartment,
    indicatorCount: criterion.indicators.length,
  };
}

function direction(
  comparator: Comparator,
  before: Threshold['value'],
  after: Threshold['value'],
  levels: readonly string[] | undefined,
): ThresholdChange {
  if (typeof before === 'number' && typeof after === 'number') {
    if (comparator === 'gte' || comparator === 'gt') return after > before ? 'tightened' : 'loosened';
    if (comparator === 'lte' || comparator === 'lt') return after < before ? 'tightened' : 'loosened';
  }
  if (comparator === 'level_gte' && typeof before === 'string' && typeof after === 'string' && levels) {
    const from = levels.indexOf(before);
    const to = levels.indexOf(after);
    if (from >= 0 && to >= 0) return to > from ? 'tightened' : 'loosened';
  }
  return 'changed';
}

function compareThresholds(
  before: Indicator,
  after: Indicator,
  levels: readonly string[] | undefined,
): ThresholdComparison[] {
  const earlier = new Map(before.thresholds.map((t) => [conditionKey(t.when), t]));
  const later = new Map(after.thresholds.map((t) => [conditionKey(t.when), t]));
  const keys = [...new Set([...earlier.keys(), ...later.keys()])];
  return keys.map((key) => {
    const b = earlier.get(key) ?? null;
    const a = later.get(key) ?? null;
    const when = (a ?? b)?.when ?? null;
    let change: ThresholdChange;
    if (!b) change = 'added';
    else if (!a) change = 'removed';
    else if (b.value === a.value && before.comparator === after.comparator) change = 'unchanged';
    else if (before.comparator !== after.comparator) change = 'changed';
    else change = direction(after.comparator, b.value, a.value, levels);
    return { key, when, before: b, after: a, change };
  });
}

function oneSided(thresholds: readonly Threshold[], change: 'added' | 'removed'): ThresholdComparison[] {
  return thresholds.map((t) => ({
    key: conditionKey(t.when),
    when: t.when ?? null,
    before: change === 'removed' ? t : null,
    after: change === 'added' ? t : null,
    change,
  }));
}

function compareIndicator(
  code: string,
  before: Indicator | undefined,
  after: Indicator | undefined,
  levelsOf: LevelsOf,
): IndicatorComparison {
  if (!before || !after) {
    const present = (before ?? after) as Indicator;
    const change = before ? 'removed' : 'added';
    return {
      code,
      change,
      before: before ? outlineIndicator(before) : null,
      after: after ? outlineIndicator(after) : null,
      differences: [],
      thresholds: oneSided(present.thresholds, change),
    };
  }
  const differences: IndicatorDifference[] = [];
  if (before.name !== after.name) differences.push('name');
  if (before.unit !== after.unit) differences.push('unit');
  if (before.valueType !== after.valueType) differences.push('valueType');
  if (before.comparator !== after.comparator) differences.push('comparator');
  if ((before.measure ?? null) !== (after.measure ?? null)) differences.push('measure');
  if (JSON.stringify(before.derived ?? null) !== JSON.stringify(after.derived ?? null))
    differences.push('formula');
  const levels = after.measure ? levelsOf(after.measure) : undefined;
  const thresholds = compareThresholds(before, after, levels);
  const changed = differences.length > 0 || thresholds.some((t) => t.change !== 'unchanged');
  return {
    code,
    change: changed ? 'changed' : 'unchanged',
    before: outlineIndicator(before),
    after: outlineIndicator(after),
    differences,
    thresholds,
  };
}

function compareIndicators(
  before: readonly Indicator[],
  after: readonly Indicator[],
  levelsOf: LevelsOf,
): IndicatorComparison[] {
  const earlier = new Map(before.map((i) => [i.code, i]));
  const later = new Map(after.map((i) => [i.code, i]));
  const codes = [...new Set([...earlier.keys(), ...later.keys()])].sort(byNumber.compare);
  return codes.map((code) => compareIndicator(code, earlier.get(code), later.get(code), levelsOf));
}

function compareCriterion(
  number: string,
  before: Criterion | undefined,
  after: Criterion | undefined,
  levelsOf: LevelsOf,
): CriterionComparison {
  if (!before || !after) {
    const present = (before ?? after) as Criterion;
    return {
      number,
      change: before ? 'removed' : 'added',
      before: before ? outlineCriterion(before) : null,
      after: after ? outlineCriterion(after) : null,
      differences: [],
      indicatorsComparable: true,
      indicators: compareIndicators(
        before ? present.indicators : [],
        after ? present.indicators : [],
        levelsOf,
      ),
    };
  }
  const differences: CriterionDifference[] = [];
  if (before.name !== after.name) differences.push('name');
  if ((before.group ?? null) !== (after.group ?? null)) differences.push('group');
  if (before.leadDepartment !== after.leadDepartment) differences.push('leadDepartment');
  const indicatorsComparable = (before.indicators.length === 0) === (after.indicators.length === 0);
  const indicators = indicatorsComparable
    ? compareIndicators(before.indicators, after.indicators, levelsOf)
    : [];
  const changed = differences.length > 0 || indicators.some((i) => i.change !== 'unchanged');
  return {
    number,
    change: changed ? 'changed' : 'unchanged',
    before: outlineCriterion(before),
    after: outlineCriterion(after),
    differences,
    indicatorsComparable,
    indicators,
  };
}

function countChanges(criteria: readonly CriterionComparison[]): ComparisonCounts {
  const counts: ComparisonCounts = {
    criteriaAdded: 0,
    criteriaRemoved: 0,
    criteriaRenamed: 0,
    indicatorsAdded: 0,
    indicatorsRemoved: 0,
    indicatorsRenamed: 0,
    thresholdsAdded: 0,
    thresholdsRemoved: 0,
    thresholdsTightened: 0,
    thresholdsLoosened: 0,
    thresholdsChanged: 0,
  };
  for (const criterion of criteria) {
    if (criterion.change === 'added') counts.criteriaAdded++;
    if (criterion.change === 'removed') counts.criteriaRemoved++;
    if (criterion.differences.includes('name')) counts.criteriaRenamed++;
    for (const indicator of criterion.indicators) {
      if (indicator.change === 'added') counts.indicatorsAdded++;
      if (indicator.change === 'removed') counts.indicatorsRemoved++;
      if (indicator.differences.includes('name')) counts.indicatorsRenamed++;
      if (indicator.before === null || indicator.after === null) continue;
      for (const threshold of indicator.thresholds) {
        switch (threshold.change) {
          case 'added':
            counts.thresholdsAdded++;
            break;
          case 'removed':
            counts.thresholdsRemoved++;
            break;
          case 'tightened':
            counts.thresholdsTightened++;
            break;
          case 'loosened':
            counts.thresholdsLoosened++;
            break;
          case 'changed':
            counts.thresholdsChanged++;
            break;
          case 'unchanged':
            break;
        }
      }
    }
  }
  return counts;
}

/**
 * What changes from `from` to `to`: criteria matched by number, indicators by code,
 * thresholds by the units they apply to. "Tightened" means fewer units meet the threshold
 * (a higher floor, a lower ceiling, a higher level).
 */
export function compareCriteriaSets(
  from: CriteriaSet,
  to: CriteriaSet,
  levelsOf: LevelsOf = () => undefined,
): CriteriaSetComparison {
  const earlier = new Map(from.criteria.map((c) => [c.number, c]));
  const later = new Map(to.criteria.map((c) => [c.number, c]));
  const numbers = [...new Set([...earlier.keys(), ...later.keys()])].sort(byNumber.compare);
  const criteria = numbers.map((n) => compareCriterion(n, earlier.get(n), later.get(n), levelsOf));
  return { fromId: from.id, toId: to.id, criteria, counts: countChanges(criteria) };
}

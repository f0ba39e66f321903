import type { Measure } from '../catalog/schema';
import { existedDuring } from '../units/tree';
import type { Unit } from '../units/unit';
import type { ObservedValue, ValueMap } from './value';

/** A part holding a value of the wrong type for its measure's roll-up rule. */
export class RollupTypeError extends Error {
  override name = 'RollupTypeError';
  constructor(
    message: string,
    readonly measureCode: string,
    readonly unitId: string,
  ) {
    super(message);
  }
}

export interface RollupPart {
  value: ObservedValue | null;
  unit: Unit;
}

function numbersOf(measure: Measure, parts: readonly RollupPart[]): number[] | null {
  const numbers: number[] = [];
  for (const part of parts) {
    if (part.value === null) return null;
    if (typeof part.value !== 'number') {
      throw new RollupTypeError(
        `Số liệu ${measure.code} của ${part.unit.name} phải là số, nhận được ${JSON.stringify(part.value)}`,
        measure.code,
        part.unit.id,
      );
    }
    numbers.push(part.value);
  }
  return numbers;
}

function booleanOf(measureCode: string, value: ObservedValue | null, unit: Unit): boolean | null {
  if (value === null) return null;
  if (typeof value !== 'boolean') {
    throw new RollupTypeError(
      `Số liệu ${measureCode} của ${unit.name} phải là Có/Không, nhận được ${JSON.stringify(value)}`,
      measureCode,
      unit.id,
    );
  }
  return value;
}

function weightOf(unit: Unit, weight: 'households' | 'population' | 'area' | 'equal'): number | null {
  switch (weight) {
    case 'households':
      return unit.households;
    case 'population':
      return unit.population;
    case 'area':
      return unit.areaKm2;
    case 'equal':
      return 1;
  }
}

/**
 * A part lacking its weight is left out, unless every part lacks it: then the mean is
 * unweighted, which is all the data allows.
 */
function weightedMean(
  measure: Measure,
  parts: readonly RollupPart[],
  weight: 'households' | 'population' | 'area' | 'equal',
): number | null {
  const values = numbersOf(measure, parts);
  if (values === null) return null;
  const weights = parts.map((part) => weightOf(part.unit, weight));
  const allLack = weights.every((w) => w === null);
  let total = 0;
  let weighted = 0;
  for (let i = 0; i < values.length; i++) {
    const w = allLack ? 1 : weights[i];
    if (w === null || w === undefined) continue;
    total += w;
    weighted += w * (values[i] as number);
  }
  return total === 0 ? null : weighted / total;
}

/** Three-valued: one "no" settles "all" even while other parts are unknown. */
function allTrue(measure: Measure, parts: readonly RollupPart[]): boolean | null {
  let unknown = false;
  for (const part of parts) {
    const value = booleanOf(measure.code, part.value, part.unit);
    if (value === false) return false;
    if (value === null) unknown = true;
  }
  return unknown ? null : true;
}

/** Three-valued: one "yes" settles "any" even while other parts are unknown. */
function anyTrue(measure: Measure, parts: readonly RollupPart[]): boolean | null {
  let unknown = false;
  for (const part of parts) {
    const value = booleanOf(measure.code, part.value, part.unit);
    if (value === true) return true;
    if (value === null) unknown = true;
  }
  return unknown ? null : false;
}

function extreme(measure: Measure, parts: readonly RollupPart[], pick: 'min' | 'max'): ObservedValue | null {
  if (measure.valueType === 'level') {
    const levels = measure.levels ?? [];
    let best = -1;
    for (const part of parts) {
      const index = typeof part.value === 'string' ? levels.indexOf(part.value) : -1;
      if (part.value === null) return null;
      if (index < 0) {
        throw new RollupTypeError(
          `Số liệu ${measure.code} của ${part.unit.name} không thuộc các mức ${levels.join(', ')}`,
          measure.code,
          part.unit.id,
        );
      }
      if (best < 0 || (pick === 'min' ? index < best : index > best)) best = index;
    }
    return levels[best] ?? null;
  }
  const values = numbersOf(measure, parts);
  if (values === null) return null;
  return pick === 'min' ? Math.min(...values) : Math.max(...values);
}

function shareTrue(
  measure: Measure,
  ofMeasure: string,
  parts: readonly RollupPart[],
  childMeasureValues: ReadonlyMap<string, ObservedValue | null>,
): number | null {
  let yes = 0;
  for (const part of parts) {
    const value = booleanOf(ofMeasure, childMeasureValues.get(part.unit.id) ?? null, part.unit);
    if (value === null) return null;
    if (value) yes++;
  }
  return measure.valueType === 'percent' ? (100 * yes) / parts.length : yes / parts.length;
}

/**
 * Combines the values of `parts` (villages of a commune, or merged predecessors of a commune)
 * by the measure's rule (PRODUCT §6). A missing value makes sums, means and extremes unknown
 * (null) rather than silently smaller; zero parts give null.
 *
 * `childMeasureValues` holds, by part unit id, the parts' values of the `share_true` rule's
 * `ofMeasure` (e.g. "village meets NTM"). Without it a share cannot be recomputed, so a
 * share_true measure only passes a single part's own value through (a renamed commune).
 */
export function rollUpMeasure(
  measure: Measure,
  parts: readonly RollupPart[],
  childMeasureValues?: ReadonlyMap<string, ObservedValue | null>,
): ObservedValue | null {
  if (parts.length === 0) return null;
  const rule = measure.rollup;
  switch (rule.kind) {
    case 'sum': {
      const values = numbersOf(measure, parts);
      return values === null ? null : values.reduce((a, b) => a + b, 0);
    }
    case 'weighted_mean':
      return weightedMean(measure, parts, rule.weight);
    case 'all':
      return allTrue(measure, parts);
    case 'any':
      return anyTrue(measure, parts);
    case 'share_true':
      if (childMeasureValues) return shareTrue(measure, rule.ofMeasure, parts, childMeasureValues);
      return parts.length === 1 ? (parts[0]?.value ?? null) : null;
    case 'min':
      return extreme(measure, parts, 'min');
    case 'max':
      return extreme(measure, parts, 'max');
    case 'none':
      return parts.length === 1 ? (parts[0]?.value ?? null) : null;
  }
}

export type ValueProvenance = 'own' | 'children' | 'predecessors';

export interface UnitValuesSource {
  unit: Unit;
  values: ValueMap;
}

export interface ResolveUnitValuesInput {
  unit: Unit;
  year: number;
  own: ValueMap;
  children: readonly UnitValuesSource[];
  predecessors: readonly UnitValuesSource[];
  measures: ReadonlyMap<string, Measure>;
}

export interface ResolvedUnitValues {
  values: Map<string, ObservedValue>;
  provenance: Map<string, ValueProvenance>;
}

function partsFor(measureCode: string, sources: readonly UnitValuesSource[]): RollupPart[] {
  return sources.map((source) => ({ unit: source.unit, value: source.values.get(measureCode) ?? null }));
}

/**
 * The values a unit is evaluated on for a year: its own observations first; else what its
 * children (villages) add up to; else, for a unit formed by a merger, what its predecessors
 * reported that year, so history follows the lineage. Children and predecessors that did not
 * exist during the year, and predecessors that reported nothing that year, are left out.
 */
export function resolveUnitValues(input: ResolveUnitValuesInput): ResolvedUnitValues {
  const values = new Map<string, ObservedValue>(input.own);
  const provenance = new Map<string, ValueProvenance>();
  for (const code of input.own.keys()) provenance.set(code, 'own');

  const children = input.children.filter((child) => existedDuring(child.unit, input.year));
  const predecessors = input.predecessors.filter(
    (predecessor) => predecessor.values.size > 0 && existedDuring(predecessor.unit, input.year),
  );

  for (const measure of input.measures.values()) {
    if (values.has(measure.code)) continue;
    if (children.length > 0) {
      const rule = measure.rollup;
      const childMeasureValues =
        rule.kind === 'share_true'
          ? new Map(children.map((child) => [child.unit.id, child.values.get(rule.ofMeasure) ?? null]))
          : undefined;
      const value = rollUpMeasure(measure, partsFor(measure.code, children), childMeasureValues);
      if (value !== null) {
        values.set(measure.code, value);
        provenance.set(measure.code, 'children');
        continue;
      }
    }
    if (predecessors.length > 0) {
      const value = rollUpMeasure(measure, partsFor(measure.code, predecessors));
      if (value !== null) {
        values.set(measure.code, value);
        provenance.set(measure.code, 'predecessors');
      }
    }
  }
  return { values, provenance };
}

import {
  CommuneGroup,
  type CommuneGroup as CommuneGroupCode,
  communeGroupNames,
  Region,
  type Region as RegionCode,
  regionNames,
} from '../units/unit';
import type { CriteriaSet, Threshold, ThresholdCondition } from './schema';

type Dimension = CriteriaSet['thresholdDimension'];

/** Two thresholds with the same key would both apply to the same units. */
export function conditionKey(when: ThresholdCondition | undefined): string {
  const sorted = (xs: readonly string[] | undefined) => [...(xs ?? [])].sort().join(',');
  return `r:${sorted(when?.regions)}|g:${sorted(when?.communeGroups)}|f:${sorted(when?.flags)}`;
}

/**
 * A threshold limited to flagged units (coastal, especially difficult, ...) leaves the
 * other units of its region or group without one, so only flag-free thresholds count
 * towards coverage.
 */
function coversAll(t: Threshold, dimension: Dimension): boolean {
  const w = t.when;
  if ((w?.flags?.length ?? 0) > 0) return false;
  if (dimension === 'region') return (w?.regions?.length ?? 0) === 0;
  if (dimension === 'commune_group') return (w?.communeGroups?.length ?? 0) === 0;
  return (w?.regions?.length ?? 0) === 0 && (w?.communeGroups?.length ?? 0) === 0;
}

/**
 * The regions or commune groups (by display name) that no threshold of the indicator
 * applies to. For a set without a dimension, a single "chung" entry means no general value.
 */
export function uncoveredCells(thresholds: readonly Threshold[], dimension: Dimension): string[] {
  const flagFree = thresholds.filter((t) => (t.when?.flags?.length ?? 0) === 0);
  if (flagFree.some((t) => coversAll(t, dimension))) return [];
  if (dimension === 'region') {
    const covered = new Set<RegionCode>(flagFree.flatMap((t) => t.when?.regions ?? []));
    return Region.options.filter((r) => !covered.has(r)).map((r) => regionNames[r]);
  }
  if (dimension === 'commune_group') {
    const covered = new Set<CommuneGroupCode>(flagFree.flatMap((t) => t.when?.communeGroups ?? []));
    return CommuneGroup.options.filter((g) => !covered.has(g)).map((g) => communeGroupNames[g]);
  }
  return ['chung'];
}

/** Condition kinds that make no sense in a set of this dimension. */
export function foreignConditions(when: ThresholdCondition | undefined, dimension: Dimension): string[] {
  const foreign: string[] = [];
  if (dimension !== 'region' && (when?.regions?.length ?? 0) > 0) foreign.push('vùng');
  if (dimension !== 'commune_group' && (when?.communeGroups?.length ?? 0) > 0) foreign.push('nhóm xã');
  return foreign;
}

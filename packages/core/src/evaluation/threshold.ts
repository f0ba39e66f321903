import type { CriteriaSet, Indicator, Threshold, ThresholdCondition } from '../catalog/schema';
import {
  type CommuneGroup,
  communeGroupNames,
  type Region,
  regionNames,
  type Unit,
  type UnitFlag,
  unitFlagLabels,
} from '../units/unit';
import type { SelectedThreshold } from './result';

export type ThresholdUnit = Pick<Unit, 'region' | 'communeGroup' | 'flags'>;

const GENERAL = 'ngưỡng chung';

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function hasCondition<T>(list: readonly T[] | undefined): list is readonly T[] {
  return list !== undefined && list.length > 0;
}

/** Flags count one each, so "DBSH + coastal + border" beats "DBSH + coastal". */
function specificity(when: ThresholdCondition): number {
  return (
    (hasCondition(when.regions) ? 1 : 0) +
    (hasCondition(when.communeGroups) ? 1 : 0) +
    (hasCondition(when.flags) ? when.flags.length : 0)
  );
}

function matches(
  when: ThresholdCondition,
  region: Region | null,
  group: CommuneGroup | null,
  flags: readonly UnitFlag[],
): boolean {
  if (hasCondition(when.regions) && (region === null || !when.regions.includes(region))) return false;
  if (hasCondition(when.communeGroups) && (group === null || !when.communeGroups.includes(group)))
    return false;
  if (hasCondition(when.flags)) {
    for (const flag of when.flags) if (!flags.includes(flag)) return false;
  }
  return true;
}

function describe(threshold: Threshold): string {
  const when = threshold.when;
  const parts: string[] = [];
  if (when) {
    for (const region of when.regions ?? []) parts.push(`vùng ${regionNames[region]}`);
    for (const group of when.communeGroups ?? []) parts.push(lowerFirst(communeGroupNames[group]));
    for (const flag of when.flags ?? []) parts.push(lowerFirst(unitFlagLabels[flag]));
  }
  return parts.length > 0 ? parts.join(', ') : GENERAL;
}

/**
 * Selections are shared, not rebuilt for each of 10,000 communes: they depend only on the
 * threshold and, for overridden units, on the flag that caused the override.
 */
const selections = new WeakMap<Threshold, Map<UnitFlag | null, SelectedThreshold>>();

function selection(
  threshold: Threshold,
  override: { region: Region; flag: UnitFlag } | null,
): SelectedThreshold {
  let byFlag = selections.get(threshold);
  if (!byFlag) {
    byFlag = new Map();
    selections.set(threshold, byFlag);
  }
  const key = override ? override.flag : null;
  let selected = byFlag.get(key);
  if (!selected) {
    selected = Object.freeze({
      value: threshold.value,
      source: threshold.source,
      illustrative: threshold.illustrative ?? false,
      selectedBy: override
        ? `${lowerFirst(unitFlagLabels[override.flag])} áp dụng mức vùng ${override.region}`
        : describe(threshold),
    });
    byFlag.set(key, selected);
  }
  return selected;
}

/**
 * The region a unit is evaluated in. 318 Điều 1 makes especially difficult and safety-zone
 * communes use the TDMNPB thresholds; an override applies when the unit has any of its flags,
 * so one entry listing both flags and two entries of one flag each mean the same thing.
 */
function overrideFor(
  set: CriteriaSet,
  flags: readonly UnitFlag[],
): { region: Region; flag: UnitFlag } | null {
  for (const override of set.regionOverrides) {
    for (const flag of override.flags) {
      if (flags.includes(flag)) return { region: override.useRegion, flag };
    }
  }
  return null;
}

/**
 * The threshold of `indicator` that applies to `unit`: the most specific matching `when`
 * (first listed on a tie), else the general one; null when none applies. The result is shared
 * between calls and frozen.
 */
export function selectThreshold(
  set: CriteriaSet,
  indicator: Indicator,
  unit: ThresholdUnit,
): SelectedThreshold | null {
  const override = set.regionOverrides.length > 0 ? overrideFor(set, unit.flags) : null;
  const region = override ? override.region : unit.region;
  let best: Threshold | null = null;
  let bestSpecificity = -1;
  let general: Threshold | null = null;
  for (const threshold of indicator.thresholds) {
    const when = threshold.when;
    const score = when ? specificity(when) : 0;
    if (!when || score === 0) {
      general ??= threshold;
      continue;
    }
    if (score > bestSpecificity && matches(when, region, unit.communeGroup, unit.flags)) {
      best = threshold;
      bestSpecificity = score;
    }
  }
  if (best) return selection(best, override && hasCondition(best.when?.regions) ? override : null);
  return general ? selection(general, null) : null;
}

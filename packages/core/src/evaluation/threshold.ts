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
  if (hasCondition(when.communeGroups) && (group === null || !when.communeGroups.includes(group))) return false;
  if (hasCondition(when.flags)) {
    for (const flag of when.flags) if (!flags.includes(flag)) return false;
  }
  return true;
}

/** Built once per threshold: evaluation asks for it for every unit. */
const descriptions = new WeakMap<Threshold, string>();

function describe(threshold: Threshold): string {
  let text = descriptions.get(threshold);
  if (text === undefined) {
    const when = threshold.when;
    const parts: string[] = [];
    if (when) {
      for (const region of when.regions ?? []) parts.push(`vùng ${regionNames[region]}`);
      for (const group of when.communeGroups ?? []) parts.push(lowerFirst(communeGroupNames[group]));
      for (const flag of when.flags ?? []) parts.push(lowerFirst(unitFlagLabels[flag]));
    }
    text = parts.length > 0 ? parts.join(', ') : GENERAL;
    descriptions.set(threshold, text);
  }
  return text;
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
 * (first listed on a tie), else the general one; null when none applies.
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
  const chosen = best ?? general;
  if (!chosen) return null;
  let selectedBy = describe(chosen);
  if (override && best && hasCondition(best.when?.regions)) {
    selectedBy = `${lowerFirst(unitFlagLabels[override.flag])} áp dụng mức vùng ${override.region}`;
  }
  return {
    value: chosen.value,
    source: chosen.source,
    illustrative: chosen.illustrative ?? false,
    selectedBy,
  };
}

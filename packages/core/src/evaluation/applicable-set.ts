import type { CriteriaSet, Tier } from '../catalog/schema';
import type { UnitLevel } from '../units/unit';

export interface SetQuery {
  level: UnitLevel;
  tier: Tier;
  year: number;
  /** Codes of the unit's province and of that province's predecessors (lineage across 2025). */
  provinceCodes: readonly string[];
}

/**
 * The sets that could judge a unit in a year, best first: a province's own set before the
 * national one (provinces issue sets that complete the national text), and among equals the
 * most recent version. Whether a candidate is complete enough is the caller's question.
 */
export function applicableSets(sets: readonly CriteriaSet[], query: SetQuery): CriteriaSet[] {
  return sets
    .filter(
      (s) =>
        s.level === query.level &&
        s.tier === query.tier &&
        s.period.fromYear <= query.year &&
        query.year <= s.period.toYear &&
        (s.scope === 'national' ||
          (s.provinceCode !== undefined && query.provinceCodes.includes(s.provinceCode))),
    )
    .sort((a, b) => rank(a) - rank(b) || b.period.fromYear - a.period.fromYear || b.version - a.version);
}

function rank(set: CriteriaSet): number {
  return set.scope === 'provincial' ? 0 : 1;
}

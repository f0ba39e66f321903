import type { CriteriaSet, EvaluationSummary, Tier, Unit } from '@ntm/core';
import { tierUnitLevel } from '@ntm/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { chooseCriteriaSet, isRuralCommune } from '../evaluation/evaluation.service';
import { evaluationSummaries, syncEvaluationCache } from '../evaluation/evaluation-cache';
import type { UnitDirectory } from '../units/unit-directory';

/** Units a tier is judged on: villages for the village ladder, rural communes for the commune one. */
export function judgedFor(tier: Tier, unit: Unit): boolean {
  return tierUnitLevel(tier) === 'village' ? unit.level === 'village' : isRuralCommune(unit);
}

export interface TierStanding {
  set: CriteriaSet;
  summaries: Map<string, EvaluationSummary>;
}

/**
 * Each unit's evaluation under the set of `tier` for the year (from the shared evaluation
 * cache); null when no evaluable set applies, which the callers show as "no data" rather than fail.
 */
export async function tierStanding(
  db: Kysely<Database>,
  directory: UnitDirectory,
  units: readonly Unit[],
  year: number,
  tier: Tier,
): Promise<TierStanding | null> {
  const judged = units.filter((u) => judgedFor(tier, u));
  const probe = judged[0];
  if (!probe) return null;
  let set: CriteriaSet;
  try {
    set = chooseCriteriaSet(directory, probe, year, tier);
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
  const caches = await syncEvaluationCache(db);
  const summaries = await evaluationSummaries(db, caches, directory, judged, { year, basis: 'latest', set });
  return { set, summaries: new Map(summaries.map((s) => [s.unitId, s])) };
}

import type { Tier } from '../catalog/schema';
import { isRecognitionInForce } from '../evaluation/recognition';
import { type EvaluationSummary, rankSummariesClosestToTier } from '../evaluation/rollup';
import type { Recognition } from '../values/value';

export interface Candidate {
  unitId: string;
  criteriaMissing: number;
  criteriaNoData: number;
  totalNormalisedGap: number;
  /** Prerequisite tiers (e.g. standard for advanced) the unit does not hold a decision for. */
  missingPrerequisites: Tier[];
  /** A recognition of the tier is under way (registered, dossier, appraised) but not decided. */
  pendingRecognition: Recognition['status'] | null;
}

export interface RankCandidatesInput {
  tier: Tier;
  /** Evaluations of the units of the subtree under the tier's criteria set. */
  summaries: readonly EvaluationSummary[];
  recognitions: readonly Recognition[];
  /** Tiers the criteria set requires a decision for first. */
  prerequisites: readonly Tier[];
  asOf: string;
}

/**
 * The units of a subtree closest to a tier: those already holding it are left out; those
 * meeting its prerequisites come first, then fewest criteria missing and smallest total
 * normalised gap (the order of the dashboard's "closest to the next tier").
 */
export function rankCandidates(input: RankCandidatesInput): Candidate[] {
  const byUnit = new Map<string, Recognition[]>();
  for (const r of input.recognitions) {
    const list = byUnit.get(r.unitId);
    if (list) list.push(r);
    else byUnit.set(r.unitId, [r]);
  }
  const holds = (unitId: string, tier: Tier) =>
    (byUnit.get(unitId) ?? []).some((r) => isRecognitionInForce(r, tier, input.asOf));
  const open = input.summaries.filter((s) => !holds(s.unitId, input.tier));
  const summaryOf = new Map(open.map((s) => [s.unitId, s]));
  const ranked = rankSummariesClosestToTier(open).map((closest): Candidate => {
    const pending = (byUnit.get(closest.unitId) ?? []).find(
      (r) =>
        r.tier === input.tier &&
        (r.status === 'registered' || r.status === 'dossier' || r.status === 'appraised'),
    );
    return {
      ...closest,
      criteriaNoData: summaryOf.get(closest.unitId)?.criteriaNoData ?? 0,
      missingPrerequisites: input.prerequisites.filter((tier) => !holds(closest.unitId, tier)),
      pendingRecognition: pending?.status ?? null,
    };
  });
  // A stable sort keeps the closeness order within each group.
  return ranked.sort(
    (a, b) => Number(a.missingPrerequisites.length > 0) - Number(b.missingPrerequisites.length > 0),
  );
}

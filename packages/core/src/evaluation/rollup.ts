import { type CriteriaSet, Tier } from '../catalog/schema';
import { yearEnd } from '../units/tree';
import type { Recognition } from '../values/value';
import { bandsFor } from './bands';
import { isRecognitionInForce } from './recognition';
import type { Outcome, UnitEvaluation } from './result';

export interface ClosestToTier {
  unitId: string;
  criteriaMissing: number;
  /** Sum of normalised gaps of unmet indicators; an indicator without data counts 1. */
  totalNormalisedGap: number;
}

export interface SubtreeRollup {
  year: number;
  criteriaSetId: string;
  unitCount: number;
  evaluatedCount: number;
  averageCriteriaMet: number;
  criteria: {
    number: string;
    name: string;
    metCount: number;
    notMetCount: number;
    noDataCount: number;
    /** Share of evaluated units meeting the criterion, 0–1. */
    metShare: number;
  }[];
  bands: { key: string; label: string; min: number; max: number; count: number }[];
  /** Units of the subtree holding a decision in force at the end of the year, per tier. */
  tiers: { tier: Tier; recognisedCount: number }[];
  /** Units not yet recognised at the set's tier, closest first. */
  closestToNextTier: ClosestToTier[];
}

export interface RollUpEvaluationsInput {
  set: CriteriaSet;
  evaluations: readonly UnitEvaluation[];
  recognitions: readonly Recognition[];
  unitIds: readonly string[];
  year: number;
  /** How many units `closestToNextTier` lists (default 10). */
  closestLimit?: number;
}

/**
 * What a roll-up needs of one unit's evaluation: a few numbers and the outcome of each
 * criterion. Small enough to keep for every commune of the country and every year, where the
 * full evaluation (every indicator, gap and threshold) is not.
 */
export interface EvaluationSummary {
  unitId: string;
  year: number;
  criteriaSetId: string;
  criteriaMet: number;
  criteriaTotal: number;
  criteriaNoData: number;
  bandKey: string;
  /** Outcome of each criterion, in the order of the set's criteria. */
  outcomes: readonly Outcome[];
  /** Sum of normalised gaps of unmet indicators; an indicator without data counts 1. */
  totalNormalisedGap: number;
}

export function summariseEvaluation(evaluation: UnitEvaluation): EvaluationSummary {
  let totalNormalisedGap = 0;
  for (const criterion of evaluation.criteria) {
    for (const indicator of criterion.indicators) {
      if (indicator.outcome === 'not_met') totalNormalisedGap += indicator.gap?.normalised ?? 1;
      else if (indicator.outcome === 'no_data') totalNormalisedGap += 1;
    }
  }
  return {
    unitId: evaluation.unitId,
    year: evaluation.year,
    criteriaSetId: evaluation.criteriaSetId,
    criteriaMet: evaluation.criteriaMet,
    criteriaTotal: evaluation.criteriaTotal,
    criteriaNoData: evaluation.criteriaNoData,
    bandKey: evaluation.band.key,
    outcomes: evaluation.criteria.map((criterion) => criterion.outcome),
    totalNormalisedGap,
  };
}

/** Fewest criteria missing first, then the smallest total gap; unit id keeps the order stable. */
export function rankSummariesClosestToTier(summaries: readonly EvaluationSummary[]): ClosestToTier[] {
  return summaries
    .map((s) => ({
      unitId: s.unitId,
      criteriaMissing: s.criteriaTotal - s.criteriaMet,
      totalNormalisedGap: s.totalNormalisedGap,
    }))
    .sort(
      (a, b) =>
        a.criteriaMissing - b.criteriaMissing ||
        a.totalNormalisedGap - b.totalNormalisedGap ||
        (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0),
    );
}

/** Fewest criteria missing first, then the smallest total gap; unit id keeps the order stable. */
export function rankClosestToTier(evaluations: readonly UnitEvaluation[]): ClosestToTier[] {
  return rankSummariesClosestToTier(evaluations.map(summariseEvaluation));
}

/**
 * Aggregates the evaluations of the units in `unitIds` (a district, the province ...) under one
 * set and year; evaluations of other units, sets or years are ignored.
 */
export function rollUpEvaluations(input: RollUpEvaluationsInput): SubtreeRollup {
  const { evaluations, ...rest } = input;
  return rollUpSummaries({ ...rest, summaries: evaluations.map(summariseEvaluation) });
}

export interface RollUpSummariesInput extends Omit<RollUpEvaluationsInput, 'evaluations'> {
  summaries: readonly EvaluationSummary[];
}

/** `rollUpEvaluations` over summaries, for callers that keep summaries rather than evaluations. */
export function rollUpSummaries(input: RollUpSummariesInput): SubtreeRollup {
  const { set, year } = input;
  const inSubtree = new Set(input.unitIds);
  const summaries = input.summaries.filter(
    (summary) => inSubtree.has(summary.unitId) && summary.criteriaSetId === set.id && summary.year === year,
  );
  const evaluatedCount = summaries.length;

  const criteria = set.criteria.map((criterion) => ({
    number: criterion.number,
    name: criterion.name,
    metCount: 0,
    notMetCount: 0,
    noDataCount: 0,
    metShare: 0,
  }));
  const bands = bandsFor(set.criteria.length).map((band) => ({ ...band, count: 0 }));
  const bandIndex = new Map(bands.map((band, index) => [band.key, index]));
  let totalMet = 0;

  for (const summary of summaries) {
    totalMet += summary.criteriaMet;
    const band = bands[bandIndex.get(summary.bandKey) ?? -1];
    if (band) band.count++;
    summary.outcomes.forEach((outcome, index) => {
      const row = criteria[index];
      if (!row) return;
      if (outcome === 'met') row.metCount++;
      else if (outcome === 'not_met') row.notMetCount++;
      else row.noDataCount++;
    });
  }
  for (const row of criteria) row.metShare = evaluatedCount === 0 ? 0 : row.metCount / evaluatedCount;

  const asOf = yearEnd(year);
  const recognised = new Map<Tier, Set<string>>(Tier.options.map((tier) => [tier, new Set<string>()]));
  for (const recognition of input.recognitions) {
    if (!inSubtree.has(recognition.unitId)) continue;
    if (isRecognitionInForce(recognition, recognition.tier, asOf)) {
      recognised.get(recognition.tier)?.add(recognition.unitId);
    }
  }
  const recognisedAtSetTier = recognised.get(set.tier) ?? new Set<string>();

  return {
    year,
    criteriaSetId: set.id,
    unitCount: inSubtree.size,
    evaluatedCount,
    averageCriteriaMet: evaluatedCount === 0 ? 0 : totalMet / evaluatedCount,
    criteria,
    bands,
    tiers: Tier.options.map((tier) => ({ tier, recognisedCount: recognised.get(tier)?.size ?? 0 })),
    closestToNextTier: rankSummariesClosestToTier(
      summaries.filter((summary) => !recognisedAtSetTier.has(summary.unitId)),
    ).slice(0, input.closestLimit ?? 10),
  };
}

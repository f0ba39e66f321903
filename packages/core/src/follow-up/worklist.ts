import type { CriterionResult, Outcome, UnitEvaluation } from '../evaluation/result';
import type { EvaluationSummary } from '../evaluation/rollup';
import type { ResponsibilityResolver } from './responsibility';

export interface WorklistIndicator {
  code: string;
  name: string;
  outcome: Outcome;
  gapSentence: string | null;
  /** 0 when met; an indicator without data counts 1, as in the closest-to-tier ranking. */
  normalisedGap: number;
}

export interface WorklistItem {
  unitId: string;
  criterionNumber: string;
  criterionName: string;
  outcome: Exclude<Outcome, 'met'>;
  /** The criterion's indicators the department answers for that are not met or lack data. */
  indicators: WorklistIndicator[];
  normalisedGap: number;
}

function gapOf(outcome: Outcome, normalised: number | undefined): number {
  if (outcome === 'met') return 0;
  if (outcome === 'no_data') return 1;
  return normalised ?? 1;
}

function itemOf(
  evaluation: UnitEvaluation,
  criterion: CriterionResult,
  resolver: ResponsibilityResolver,
  departments: ReadonlySet<string>,
): WorklistItem | null {
  if (criterion.outcome === 'met') return null;
  const source = resolver.set.criteria.find((c) => c.number === criterion.number);
  if (!source) return null;
  const indicators: WorklistIndicator[] = [];
  for (const result of criterion.indicators) {
    if (result.outcome === 'met') continue;
    const indicator = source.indicators.find((i) => i.code === result.code);
    if (!departments.has(resolver.resolve(source, indicator).departmentCode)) continue;
    indicators.push({
      code: result.code,
      name: result.name,
      outcome: result.outcome,
      gapSentence: result.gap?.sentence ?? null,
      normalisedGap: gapOf(result.outcome, result.gap?.normalised),
    });
  }
  if (indicators.length === 0) return null;
  return {
    unitId: evaluation.unitId,
    criterionNumber: criterion.number,
    criterionName: criterion.name,
    outcome: criterion.outcome,
    indicators,
    normalisedGap: indicators.reduce((sum, i) => sum + i.normalisedGap, 0),
  };
}

/**
 * A department's worklist: for every evaluated unit, each criterion not met (or without data)
 * in which at least one failing indicator is the department's — by the catalog or by the
 * province's assignment for the year. Largest gap first within a unit's criteria order.
 */
export function assembleWorklist(
  evaluations: readonly UnitEvaluation[],
  resolver: ResponsibilityResolver,
  departments: ReadonlySet<string>,
): WorklistItem[] {
  const items: WorklistItem[] = [];
  for (const evaluation of evaluations) {
    if (evaluation.criteriaSetId !== resolver.set.id) continue;
    for (const criterion of evaluation.criteria) {
      const item = itemOf(evaluation, criterion, resolver, departments);
      if (item) items.push(item);
    }
  }
  return items;
}

/** The criteria of a set a department answers for (any of their indicators is its). */
export function criteriaLedBy(resolver: ResponsibilityResolver, departments: ReadonlySet<string>): string[] {
  return resolver.set.criteria
    .filter(
      (c) =>
        departments.has(resolver.resolve(c).departmentCode) ||
        c.indicators.some((i) => departments.has(resolver.resolve(c, i).departmentCode)),
    )
    .map((c) => c.number);
}

/** Units a summary shows may need the department: some criterion it answers for is not met. */
export function needsDepartment(
  summary: EvaluationSummary,
  criterionNumbers: readonly string[],
  numbers: ReadonlySet<string>,
): boolean {
  return criterionNumbers.some((n, i) => numbers.has(n) && summary.outcomes[i] !== 'met');
}

export interface CriterionShare {
  criterionNumber: string;
  met: number;
  evaluated: number;
  /** Percent of evaluated communes meeting the criterion; null when none was evaluated. */
  percent: number | null;
}

/** Share of communes meeting each criterion, by criterion number (sets of two years are matched by number). */
export function criterionShares(
  criterionNumbers: readonly string[],
  summaries: readonly EvaluationSummary[],
): Map<string, CriterionShare> {
  const shares = new Map<string, CriterionShare>();
  criterionNumbers.forEach((number, index) => {
    let met = 0;
    for (const s of summaries) if (s.outcomes[index] === 'met') met++;
    const evaluated = summaries.length;
    shares.set(number, {
      criterionNumber: number,
      met,
      evaluated,
      percent: evaluated === 0 ? null : Math.round((met / evaluated) * 1000) / 10,
    });
  });
  return shares;
}

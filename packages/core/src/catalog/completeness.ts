import type { CatalogContext, CatalogProblem } from './problems';
import type { CriteriaSet } from './schema';
import { validateCriteriaSet } from './validate';

export interface Evaluability {
  evaluable: boolean;
  /** Everything that stands in the way: errors in the data and missing official content. */
  problems: CatalogProblem[];
}

/**
 * A set with a gap would report "not met" for want of a threshold, which is a silent wrong
 * answer, so only a set without any problem may be used to evaluate units.
 */
export function assessEvaluability(set: CriteriaSet, ctx: CatalogContext): Evaluability {
  const problems = validateCriteriaSet(set, ctx);
  return { evaluable: problems.length === 0, problems };
}

import { CriteriaSetOverlay } from './derive';
import { schemaProblems, vietnameseErrors } from './json-problems';
import { CatalogError } from './problems';
import { CriteriaSet } from './schema';

/** Parses a set file; throws a `CatalogError` whose problems name the set, criterion and indicator. */
export function parseCriteriaSet(json: unknown): CriteriaSet {
  const parsed = CriteriaSet.safeParse(json, { error: vietnameseErrors });
  if (!parsed.success) throw new CatalogError(schemaProblems(json, parsed.error));
  return parsed.data;
}

export function parseCriteriaSetOverlay(json: unknown): CriteriaSetOverlay {
  const parsed = CriteriaSetOverlay.safeParse(json, { error: vietnameseErrors });
  if (!parsed.success) throw new CatalogError(schemaProblems(json, parsed.error));
  return parsed.data;
}

import { type CriteriaSetOverlay, deriveCriteriaSet } from './derive';
import { type CatalogContext, type CatalogProblem, catalogError } from './problems';
import type { CriteriaSet, Department, Measure } from './schema';
import { validateCriteriaSet } from './validate';

export interface CatalogRegistry {
  measures: readonly Measure[];
  measuresByCode: ReadonlyMap<string, Measure>;
  departments: readonly Department[];
  departmentsByCode: ReadonlyMap<string, Department>;
  /** Full sets and materialised derived sets, in the order given. */
  criteriaSets: readonly CriteriaSet[];
  setsById: ReadonlyMap<string, CriteriaSet>;
}

export interface RegistryInput {
  measures: readonly Measure[];
  departments: readonly Department[];
  sets: readonly CriteriaSet[];
  overlays: readonly CriteriaSetOverlay[];
}

/**
 * Materialises every overlay (an overlay may derive from another derived set, so they are
 * resolved in dependency order) and validates the result. The registry holds only the sets
 * that could be built; `problems` lists everything found, gaps included.
 */
export function buildRegistry(input: RegistryInput): {
  registry: CatalogRegistry;
  problems: CatalogProblem[];
} {
  const problems: CatalogProblem[] = [];
  const setsById = new Map<string, CriteriaSet>();
  for (const set of input.sets) {
    if (setsById.has(set.id)) {
      problems.push(
        catalogError('schema_invalid', { setId: set.id }, 'mã bộ tiêu chí bị trùng với một bộ khác.'),
      );
    }
    setsById.set(set.id, set);
  }
  let pending = [...input.overlays];
  while (pending.length > 0) {
    const ready = pending.filter((o) => setsById.has(o.derivedFrom));
    if (ready.length === 0) break;
    for (const overlay of ready) {
      const base = setsById.get(overlay.derivedFrom);
      if (!base) continue;
      const result = deriveCriteriaSet(base, overlay);
      if (result.ok) setsById.set(result.set.id, result.set);
      else problems.push(...result.problems);
    }
    pending = pending.filter((o) => !ready.includes(o));
  }
  for (const overlay of pending) {
    problems.push(
      catalogError(
        'unknown_derived_from',
        { setId: overlay.id },
        `kế thừa bộ tiêu chí "${overlay.derivedFrom}" không có trong danh mục.`,
      ),
    );
  }
  const registry: CatalogRegistry = {
    measures: input.measures,
    measuresByCode: new Map(input.measures.map((m) => [m.code, m])),
    departments: input.departments,
    departmentsByCode: new Map(input.departments.map((d) => [d.code, d])),
    criteriaSets: [...setsById.values()],
    setsById,
  };
  const ctx: CatalogContext = {
    measures: registry.measuresByCode,
    departments: registry.departmentsByCode,
    sets: setsById,
  };
  for (const set of registry.criteriaSets) problems.push(...validateCriteriaSet(set, ctx));
  return { registry, problems };
}

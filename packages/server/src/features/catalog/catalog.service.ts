import {
  assessEvaluability,
  buildRegistry,
  CatalogError,
  type CatalogProblem,
  type CriteriaSet,
  type CriteriaSetOverlay,
  criteriaSets,
  departments,
  departmentsByCode,
  type Evaluability,
  measures,
  measuresByCode,
} from '@ntm/core';
import type { CriteriaSetSummary } from '../../contract/catalog';
import { AppError } from '../../errors';

export const catalogContext = {
  measures: measuresByCode,
  departments: departmentsByCode,
  sets: new Map(criteriaSets.map((s) => [s.id, s])),
};

/** The shipped sets followed by the deployment's own (see `installCatalogExtension`). */
let activeSets: readonly CriteriaSet[] = criteriaSets;

export function allCriteriaSets(): readonly CriteriaSet[] {
  return activeSets;
}

export function findCriteriaSet(id: string): CriteriaSet | undefined {
  return catalogContext.sets.get(id);
}

/** Sets a deployment adds to the shipped catalog: full sets, and overlays on any set. */
export interface CatalogExtension {
  sets: readonly CriteriaSet[];
  overlays: readonly CriteriaSetOverlay[];
}

/**
 * Adds a deployment's sets at start-up, before any request is served. A set with an error, or
 * one reusing a shipped id, is refused (`CatalogError`), so a server never runs on a catalog
 * the validator rejects; every process started with the same files serves the same catalog.
 */
export function installCatalogExtension(extension: CatalogExtension): readonly CriteriaSet[] {
  const { registry, problems } = buildRegistry({
    measures,
    departments,
    sets: [...activeSets, ...extension.sets],
    overlays: extension.overlays,
  });
  const ids = new Set([...extension.sets.map((s) => s.id), ...extension.overlays.map((o) => o.id)]);
  const taken: CatalogProblem[] = [...ids]
    .filter((id) => catalogContext.sets.has(id))
    .map((id) => ({
      severity: 'error',
      code: 'schema_invalid',
      setId: id,
      message: `Bộ tiêu chí "${id}": mã này đã có trong danh mục; bộ tiêu chí bổ sung phải có mã riêng.`,
    }));
  const errors = [...taken, ...problems.filter((p) => p.severity === 'error' && ids.has(p.setId))];
  if (errors.length > 0) throw new CatalogError(errors);
  const added = registry.criteriaSets.filter((s) => ids.has(s.id));
  activeSets = [...activeSets, ...added];
  for (const set of added) catalogContext.sets.set(set.id, set);
  evaluability = new WeakMap();
  return added;
}

/** Validation walks every indicator; the answer only changes when the catalog does. */
let evaluability = new WeakMap<CriteriaSet, Evaluability>();

export function evaluabilityOf(set: CriteriaSet): Evaluability {
  let known = evaluability.get(set);
  if (!known) {
    known = assessEvaluability(set, catalogContext);
    evaluability.set(set, known);
  }
  return known;
}

export function summariseSet(set: CriteriaSet): CriteriaSetSummary {
  return {
    id: set.id,
    version: set.version,
    name: set.name,
    shortName: set.shortName,
    scope: set.scope,
    provinceCode: set.provinceCode,
    derivedFrom: set.derivedFrom,
    legalBasis: set.legalBasis,
    level: set.level,
    tier: set.tier,
    period: set.period,
    thresholdDimension: set.thresholdDimension,
    illustrative: set.illustrative,
    gaps: set.gaps,
    criteriaCount: set.criteria.length,
    indicatorCount: set.criteria.reduce((n, c) => n + c.indicators.length, 0),
    evaluable: evaluabilityOf(set).evaluable,
  };
}

export function requireCriteriaSet(id: string): CriteriaSet {
  const set = findCriteriaSet(id);
  if (!set) throw new AppError('criteria_set_not_found', `Không có bộ tiêu chí "${id}".`);
  return set;
}

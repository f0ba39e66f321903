import {
  assessEvaluability,
  type CriteriaSet,
  criteriaSets,
  departmentsByCode,
  getCriteriaSet,
  measuresByCode,
} from '@ntm/core';
import type { CriteriaSetSummary } from '../../contract/catalog';
import { AppError } from '../../errors';

export const catalogContext = {
  measures: measuresByCode,
  departments: departmentsByCode,
  sets: new Map(criteriaSets.map((s) => [s.id, s])),
};

export function evaluabilityOf(set: CriteriaSet) {
  return assessEvaluability(set, catalogContext);
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
  const set = getCriteriaSet(id);
  if (!set) throw new AppError('criteria_set_not_found', `Không có bộ tiêu chí "${id}".`);
  return set;
}

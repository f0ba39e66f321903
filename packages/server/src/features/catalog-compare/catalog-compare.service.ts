import { compareCriteriaSets, measuresByCode } from '@ntm/core';
import type { CriteriaSetComparisonResponse } from '../../contract/catalog-compare';
import { AppError } from '../../errors';
import { requireCriteriaSet, summariseSet } from '../catalog/catalog.service';

/** Changes from one criteria set to another (criteria, indicators, thresholds), for sets of one unit level. */
export function compareSets(fromId: string, toId: string): CriteriaSetComparisonResponse {
  const from = requireCriteriaSet(fromId);
  const to = requireCriteriaSet(toId);
  if (from.level !== to.level) {
    throw new AppError(
      'bad_request',
      `Không so sánh được: ${from.shortName} áp dụng cho cấp ${from.level}, ${to.shortName} áp dụng cho cấp ${to.level}.`,
    );
  }
  return {
    from: summariseSet(from),
    to: summariseSet(to),
    comparison: compareCriteriaSets(from, to, (code) => measuresByCode.get(code)?.levels),
  };
}

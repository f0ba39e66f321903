import { existedDuring, type Tier } from '@ntm/core';
import type { Kysely } from 'kysely';
import type { TrendYear, UnitTrendResponse } from '../../contract/trend';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import type { Viewer } from '../auth/viewer';
import { evaluateUnitFor } from '../evaluation/scoped-evaluation';
import { getUnitDirectory, requireUnit } from '../units/unit-directory';

function unavailable(year: number, reason: string): TrendYear {
  return {
    year,
    criteriaSetId: null,
    criteriaSetShortName: null,
    criteriaMet: null,
    criteriaTotal: null,
    criteriaNoData: null,
    unavailable: reason,
    criteria: [],
    indicators: [],
  };
}

/** A year without an applicable, complete set is a fact to show in the trend, not a failure of it. */
function isMissingSet(error: unknown): error is AppError {
  return (
    error instanceof AppError &&
    (error.code === 'criteria_set_incomplete' || error.code === 'no_criteria_set')
  );
}

/** The unit evaluated year by year, each year under the set that applied then (PRODUCT §4.2: trend over years). */
export async function unitTrend(
  db: Kysely<Database>,
  viewer: Viewer,
  unitId: string,
  query: { fromYear: number; toYear: number; tier: Tier },
): Promise<UnitTrendResponse> {
  const unit = requireUnit(await getUnitDirectory(db), unitId);
  const years: TrendYear[] = [];
  for (let year = query.fromYear; year <= query.toYear; year++) {
    if (!existedDuring(unit, year)) {
      years.push(unavailable(year, `${unit.name} không tồn tại trong năm ${year}.`));
      continue;
    }
    try {
      const { criteriaSet, evaluation } = await evaluateUnitFor(db, viewer, unitId, {
        year,
        tier: query.tier,
      });
      years.push({
        year,
        criteriaSetId: criteriaSet.id,
        criteriaSetShortName: criteriaSet.shortName,
        criteriaMet: evaluation.criteriaMet,
        criteriaTotal: evaluation.criteriaTotal,
        criteriaNoData: evaluation.criteriaNoData,
        unavailable: null,
        criteria: evaluation.criteria.map((c) => ({ number: c.number, outcome: c.outcome })),
        indicators: evaluation.criteria.flatMap((c) =>
          c.indicators.map((i) => ({ code: i.code, value: i.value, outcome: i.outcome })),
        ),
      });
    } catch (error) {
      if (!isMissingSet(error)) throw error;
      years.push(unavailable(year, error.message));
    }
  }
  return { unitId: unit.id, tier: query.tier, years };
}

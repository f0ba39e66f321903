import {
  applicableSets,
  type CriteriaSet,
  departmentLineage,
  departments,
  departmentsByCode,
  ResponsibilityResolver,
  responsibilityMatrix,
  type Unit,
  yearEnd,
} from '@ntm/core';
import type { Kysely } from 'kysely';
import type {
  DepartmentOption,
  ResponsibilityResponse,
  ResponsibilityUpdate,
} from '../../contract/follow-up';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import type { Viewer } from '../auth/viewer';
import { actorName } from '../auth/viewer';
import { allCriteriaSets, requireCriteriaSet } from '../catalog/catalog.service';
import { chooseCriteriaSet, isRuralCommune, provinceCodes } from '../evaluation/evaluation.service';
import { getUnitDirectory, type UnitDirectory } from '../units/unit-directory';
import {
  deleteOverride,
  findOverride,
  overridesFor,
  toOverride,
  upsertOverride,
} from './responsibility.repository';

export function departmentName(code: string): string {
  return departmentsByCode.get(code)?.name ?? code;
}

/** Departments in force at some point of the year, for pickers. */
export function departmentOptions(year?: number): DepartmentOption[] {
  return departments
    .filter(
      (d) =>
        year === undefined ||
        ((d.validFrom === undefined || d.validFrom <= yearEnd(year)) &&
          (d.validTo === undefined || d.validTo >= `${year}-01-01`)),
    )
    .map((d) => ({ code: d.code, name: d.name, shortName: d.shortName }));
}

/** The department and every department merged into it: a successor answers for its predecessors' criteria. */
export function lineageOf(code: string): Set<string> {
  return departmentLineage(departments, code);
}

/** The rural communes of the tree at the end of the year. */
export function communesOfYear(directory: UnitDirectory, year: number): Unit[] {
  const tree = directory.treeOn(yearEnd(year));
  return [...tree.byId.values()].filter(isRuralCommune);
}

/** The commune NTM set the province applies in the year (that of its communes), or the one asked for. */
export function setForYear(directory: UnitDirectory, year: number, requestedId?: string): CriteriaSet {
  if (requestedId) return requireCriteriaSet(requestedId);
  const probe = communesOfYear(directory, year)[0];
  if (!probe) {
    throw new AppError('unit_not_evaluable', `Không có xã nào có hiệu lực trong năm ${year}.`);
  }
  return chooseCriteriaSet(directory, probe, year, 'standard');
}

/**
 * The set whose criteria the matrix lists: the one evaluation uses, or — in a year whose set
 * still lacks thresholds to evaluate — the set that applies all the same, since assigning its
 * criteria needs no threshold.
 */
function matrixSetForYear(directory: UnitDirectory, year: number, requestedId?: string): CriteriaSet {
  try {
    return setForYear(directory, year, requestedId);
  } catch (error) {
    const probe = communesOfYear(directory, year)[0];
    if (!(error instanceof AppError) || error.code !== 'criteria_set_incomplete' || !probe) throw error;
    const [best] = applicableSets(allCriteriaSets(), {
      level: 'commune',
      tier: 'standard',
      year,
      provinceCodes: provinceCodes(directory, probe),
    });
    if (!best) throw error;
    return best;
  }
}

export async function resolverFor(
  db: Kysely<Database>,
  set: CriteriaSet,
  year: number,
): Promise<ResponsibilityResolver> {
  const rows = await overridesFor(db, set.id, year);
  return new ResponsibilityResolver(set, year, rows.map(toOverride));
}

export async function responsibilityMatrixFor(
  db: Kysely<Database>,
  viewer: Viewer,
  query: { year: number; criteriaSetId?: string },
): Promise<ResponsibilityResponse> {
  const directory = await getUnitDirectory(db);
  const set = matrixSetForYear(directory, query.year, query.criteriaSetId);
  const rows = await overridesFor(db, set.id, query.year);
  const demo = new Set(
    rows.filter((r) => r.is_demo === 1).map((r) => `${r.criterion_number}|${r.indicator_code}`),
  );
  const resolver = new ResponsibilityResolver(set, query.year, rows.map(toOverride));
  return {
    year: query.year,
    criteriaSet: { id: set.id, shortName: set.shortName, illustrative: set.illustrative },
    rows: responsibilityMatrix(resolver).map((r) => ({
      ...r,
      departmentName: departmentName(r.departmentCode),
      catalogDepartmentName: departmentName(r.catalogDepartmentCode),
      isDemo: r.origin === 'province' && demo.has(`${r.criterionNumber}|${r.indicatorCode ?? ''}`),
    })),
    departments: departmentOptions(query.year),
    editable: viewer.kind === 'user' && viewer.user.role === 'province_admin',
  };
}

/** The province assigns a criterion (or one indicator) to a department for a year, with a contact. */
export async function updateResponsibility(
  db: Kysely<Database>,
  viewer: Viewer,
  request: ResponsibilityUpdate,
  now = new Date(),
): Promise<ResponsibilityResponse> {
  const set = requireCriteriaSet(request.criteriaSetId);
  const criterion = set.criteria.find((c) => c.number === request.criterionNumber);
  if (!criterion) {
    throw new AppError(
      'validation_failed',
      `Bộ tiêu chí ${set.shortName} không có tiêu chí số ${request.criterionNumber}.`,
    );
  }
  if (request.indicatorCode !== null && !criterion.indicators.some((i) => i.code === request.indicatorCode)) {
    throw new AppError(
      'validation_failed',
      `Tiêu chí ${criterion.number} không có chỉ tiêu ${request.indicatorCode}.`,
    );
  }
  if (request.departmentCode !== null && !departmentsByCode.has(request.departmentCode)) {
    throw new AppError(
      'validation_failed',
      `Không có sở, ngành mã "${request.departmentCode}" trong danh mục.`,
    );
  }
  if (
    request.departmentCode === null &&
    (request.contactName || request.contactPhone || request.contactEmail)
  ) {
    throw new AppError('validation_failed', 'Hãy chọn sở, ngành phụ trách trước khi ghi người liên hệ.');
  }
  const key = {
    criteriaSetId: set.id,
    year: request.year,
    criterionNumber: criterion.number,
    indicatorCode: request.indicatorCode,
  };
  const at = now.toISOString();
  const actor = actorName(viewer);
  await db.transaction().execute(async (trx) => {
    const before = await findOverride(trx, key);
    let after = null;
    if (request.departmentCode === null) {
      if (before) await deleteOverride(trx, before);
    } else {
      after = {
        criteria_set_id: set.id,
        year: request.year,
        criterion_number: criterion.number,
        indicator_code: request.indicatorCode ?? '',
        department_code: request.departmentCode,
        contact_name: request.contactName ?? null,
        contact_phone: request.contactPhone ?? null,
        contact_email: request.contactEmail ?? null,
        is_demo: 0,
        updated_at: at,
        updated_by: actor,
      };
      await upsertOverride(trx, after);
    }
    await appendAudit(
      trx,
      [
        {
          actor,
          action: before ? (after ? 'update' : 'delete') : 'create',
          entity: 'responsibility',
          entityId: `${set.id}|${request.year}|${criterion.number}|${request.indicatorCode ?? ''}`,
          before: before ?? null,
          after,
        },
      ],
      at,
    );
  });
  return responsibilityMatrixFor(db, viewer, { year: request.year, criteriaSetId: set.id });
}

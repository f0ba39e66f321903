import {
  assembleWorklist,
  type CriteriaSet,
  type CriterionShare,
  criteriaLedBy,
  criterionShares,
  deadlineState,
  departmentsByCode,
  type EvaluationSummary,
  evaluateUnit,
  measuresByCode,
  needsDepartment,
  type ObstacleStatus,
  type Outcome,
  type Unit,
} from '@ntm/core';
import type { Kysely } from 'kysely';
import type { WorklistQuery, WorklistResponse } from '../../contract/follow-up';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { type AccessScope, scopeOf } from '../auth/access-scope';
import type { Viewer } from '../auth/viewer';
import { evaluationSummaries, recognitionsByUnit, syncEvaluationCache } from '../evaluation/evaluation-cache';
import { resolveValuesFor } from '../evaluation/resolved-values';
import { findObstacles } from '../obstacles/obstacles.repository';
import { vietnamToday } from '../obstacles/obstacles.service';
import { readReminderSettings } from '../reminders/reminders.repository';
import {
  communesOfYear,
  departmentOptions,
  lineageOf,
  resolverFor,
  setForYear,
} from '../responsibility/responsibility.service';
import { getUnitDirectory, type UnitDirectory } from '../units/unit-directory';
import { registrationsOf } from './worklists.repository';

function readable(scope: AccessScope, units: readonly Unit[]): Unit[] {
  return scope.readsEverything ? [...units] : units.filter((u) => scope.canRead(u.id));
}

function districtOf(directory: UnitDirectory, unit: Unit): Unit | null {
  const parent = unit.parentId ? directory.byId.get(unit.parentId) : undefined;
  return parent && parent.level === 'district' ? parent : null;
}

async function summariesOf(
  db: Kysely<Database>,
  directory: UnitDirectory,
  communes: readonly Unit[],
  year: number,
  set: CriteriaSet,
): Promise<EvaluationSummary[]> {
  const caches = await syncEvaluationCache(db);
  return evaluationSummaries(db, caches, directory, communes, { year, basis: 'latest', set });
}

/** Last year's set, or none when no usable set applied then (the first year of a new province). */
function lastYearSet(directory: UnitDirectory, year: number): CriteriaSet | null {
  try {
    return setForYear(directory, year);
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

function shareOf(share: CriterionShare | undefined) {
  return share
    ? { met: share.met, evaluated: share.evaluated, percent: share.percent }
    : { met: 0, evaluated: 0, percent: null };
}

/**
 * A department's worklist (PRODUCT §4.5): every commune in the viewer's area where a criterion
 * the department answers for is not met or has no data, with the gap of each of its failing
 * indicators, last year's outcome, the open obstacles and the registrations counting on the
 * commune; and the share of communes meeting each of its criteria this year and last.
 */
export async function worklistFor(
  db: Kysely<Database>,
  viewer: Viewer,
  query: WorklistQuery,
  now = new Date(),
): Promise<WorklistResponse> {
  if (viewer.kind !== 'user')
    throw new AppError('unauthenticated', 'Danh sách việc cần làm chỉ dành cho người dùng đã đăng nhập.');
  const code = query.department ?? viewer.user.departmentCode;
  if (!code) {
    throw new AppError('validation_failed', 'Hãy chọn sở, ngành để xem danh sách việc cần làm.');
  }
  const department = departmentsByCode.get(code);
  if (!department) throw new AppError('validation_failed', `Không có sở, ngành mã "${code}" trong danh mục.`);
  const directory = await getUnitDirectory(db);
  const scope = scopeOf(directory, viewer);
  const set = setForYear(directory, query.year);
  const resolver = await resolverFor(db, set, query.year);
  const lineage = lineageOf(code);
  const numbers = criteriaLedBy(resolver, lineage);
  const setNumbers = set.criteria.map((c) => c.number);

  const communes = readable(scope, communesOfYear(directory, query.year));
  const summaries = await summariesOf(db, directory, communes, query.year, set);
  const lastSet = lastYearSet(directory, query.year - 1);
  const lastCommunes = lastSet ? readable(scope, communesOfYear(directory, query.year - 1)) : [];
  const lastSummaries = lastSet
    ? await summariesOf(db, directory, lastCommunes, query.year - 1, lastSet)
    : [];

  const thisShares = criterionShares(setNumbers, summaries);
  const lastShares = lastSet
    ? criterionShares(
        lastSet.criteria.map((c) => c.number),
        lastSummaries,
      )
    : new Map<string, CriterionShare>();
  const ledSet = new Set(numbers);

  const inFilter = communes.filter((u, i) => {
    if (query.districtId && districtOf(directory, u)?.id !== query.districtId) return false;
    return needsDepartment(summaries[i] as EvaluationSummary, setNumbers, ledSet);
  });
  const caches = await syncEvaluationCache(db);
  const [resolved, recognitions] = await Promise.all([
    resolveValuesFor(db, directory, inFilter, query.year),
    recognitionsByUnit(db, caches),
  ]);
  const evaluations = inFilter.map((unit) =>
    evaluateUnit({
      set,
      unit,
      year: query.year,
      values: resolved.get(unit.id)?.values ?? new Map(),
      recognitions: recognitions.get(unit.id) ?? [],
      measures: measuresByCode,
    }),
  );
  const items = assembleWorklist(evaluations, resolver, lineage).filter(
    (item) =>
      (!query.criterion || item.criterionNumber === query.criterion) &&
      (!query.status || item.outcome === query.status),
  );

  const unitIds = [...new Set(items.map((i) => i.unitId))];
  const [obstacles, registrations, settings] = await Promise.all([
    findObstacles(db, { year: query.year, unitIds }),
    registrationsOf(db, query.year, unitIds),
    readReminderSettings(db),
  ]);
  const today = vietnamToday(now);
  const lastOutcome = new Map<string, Outcome>();
  if (lastSet) {
    const lastNumbers = lastSet.criteria.map((c) => c.number);
    for (const s of lastSummaries) {
      lastNumbers.forEach((n, i) => {
        const outcome = s.outcomes[i];
        if (outcome) lastOutcome.set(`${s.unitId}|${n}`, outcome);
      });
    }
  }

  const districts = new Map<string, string>();
  for (const u of communes) {
    const d = districtOf(directory, u);
    if (d) districts.set(d.id, d.name);
  }
  const collator = new Intl.Collator('vi');
  return {
    year: query.year,
    department: { code: department.code, name: department.name, shortName: department.shortName },
    criteriaSet: { id: set.id, shortName: set.shortName, illustrative: set.illustrative },
    summary: numbers.map((n) => {
      const criterion = set.criteria.find((c) => c.number === n);
      return {
        number: n,
        name: criterion?.name ?? n,
        thisYear: shareOf(thisShares.get(n)),
        lastYear: shareOf(lastShares.get(n)),
        verified: criterion ? resolver.resolve(criterion).verified : false,
      };
    }),
    items: items.map((item) => {
      const unit = directory.byId.get(item.unitId) as Unit;
      const district = districtOf(directory, unit);
      const last = lastOutcome.get(`${item.unitId}|${item.criterionNumber}`) ?? null;
      return {
        ...item,
        unitCode: unit.code,
        unitName: unit.name,
        districtId: district?.id ?? null,
        districtName: district?.name ?? null,
        lastYearOutcome: last,
        trend: last === 'met' ? 'slipped' : last === null ? 'unknown' : 'still_unmet',
        openObstacles: obstacles
          .filter(
            (o) =>
              o.unit_id === item.unitId &&
              o.criterion_number === item.criterionNumber &&
              (o.status === 'open' || o.status === 'in_progress'),
          )
          .map((o) => ({
            id: o.id,
            title: o.title,
            deadline: deadlineState(
              { status: o.status as ObstacleStatus, dueDate: o.due_date },
              today,
              settings.dueSoonDays,
            ),
          })),
        registrations: registrations
          .filter((r) => r.unitId === item.unitId)
          .map((r) => ({ registrationId: r.registrationId, tier: r.tier, status: r.status })),
      };
    }),
    districts: [...districts]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => collator.compare(a.name, b.name)),
    departments: departmentOptions(query.year),
    communesEvaluated: communes.length,
  };
}

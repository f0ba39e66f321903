import { randomUUID } from 'node:crypto';
import {
  type CriteriaSet,
  evaluateUnit,
  highestTierInForce,
  maintenanceChanges,
  measuresByCode,
  type Outcome,
  type Recognition,
  type Unit,
  type UnitEvaluation,
  yearEnd,
} from '@ntm/core';
import type { Kysely } from 'kysely';
import type { AlertListResponse, MaintenanceAlert } from '../../contract/follow-up';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { type AccessScope, requireReadableUnit, scopeOf } from '../auth/access-scope';
import { actorName, type Viewer } from '../auth/viewer';
import { findCriteriaSet } from '../catalog/catalog.service';
import { readDataVersions } from '../data-versions';
import { chooseCriteriaSet, isRuralCommune } from '../evaluation/evaluation.service';
import { readersOf } from '../evaluation/evaluation-cache';
import { resolveValuesFor } from '../evaluation/resolved-values';
import { insertNotifications } from '../notifications/notifications.repository';
import { allRecognitions } from '../recognitions/recognitions.repository';
import { areaUserIds, departmentUserIds } from '../reminders/recipients';
import { departmentName, lineageOf, resolverFor } from '../responsibility/responsibility.service';
import { getUnitDirectory, type UnitDirectory } from '../units/unit-directory';
import {
  type AlertRow,
  acknowledgeAlert,
  activeAlertsOf,
  alertsSeq,
  changesBetween,
  claimSeq,
  findAlert,
  findAlerts,
  insertAlerts,
  resolveAlerts,
  saveSnapshot,
  snapshotsOf,
} from './alerts.repository';

const tierNames: Record<string, string> = {
  standard: 'đạt chuẩn NTM',
  advanced: 'NTM nâng cao',
  model: 'NTM kiểu mẫu',
  modern: 'NTM hiện đại',
};

function outcomesOf(evaluation: UnitEvaluation): Map<string, Outcome> {
  return new Map(evaluation.criteria.flatMap((c) => c.indicators.map((i) => [i.code, i.outcome] as const)));
}

/** The standard set of the year for a commune; a year without a usable set has nothing to keep. */
function setOrNull(directory: UnitDirectory, unit: Unit, year: number): CriteriaSet | null {
  try {
    return chooseCriteriaSet(directory, unit, year, 'standard');
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

async function evaluateAll(
  db: Kysely<Database>,
  directory: UnitDirectory,
  communes: readonly Unit[],
  year: number,
  recognitions: ReadonlyMap<string, Recognition[]>,
): Promise<Map<string, UnitEvaluation>> {
  const resolved = await resolveValuesFor(db, directory, communes, year);
  const out = new Map<string, UnitEvaluation>();
  for (const unit of communes) {
    const set = setOrNull(directory, unit, year);
    if (!set) continue;
    out.set(
      unit.id,
      evaluateUnit({
        set,
        unit,
        year,
        values: resolved.get(unit.id)?.values ?? new Map(),
        recognitions: recognitions.get(unit.id) ?? [],
        measures: measuresByCode,
      }),
    );
  }
  return out;
}

/**
 * Judges every value change since the last look (from `value_changes`, which triggers keep for
 * every writer): a recognised commune whose indicator was met and no longer is gets an alert,
 * sent to its district and to the indicator's lead department; an alert whose indicator is met
 * again is resolved. Every read of the alerts calls this first, so none is ever stale, and the
 * reminder job calls it so alerts are sent without anyone looking. Returns the alerts raised.
 */
export async function syncMaintenanceAlerts(
  db: Kysely<Database>,
  options: { now?: Date; isDemo?: boolean } = {},
): Promise<number> {
  const { values: latest } = await readDataVersions(db);
  const seen = await alertsSeq(db);
  if (seen >= latest) return 0;
  const at = (options.now ?? new Date()).toISOString();
  // The process's directory, taken before the transaction: one made for the transaction would
  // load every unit again (187,694 in the country: a second and a half with the database locked).
  const directory = await getUnitDirectory(db);
  return db.transaction().execute(async (trx) => {
    if (!(await claimSeq(trx, seen, latest))) return 0;
    const recognitions = new Map<string, Recognition[]>();
    for (const r of await allRecognitions(trx)) {
      const list = recognitions.get(r.unitId) ?? [];
      list.push(r);
      recognitions.set(r.unitId, list);
    }
    // Only recognised communes are judged: find the ones each change concerns from them (a first
    // run on the national data set has 572,804 changes: 2.3 s of walking up from every changed
    // unit, with the event loop held), and read no change when none is recognised.
    const recognisedCommunes = [...recognitions.keys()].filter((id) => {
      const unit = directory.byId.get(id);
      return unit !== undefined && isRuralCommune(unit);
    });
    if (recognisedCommunes.length === 0) return 0;
    const changes = await changesBetween(trx, seen, latest);
    if (changes.length === 0) return 0;
    const readers = readersOf(directory, recognisedCommunes);
    const byYear = new Map<number, Map<string, Unit>>();
    for (const change of changes) {
      for (const id of readers.get(change.unitId) ?? []) {
        const unit = directory.byId.get(id) as Unit;
        if (highestTierInForce(recognitions.get(id) ?? [], yearEnd(change.year)) === null) continue;
        const units = byYear.get(change.year) ?? new Map<string, Unit>();
        units.set(id, unit);
        byYear.set(change.year, units);
      }
    }
    let raised = 0;
    for (const [year, unitMap] of byYear) {
      const communes = [...unitMap.values()].filter((u) => directory.treeOn(yearEnd(year)).byId.has(u.id));
      if (communes.length === 0) continue;
      const ids = communes.map((u) => u.id);
      const [current, snapshots, active] = await Promise.all([
        evaluateAll(trx, directory, communes, year, recognitions),
        snapshotsOf(trx, year, ids),
        activeAlertsOf(trx, year, ids),
      ]);
      const unseen = communes.filter((u) => !snapshots.has(u.id));
      const previous =
        unseen.length > 0
          ? await evaluateAll(trx, directory, unseen, year - 1, recognitions)
          : new Map<string, UnitEvaluation>();
      const newAlerts: AlertRow[] = [];
      const resolved: string[] = [];
      for (const unit of communes) {
        const evaluation = current.get(unit.id);
        if (!evaluation) continue;
        const outcomes = outcomesOf(evaluation);
        const activeOfUnit = active.filter((a) => a.unit_id === unit.id);
        const previousEvaluation = previous.get(unit.id);
        const result = maintenanceChanges({
          sameYear: snapshots.get(unit.id) ?? null,
          previousYear: previousEvaluation ? outcomesOf(previousEvaluation) : null,
          current: outcomes,
          active: new Set(activeOfUnit.map((a) => a.indicator_code)),
        });
        const set = setOrNull(directory, unit, year) as CriteriaSet;
        const resolver = await resolverFor(trx, set, year);
        const tier = highestTierInForce(recognitions.get(unit.id) ?? [], yearEnd(year)) ?? 'standard';
        for (const slip of result.raise) {
          const criterion = evaluation.criteria.find((c) =>
            c.indicators.some((i) => i.code === slip.indicatorCode),
          );
          const indicator = criterion?.indicators.find((i) => i.code === slip.indicatorCode);
          if (!criterion || !indicator) continue;
          newAlerts.push({
            id: randomUUID(),
            unit_id: unit.id,
            year,
            criteria_set_id: set.id,
            recognised_tier: tier,
            criterion_number: criterion.number,
            indicator_code: indicator.code,
            department_code:
              resolver.route(criterion.number, indicator.code)?.departmentCode ?? indicator.leadDepartment,
            kind: slip.kind,
            status: 'open',
            gap_sentence: indicator.gap?.sentence ?? null,
            raised_at: at,
            acknowledged_by: null,
            acknowledged_at: null,
            acknowledgement_reason: null,
            resolved_at: null,
            is_demo: options.isDemo ? 1 : 0,
          });
        }
        for (const code of result.resolve) {
          for (const a of activeOfUnit) if (a.indicator_code === code) resolved.push(a.id);
        }
        await saveSnapshot(trx, unit.id, year, set.id, outcomes);
      }
      await insertAlerts(trx, newAlerts);
      await resolveAlerts(trx, resolved, at);
      for (const alert of newAlerts) {
        const unit = directory.byId.get(alert.unit_id);
        const recipients = new Set([
          ...(await areaUserIds(trx, directory, alert.unit_id, ['district'])),
          ...(await departmentUserIds(trx, alert.department_code)),
        ]);
        await insertNotifications(
          trx,
          [...recipients].map((user_id) => ({
            user_id,
            at,
            kind: 'maintenance_alert',
            message: `Cảnh báo duy trì: ${unit?.name ?? alert.unit_id} (${tierNames[alert.recognised_tier] ?? alert.recognised_tier}) năm ${year} — chỉ tiêu ${alert.indicator_code} ${alert.kind === 'no_data' ? 'không còn số liệu' : 'từng đạt nay không đạt'}${alert.gap_sentence ? `: ${alert.gap_sentence}` : '.'}`,
            unit_id: alert.unit_id,
            year,
            actor: 'he-thong',
            read_at: null,
          })),
        );
      }
      if (newAlerts.length > 0 || resolved.length > 0) {
        await appendAudit(
          trx,
          [
            ...newAlerts.map((a) => ({
              actor: 'he-thong',
              action: 'create' as const,
              entity: 'maintenance_alert',
              entityId: a.id,
              before: null,
              after: a,
              unitId: a.unit_id,
            })),
            ...resolved.map((id) => ({
              actor: 'he-thong',
              action: 'update' as const,
              entity: 'maintenance_alert',
              entityId: id,
              before: null,
              after: { status: 'resolved' },
              reason: 'Chỉ tiêu đạt trở lại',
            })),
          ],
          at,
        );
      }
      raised += newAlerts.length;
    }
    return raised;
  });
}

function mayAcknowledge(scope: AccessScope, viewer: Viewer, alert: AlertRow): boolean {
  if (viewer.kind !== 'user' || !scope.has('acknowledge_alerts')) return false;
  const { role, departmentCode } = viewer.user;
  if (role === 'province_admin') return true;
  if (role === 'department')
    return departmentCode !== null && lineageOf(departmentCode).has(alert.department_code);
  return role === 'district' && scope.canVerify(alert.unit_id);
}

function present(
  directory: UnitDirectory,
  scope: AccessScope,
  viewer: Viewer,
  row: AlertRow,
): MaintenanceAlert {
  const unit = directory.byId.get(row.unit_id);
  const parent = unit?.parentId ? directory.byId.get(unit.parentId) : undefined;
  // A set later removed from the catalog still leaves its alerts readable by their codes.
  const criterion = findCriteriaSet(row.criteria_set_id)?.criteria.find(
    (c) => c.number === row.criterion_number,
  );
  const criterionName = criterion?.name ?? row.criterion_number;
  const indicatorName =
    criterion?.indicators.find((i) => i.code === row.indicator_code)?.name ?? row.indicator_code;
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: unit?.name ?? row.unit_id,
    districtName: parent && parent.level === 'district' ? parent.name : null,
    year: row.year,
    recognisedTier: row.recognised_tier,
    criteriaSetId: row.criteria_set_id,
    criterionNumber: row.criterion_number,
    criterionName,
    indicatorCode: row.indicator_code,
    indicatorName,
    departmentCode: row.department_code,
    departmentName: departmentName(row.department_code),
    kind: row.kind as MaintenanceAlert['kind'],
    status: row.status as MaintenanceAlert['status'],
    gapSentence: row.gap_sentence,
    raisedAt: row.raised_at,
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: row.acknowledged_at,
    acknowledgementReason: row.acknowledgement_reason,
    resolvedAt: row.resolved_at,
    canAcknowledge: row.status === 'open' && mayAcknowledge(scope, viewer, row),
    isDemo: row.is_demo === 1,
  };
}

export async function listAlerts(
  db: Kysely<Database>,
  viewer: Viewer,
  query: { year?: number; status: 'open' | 'acknowledged' | 'resolved' | 'active' | 'all'; unitId?: string },
): Promise<AlertListResponse> {
  await syncMaintenanceAlerts(db);
  const directory = await getUnitDirectory(db);
  const scope = scopeOf(directory, viewer);
  if (query.unitId) requireReadableUnit(directory, scope, query.unitId);
  const statuses =
    query.status === 'all'
      ? undefined
      : query.status === 'active'
        ? ['open', 'acknowledged']
        : [query.status];
  const rows = await findAlerts(db, {
    ...(query.year !== undefined ? { year: query.year } : {}),
    ...(statuses ? { statuses } : {}),
    ...(query.unitId ? { unitId: query.unitId } : {}),
  });
  return {
    alerts: rows
      .filter((r) => scope.readsEverything || scope.canRead(r.unit_id))
      .map((r) => present(directory, scope, viewer, r)),
  };
}

export async function acknowledgeMaintenanceAlert(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  reason: string,
  now = new Date(),
): Promise<MaintenanceAlert> {
  const directory = await getUnitDirectory(db);
  const scope = scopeOf(directory, viewer);
  const alert = await findAlert(db, id);
  if (!alert || (!scope.readsEverything && !scope.canRead(alert.unit_id))) {
    throw new AppError('not_found', `Không tìm thấy cảnh báo "${id}" trong phạm vi của bạn.`);
  }
  if (!mayAcknowledge(scope, viewer, alert)) {
    throw new AppError(
      'forbidden',
      'Chỉ huyện quản lý đơn vị, sở, ngành phụ trách chỉ tiêu hoặc Văn phòng Điều phối được ghi nhận cảnh báo này.',
    );
  }
  const at = now.toISOString();
  const actor = actorName(viewer);
  await db.transaction().execute(async (trx) => {
    if (!(await acknowledgeAlert(trx, id, actor, at, reason))) {
      throw new AppError('invalid_transition', 'Cảnh báo này không còn mở (đã được ghi nhận hoặc đã hết).');
    }
    await appendAudit(
      trx,
      [
        {
          actor,
          action: 'update',
          entity: 'maintenance_alert',
          entityId: id,
          before: { status: alert.status },
          after: { status: 'acknowledged' },
          reason,
          unitId: alert.unit_id,
        },
      ],
      at,
    );
  });
  const updated = (await findAlert(db, id)) as AlertRow;
  return present(directory, scope, viewer, updated);
}

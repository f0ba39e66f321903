import {
  checkObservation,
  decideEdit,
  measuresByCode,
  type ObservedValue,
  type Unit,
  type ValueStatus,
} from '@ntm/core';
import type { Kysely } from 'kysely';
import type {
  BulkValueWriteRequest,
  BulkValueWriteResponse,
  UnitValuesResponse,
  ValueWriteRow,
} from '../../contract/values';
import type { Database } from '../../db/schema';
import { AppError, type RowProblem } from '../../errors';
import { type AuditEntry, appendAudit } from '../audit/audit.repository';
import { requireReadableUnit, scopeOf } from '../auth/access-scope';
import { actorName, type Viewer } from '../auth/viewer';
import { findCriteriaSet } from '../catalog/catalog.service';
import { bumpDataVersion } from '../data-versions';
import { getUnitDirectory, type UnitDirectory } from '../units/unit-directory';
import {
  type EditRefusal,
  guardValueWrites,
  throwIfRefused,
  valueNamer,
  versionEvent,
} from '../workflow/edit-guard';
import { recordVersions } from '../workflow/value-history';
import {
  deleteValueHistory,
  deleteValues,
  upsertValues,
  type ValueState,
  type ValueWrite,
  valueStatesByKeys,
  valuesForUnits,
} from './values.repository';

export async function getUnitValues(
  db: Kysely<Database>,
  viewer: Viewer,
  unitId: string,
  year: number,
): Promise<UnitValuesResponse> {
  const directory = await getUnitDirectory(db);
  requireReadableUnit(directory, scopeOf(directory, viewer), unitId);
  const rows = await valuesForUnits(db, [unitId], [year]);
  return {
    unitId,
    year,
    values: rows
      .map((r) => ({
        measure: r.measureCode,
        value: r.value,
        source: r.source,
        status: r.status,
        version: r.version,
        updatedAt: r.updatedAt,
        updatedBy: r.updatedBy,
        ...r.workflow,
        locked: r.status === 'approved' || r.status === 'verified',
      }))
      .sort((a, b) => a.measure.localeCompare(b.measure)),
  };
}

function existsDuring(unit: Unit, year: number): boolean {
  return unit.validFrom <= `${year}-12-31` && (unit.validTo === null || unit.validTo >= `${year}-01-01`);
}

function resolveMeasureCode(row: ValueWriteRow, problems: RowProblem[], index: number): string | null {
  if (row.measure !== undefined) return row.measure;
  if (row.indicator === undefined || row.criteriaSetId === undefined) {
    problems.push({
      row: index,
      field: 'measure',
      value: null,
      message: 'Cần mã đại lượng (measure) hoặc cặp bộ tiêu chí + mã chỉ tiêu (criteriaSetId, indicator).',
    });
    return null;
  }
  const set = findCriteriaSet(row.criteriaSetId);
  if (!set) {
    problems.push({
      row: index,
      field: 'criteriaSetId',
      value: row.criteriaSetId,
      message: `Không có bộ tiêu chí "${row.criteriaSetId}".`,
    });
    return null;
  }
  const indicator = set.criteria.flatMap((c) => c.indicators).find((i) => i.code === row.indicator);
  if (!indicator) {
    problems.push({
      row: index,
      field: 'indicator',
      value: row.indicator,
      message: `Bộ tiêu chí ${set.shortName} không có chỉ tiêu "${row.indicator}".`,
    });
    return null;
  }
  if (!indicator.measure) {
    problems.push({
      row: index,
      field: 'indicator',
      value: row.indicator,
      message: `Chỉ tiêu ${indicator.code} được tính tự động từ các chỉ tiêu khác, không nhập trực tiếp.`,
    });
    return null;
  }
  return indicator.measure;
}

/**
 * The rules every written value obeys, checked one row at a time so that a bulk request and a
 * streamed Excel import share them. It remembers the rows it has seen, to refuse a repeated
 * unit, year and measure; `index` + 1 is the row number quoted in that message.
 */
export interface ValueRowValidator {
  check(row: ValueWriteRow, index: number): { write: ValueWrite | null; problems: RowProblem[] };
}

export function createValueRowValidator(directory: UnitDirectory): ValueRowValidator {
  const seen = new Map<string, number>();
  return {
    check(row, index) {
      const problems: RowProblem[] = [];
      const unit = directory.byId.get(row.unitId);
      if (!unit) {
        problems.push({
          row: index,
          field: 'unitId',
          value: row.unitId,
          message: `Không có đơn vị "${row.unitId}".`,
        });
      } else if (!existsDuring(unit, row.year)) {
        problems.push({
          row: index,
          field: 'year',
          value: row.year,
          message: `${unit.name} không tồn tại trong năm ${row.year} (hiệu lực ${unit.validFrom} – ${unit.validTo ?? 'nay'}).`,
        });
      }
      const measureCode = resolveMeasureCode(row, problems, index);
      if (measureCode === null) return { write: null, problems };
      const measure = measuresByCode.get(measureCode);
      if (!measure) {
        problems.push({
          row: index,
          field: 'measure',
          value: measureCode,
          message: `Không có đại lượng "${measureCode}".`,
        });
        return { write: null, problems };
      }
      if (unit && !measure.levelsObserved.includes(unit.level)) {
        problems.push({
          row: index,
          field: 'measure',
          value: measureCode,
          message: `Đại lượng "${measure.name}" không được nhập ở cấp ${unit.level}.`,
        });
      }
      const reason = checkObservation(measure, row.value);
      if (reason !== null) {
        problems.push({
          row: index,
          field: 'value',
          value: row.value,
          message: `${measure.name}: giá trị ${reason}.`,
        });
      }
      const key = `${row.unitId}|${row.year}|${measureCode}`;
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push({
          row: index,
          field: 'measure',
          value: measureCode,
          message: `Trùng với dòng ${first + 1}: cùng đơn vị, năm và đại lượng.`,
        });
      } else {
        seen.set(key, index);
      }
      const write: ValueWrite = {
        unitId: row.unitId,
        measureCode,
        year: row.year,
        value: row.value,
        source: row.source ?? null,
        status: 'draft',
      };
      return { write: problems.length === 0 ? write : null, problems };
    },
  };
}

/** Validates every row first; writes all of them in one transaction or none (PRODUCT §5). */
export async function writeValues(
  db: Kysely<Database>,
  viewer: Viewer,
  request: BulkValueWriteRequest,
  now: () => Date = () => new Date(),
): Promise<BulkValueWriteResponse> {
  const directory = await getUnitDirectory(db);
  const validator = createValueRowValidator(directory);
  const problems: RowProblem[] = [];
  const writes: ValueWrite[] = [];
  request.values.forEach((row, index) => {
    const checked = validator.check(row, index);
    problems.push(...checked.problems);
    if (checked.write) writes.push(checked.write);
  });

  if (problems.length > 0) {
    throw new AppError('validation_failed', `Có ${problems.length} lỗi; không giá trị nào được ghi.`, {
      rows: problems,
    });
  }

  return db.transaction().execute(async (trx) => {
    // With no invalid row, writes[i] is request row i.
    await guardValueWrites(
      trx,
      scopeOf(directory, viewer),
      valueNamer(directory),
      writes.map((write, i) => ({ write, expectedVersion: request.values[i]?.expectedVersion })),
    );
    const { changes, unchanged } = await applyValueWrites(trx, writes, {
      actor: actorName(viewer),
      at: now().toISOString(),
      reason: request.reason ?? null,
      ...(request.correction ? { correction: true } : {}),
    });
    if (changes.length > 0) await bumpDataVersion(trx, 'values');
    const created = changes.filter((c) => c.previous === null).length;
    return { written: changes.length, created, updated: changes.length - created, unchanged };
  });
}

export interface AppliedValueChange {
  write: ValueWrite;
  /** What the write replaced; null when the value is new. */
  previous: ValueState | null;
}

export interface ValueWriteMeta {
  actor: string;
  at: string;
  reason: string | null;
  /** The import these writes belong to; every audit entry carries it. */
  changeSetId?: string;
  /** Approved values may be overwritten only as a correction, with `reason`. */
  correction?: boolean;
}

const keyOf = (v: { unitId: string; year: number; measureCode: string }) =>
  `${v.unitId}|${v.year}|${v.measureCode}`;

/**
 * Writes already validated rows inside the caller's transaction: skips those equal to what is
 * stored, upserts the rest and audits each. The caller bumps the data version once it is done.
 */
export async function applyValueWrites(
  trx: Kysely<Database>,
  writes: readonly ValueWrite[],
  meta: ValueWriteMeta,
): Promise<{ changes: AppliedValueChange[]; unchanged: number }> {
  const before = new Map((await valueStatesByKeys(trx, writes)).map((v) => [keyOf(v), v]));
  const changes: AppliedValueChange[] = [];
  const audit: AuditEntry[] = [];
  const refusals: EditRefusal[] = [];
  for (const [index, write] of writes.entries()) {
    const key = keyOf(write);
    const previous = before.get(key) ?? null;
    if (
      previous &&
      JSON.stringify(previous.value) === JSON.stringify(write.value) &&
      previous.source === write.source
    ) {
      continue;
    }
    if (previous) {
      const decision = decideEdit(previous.status, meta.correction ? { reason: meta.reason } : null);
      if (!decision.ok) {
        refusals.push({ index, write, ...decision });
        continue;
      }
    }
    changes.push({ write, previous });
    audit.push({
      actor: meta.actor,
      action: previous ? (previous.status === 'approved' ? 'correct' : 'update') : 'create',
      entity: 'measure_value',
      entityId: key,
      before: previous
        ? {
            value: previous.value,
            source: previous.source,
            status: previous.status,
            version: previous.version,
          }
        : null,
      after: {
        value: write.value,
        source: write.source,
        status: write.status,
        version: (previous?.version ?? 0) + 1,
      },
      reason: meta.reason,
      changeSetId: meta.changeSetId ?? null,
      unitId: write.unitId,
    });
  }
  if (refusals.length > 0) throwIfRefused(refusals, valueNamer(await getUnitDirectory(trx)));
  if (changes.length > 0) {
    await upsertValues(
      trx,
      changes.map((c) => c.write),
      { at: meta.at, by: meta.actor },
    );
    await appendAudit(trx, audit, meta.at);
    await recordVersions(
      trx,
      changes.map((c) => versionEvent(c, meta)),
    );
  }
  return { changes, unchanged: writes.length - changes.length };
}

export interface ValueRevert {
  unitId: string;
  measureCode: string;
  year: number;
  /** The value the change wrote; anything else stored now means someone changed it since. */
  expected: ObservedValue;
  /** The status the change left; a value moved on in the workflow since is not undone either. */
  expectedStatus: ValueStatus;
  /** What to put back; null deletes the value, which did not exist before the change. */
  restore: { value: ObservedValue; source: string | null; status: ValueStatus } | null;
}

/**
 * Undoes earlier writes inside the caller's transaction. Refuses (409) when any value was
 * changed, or moved through the workflow, after the write being undone, because putting the
 * old value back would silently erase that later work. A restored value gets a new version
 * ("revert"); a value the write had created is removed with its history, as if never entered
 * (the audit log keeps both steps), so that entering it again starts a fresh history.
 */
export async function revertValueChanges(
  trx: Kysely<Database>,
  reverts: readonly ValueRevert[],
  meta: ValueWriteMeta,
): Promise<void> {
  const current = new Map((await valueStatesByKeys(trx, reverts)).map((v) => [keyOf(v), v]));
  const changedSince = reverts.filter((r) => {
    const stored = current.get(keyOf(r));
    return (
      JSON.stringify(stored?.value ?? null) !== JSON.stringify(r.expected) ||
      stored?.status !== r.expectedStatus
    );
  });
  if (changedSince.length > 0) {
    throw new AppError(
      'conflict',
      `${changedSince.length} giá trị đã được sửa hoặc đã chuyển bước duyệt sau lần ghi này; không thể hoàn tác mà không xóa mất các việc đó.`,
      { problems: changedSince.slice(0, 100).map((r) => ({ key: keyOf(r), expected: r.expected })) },
    );
  }
  const restores: AppliedValueChange[] = [];
  const deletions: ValueRevert[] = [];
  const audit: AuditEntry[] = [];
  for (const r of reverts) {
    const stored = current.get(keyOf(r)) ?? null;
    if (r.restore) {
      restores.push({
        write: { unitId: r.unitId, measureCode: r.measureCode, year: r.year, ...r.restore },
        previous: stored,
      });
    } else {
      deletions.push(r);
    }
    audit.push({
      actor: meta.actor,
      action: r.restore ? 'update' : 'delete',
      entity: 'measure_value',
      entityId: keyOf(r),
      before: stored ? { value: stored.value, source: stored.source, version: stored.version } : null,
      after: r.restore
        ? { value: r.restore.value, source: r.restore.source, status: r.restore.status }
        : null,
      reason: meta.reason,
      changeSetId: meta.changeSetId ?? null,
      unitId: r.unitId,
    });
  }
  await upsertValues(
    trx,
    restores.map((c) => c.write),
    { at: meta.at, by: meta.actor },
  );
  await recordVersions(
    trx,
    restores.map((c) => ({ ...versionEvent(c, meta), action: 'revert' as const })),
  );
  await deleteValues(trx, deletions);
  await deleteValueHistory(trx, deletions);
  await appendAudit(trx, audit, meta.at);
}

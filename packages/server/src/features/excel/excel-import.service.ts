import { randomUUID } from 'node:crypto';
import type { ObservedValue, ValueStatus } from '@ntm/core';
import type { Kysely } from 'kysely';
import type {
  ConfirmImportRequest,
  ImportDiffQuery,
  ImportDiffResponse,
  ImportFormat,
  ImportListResponse,
  ImportProblem,
  ImportStatus,
  ImportSummary,
  ImportUploadQuery,
  RevertImportRequest,
} from '../../contract/excel';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { type AccessScope, scopeFor } from '../auth/access-scope';
import { actorName, type Viewer } from '../auth/viewer';
import { findCriteriaSet, requireCriteriaSet } from '../catalog/catalog.service';
import { bumpDataVersion } from '../data-versions';
import { getUnitDirectory, requireUnit } from '../units/unit-directory';
import { applyValueWrites, revertValueChanges } from '../values/values.service';
import {
  type ChangeSetRow,
  type ChangeSetValueRow,
  changeSetDiffPage,
  changeSetValuesAfter,
  deleteChangeSet,
  deleteChangeSetValues,
  discardPendingBefore,
  findChangeSet,
  insertChangeSet,
  listChangeSets,
  unitsOfChangeSets,
  updateChangeSet,
} from './excel.repository';
import { ImportStager, PROBLEM_LIMIT } from './import-stager';
import { type ImportRow, SheetInterpreter } from './sheet-interpreter';
import { subtreeScope, unitLookupFor, type WriteScope } from './unit-lookup';
import { readXlsxRows } from './xlsx-rows';
import { prepareXlsx } from './xlsx-safety';

export interface ImportUpload {
  bytes: Buffer;
  fileName: string;
}

/** Spreadsheet rows checked and staged together: bounded memory, few round trips. */
const BATCH_ROWS = 500;
/** Staged values written or reverted per step of the one transaction. */
const APPLY_CHUNK = 5000;
/** A preview nobody confirmed within a day is dropped. */
const PENDING_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** The uploader's own scope and the area chosen for the upload: a row must be inside both. */
function bothScopes(a: WriteScope | null, b: WriteScope | null): WriteScope | null {
  if (a === null || b === null) return a ?? b;
  return {
    area: `${a.area}; ${b.area}`,
    canWrite: (id) => a.canWrite(id) && b.canWrite(id),
    ...(a.coversMeasure ? { coversMeasure: a.coversMeasure } : {}),
  };
}

function summarise(row: ChangeSetRow): ImportSummary {
  return {
    id: row.id,
    status: row.status as ImportStatus,
    fileName: row.file_name,
    format: row.format as ImportFormat,
    criteriaSetId: row.criteria_set_id,
    year: row.year,
    scopeUnitId: row.scope_unit_id,
    sheetRows: row.sheet_rows,
    newCount: row.new_count,
    changedCount: row.changed_count,
    unchangedCount: row.unchanged_count,
    approvedChanges: row.approved_changes,
    invalidRows: row.invalid_rows,
    problemCount: row.problem_count,
    problems: JSON.parse(row.problems_json) as ImportProblem[],
    problemLimit: PROBLEM_LIMIT,
    onlyValidRows: row.only_valid_rows === 1,
    reason: row.reason,
    createdAt: row.created_at,
    createdBy: row.created_by,
    appliedAt: row.applied_at,
    appliedBy: row.applied_by,
    revertedAt: row.reverted_at,
    revertedBy: row.reverted_by,
  };
}

async function requireChangeSet(db: Kysely<Database>, id: string): Promise<ChangeSetRow> {
  const row = await findChangeSet(db, id);
  if (!row) throw new AppError('not_found', `Không có lần nhập "${id}".`);
  return row;
}

/**
 * An import is seen by the province roles, by its author, and by whoever reads the area it was
 * for, provided every unit it writes to is in that viewer's area too: the area a template names
 * is not proof of what rows the file carries.
 */
function visibleTo(scope: AccessScope, row: ChangeSetRow, unitIds: readonly string[] | undefined): boolean {
  if (scope.readsEverything || row.created_by === actorName(scope.viewer)) return true;
  return (
    row.scope_unit_id !== null &&
    scope.canRead(row.scope_unit_id) &&
    (unitIds ?? []).every((id) => scope.canRead(id))
  );
}

async function requireVisible(
  db: Kysely<Database>,
  scope: AccessScope | null,
  row: ChangeSetRow,
): Promise<ChangeSetRow> {
  if (scope === null) return row;
  const units = scope.readsEverything ? undefined : (await unitsOfChangeSets(db, [row.id])).get(row.id);
  if (visibleTo(scope, row, units)) return row;
  throw new AppError(
    'forbidden',
    `Lần nhập này của ${row.created_by}, cho địa bàn nằm ngoài phạm vi được giao cho bạn (${scope.area}).`,
  );
}

const statusWords: Record<ImportStatus, string> = {
  pending: 'đang chờ xác nhận',
  applied: 'đã được ghi',
  reverted: 'đã được hoàn tác',
  discarded: 'đã bị hủy',
};

function requireStatus(row: ChangeSetRow, wanted: ImportStatus, action: string): void {
  if (row.status !== wanted) {
    throw new AppError(
      'conflict',
      `Không thể ${action}: lần nhập tệp "${row.file_name}" ${statusWords[row.status as ImportStatus]}.`,
    );
  }
}

/**
 * Reads an upload, checks every row against the catalog, the units and the uploader's scope,
 * and stages the valid values with the values they would replace. Nothing is written to the
 * data: the result is the report (every problem, with sheet, row, column and value) and the
 * diff, to be confirmed or discarded. A file that cannot be read at all leaves no trace.
 */
export async function previewImport(
  db: Kysely<Database>,
  upload: ImportUpload,
  options: ImportUploadQuery,
  actor: string,
  scope: WriteScope | null = null,
  now: () => Date = () => new Date(),
): Promise<ImportSummary> {
  const workbook = await prepareXlsx(upload.bytes);
  const at = now();
  await discardPendingBefore(db, new Date(at.getTime() - PENDING_LIFETIME_MS).toISOString());
  const directory = await getUnitDirectory(db);
  if (options.scopeUnitId !== undefined) requireUnit(directory, options.scopeUnitId);
  if (options.criteriaSetId !== undefined) requireCriteriaSet(options.criteriaSetId);
  const lookup = unitLookupFor(directory);
  const area =
    options.scopeUnitId === undefined ? null : subtreeScope(lookup, directory, options.scopeUnitId);

  const id = randomUUID();
  const fileName = upload.fileName.slice(0, 255);
  await insertChangeSet(db, {
    id,
    kind: 'excel_import',
    status: 'pending',
    file_name: fileName,
    format: 'template',
    criteria_set_id: null,
    year: null,
    scope_unit_id: options.scopeUnitId ?? null,
    sheet_rows: 0,
    new_count: 0,
    changed_count: 0,
    unchanged_count: 0,
    approved_changes: 0,
    invalid_rows: 0,
    problem_count: 0,
    problems_json: '[]',
    only_valid_rows: 0,
    reason: null,
    created_at: at.toISOString(),
    created_by: actor,
    applied_at: null,
    applied_by: null,
    reverted_at: null,
    reverted_by: null,
  });
  try {
    const merged = new Map(workbook.sheets.map((s) => [s.name, s.mergedRanges]));
    const interpreter = new SheetInterpreter({
      findSet: findCriteriaSet,
      defaultSetId: options.criteriaSetId ?? null,
      mergedRanges: (sheet) => merged.get(sheet) ?? [],
    });
    const stager = new ImportStager(
      db,
      directory,
      lookup,
      id,
      bothScopes(scope, area),
      `Tệp Excel: ${fileName}`,
    );
    let batch: ImportRow[] = [];
    for await (const sheetRow of readXlsxRows(workbook.bytes)) {
      const row = interpreter.accept(sheetRow);
      if (row === null) continue;
      batch.push(row);
      if (batch.length >= BATCH_ROWS) {
        await stager.stage(batch);
        batch = [];
      }
    }
    await stager.stage(batch);
    if (interpreter.recognisedSheets === 0) {
      throw new AppError(
        'template_invalid',
        'Không tìm thấy trang số liệu: tệp không phải biểu mẫu tải từ hệ thống, cũng không phải bảng dạng danh sách có các cột "Mã đơn vị", "Mã chỉ tiêu", "Năm", "Giá trị".',
      );
    }
    const totals = stager.totals();
    await updateChangeSet(db, id, {
      format: totals.format,
      criteria_set_id: totals.criteriaSetId,
      year: totals.year,
      scope_unit_id: totals.scopeUnitId ?? options.scopeUnitId ?? null,
      sheet_rows: totals.sheetRows,
      new_count: totals.newCount,
      changed_count: totals.changedCount,
      unchanged_count: totals.unchangedCount,
      approved_changes: totals.approvedChanges,
      invalid_rows: totals.invalidRows,
      problem_count: totals.problemCount,
      problems_json: JSON.stringify(totals.problems),
    });
  } catch (error) {
    await deleteChangeSet(db, id);
    throw error;
  }
  return summarise(await requireChangeSet(db, id));
}

export async function getImport(db: Kysely<Database>, id: string): Promise<ImportSummary> {
  return summarise(await requireChangeSet(db, id));
}

export async function getVisibleImport(
  db: Kysely<Database>,
  id: string,
  viewer: Viewer,
): Promise<ImportSummary> {
  const scope = await scopeFor(db, viewer);
  return summarise(await requireVisible(db, scope, await requireChangeSet(db, id)));
}

/** The latest imports the viewer may see (a district its own area's, the province roles all). */
export async function listImports(
  db: Kysely<Database>,
  limit: number,
  viewer: Viewer,
): Promise<ImportListResponse> {
  const scope = await scopeFor(db, viewer);
  const rows = await listChangeSets(db, scope.readsEverything ? limit : VISIBILITY_WINDOW);
  const units = scope.readsEverything
    ? new Map<string, string[]>()
    : await unitsOfChangeSets(
        db,
        rows.filter((r) => r.scope_unit_id !== null && scope.canRead(r.scope_unit_id)).map((r) => r.id),
      );
  return {
    imports: rows
      .filter((r) => visibleTo(scope, r, units.get(r.id)))
      .slice(0, limit)
      .map(summarise),
  };
}

/** How far back a non-provincial user's list of imports looks for the ones it may see. */
const VISIBILITY_WINDOW = 500;

export async function importDiff(
  db: Kysely<Database>,
  id: string,
  query: ImportDiffQuery,
  viewer: Viewer,
): Promise<ImportDiffResponse> {
  const row = await requireVisible(db, await scopeFor(db, viewer), await requireChangeSet(db, id));
  const totals: Record<ImportDiffQuery['kind'], number> = {
    new: row.new_count,
    changed: row.changed_count,
    unchanged: row.unchanged_count,
  };
  const page = await changeSetDiffPage(db, id, query.kind, query.offset, query.limit);
  return {
    kind: query.kind,
    total: totals[query.kind],
    offset: query.offset,
    entries: page.map((v) => ({
      unitId: v.unit_id,
      unitCode: v.unit_code,
      unitName: v.unit_name,
      year: v.year,
      indicatorCode: v.indicator_code,
      measure: v.measure_code,
      sheet: v.sheet,
      cell: v.cell,
      before: v.before_json === null ? null : (JSON.parse(v.before_json) as { value: ObservedValue }).value,
      after: JSON.parse(v.value_json) as ObservedValue,
    })),
  };
}

/** Whoever confirms or reverts an import must be allowed to write every value in it. */
function requireWritable(scope: WriteScope | null, rows: readonly ChangeSetValueRow[], action: string): void {
  if (scope === null) return;
  const outside = rows.find((r) => !scope.canWrite(r.unit_id));
  if (outside) {
    throw new AppError(
      'forbidden',
      `Bạn không thể ${action} lần nhập này: có số liệu của đơn vị nằm ngoài phạm vi được giao (${scope.area}).`,
    );
  }
}

/** The staged values an import writes (new, then changed), a page at a time. */
async function* stagedChanges(trx: Kysely<Database>, id: string): AsyncGenerator<ChangeSetValueRow[]> {
  for (const kind of ['new', 'changed'] as const) {
    let after = 0;
    for (;;) {
      const page = await changeSetValuesAfter(trx, id, kind, after, APPLY_CHUNK);
      if (page.length === 0) break;
      after = (page.at(-1) as ChangeSetValueRow).seq;
      yield page;
    }
  }
}

interface Snapshot {
  value: ObservedValue;
  source: string | null;
  status: ValueStatus;
}

const snapshotOf = (row: ChangeSetValueRow): Snapshot | null =>
  row.before_json === null ? null : (JSON.parse(row.before_json) as Snapshot);

/**
 * Writes a previewed import through the one bulk write path, in one transaction, as one
 * audited change set. A value someone changed since the preview stops the whole import
 * (409): the diff the user confirmed would no longer be true.
 */
export async function confirmImport(
  db: Kysely<Database>,
  id: string,
  request: ConfirmImportRequest,
  actor: string,
  scope: WriteScope | null = null,
  now: () => Date = () => new Date(),
): Promise<ImportSummary> {
  await db.transaction().execute(async (trx) => {
    const changeSet = await requireChangeSet(trx, id);
    requireStatus(changeSet, 'pending', 'ghi số liệu');
    if (changeSet.problem_count > 0 && !request.onlyValidRows) {
      throw new AppError(
        'validation_failed',
        `Tệp còn ${changeSet.problem_count} lỗi ở ${changeSet.invalid_rows} dòng; không giá trị nào được ghi. Hãy sửa rồi tải lên lại, hoặc chọn chỉ nhập các dòng hợp lệ.`,
      );
    }
    if (changeSet.approved_changes > 0 && !request.correction) {
      throw new AppError(
        'validation_failed',
        `Tệp sửa ${changeSet.approved_changes} giá trị đã được phê duyệt; không giá trị nào được ghi. Hãy chọn nhập dạng đính chính và ghi rõ lý do.`,
      );
    }
    const at = now().toISOString();
    const reason =
      request.reason ??
      `Nhập từ tệp Excel "${changeSet.file_name}"${request.onlyValidRows && changeSet.invalid_rows > 0 ? ` (chỉ các dòng hợp lệ, bỏ qua ${changeSet.invalid_rows} dòng lỗi)` : ''}`;
    const counts = { new: 0, changed: 0, unchanged: changeSet.unchanged_count };
    let conflicts = 0;
    for await (const rows of stagedChanges(trx, id)) {
      requireWritable(scope, rows, 'ghi');
      const { changes } = await applyValueWrites(
        trx,
        rows.map((r) => ({
          unitId: r.unit_id,
          measureCode: r.measure_code,
          year: r.year,
          value: JSON.parse(r.value_json) as ObservedValue,
          source: r.source,
          status: 'draft' as const,
        })),
        { actor, at, reason, changeSetId: id, ...(request.correction ? { correction: true } : {}) },
      );
      const previousByKey = new Map(
        changes.map((c) => [`${c.write.unitId}|${c.write.year}|${c.write.measureCode}`, c.previous]),
      );
      for (const row of rows) {
        const key = `${row.unit_id}|${row.year}|${row.measure_code}`;
        if (!previousByKey.has(key)) {
          counts.unchanged += 1;
          await trx
            .updateTable('change_set_values')
            .set({ kind: 'unchanged' })
            .where('change_set_id', '=', id)
            .where('seq', '=', row.seq)
            .execute();
          continue;
        }
        const previous = previousByKey.get(key) ?? null;
        const snapshot = snapshotOf(row);
        if (JSON.stringify(previous?.value ?? null) !== JSON.stringify(snapshot?.value ?? null))
          conflicts += 1;
        counts[previous ? 'changed' : 'new'] += 1;
      }
    }
    if (conflicts > 0) {
      throw new AppError(
        'conflict',
        `${conflicts} giá trị đã được sửa sau khi bạn xem trước; không giá trị nào được ghi. Hãy tải tệp lên lại để xem các thay đổi mới nhất.`,
      );
    }
    await updateChangeSet(trx, id, {
      status: 'applied',
      applied_at: at,
      applied_by: actor,
      only_valid_rows: request.onlyValidRows ? 1 : 0,
      reason,
      new_count: counts.new,
      changed_count: counts.changed,
      unchanged_count: counts.unchanged,
    });
    await appendAudit(
      trx,
      [
        {
          actor,
          action: 'import',
          entity: 'change_set',
          entityId: id,
          before: null,
          after: {
            fileName: changeSet.file_name,
            new: counts.new,
            changed: counts.changed,
            unchanged: counts.unchanged,
            invalidRows: changeSet.invalid_rows,
            onlyValidRows: request.onlyValidRows,
          },
          reason,
          changeSetId: id,
        },
      ],
      at,
    );
    if (counts.new + counts.changed > 0) await bumpDataVersion(trx, 'values');
  });
  return getImport(db, id);
}

/**
 * Puts back, in one transaction, every value an applied import replaced and removes the values
 * it created. Refused when any of them was changed since, so no later work is silently lost.
 */
export async function revertImport(
  db: Kysely<Database>,
  id: string,
  request: RevertImportRequest,
  actor: string,
  scope: WriteScope | null = null,
  now: () => Date = () => new Date(),
): Promise<ImportSummary> {
  await db.transaction().execute(async (trx) => {
    const changeSet = await requireChangeSet(trx, id);
    requireStatus(changeSet, 'applied', 'hoàn tác');
    const at = now().toISOString();
    const reason = request.reason ?? `Hoàn tác lần nhập tệp Excel "${changeSet.file_name}"`;
    let reverted = 0;
    for await (const rows of stagedChanges(trx, id)) {
      requireWritable(scope, rows, 'hoàn tác');
      await revertValueChanges(
        trx,
        rows.map((r) => ({
          unitId: r.unit_id,
          measureCode: r.measure_code,
          year: r.year,
          expected: JSON.parse(r.value_json) as ObservedValue,
          expectedStatus: 'draft',
          restore: snapshotOf(r),
        })),
        { actor, at, reason, changeSetId: id },
      );
      reverted += rows.length;
    }
    await updateChangeSet(trx, id, { status: 'reverted', reverted_at: at, reverted_by: actor });
    await appendAudit(
      trx,
      [
        {
          actor,
          action: 'revert',
          entity: 'change_set',
          entityId: id,
          before: { status: 'applied' },
          after: { status: 'reverted', values: reverted },
          reason,
          changeSetId: id,
        },
      ],
      at,
    );
    if (reverted > 0) await bumpDataVersion(trx, 'values');
  });
  return getImport(db, id);
}

/** Drops a preview the user does not want; nothing had been written. */
export async function discardImport(
  db: Kysely<Database>,
  id: string,
  scope: AccessScope | null = null,
): Promise<ImportSummary> {
  await db.transaction().execute(async (trx) => {
    const changeSet = await requireVisible(trx, scope, await requireChangeSet(trx, id));
    requireStatus(changeSet, 'pending', 'hủy');
    await deleteChangeSetValues(trx, id);
    await updateChangeSet(trx, id, { status: 'discarded' });
  });
  return getImport(db, id);
}

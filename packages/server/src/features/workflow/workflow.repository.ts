import type { ValueStatus, WorkflowAction } from '@ntm/core';
import { type Kysely, type Selectable, sql } from 'kysely';
import { INSERT_ROWS, isPostgres, unnestRows } from '../../db/bulk-rows';
import type { Database, MeasureValuesTable } from '../../db/schema';
import { keyTable } from '../values/values.repository';
import type { MeasureValueVersionsTable } from './value-versions.table';

export interface ValueKey {
  unitId: string;
  year: number;
  measureCode: string;
}

export type ValueRow = Selectable<MeasureValuesTable>;

export const keyOf = (v: ValueKey) => `${v.unitId}|${v.year}|${v.measureCode}`;
export const rowKey = (r: Pick<ValueRow, 'unit_id' | 'year' | 'measure_code'>) =>
  `${r.unit_id}|${r.year}|${r.measure_code}`;

const CHUNK = 200;

const VERSION_COLUMNS = [
  ['unit_id', 'text'],
  ['year', 'integer'],
  ['measure_code', 'text'],
  ['version', 'integer'],
  ['value_json', 'text'],
  ['source', 'text'],
  ['status', 'text'],
  ['action', 'text'],
  ['actor', 'text'],
  ['at', 'text'],
  ['reason', 'text'],
] as const;

export async function valueRowsByKeys(db: Kysely<Database>, keys: readonly ValueKey[]): Promise<ValueRow[]> {
  const rows: ValueRow[] = [];
  for (let i = 0; i < keys.length; i += CHUNK) {
    const chunk = keys.slice(i, i + CHUNK);
    rows.push(
      ...(await db
        .selectFrom('measure_values')
        .selectAll()
        .where((eb) =>
          eb(
            eb.refTuple('unit_id', 'year', 'measure_code'),
            'in',
            chunk.map((k) => eb.tuple(k.unitId, k.year, k.measureCode)),
          ),
        )
        .execute()),
    );
  }
  return rows;
}

/** The columns a step sets besides the status; every step moves the version on. */
function stepColumns(action: WorkflowAction, actor: string, at: string, reason: string | null) {
  switch (action) {
    case 'submit':
      return {
        submitted_by: actor,
        submitted_at: at,
        verified_by: null,
        verified_at: null,
        returned_by: null,
        returned_at: null,
        return_reason: null,
      };
    case 'verify':
      return { verified_by: actor, verified_at: at };
    case 'approve':
      return {
        approved_by: actor,
        approved_at: at,
        approved_value_json: sql<string>`value_json`,
        approved_version: sql<number>`version + 1`,
      };
    case 'return':
      return {
        returned_by: actor,
        returned_at: at,
        return_reason: reason,
        verified_by: null,
        verified_at: null,
      };
  }
}

export interface VersionedKey extends ValueKey {
  version: number;
}

/**
 * Moves values to `status` only where they still have the version the step was decided on;
 * returns how many moved, so the caller can tell a concurrent change and roll back.
 */
export async function applyStep(
  db: Kysely<Database>,
  items: readonly VersionedKey[],
  step: { action: WorkflowAction; status: ValueStatus; actor: string; at: string; reason: string | null },
): Promise<number> {
  let moved = 0;
  for (let i = 0; i < items.length; i += CHUNK) {
    const chunk = items.slice(i, i + CHUNK);
    const result = await db
      .updateTable('measure_values')
      .set({
        ...stepColumns(step.action, step.actor, step.at, step.reason),
        status: step.status,
        version: sql<number>`version + 1`,
      })
      .where((eb) =>
        eb(
          eb.refTuple('unit_id', 'year', 'measure_code', 'version'),
          'in',
          chunk.map((k) => eb.tuple(k.unitId, k.year, k.measureCode, k.version)),
        ),
      )
      .executeTakeFirst();
    moved += Number(result.numUpdatedRows);
  }
  return moved;
}

export async function insertVersions(
  db: Kysely<Database>,
  rows: readonly MeasureValueVersionsTable[],
): Promise<void> {
  const postgres = isPostgres(db);
  for (let i = 0; i < rows.length; i += INSERT_ROWS) {
    const chunk = rows.slice(i, i + INSERT_ROWS);
    const insert = db.insertInto('measure_value_versions');
    await (postgres
      ? insert.columns(VERSION_COLUMNS.map(([name]) => name)).expression(unnestRows(chunk, VERSION_COLUMNS))
      : insert.values(chunk)
    ).execute();
  }
}

/** The highest recorded version of each key that has any. */
export async function latestRecordedVersions(
  db: Kysely<Database>,
  keys: readonly ValueKey[],
): Promise<Map<string, number>> {
  const latest = new Map<string, number>();
  for (let i = 0; i < keys.length; i += INSERT_ROWS) {
    // One index probe per key: grouped over a join, SQLite would rather scan the whole history.
    const rows = await db
      .selectFrom(keyTable(keys.slice(i, i + INSERT_ROWS)))
      .select([
        'k.column1 as unit_id',
        'k.column2 as year',
        'k.column3 as measure_code',
        (eb) =>
          eb
            .selectFrom('measure_value_versions as h')
            .select((h) => h.fn.max('h.version').as('latest'))
            .whereRef('h.unit_id', '=', 'k.column1')
            .whereRef('h.year', '=', 'k.column2')
            .whereRef('h.measure_code', '=', 'k.column3')
            .as('version'),
      ])
      .execute();
    for (const row of rows) if (row.version !== null) latest.set(rowKey(row), Number(row.version));
  }
  return latest;
}

export async function versionsOf(
  db: Kysely<Database>,
  filter: { unitId: string; year: number; measureCode?: string },
): Promise<Selectable<MeasureValueVersionsTable>[]> {
  let query = db
    .selectFrom('measure_value_versions')
    .selectAll()
    .where('unit_id', '=', filter.unitId)
    .where('year', '=', filter.year);
  if (filter.measureCode) query = query.where('measure_code', '=', filter.measureCode);
  return query.orderBy('measure_code').orderBy('version', 'desc').execute();
}

export async function valueRowsOfUnit(
  db: Kysely<Database>,
  filter: { unitId: string; year: number; measureCode?: string },
): Promise<ValueRow[]> {
  let query = db
    .selectFrom('measure_values')
    .selectAll()
    .where('unit_id', '=', filter.unitId)
    .where('year', '=', filter.year);
  if (filter.measureCode) query = query.where('measure_code', '=', filter.measureCode);
  return query.execute();
}

export interface StatusCount {
  unitId: string;
  year: number;
  status: ValueStatus;
  returned: boolean;
  count: number;
}

/** Values waiting somewhere, counted per unit, year and status; optionally only some measures. */
export async function countByStatus(
  db: Kysely<Database>,
  filter: { statuses: readonly ValueStatus[]; year?: number; measures?: readonly string[] },
): Promise<StatusCount[]> {
  if (filter.measures !== undefined && filter.measures.length === 0) return [];
  let query = db
    .selectFrom('measure_values')
    .select([
      'unit_id',
      'year',
      'status',
      (eb) => eb.case().when('return_reason', 'is not', null).then(1).else(0).end().as('returned'),
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('status', 'in', [...filter.statuses]);
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  if (filter.measures !== undefined) query = query.where('measure_code', 'in', [...filter.measures]);
  const rows = await query.groupBy(['unit_id', 'year', 'status', 'returned']).execute();
  return rows.map((r) => ({
    unitId: r.unit_id,
    year: r.year,
    status: r.status as ValueStatus,
    returned: Number(r.returned) === 1,
    count: Number(r.n),
  }));
}

export async function returnReasons(
  db: Kysely<Database>,
  filter: { year?: number },
): Promise<{ unitId: string; year: number; reason: string }[]> {
  let query = db
    .selectFrom('measure_values')
    .select(['unit_id', 'year', 'return_reason'])
    .distinct()
    .where('status', '=', 'draft')
    .where('return_reason', 'is not', null);
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  const rows = await query.execute();
  return rows.map((r) => ({ unitId: r.unit_id, year: r.year, reason: r.return_reason as string }));
}

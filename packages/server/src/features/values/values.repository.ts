import type { MeasureValue, ObservedValue, ValueStatus } from '@ntm/core';
import { type Kysely, sql } from 'kysely';
import { INSERT_ROWS, isPostgres, unnestRows } from '../../db/bulk-rows';
import type { Database, MeasureValuesTable } from '../../db/schema';

/** Who moved a value through the workflow, and the value last approved. */
export interface ValueWorkflowState {
  submittedBy: string | null;
  submittedAt: string | null;
  verifiedBy: string | null;
  verifiedAt: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  returnedBy: string | null;
  returnedAt: string | null;
  returnReason: string | null;
  /** In force under the approved basis; differs from `value` while a correction goes through the workflow. */
  approvedValue: ObservedValue | null;
}

export interface StoredValue extends MeasureValue {
  version: number;
  updatedAt: string;
  updatedBy: string;
  workflow: ValueWorkflowState;
}

function fromRow(row: MeasureValuesTable): StoredValue {
  return {
    ...stateFromRow(row),
    workflow: {
      submittedBy: row.submitted_by,
      submittedAt: row.submitted_at,
      verifiedBy: row.verified_by,
      verifiedAt: row.verified_at,
      approvedBy: row.approved_by,
      approvedAt: row.approved_at,
      returnedBy: row.returned_by,
      returnedAt: row.returned_at,
      returnReason: row.return_reason,
      approvedValue:
        row.approved_value_json === null ? null : (JSON.parse(row.approved_value_json) as ObservedValue),
    },
  };
}

const IN_CHUNK = 500;

export async function valuesForUnits(
  db: Kysely<Database>,
  unitIds: readonly string[],
  years: readonly number[],
): Promise<StoredValue[]> {
  if (unitIds.length === 0 || years.length === 0) return [];
  const out: StoredValue[] = [];
  for (let i = 0; i < unitIds.length; i += IN_CHUNK) {
    const rows = await db
      .selectFrom('measure_values')
      .selectAll()
      .where('unit_id', 'in', unitIds.slice(i, i + IN_CHUNK))
      .where('year', 'in', [...years])
      .execute();
    for (const row of rows) out.push(fromRow(row));
  }
  return out;
}

/** A stored value as a write sees it: what it replaces and who wrote it, not its workflow. */
export type ValueState = Omit<StoredValue, 'workflow'>;

const STATE_COLUMNS = [
  'unit_id',
  'measure_code',
  'year',
  'value_json',
  'source',
  'status',
  'version',
  'updated_at',
  'updated_by',
] as const;

function stateFromRow(row: Pick<MeasureValuesTable, (typeof STATE_COLUMNS)[number]>): ValueState {
  return {
    unitId: row.unit_id,
    measureCode: row.measure_code,
    year: row.year,
    value: JSON.parse(row.value_json) as ObservedValue,
    source: row.source,
    status: row.status as ValueStatus,
    version: row.version,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

/**
 * The values of some units and years, as writes compare and audit them: nine columns instead
 * of twenty, since an import of a country reads hundreds of thousands of them.
 */
export async function valueStatesForUnits(
  db: Kysely<Database>,
  unitIds: readonly string[],
  years: readonly number[],
): Promise<ValueState[]> {
  if (unitIds.length === 0 || years.length === 0) return [];
  const out: ValueState[] = [];
  for (let i = 0; i < unitIds.length; i += IN_CHUNK) {
    const rows = await db
      .selectFrom('measure_values')
      .select(STATE_COLUMNS)
      .where('unit_id', 'in', unitIds.slice(i, i + IN_CHUNK))
      .where('year', 'in', [...years])
      .execute();
    for (const row of rows) out.push(stateFromRow(row));
  }
  return out;
}

/** Keys joined a statement: 3 parameters each. */
const KEY_JOIN_CHUNK = 2000;

/**
 * Value keys as a derived table (column1 unit, column2 year, column3 measure) to join on the
 * primary key. PostgreSQL plans a list of row values in `IN` as one index probe per key, and
 * planning 2,000 of them takes over a second; the join plans in milliseconds on both databases.
 */
export function keyTable(keys: readonly { unitId: string; year: number; measureCode: string }[]) {
  const rows = keys.map((k) => sql`(${k.unitId}, cast(${k.year} as integer), ${k.measureCode})`);
  return sql<{ column1: string; column2: number; column3: string }>`(values ${sql.join(rows)})`.as('k');
}

/** The stored state of exactly these values (those that exist), to compare and audit a write. */
export async function valueStatesByKeys(
  db: Kysely<Database>,
  keys: readonly { unitId: string; year: number; measureCode: string }[],
): Promise<ValueState[]> {
  const out: ValueState[] = [];
  for (let i = 0; i < keys.length; i += KEY_JOIN_CHUNK) {
    // A cross join keeps SQLite probing the key for each listed value, never scanning the table.
    const rows = await db
      .selectFrom(keyTable(keys.slice(i, i + KEY_JOIN_CHUNK)))
      .crossJoin('measure_values as v')
      .whereRef('v.unit_id', '=', 'k.column1')
      .whereRef('v.year', '=', 'k.column2')
      .whereRef('v.measure_code', '=', 'k.column3')
      .select(STATE_COLUMNS.map((column) => `v.${column}` as const))
      .execute();
    for (const row of rows) out.push(stateFromRow(row));
  }
  return out;
}

/** One scan of a year beats thousands of IN lists when most units of the country are wanted. */
export async function valuesForYear(db: Kysely<Database>, year: number): Promise<StoredValue[]> {
  const rows = await db.selectFrom('measure_values').selectAll().where('year', '=', year).execute();
  return rows.map(fromRow);
}

export async function yearsWithValues(db: Kysely<Database>, unitIds: readonly string[]): Promise<number[]> {
  const years = new Set<number>();
  for (let i = 0; i < unitIds.length; i += IN_CHUNK) {
    const rows = await db
      .selectFrom('measure_values')
      .select('year')
      .distinct()
      .where('unit_id', 'in', unitIds.slice(i, i + IN_CHUNK))
      .execute();
    for (const row of rows) years.add(row.year);
  }
  return [...years].sort((a, b) => a - b);
}

export interface ValueWrite {
  unitId: string;
  measureCode: string;
  year: number;
  value: ObservedValue;
  source: string | null;
  status: ValueStatus;
}

/** Keys a delete: a list of row values in `IN`, which PostgreSQL plans slowly when long. */
const DELETE_CHUNK = 200;

const VALUE_COLUMNS = [
  ['unit_id', 'text'],
  ['measure_code', 'text'],
  ['year', 'integer'],
  ['value_json', 'text'],
  ['source', 'text'],
  ['status', 'text'],
  ['version', 'integer'],
  ['updated_at', 'text'],
  ['updated_by', 'text'],
  ['approved_value_json', 'text'],
  ['approved_version', 'integer'],
] as const;

export async function upsertValues(
  db: Kysely<Database>,
  writes: readonly ValueWrite[],
  meta: { at: string; by: string },
): Promise<void> {
  const postgres = isPostgres(db);
  for (let i = 0; i < writes.length; i += INSERT_ROWS) {
    const rows = writes.slice(i, i + INSERT_ROWS).map((w) => ({
      unit_id: w.unitId,
      measure_code: w.measureCode,
      year: w.year,
      value_json: JSON.stringify(w.value),
      source: w.source,
      status: w.status,
      version: 1,
      updated_at: meta.at,
      updated_by: meta.by,
      // A value loaded as approved (the demo's older years) is in force under the approved basis too.
      approved_value_json: w.status === 'approved' ? JSON.stringify(w.value) : null,
      approved_version: w.status === 'approved' ? 1 : null,
    }));
    const insert = db.insertInto('measure_values');
    await (postgres
      ? insert.columns(VALUE_COLUMNS.map(([name]) => name)).expression(unnestRows(rows, VALUE_COLUMNS))
      : insert.values(rows)
    )
      .onConflict((oc) =>
        oc.columns(['unit_id', 'year', 'measure_code']).doUpdateSet((eb) => ({
          value_json: eb.ref('excluded.value_json'),
          source: eb.ref('excluded.source'),
          status: eb.ref('excluded.status'),
          updated_at: eb.ref('excluded.updated_at'),
          updated_by: eb.ref('excluded.updated_by'),
          version: eb(eb.ref('measure_values.version'), '+', 1),
        })),
      )
      .execute();
  }
}

async function deleteKeys(
  db: Kysely<Database>,
  table: 'measure_values' | 'measure_value_versions',
  keys: readonly { unitId: string; measureCode: string; year: number }[],
): Promise<void> {
  for (let i = 0; i < keys.length; i += DELETE_CHUNK) {
    const chunk = keys.slice(i, i + DELETE_CHUNK);
    await db
      .deleteFrom(table)
      .where((eb) =>
        eb(
          eb.refTuple('unit_id', 'year', 'measure_code'),
          'in',
          chunk.map((k) => eb.tuple(k.unitId, k.year, k.measureCode)),
        ),
      )
      .execute();
  }
}

export async function deleteValues(
  db: Kysely<Database>,
  keys: readonly { unitId: string; measureCode: string; year: number }[],
): Promise<void> {
  await deleteKeys(db, 'measure_values', keys);
}

/** What evaluation reads of a stored value: whose it is, of which measure, and the value in force. */
export interface ObservedRow {
  unitId: string;
  measureCode: string;
  value: ObservedValue;
}

/**
 * The values of a year in force under a basis — the latest, or the last approved — for the
 * given units, or for every unit when `unitIds` is null. Only the three columns evaluation
 * needs: a national evaluation reads three quarters of a million rows.
 */
export async function observedValues(
  db: Kysely<Database>,
  year: number,
  basis: 'latest' | 'approved',
  unitIds: readonly string[] | null,
): Promise<ObservedRow[]> {
  const column = basis === 'approved' ? 'approved_value_json' : 'value_json';
  const query = db
    .selectFrom('measure_values')
    .select(['unit_id', 'measure_code', `${column} as value_json`])
    .where('year', '=', year);
  const chunks: (readonly string[] | null)[] = [];
  if (unitIds === null) chunks.push(null);
  else for (let i = 0; i < unitIds.length; i += IN_CHUNK) chunks.push(unitIds.slice(i, i + IN_CHUNK));
  const out: ObservedRow[] = [];
  for (const chunk of chunks) {
    const rows = await (chunk === null ? query : query.where('unit_id', 'in', chunk)).execute();
    for (const row of rows) {
      if (row.value_json === null) continue;
      out.push({
        unitId: row.unit_id,
        measureCode: row.measure_code,
        value: JSON.parse(row.value_json) as ObservedValue,
      });
    }
  }
  return out;
}

/** The recorded versions of values that no longer exist (a reverted import had created them). */
export async function deleteValueHistory(
  db: Kysely<Database>,
  keys: readonly { unitId: string; measureCode: string; year: number }[],
): Promise<void> {
  await deleteKeys(db, 'measure_value_versions', keys);
}

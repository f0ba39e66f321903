import type { MeasureValue, ObservedValue, ValueStatus } from '@ntm/core';
import type { Kysely } from 'kysely';
import type { Database, MeasureValuesTable } from '../../db/schema';

export interface StoredValue extends MeasureValue {
  version: number;
  updatedAt: string;
  updatedBy: string;
}

function fromRow(row: MeasureValuesTable): StoredValue {
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

const WRITE_CHUNK = 200;

export async function upsertValues(
  db: Kysely<Database>,
  writes: readonly ValueWrite[],
  meta: { at: string; by: string },
): Promise<void> {
  for (let i = 0; i < writes.length; i += WRITE_CHUNK) {
    await db
      .insertInto('measure_values')
      .values(
        writes.slice(i, i + WRITE_CHUNK).map((w) => ({
          unit_id: w.unitId,
          measure_code: w.measureCode,
          year: w.year,
          value_json: JSON.stringify(w.value),
          source: w.source,
          status: w.status,
          version: 1,
          updated_at: meta.at,
          updated_by: meta.by,
        })),
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

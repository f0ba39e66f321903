import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { changeStampOf } from '../db/change-stamp';
import { compiledOnce } from '../db/compiled-once';
import type { Database } from '../db/schema';

export type DataName = 'units' | 'values' | 'recognitions' | 'accounts';
export type DataVersions = Record<DataName, number>;

/**
 * Bumped inside the writing transaction, read before serving from a cache: every server
 * process sharing one database sees a write at once, so no cache ever serves stale data.
 */
export async function bumpDataVersion(db: Kysely<Database>, name: DataName): Promise<void> {
  await db.updateTable('data_versions').set({ version: sql`version + 1` }).where('name', '=', name).execute();
}

const versionRows = compiledOnce((db) => db.selectFrom('data_versions').select(['name', 'version']));

const lastReadings = new WeakMap<Kysely<Database>, { stamp: string; versions: DataVersions }>();

/**
 * The data versions as they stand. Where the database has a change stamp (SQLite), a reading is
 * kept with the stamp taken just before it and served again while the stamp stands: nothing —
 * in this process or another — can have written since.
 */
export async function readDataVersions(db: Kysely<Database>): Promise<DataVersions> {
  const stamp = changeStampOf(db)?.() ?? null;
  if (stamp !== null) {
    const last = lastReadings.get(db);
    if (last?.stamp === stamp) return last.versions;
  }
  const rows = await versionRows(db);
  const versions: DataVersions = { units: 0, values: 0, recognitions: 0, accounts: 0 };
  for (const row of rows) {
    if (row.name in versions) versions[row.name as DataName] = row.version;
  }
  Object.freeze(versions);
  if (stamp !== null) lastReadings.set(db, { stamp, versions });
  return versions;
}

/**
 * Units and years whose values changed after `seq` (a `values` version seen earlier), kept by
 * triggers on measure_values (migration 0004), whichever code or process wrote them.
 */
export async function valueChangesSince(
  db: Kysely<Database>,
  seq: number,
): Promise<{ unitId: string; year: number }[]> {
  const rows = await db
    .selectFrom('value_changes')
    .select(['unit_id', 'year'])
    .where('seq', '>', seq)
    .execute();
  return rows.map((r) => ({ unitId: r.unit_id, year: r.year }));
}

import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database } from '../db/schema';

export type DataName = 'units' | 'values' | 'recognitions';

/**
 * Bumped inside the writing transaction, read before serving from a cache: every server
 * process sharing one database sees a write at once, so no cache ever serves stale data.
 */
export async function bumpDataVersion(db: Kysely<Database>, name: DataName): Promise<void> {
  await db.updateTable('data_versions').set({ version: sql`version + 1` }).where('name', '=', name).execute();
}

export async function readDataVersions(db: Kysely<Database>): Promise<Record<DataName, number>> {
  const rows = await db.selectFrom('data_versions').select(['name', 'version']).execute();
  const versions: Record<DataName, number> = { units: 0, values: 0, recognitions: 0 };
  for (const row of rows) {
    if (row.name === 'units' || row.name === 'values' || row.name === 'recognitions')
      versions[row.name] = row.version;
  }
  return versions;
}

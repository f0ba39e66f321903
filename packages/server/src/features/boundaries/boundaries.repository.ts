import type { Kysely } from 'kysely';
import type { BoundaryGeometry } from '../../contract/boundaries';
import type { Database } from '../../db/schema';
import type { UnitBoundariesTable } from './boundaries.table';

export interface StoredBoundary {
  unitId: string;
  code: string;
  geometry: BoundaryGeometry;
  source: string;
  isDemo: boolean;
}

const CHUNK = 500;

export async function boundariesForUnits(
  db: Kysely<Database>,
  unitIds: readonly string[],
): Promise<Map<string, StoredBoundary>> {
  const found = new Map<string, StoredBoundary>();
  for (let i = 0; i < unitIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('unit_boundaries')
      .selectAll()
      .where('unit_id', 'in', unitIds.slice(i, i + CHUNK))
      .execute();
    for (const row of rows) {
      found.set(row.unit_id, {
        unitId: row.unit_id,
        code: row.code,
        geometry: JSON.parse(row.geometry_json) as BoundaryGeometry,
        source: row.source,
        isDemo: row.is_demo === 1,
      });
    }
  }
  return found;
}

/** The stored geometry text of the units that have one, to keep in the audit log before replacing it. */
export async function geometryTextOf(
  db: Kysely<Database>,
  unitIds: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < unitIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('unit_boundaries')
      .select(['unit_id', 'geometry_json'])
      .where('unit_id', 'in', unitIds.slice(i, i + CHUNK))
      .execute();
    for (const row of rows) found.set(row.unit_id, row.geometry_json);
  }
  return found;
}

/** Replaces the boundaries of the given units; callers run it inside their transaction. */
export async function replaceBoundaries(
  db: Kysely<Database>,
  rows: readonly UnitBoundariesTable[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await db
      .deleteFrom('unit_boundaries')
      .where(
        'unit_id',
        'in',
        chunk.map((r) => r.unit_id),
      )
      .execute();
  }
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insertInto('unit_boundaries')
      .values(rows.slice(i, i + 100))
      .execute();
  }
}

import type { Kysely, Selectable, Updateable } from 'kysely';
import type { ChangeSetsTable, ChangeSetValuesTable, Database } from '../../db/schema';

export type ChangeSetRow = Selectable<ChangeSetsTable>;
export type ChangeSetValueRow = Selectable<ChangeSetValuesTable>;

const CHUNK = 1000;

export async function insertChangeSet(db: Kysely<Database>, row: ChangeSetRow): Promise<void> {
  await db.insertInto('change_sets').values(row).execute();
}

export async function updateChangeSet(
  db: Kysely<Database>,
  id: string,
  patch: Updateable<ChangeSetsTable>,
): Promise<void> {
  await db.updateTable('change_sets').set(patch).where('id', '=', id).execute();
}

export async function findChangeSet(db: Kysely<Database>, id: string): Promise<ChangeSetRow | undefined> {
  return db.selectFrom('change_sets').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listChangeSets(db: Kysely<Database>, limit: number): Promise<ChangeSetRow[]> {
  return db
    .selectFrom('change_sets')
    .selectAll()
    .where('status', '!=', 'discarded')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function insertChangeSetValues(
  db: Kysely<Database>,
  rows: readonly ChangeSetValueRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto('change_set_values')
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

/**
 * Keyset pages in file order, so a national import is applied or reverted chunk by chunk. The
 * primary key serves the range; filtering by kind in SQL would make each page re-sort the rest.
 */
export async function changeSetValuesAfter(
  db: Kysely<Database>,
  changeSetId: string,
  afterSeq: number,
  limit: number,
): Promise<ChangeSetValueRow[]> {
  return db
    .selectFrom('change_set_values')
    .selectAll()
    .where('change_set_id', '=', changeSetId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
}

export async function changeSetDiffPage(
  db: Kysely<Database>,
  changeSetId: string,
  kind: string,
  offset: number,
  limit: number,
) {
  return db
    .selectFrom('change_set_values as v')
    .innerJoin('units as u', 'u.id', 'v.unit_id')
    .select([
      'v.unit_id',
      'u.code as unit_code',
      'u.name as unit_name',
      'v.year',
      'v.indicator_code',
      'v.measure_code',
      'v.sheet',
      'v.cell',
      'v.value_json',
      'v.before_json',
    ])
    .where('v.change_set_id', '=', changeSetId)
    .where('v.kind', '=', kind)
    .orderBy('v.seq')
    .offset(offset)
    .limit(limit)
    .execute();
}

export async function deleteChangeSetValues(db: Kysely<Database>, changeSetId: string): Promise<void> {
  await db.deleteFrom('change_set_values').where('change_set_id', '=', changeSetId).execute();
}

export async function deleteChangeSet(db: Kysely<Database>, changeSetId: string): Promise<void> {
  await deleteChangeSetValues(db, changeSetId);
  await db.deleteFrom('change_sets').where('id', '=', changeSetId).execute();
}

/** Previews nobody confirmed: their staged rows are dropped, the record stays as "discarded". */
export async function discardPendingBefore(db: Kysely<Database>, before: string): Promise<void> {
  const stale = await db
    .selectFrom('change_sets')
    .select('id')
    .where('status', '=', 'pending')
    .where('created_at', '<', before)
    .execute();
  for (const { id } of stale) {
    await deleteChangeSetValues(db, id);
    await updateChangeSet(db, id, { status: 'discarded' });
  }
}

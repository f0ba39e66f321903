import type { Kysely, Selectable, Updateable } from 'kysely';
import { INSERT_ROWS, isPostgres, unnestRows } from '../../db/bulk-rows';
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

const STAGED_COLUMNS = [
  ['change_set_id', 'text'],
  ['seq', 'integer'],
  ['kind', 'text'],
  ['unit_id', 'text'],
  ['measure_code', 'text'],
  ['year', 'integer'],
  ['indicator_code', 'text'],
  ['sheet', 'text'],
  ['cell', 'text'],
  ['value_json', 'text'],
  ['source', 'text'],
  ['before_json', 'text'],
] as const;

export async function insertChangeSetValues(
  db: Kysely<Database>,
  rows: readonly ChangeSetValueRow[],
): Promise<void> {
  const postgres = isPostgres(db);
  for (let i = 0; i < rows.length; i += INSERT_ROWS) {
    const chunk = rows.slice(i, i + INSERT_ROWS);
    const insert = db.insertInto('change_set_values');
    await (postgres
      ? insert.columns(STAGED_COLUMNS.map(([name]) => name)).expression(unnestRows(chunk, STAGED_COLUMNS))
      : insert.values(chunk)
    ).execute();
  }
}

/**
 * Keyset pages of one kind in file order, so a national import is applied or reverted chunk
 * by chunk without reading the values it leaves as they are (most of a pre-filled template):
 * the (change set, kind, seq) index serves each page as a range.
 */
export async function changeSetValuesAfter(
  db: Kysely<Database>,
  changeSetId: string,
  kind: 'new' | 'changed',
  afterSeq: number,
  limit: number,
): Promise<ChangeSetValueRow[]> {
  return db
    .selectFrom('change_set_values')
    .selectAll()
    .where('change_set_id', '=', changeSetId)
    .where('kind', '=', kind)
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

/** The units each change set writes to, to check them against a viewer's scope. */
export async function unitsOfChangeSets(
  db: Kysely<Database>,
  changeSetIds: readonly string[],
): Promise<Map<string, string[]>> {
  const units = new Map<string, string[]>();
  for (let i = 0; i < changeSetIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('change_set_values')
      .select(['change_set_id', 'unit_id'])
      .distinct()
      .where('change_set_id', 'in', changeSetIds.slice(i, i + CHUNK))
      .execute();
    for (const row of rows) {
      const list = units.get(row.change_set_id) ?? [];
      list.push(row.unit_id);
      units.set(row.change_set_id, list);
    }
  }
  return units;
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

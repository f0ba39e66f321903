import type { Kysely } from 'kysely';
import type { Database, DirectivesTable, TargetsTable } from '../../db/schema';

export async function insertDirectives(
  db: Kysely<Database>,
  rows: readonly DirectivesTable[],
): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('directives')
      .values([...rows])
      .execute();
}

export async function insertTargets(db: Kysely<Database>, rows: readonly TargetsTable[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('targets')
      .values([...rows])
      .execute();
}

export async function targetsForYear(db: Kysely<Database>, year: number): Promise<TargetsTable[]> {
  return db.selectFrom('targets').selectAll().where('year', '=', year).orderBy('id').execute();
}

export async function directivesByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<DirectivesTable[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('directives')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

import type { Kysely } from 'kysely';
import type { Database, TargetsTable } from '../../db/schema';

export async function targetsOfYear(db: Kysely<Database>, year: number): Promise<TargetsTable[]> {
  return db.selectFrom('targets').selectAll().where('year', '=', year).orderBy('id').execute();
}

export async function targetById(db: Kysely<Database>, id: string): Promise<TargetsTable | undefined> {
  return db.selectFrom('targets').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertTarget(db: Kysely<Database>, row: TargetsTable): Promise<void> {
  await db.insertInto('targets').values(row).execute();
}

/** Writes only when the stored version is still `expectedVersion`; returns whether it did. */
export async function updateTargetRow(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  changes: Pick<
    TargetsTable,
    'value' | 'label' | 'params_json' | 'directive_id' | 'note' | 'updated_at' | 'updated_by'
  >,
): Promise<boolean> {
  const result = await db
    .updateTable('targets')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where((eb) =>
      expectedVersion === 1
        ? eb.or([eb('version', '=', 1), eb('version', 'is', null)])
        : eb('version', '=', expectedVersion),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteTargetRow(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('targets').where('id', '=', id).execute();
}

export interface ApprovedItemRow {
  registration_id: string;
  registering_unit_id: string;
  unit_id: string;
  approved_tier: string;
  approved_month: number;
}

/** The units each registration's approved version commits to, for the year. */
export async function approvedRegistrationItems(
  db: Kysely<Database>,
  year: number,
): Promise<ApprovedItemRow[]> {
  const rows = await db
    .selectFrom('registration_items as i')
    .innerJoin('registrations as r', (join) =>
      join.onRef('r.id', '=', 'i.registration_id').onRef('r.approved_version', '=', 'i.version'),
    )
    .select([
      'i.registration_id',
      'r.unit_id as registering_unit_id',
      'i.unit_id',
      'i.approved_tier',
      'i.approved_month',
    ])
    .where('r.year', '=', year)
    .where('i.approved_tier', 'is not', null)
    .orderBy('i.registration_id')
    .orderBy('i.seq')
    .execute();
  return rows.flatMap((r) =>
    r.approved_tier === null || r.approved_month === null
      ? []
      : [{ ...r, approved_tier: r.approved_tier, approved_month: r.approved_month }],
  );
}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type {
  RegistrationItemsTable,
  RegistrationsTable,
  RegistrationVersionsTable,
} from '../plans/plans.tables';

export async function registrationsOfYear(db: Kysely<Database>, year: number): Promise<RegistrationsTable[]> {
  return db.selectFrom('registrations').selectAll().where('year', '=', year).orderBy('id').execute();
}

export async function registrationById(
  db: Kysely<Database>,
  id: string,
): Promise<RegistrationsTable | undefined> {
  return db.selectFrom('registrations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function registrationOf(
  db: Kysely<Database>,
  year: number,
  unitId: string,
): Promise<RegistrationsTable | undefined> {
  return db
    .selectFrom('registrations')
    .selectAll()
    .where('year', '=', year)
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
}

export async function versionsOf(db: Kysely<Database>, id: string): Promise<RegistrationVersionsTable[]> {
  return db
    .selectFrom('registration_versions')
    .selectAll()
    .where('registration_id', '=', id)
    .orderBy('version')
    .execute();
}

export async function itemsOf(
  db: Kysely<Database>,
  ids: readonly string[],
  version?: number,
): Promise<RegistrationItemsTable[]> {
  if (ids.length === 0) return [];
  let query = db
    .selectFrom('registration_items')
    .selectAll()
    .where('registration_id', 'in', [...ids]);
  if (version !== undefined) query = query.where('version', '=', version);
  return query.orderBy('registration_id').orderBy('version').orderBy('seq').execute();
}

export async function insertRegistration(
  db: Kysely<Database>,
  registration: RegistrationsTable,
  version: RegistrationVersionsTable,
  items: readonly RegistrationItemsTable[] = [],
): Promise<void> {
  await db.insertInto('registrations').values(registration).execute();
  await db.insertInto('registration_versions').values(version).execute();
  if (items.length > 0)
    await db
      .insertInto('registration_items')
      .values([...items])
      .execute();
}

export async function replaceItems(
  db: Kysely<Database>,
  id: string,
  version: number,
  items: readonly RegistrationItemsTable[],
): Promise<void> {
  await db
    .deleteFrom('registration_items')
    .where('registration_id', '=', id)
    .where('version', '=', version)
    .execute();
  if (items.length > 0)
    await db
      .insertInto('registration_items')
      .values([...items])
      .execute();
}

/**
 * Moves a registration from `from` to its next state; false when another request moved it first,
 * so two reviewers cannot both decide the same version.
 */
export async function moveRegistration(
  db: Kysely<Database>,
  id: string,
  from: { status: string; version: number },
  to: Partial<Pick<RegistrationsTable, 'status' | 'current_version' | 'approved_version'>> &
    Pick<RegistrationsTable, 'updated_at' | 'updated_by'>,
): Promise<boolean> {
  const result = await db
    .updateTable('registrations')
    .set(to)
    .where('id', '=', id)
    .where('status', '=', from.status)
    .where('current_version', '=', from.version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateVersion(
  db: Kysely<Database>,
  id: string,
  version: number,
  changes: Partial<Omit<RegistrationVersionsTable, 'registration_id' | 'version'>>,
): Promise<void> {
  await db
    .updateTable('registration_versions')
    .set(changes)
    .where('registration_id', '=', id)
    .where('version', '=', version)
    .execute();
}

export async function insertVersion(db: Kysely<Database>, version: RegistrationVersionsTable): Promise<void> {
  await db.insertInto('registration_versions').values(version).execute();
}

export async function recordDecision(
  db: Kysely<Database>,
  id: string,
  version: number,
  unitId: string,
  decision: Pick<RegistrationItemsTable, 'decision' | 'decision_reason' | 'approved_tier' | 'approved_month'>,
): Promise<void> {
  await db
    .updateTable('registration_items')
    .set(decision)
    .where('registration_id', '=', id)
    .where('version', '=', version)
    .where('unit_id', '=', unitId)
    .execute();
}

import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema';
import type { UsersTable } from '../auth/accounts.table';

export type UserRow = Selectable<UsersTable>;

export async function findUserByUsername(
  db: Kysely<Database>,
  username: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username.trim().toLowerCase())
    .executeTakeFirst();
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listUserRows(db: Kysely<Database>): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('username').execute();
}

export async function usersByUsernames(
  db: Kysely<Database>,
  usernames: readonly string[],
): Promise<UserRow[]> {
  if (usernames.length === 0) return [];
  return db
    .selectFrom('users')
    .selectAll()
    .where('username', 'in', [...usernames])
    .execute();
}

export async function insertUser(db: Kysely<Database>, row: UsersTable): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

/** Updates only when the stored version is the one the change was based on; false otherwise. */
export async function updateUser(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  changes: Partial<Omit<UsersTable, 'id' | 'username' | 'version'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Sign-in bookkeeping is not an edit of the account: it does not move its version. */
export async function setLoginThrottle(
  db: Kysely<Database>,
  id: string,
  throttle: { failedAttempts: number; lockedUntil: string | null },
): Promise<void> {
  await db
    .updateTable('users')
    .set({ failed_attempts: throttle.failedAttempts, locked_until: throttle.lockedUntil })
    .where('id', '=', id)
    .execute();
}

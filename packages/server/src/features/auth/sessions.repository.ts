import type { Kysely, Selectable } from 'kysely';
import { compiledOnce } from '../../db/compiled-once';
import type { Database } from '../../db/schema';
import type { SessionsTable, UsersTable } from './accounts.table';

export async function insertSession(db: Kysely<Database>, row: SessionsTable): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export type SessionUserRow = Pick<
  Selectable<UsersTable>,
  'id' | 'username' | 'display_name' | 'role' | 'unit_id' | 'department_code'
>;

export interface LiveSession {
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user: SessionUserRow;
}

const liveSessionRows = compiledOnce((db, idHash: string, now: string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.csrf_token',
      'sessions.created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
      'users.id',
      'users.username',
      'users.display_name',
      'users.role',
      'users.unit_id',
      'users.department_code',
    ])
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.expires_at', '>', now)
    .where('users.active', '=', 1),
);

/** One query, compiled once: it runs for every session a process has not checked lately. */
export async function findLiveSession(
  db: Kysely<Database>,
  idHash: string,
  now: string,
): Promise<LiveSession | undefined> {
  const [row] = await liveSessionRows(db, idHash, now);
  if (!row) return undefined;
  const { csrf_token, created_at, last_seen_at, expires_at, ...user } = row;
  return { csrf_token, created_at, last_seen_at, expires_at, user };
}

export async function touchSession(
  db: Kysely<Database>,
  idHash: string,
  lastSeenAt: string,
  expiresAt: string,
): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where('id_hash', '=', idHash)
    .execute();
}

export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Ends a user's sessions, optionally keeping the one making the request. */
export async function deleteUserSessions(
  db: Kysely<Database>,
  userId: string,
  except: string | null = null,
): Promise<number> {
  let query = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (except !== null) query = query.where('id_hash', '!=', except);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export async function countUserSessions(db: Kysely<Database>, userId: string, now: string): Promise<number> {
  const row = await db
    .selectFrom('sessions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database';

/**
 * An `accounts` data version that moves whenever a session ends or an account changes, kept by
 * triggers as the `values` version is (migration 0004), so that no code path — sign-out, sign-out
 * everywhere, a password change, an admin disabling an account or changing its role or area,
 * SQL by hand — can end or narrow a session without every server process hearing of it on its
 * next request. The processes keep the sessions they have checked while that version stands;
 * a session's sliding expiry (an update of `sessions`) only lengthens it and moves nothing.
 */
export function accountVersionsMigration(dialect: Dialect) {
  const watched = [
    ['sessions', 'delete'],
    ['users', 'update'],
    ['users', 'delete'],
  ] as const;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await sql`insert into data_versions (name, version) values ('accounts', 1)`.execute(db);
      if (dialect === 'postgres') {
        await sql`
          create function bump_accounts_version() returns trigger language plpgsql as $$
          begin
            update data_versions set version = version + 1 where name = 'accounts';
            return null;
          end
          $$`.execute(db);
      }
      for (const [table, event] of watched) {
        const name = `${table}_${event}_bumps_accounts`;
        await sql
          .raw(
            dialect === 'postgres'
              ? `create trigger ${name} after ${event} on ${table}
                 for each statement execute function bump_accounts_version()`
              : `create trigger ${name} after ${event} on ${table}
                 begin
                   update data_versions set version = version + 1 where name = 'accounts';
                 end`,
          )
          .execute(db);
      }
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const [table, event] of watched) {
        const name = `${table}_${event}_bumps_accounts`;
        await sql
          .raw(dialect === 'postgres' ? `drop trigger ${name} on ${table}` : `drop trigger ${name}`)
          .execute(db);
      }
      if (dialect === 'postgres') await sql`drop function bump_accounts_version()`.execute(db);
      await sql`delete from data_versions where name = 'accounts'`.execute(db);
    },
  };
}

import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database';

/**
 * What national scale needs (bench/README.md has the figures).
 *
 * `value_changes` says, for every unit and year, the `values` data version of the last write
 * that touched it, so a server process holding cached evaluations drops exactly those a write
 * affected. Triggers keep it, so that no writer — bulk write, Excel import, workflow step,
 * revert, a hand-written SQL fix — can change a value without the caches hearing of it. Each
 * trigger bumps the `values` version first: the row lock that takes is held until commit, so
 * writers number their changes in commit order and a reader that has seen version V has seen
 * every change numbered V or less, whichever process made it.
 *
 * `units.code` becomes wide enough for the real pre-2025 communes that have no GSO code and are
 * keyed by province, district and name (up to 48 characters): PostgreSQL enforces the length.
 */
export function performanceIndexesMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('value_changes')
        .addColumn('unit_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('value_changes_pk', ['unit_id', 'year'])
        .execute();
      await db.schema.createIndex('value_changes_seq_idx').on('value_changes').column('seq').execute();
      if (dialect === 'postgres') await postgresUp(db);
      else await sqliteUp(db);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      if (dialect === 'postgres') {
        for (const event of ['insert', 'update', 'delete']) {
          await sql.raw(`drop trigger measure_values_changed_${event} on measure_values`).execute(db);
        }
        await sql`drop function record_value_changes()`.execute(db);
      } else {
        for (const event of ['insert', 'update', 'delete']) {
          await sql.raw(`drop trigger measure_values_changed_${event}`).execute(db);
        }
      }
      await db.schema.dropTable('value_changes').execute();
    },
  };
}

/** PostgreSQL: one bump per statement, with the statement's rows from its transition table. */
async function postgresUp(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('units')
    .alterColumn('code', (c) => c.setDataType('varchar(64)'))
    .execute();
  await sql`
    create function record_value_changes() returns trigger language plpgsql as $$
    declare
      stamp integer;
    begin
      if not exists (select 1 from changed_rows) then
        return null;
      end if;
      update data_versions set version = version + 1 where name = 'values' returning version into stamp;
      insert into value_changes (unit_id, year, seq)
        select distinct unit_id, year, stamp from changed_rows
        on conflict (unit_id, year) do update set seq = excluded.seq;
      return null;
    end
    $$`.execute(db);
  for (const [event, table] of [
    ['insert', 'new'],
    ['update', 'new'],
    ['delete', 'old'],
  ] as const) {
    await sql
      .raw(
        `create trigger measure_values_changed_${event} after ${event} on measure_values
         referencing ${table} table as changed_rows
         for each statement execute function record_value_changes()`,
      )
      .execute(db);
  }
}

/** SQLite has only row triggers; a write transaction holds the whole database, so order is given. */
async function sqliteUp(db: Kysely<unknown>): Promise<void> {
  for (const [event, row] of [
    ['insert', 'new'],
    ['update', 'new'],
    ['delete', 'old'],
  ] as const) {
    await sql
      .raw(
        `create trigger measure_values_changed_${event} after ${event} on measure_values
         begin
           update data_versions set version = version + 1 where name = 'values';
           insert into value_changes (unit_id, year, seq)
             select ${row}.unit_id, ${row}.year, version from data_versions where name = 'values'
             on conflict (unit_id, year) do update set seq = excluded.seq;
         end`,
      )
      .execute(db);
  }
}

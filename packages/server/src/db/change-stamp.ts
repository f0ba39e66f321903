import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';

/**
 * Something that moves whenever a database may have changed since it was last taken; equal
 * stamps mean nothing can have been written in between.
 */
export type ChangeStamp = () => string;

const stamps = new WeakMap<Kysely<never>, ChangeStamp>();

/**
 * For a SQLite connection: `pragma data_version` moves when another connection — another
 * server process — commits, and `ownWrites` counts the writing statements of this one. Reading
 * both costs a few microseconds, where reading the data versions through Kysely took four
 * times that on every request.
 */
export function sqliteChangeStamp(sqlite: SQLite.Database, ownWrites: () => number): ChangeStamp {
  const dataVersion = sqlite.prepare('pragma data_version').pluck();
  return () => `${dataVersion.get() as number}|${ownWrites()}`;
}

export function registerChangeStamp<DB>(db: Kysely<DB>, stamp: ChangeStamp): void {
  stamps.set(db as unknown as Kysely<never>, stamp);
}

/** The stamp of a database that has one (SQLite, outside a transaction); null otherwise. */
export function changeStampOf<DB>(db: Kysely<DB>): ChangeStamp | null {
  return stamps.get(db as unknown as Kysely<never>) ?? null;
}

import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema';

const MARK = '\u0000ntm-argument-';

interface Compiled<R> {
  query: CompiledQuery<R>;
  /** For each parameter of the compiled query, the argument it takes, or -1 for a constant. */
  slots: number[];
}

/**
 * A query built and compiled by Kysely once per database, then run with new arguments: for the
 * few queries that run on every request (the session, the data versions), building and
 * compiling took twice as long as running them on SQLite. `build` must pass each argument
 * through as a parameter, unchanged; it is called with placeholders, never with real values.
 */
export function compiledOnce<A extends readonly string[], R>(
  build: (db: Kysely<Database>, ...args: A) => Compilable<R>,
): (db: Kysely<Database>, ...args: A) => Promise<R[]> {
  const byDatabase = new WeakMap<Kysely<Database>, Compiled<R>>();
  return async (db, ...args) => {
    let compiled = byDatabase.get(db);
    if (!compiled) {
      const placeholders = args.map((_, i) => `${MARK}${i}`) as unknown as A;
      const query = build(db, ...placeholders).compile();
      const slots = query.parameters.map((p) =>
        typeof p === 'string' && p.startsWith(MARK) ? Number(p.slice(MARK.length)) : -1,
      );
      if (args.some((_, i) => !slots.includes(i))) {
        throw new Error('compiledOnce: every argument must reach the query as a parameter');
      }
      compiled = { query, slots };
      byDatabase.set(db, compiled);
    }
    const { query, slots } = compiled;
    const parameters = query.parameters.map((p, i) => {
      const slot = slots[i] ?? -1;
      return slot >= 0 ? args[slot] : p;
    });
    const result = await db.executeQuery<R>({ ...query, parameters });
    return result.rows;
  };
}

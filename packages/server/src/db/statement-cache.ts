import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Statements longer than this are bulk writes whose text changes with their row count: not worth keeping. */
const MAX_CACHED_SQL = 8_000;

/**
 * Kysely prepares every SQLite query anew; preparing was an eighth of the server's CPU on a
 * busy dashboard. The same query text reuses its prepared statement, least recently used
 * dropped first. A statement still being iterated (a streamed query) is never handed out
 * twice: the caller then gets a fresh one.
 */
export function withStatementCache(sqlite: SQLite.Database, max = 300): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    prepare(sql) {
      const cached = statements.get(sql);
      if (cached && !cached.busy) {
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (!cached && sql.length <= MAX_CACHED_SQL) {
        statements.set(sql, statement);
        if (statements.size > max) {
          const oldest = statements.keys().next().value;
          if (oldest !== undefined) statements.delete(oldest);
        }
      }
      return statement;
    },
    close() {
      statements.clear();
      sqlite.close();
    },
  };
}

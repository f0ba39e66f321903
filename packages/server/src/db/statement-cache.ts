import type SQLite from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Statements longer than this are bulk writes whose text changes with their row count: not worth keeping. */
const MAX_CACHED_SQL = 8_000;

export interface CachingSqliteDatabase extends SqliteDatabase {
  /** How many writing statements (anything but a read) have been handed out to run. */
  writes(): number;
}

/**
 * Kysely prepares every SQLite query anew; preparing was an eighth of the server's CPU on a
 * busy dashboard. The same query text reuses its prepared statement, least recently used
 * dropped first. A statement still being iterated (a streamed query) is never handed out
 * twice: the caller then gets a fresh one. Kysely runs each statement as soon as it is
 * prepared, so counting the writing ones counts the writes of the connection.
 */
export function withStatementCache(sqlite: SQLite.Database, max = 300): CachingSqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  let writes = 0;
  const counted = (statement: SQLite.Statement): SQLite.Statement => {
    if (!statement.reader) writes++;
    return statement;
  };
  return {
    writes: () => writes,
    prepare(sql) {
      const cached = statements.get(sql);
      if (cached && !cached.busy) {
        statements.delete(sql);
        statements.set(sql, cached);
        return counted(cached);
      }
      const statement = counted(sqlite.prepare(sql));
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

import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';
import type { Dialect } from './database';
import { initialMigration } from './migrations/0001-initial';
import type { Database } from './schema';

/** Migrations are listed here, not discovered on disk, so they run the same under tsx, vitest and a bundle. */
function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-initial': initialMigration(dialect),
  };
}

export class MigrationError extends Error {}

export async function migrateToLatest(db: Kysely<Database>, dialect: Dialect): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrationsFor(dialect) } });
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`migration ${failed} failed: ${String(result.error)}`);
  }
  return result;
}

export async function migrateDown(db: Kysely<Database>, dialect: Dialect): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrationsFor(dialect) } });
  return migrator.migrateDown();
}

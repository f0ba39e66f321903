import { type Kysely, type Migration, type MigrationResultSet, Migrator, sql } from 'kysely';
import type { Dialect } from './database';
import { initialMigration } from './migrations/0001-initial';
import { changeSetsMigration } from './migrations/0002-change-sets';
import { boundariesMigration } from './migrations/0003-boundaries';
import { performanceIndexesMigration } from './migrations/0004-performance-indexes';
import { accountsMigration } from './migrations/0005-accounts';
import { valueWorkflowMigration } from './migrations/0006-value-workflow';
import { attachmentsMigration } from './migrations/0007-attachments';
import { plansMigration } from './migrations/0008-plans';
import { followUpMigration } from './migrations/0009-follow-up';
import { accountVersionsMigration } from './migrations/0010-account-versions';
import { returnedValuesIndexMigration } from './migrations/0011-returned-values-index';
import type { Database } from './schema';

/** Migrations are listed here, not discovered on disk, so they run the same under tsx, vitest and a bundle. */
function migrationsFor(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-initial': initialMigration(dialect),
    '0002-change-sets': changeSetsMigration(),
    '0003-boundaries': boundariesMigration(),
    '0004-performance-indexes': performanceIndexesMigration(dialect),
    '0005-accounts': accountsMigration(dialect),
    '0006-value-workflow': valueWorkflowMigration(),
    '0007-attachments': attachmentsMigration(dialect),
    '0008-plans': plansMigration(),
    '0009-follow-up': followUpMigration(dialect),
    '0010-account-versions': accountVersionsMigration(dialect),
    '0011-returned-values-index': returnedValuesIndexMigration(),
  };
}

export class MigrationError extends Error {}

/**
 * On PostgreSQL the migration bookkeeping lives in the connection's own schema: Kysely would
 * otherwise find another schema's kysely_migration table and skip or misread migrations.
 */
async function migratorFor(db: Kysely<Database>, dialect: Dialect): Promise<Migrator> {
  const schema =
    dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema
      : undefined;
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrationsFor(dialect) },
    // Features land in any order; a migration numbered below one already run still runs.
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

export async function migrateToLatest(db: Kysely<Database>, dialect: Dialect): Promise<MigrationResultSet> {
  const migrator = await migratorFor(db, dialect);
  const result = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`migration ${failed} failed: ${String(result.error)}`);
  }
  return result;
}

export async function migrateDown(db: Kysely<Database>, dialect: Dialect): Promise<MigrationResultSet> {
  const migrator = await migratorFor(db, dialect);
  return migrator.migrateDown();
}

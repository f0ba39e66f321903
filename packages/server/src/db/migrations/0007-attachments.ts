import type { Kysely } from 'kysely';
import type { Dialect } from '../database';

/**
 * Files attached to progress reports and obstacle comments. They live in the database, not on
 * disk, so a backup is one dump and every replica of the stateless server serves them.
 */
export function attachmentsMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('attachments')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
        .addColumn('media_type', 'varchar(128)', (c) => c.notNull())
        .addColumn('size_bytes', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
        .addColumn('content', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
        .addColumn('unit_id', 'varchar(64)', (c) => c.references('units.id'))
        .addColumn('uploaded_by', 'varchar(100)', (c) => c.notNull())
        .addColumn('uploaded_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('attachments_unit_idx').on('attachments').column('unit_id').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('attachments').execute();
    },
  };
}

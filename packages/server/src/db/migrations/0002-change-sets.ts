import type { Kysely } from 'kysely';

/**
 * An import is one change set: its rows wait here between the preview and the confirmation
 * (the server is stateless, so they cannot wait in memory), keep the value each one replaced,
 * and let the whole import be reverted as one. Every audit entry written for it carries its id.
 */
export function changeSetsMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('change_sets')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('kind', 'varchar(32)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
        .addColumn('format', 'varchar(16)', (c) => c.notNull())
        .addColumn('criteria_set_id', 'varchar(100)')
        .addColumn('year', 'integer')
        .addColumn('scope_unit_id', 'varchar(64)')
        .addColumn('sheet_rows', 'integer', (c) => c.notNull())
        .addColumn('new_count', 'integer', (c) => c.notNull())
        .addColumn('changed_count', 'integer', (c) => c.notNull())
        .addColumn('unchanged_count', 'integer', (c) => c.notNull())
        .addColumn('approved_changes', 'integer', (c) => c.notNull())
        .addColumn('invalid_rows', 'integer', (c) => c.notNull())
        .addColumn('problem_count', 'integer', (c) => c.notNull())
        .addColumn('problems_json', 'text', (c) => c.notNull())
        .addColumn('only_valid_rows', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('reason', 'text')
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('created_by', 'varchar(100)', (c) => c.notNull())
        .addColumn('applied_at', 'varchar(32)')
        .addColumn('applied_by', 'varchar(100)')
        .addColumn('reverted_at', 'varchar(32)')
        .addColumn('reverted_by', 'varchar(100)')
        .execute();
      await db.schema
        .createIndex('change_sets_status_idx')
        .on('change_sets')
        .columns(['status', 'created_at'])
        .execute();

      await db.schema
        .createTable('change_set_values')
        .addColumn('change_set_id', 'varchar(64)', (c) => c.notNull().references('change_sets.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('kind', 'varchar(16)', (c) => c.notNull())
        .addColumn('unit_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('measure_code', 'varchar(64)', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('indicator_code', 'varchar(32)', (c) => c.notNull())
        .addColumn('sheet', 'varchar(100)', (c) => c.notNull())
        .addColumn('cell', 'varchar(16)', (c) => c.notNull())
        .addColumn('value_json', 'varchar(200)', (c) => c.notNull())
        .addColumn('source', 'varchar(400)')
        .addColumn('before_json', 'text')
        .addPrimaryKeyConstraint('change_set_values_pk', ['change_set_id', 'seq'])
        .execute();
      await db.schema
        .createIndex('change_set_values_kind_idx')
        .on('change_set_values')
        .columns(['change_set_id', 'kind', 'seq'])
        .execute();

      await db.schema.alterTable('audit_log').addColumn('change_set_id', 'varchar(64)').execute();
      await db.schema
        .createIndex('audit_log_change_set_idx')
        .on('audit_log')
        .column('change_set_id')
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('audit_log_change_set_idx').execute();
      await db.schema.alterTable('audit_log').dropColumn('change_set_id').execute();
      await db.schema.dropTable('change_set_values').execute();
      await db.schema.dropTable('change_sets').execute();
    },
  };
}

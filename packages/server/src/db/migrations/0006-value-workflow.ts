import { type Kysely, sql } from 'kysely';

const workflowColumns = [
  ['submitted_by', 'varchar(100)'],
  ['submitted_at', 'varchar(32)'],
  ['verified_by', 'varchar(100)'],
  ['verified_at', 'varchar(32)'],
  ['approved_by', 'varchar(100)'],
  ['approved_at', 'varchar(32)'],
  ['returned_by', 'varchar(100)'],
  ['returned_at', 'varchar(32)'],
  ['return_reason', 'text'],
  ['approved_value_json', 'varchar(200)'],
  ['approved_version', 'integer'],
] as const;

/**
 * Who moved each value through the workflow, the value last approved (it stays in force
 * while a correction goes through the workflow again), and every version a value has had.
 */
export function valueWorkflowMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // SQLite adds one column per statement.
      for (const [name, type] of workflowColumns) {
        await db.schema.alterTable('measure_values').addColumn(name, type).execute();
      }
      await sql`update measure_values set approved_value_json = value_json, approved_version = version where status = 'approved'`.execute(
        db,
      );
      await db.schema
        .createIndex('measure_values_status_idx')
        .on('measure_values')
        .columns(['status', 'year'])
        .execute();

      await db.schema
        .createTable('measure_value_versions')
        .addColumn('unit_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('measure_code', 'varchar(64)', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('value_json', 'varchar(200)', (c) => c.notNull())
        .addColumn('source', 'varchar(400)')
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('action', 'varchar(16)', (c) => c.notNull())
        .addColumn('actor', 'varchar(100)', (c) => c.notNull())
        .addColumn('at', 'varchar(32)', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addPrimaryKeyConstraint('measure_value_versions_pk', ['unit_id', 'year', 'measure_code', 'version'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('measure_value_versions').execute();
      await db.schema.dropIndex('measure_values_status_idx').execute();
      for (const [name] of [...workflowColumns].reverse()) {
        await db.schema.alterTable('measure_values').dropColumn(name).execute();
      }
    },
  };
}

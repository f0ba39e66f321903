import type { Kysely } from 'kysely';

const targetColumns = [
  ['params_json', 'varchar(200)'],
  ['is_demo', 'integer'],
  ['version', 'integer'],
  ['updated_at', 'varchar(32)'],
  ['updated_by', 'varchar(100)'],
] as const;

/**
 * Plans (targets per year and scope, now with parameters and edits), registrations of the units
 * a district aims to bring to a tier with every version kept, and a directive's tasks with their
 * progress reports and attached files.
 */
export function plansMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // SQLite adds one column per statement.
      for (const [name, type] of targetColumns) {
        await db.schema.alterTable('targets').addColumn(name, type).execute();
      }
      await db.schema
        .createIndex('targets_year_scope_idx')
        .on('targets')
        .columns(['year', 'scope_unit_id'])
        .execute();

      await db.schema
        .createTable('registrations')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('unit_id', 'varchar(64)', (c) => c.notNull().references('units.id'))
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('current_version', 'integer', (c) => c.notNull())
        .addColumn('approved_version', 'integer')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('created_by', 'varchar(100)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_by', 'varchar(100)', (c) => c.notNull())
        .addUniqueConstraint('registrations_year_unit_uq', ['year', 'unit_id'])
        .execute();

      await db.schema
        .createTable('registration_versions')
        .addColumn('registration_id', 'varchar(64)', (c) => c.notNull().references('registrations.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('created_by', 'varchar(100)', (c) => c.notNull())
        .addColumn('submitted_at', 'varchar(32)')
        .addColumn('submitted_by', 'varchar(100)')
        .addColumn('reviewed_at', 'varchar(32)')
        .addColumn('reviewed_by', 'varchar(100)')
        .addColumn('note', 'text')
        .addPrimaryKeyConstraint('registration_versions_pk', ['registration_id', 'version'])
        .execute();

      await db.schema
        .createTable('registration_items')
        .addColumn('registration_id', 'varchar(64)', (c) => c.notNull().references('registrations.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('unit_id', 'varchar(64)', (c) => c.notNull().references('units.id'))
        .addColumn('tier', 'varchar(32)', (c) => c.notNull())
        .addColumn('expected_month', 'integer', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('decision', 'varchar(16)')
        .addColumn('decision_reason', 'text')
        .addColumn('approved_tier', 'varchar(32)')
        .addColumn('approved_month', 'integer')
        .addPrimaryKeyConstraint('registration_items_pk', ['registration_id', 'version', 'unit_id'])
        .execute();
      await db.schema
        .createIndex('registration_items_unit_idx')
        .on('registration_items')
        .column('unit_id')
        .execute();

      await db.schema
        .createTable('directive_tasks')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('directive_id', 'varchar(64)', (c) => c.notNull().references('directives.id'))
        .addColumn('number', 'varchar(16)', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('assignee_department', 'varchar(64)')
        .addColumn('assignee_unit_id', 'varchar(64)', (c) => c.references('units.id'))
        .addColumn('deadline', 'varchar(10)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('completed_on', 'varchar(10)')
        .addColumn('overdue_notified_at', 'varchar(32)')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('created_by', 'varchar(100)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_by', 'varchar(100)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('directive_tasks_directive_idx')
        .on('directive_tasks')
        .columns(['directive_id', 'number'])
        .execute();
      await db.schema
        .createIndex('directive_tasks_open_idx')
        .on('directive_tasks')
        .columns(['status', 'deadline'])
        .execute();

      await db.schema
        .createTable('task_reports')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('task_id', 'varchar(64)', (c) => c.notNull().references('directive_tasks.id'))
        .addColumn('reported_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('progress_percent', 'integer')
        .addColumn('status_after', 'varchar(16)', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('created_by', 'varchar(100)', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('task_reports_task_idx')
        .on('task_reports')
        .columns(['task_id', 'reported_on'])
        .execute();

      await db.schema
        .createTable('task_report_attachments')
        .addColumn('report_id', 'varchar(64)', (c) => c.notNull().references('task_reports.id'))
        .addColumn('attachment_id', 'varchar(64)', (c) => c.notNull().references('attachments.id'))
        .addPrimaryKeyConstraint('task_report_attachments_pk', ['report_id', 'attachment_id'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of [
        'task_report_attachments',
        'task_reports',
        'directive_tasks',
        'registration_items',
        'registration_versions',
        'registrations',
      ]) {
        await db.schema.dropTable(table).execute();
      }
      await db.schema.dropIndex('targets_year_scope_idx').execute();
      for (const [name] of [...targetColumns].reverse()) {
        await db.schema.alterTable('targets').dropColumn(name).execute();
      }
    },
  };
}

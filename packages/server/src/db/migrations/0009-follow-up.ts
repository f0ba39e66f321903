import type { Kysely } from 'kysely';
import type { Dialect } from '../database';

/**
 * Follow-up (issue #6): the province's responsibility assignments per year, obstacles with their
 * comments and attached files, maintenance alerts with the outcomes they were judged against,
 * and the bookkeeping that lets several server processes run reminders without sending twice.
 */
export function followUpMigration(dialect: Dialect) {
  const serial = (name: string) => (t: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    t.addColumn(name, dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
    );
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('responsibility_overrides')
        .addColumn('criteria_set_id', 'varchar(100)', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('criterion_number', 'varchar(16)', (c) => c.notNull())
        // Empty for the criterion's own row: a key column cannot be null.
        .addColumn('indicator_code', 'varchar(32)', (c) => c.notNull())
        .addColumn('department_code', 'varchar(64)', (c) => c.notNull())
        .addColumn('contact_name', 'varchar(200)')
        .addColumn('contact_phone', 'varchar(50)')
        .addColumn('contact_email', 'varchar(200)')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_by', 'varchar(100)', (c) => c.notNull())
        .addPrimaryKeyConstraint('responsibility_overrides_pk', [
          'criteria_set_id',
          'year',
          'criterion_number',
          'indicator_code',
        ])
        .execute();

      await db.schema
        .createTable('obstacles')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('unit_id', 'varchar(64)', (c) => c.notNull().references('units.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('criteria_set_id', 'varchar(100)', (c) => c.notNull())
        .addColumn('criterion_number', 'varchar(16)', (c) => c.notNull())
        .addColumn('indicator_code', 'varchar(32)')
        .addColumn('department_code', 'varchar(64)', (c) => c.notNull())
        .addColumn('severity', 'varchar(16)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('title', 'varchar(300)', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('raised_by', 'varchar(100)', (c) => c.notNull())
        .addColumn('raised_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('due_date', 'varchar(10)', (c) => c.notNull())
        .addColumn('resolution', 'text')
        .addColumn('rejection_reason', 'text')
        .addColumn('closed_by', 'varchar(100)')
        .addColumn('closed_at', 'varchar(32)')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('obstacles_unit_idx')
        .on('obstacles')
        .columns(['unit_id', 'year'])
        .execute();
      await db.schema
        .createIndex('obstacles_department_idx')
        .on('obstacles')
        .columns(['department_code', 'status'])
        .execute();
      await db.schema
        .createIndex('obstacles_status_idx')
        .on('obstacles')
        .columns(['status', 'due_date'])
        .execute();

      await serial('id')(db.schema.createTable('obstacle_comments'))
        .addColumn('obstacle_id', 'varchar(64)', (c) => c.notNull().references('obstacles.id'))
        .addColumn('at', 'varchar(32)', (c) => c.notNull())
        .addColumn('author', 'varchar(100)', (c) => c.notNull())
        .addColumn('author_name', 'varchar(200)', (c) => c.notNull())
        // comment, or the state change it records (start, resolve, reject, reopen).
        .addColumn('kind', 'varchar(16)', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('obstacle_comments_obstacle_idx')
        .on('obstacle_comments')
        .columns(['obstacle_id', 'id'])
        .execute();

      await db.schema
        .createTable('obstacle_comment_attachments')
        .addColumn('comment_id', 'integer', (c) => c.notNull())
        .addColumn('attachment_id', 'varchar(64)', (c) => c.notNull().references('attachments.id'))
        .addPrimaryKeyConstraint('obstacle_comment_attachments_pk', ['comment_id', 'attachment_id'])
        .execute();

      await db.schema
        .createTable('maintenance_alerts')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('unit_id', 'varchar(64)', (c) => c.notNull().references('units.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('criteria_set_id', 'varchar(100)', (c) => c.notNull())
        .addColumn('recognised_tier', 'varchar(32)', (c) => c.notNull())
        .addColumn('criterion_number', 'varchar(16)', (c) => c.notNull())
        .addColumn('indicator_code', 'varchar(32)', (c) => c.notNull())
        .addColumn('department_code', 'varchar(64)', (c) => c.notNull())
        .addColumn('kind', 'varchar(16)', (c) => c.notNull())
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('gap_sentence', 'text')
        .addColumn('raised_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('acknowledged_by', 'varchar(100)')
        .addColumn('acknowledged_at', 'varchar(32)')
        .addColumn('acknowledgement_reason', 'text')
        .addColumn('resolved_at', 'varchar(32)')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createIndex('maintenance_alerts_unit_idx')
        .on('maintenance_alerts')
        .columns(['unit_id', 'year', 'indicator_code'])
        .execute();
      await db.schema
        .createIndex('maintenance_alerts_status_idx')
        .on('maintenance_alerts')
        .columns(['status', 'year'])
        .execute();

      await db.schema
        .createTable('maintenance_snapshots')
        .addColumn('unit_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('criteria_set_id', 'varchar(100)', (c) => c.notNull())
        .addColumn('outcomes_json', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('maintenance_snapshots_pk', ['unit_id', 'year'])
        .execute();

      await db.schema
        .createTable('follow_up_state')
        .addColumn('name', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .execute();
      await db
        .insertInto('follow_up_state' as never)
        .values({ name: 'maintenance_alerts', seq: 0 } as never)
        .execute();

      await db.schema
        .createTable('reminder_settings')
        .addColumn('id', 'varchar(16)', (c) => c.primaryKey())
        .addColumn('stale_days', 'integer', (c) => c.notNull())
        .addColumn('due_soon_days', 'integer', (c) => c.notNull())
        .addColumn('email_digest', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_by', 'varchar(100)', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('reminder_deliveries')
        .addColumn('key', 'varchar(200)', (c) => c.primaryKey())
        .addColumn('user_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('sent_at', 'varchar(32)', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('reminder_recipients')
        .addColumn('user_id', 'varchar(64)', (c) => c.primaryKey().references('users.id'))
        .addColumn('email', 'varchar(200)', (c) => c.notNull())
        .addColumn('last_digest_notification_id', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_digest_at', 'varchar(32)')
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of [
        'reminder_recipients',
        'reminder_deliveries',
        'reminder_settings',
        'follow_up_state',
        'maintenance_snapshots',
        'maintenance_alerts',
        'obstacle_comment_attachments',
        'obstacle_comments',
        'obstacles',
        'responsibility_overrides',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}

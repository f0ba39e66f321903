import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../database';

export function initialMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('units')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('code', 'varchar(32)', (c) => c.notNull())
        .addColumn('name', 'varchar(200)', (c) => c.notNull())
        .addColumn('search_text', 'varchar(400)', (c) => c.notNull())
        .addColumn('kind', 'varchar(32)', (c) => c.notNull())
        .addColumn('level', 'varchar(16)', (c) => c.notNull())
        .addColumn('parent_id', 'varchar(64)', (c) => c.references('units.id'))
        .addColumn('region', 'varchar(16)')
        .addColumn('commune_group', 'varchar(8)')
        .addColumn('flags', 'varchar(400)', (c) => c.notNull().defaultTo('[]'))
        .addColumn('population', 'integer')
        .addColumn('households', 'integer')
        .addColumn('area_km2', 'double precision')
        .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
        .addColumn('valid_to', 'varchar(10)')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('units_parent_idx').on('units').column('parent_id').execute();
      await db.schema.createIndex('units_level_idx').on('units').columns(['level', 'valid_from']).execute();
      await db.schema.createIndex('units_code_idx').on('units').column('code').execute();

      await db.schema
        .createTable('unit_predecessors')
        .addColumn('unit_id', 'varchar(64)', (c) => c.notNull().references('units.id'))
        .addColumn('predecessor_id', 'varchar(64)', (c) => c.notNull().references('units.id'))
        .addPrimaryKeyConstraint('unit_predecessors_pk', ['unit_id', 'predecessor_id'])
        .execute();
      await db.schema
        .createIndex('unit_predecessors_predecessor_idx')
        .on('unit_predecessors')
        .column('predecessor_id')
        .execute();

      await db.schema
        .createTable('measure_values')
        .addColumn('unit_id', 'varchar(64)', (c) => c.notNull().references('units.id'))
        .addColumn('measure_code', 'varchar(64)', (c) => c.notNull())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('value_json', 'varchar(200)', (c) => c.notNull())
        .addColumn('source', 'varchar(400)')
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_by', 'varchar(100)', (c) => c.notNull())
        .addPrimaryKeyConstraint('measure_values_pk', ['unit_id', 'year', 'measure_code'])
        .execute();
      await db.schema.createIndex('measure_values_year_idx').on('measure_values').column('year').execute();

      await db.schema
        .createTable('recognitions')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('unit_id', 'varchar(64)', (c) => c.notNull().references('units.id'))
        .addColumn('tier', 'varchar(32)', (c) => c.notNull())
        .addColumn('criteria_set_id', 'varchar(64)')
        .addColumn('status', 'varchar(16)', (c) => c.notNull())
        .addColumn('decision_number', 'varchar(64)')
        .addColumn('decision_date', 'varchar(10)')
        .addColumn('issuer', 'varchar(200)')
        .addColumn('revoked_date', 'varchar(10)')
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('recognitions_unit_idx').on('recognitions').column('unit_id').execute();

      await db.schema
        .createTable('directives')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('number', 'varchar(64)', (c) => c.notNull())
        .addColumn('date', 'varchar(10)', (c) => c.notNull())
        .addColumn('issuer', 'varchar(200)', (c) => c.notNull())
        .addColumn('title', 'varchar(400)', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();

      await db.schema
        .createTable('targets')
        .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('scope_unit_id', 'varchar(64)', (c) => c.notNull().references('units.id'))
        .addColumn('metric', 'varchar(64)', (c) => c.notNull())
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addColumn('label', 'varchar(400)', (c) => c.notNull())
        .addColumn('directive_id', 'varchar(64)', (c) => c.references('directives.id'))
        .addColumn('note', 'text')
        .execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('at', 'varchar(32)', (c) => c.notNull())
        .addColumn('actor', 'varchar(100)', (c) => c.notNull())
        .addColumn('action', 'varchar(32)', (c) => c.notNull())
        .addColumn('entity', 'varchar(32)', (c) => c.notNull())
        .addColumn('entity_id', 'varchar(200)', (c) => c.notNull())
        .addColumn('before_json', 'text')
        .addColumn('after_json', 'text')
        .addColumn('reason', 'text')
        .execute();
      await db.schema
        .createIndex('audit_log_entity_idx')
        .on('audit_log')
        .columns(['entity', 'entity_id'])
        .execute();

      await db.schema
        .createTable('data_versions')
        .addColumn('name', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      await sql`insert into data_versions (name, version) values ('units', 1), ('values', 1), ('recognitions', 1)`.execute(
        db,
      );
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of [
        'data_versions',
        'audit_log',
        'targets',
        'directives',
        'recognitions',
        'measure_values',
        'unit_predecessors',
        'units',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}

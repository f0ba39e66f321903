import type { Kysely } from 'kysely';

/** Administrative boundaries for the choropleth map, stored as GeoJSON text per unit record. */
export function boundariesMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('unit_boundaries')
        .addColumn('unit_id', 'varchar(64)', (c) => c.primaryKey().references('units.id'))
        .addColumn('code', 'varchar(32)', (c) => c.notNull())
        .addColumn('geometry_json', 'text', (c) => c.notNull())
        .addColumn('source', 'varchar(255)', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
        .addColumn('updated_by', 'varchar(100)', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('unit_boundaries').execute();
    },
  };
}

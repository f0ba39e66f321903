import type { ResponsibilityOverride } from '@ntm/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { ResponsibilityOverridesTable } from '../obstacles/follow-up.tables';

export type OverrideRow = ResponsibilityOverridesTable;

export function toOverride(row: OverrideRow): ResponsibilityOverride {
  return {
    criteriaSetId: row.criteria_set_id,
    year: row.year,
    criterionNumber: row.criterion_number,
    indicatorCode: row.indicator_code === '' ? null : row.indicator_code,
    departmentCode: row.department_code,
    contact:
      row.contact_name === null
        ? null
        : { name: row.contact_name, phone: row.contact_phone, email: row.contact_email },
  };
}

export async function overridesFor(
  db: Kysely<Database>,
  criteriaSetId: string,
  year: number,
): Promise<OverrideRow[]> {
  return db
    .selectFrom('responsibility_overrides')
    .selectAll()
    .where('criteria_set_id', '=', criteriaSetId)
    .where('year', '=', year)
    .execute();
}

export async function findOverride(
  db: Kysely<Database>,
  key: { criteriaSetId: string; year: number; criterionNumber: string; indicatorCode: string | null },
): Promise<OverrideRow | undefined> {
  return db
    .selectFrom('responsibility_overrides')
    .selectAll()
    .where('criteria_set_id', '=', key.criteriaSetId)
    .where('year', '=', key.year)
    .where('criterion_number', '=', key.criterionNumber)
    .where('indicator_code', '=', key.indicatorCode ?? '')
    .executeTakeFirst();
}

export async function deleteOverride(db: Kysely<Database>, row: OverrideRow): Promise<void> {
  await db
    .deleteFrom('responsibility_overrides')
    .where('criteria_set_id', '=', row.criteria_set_id)
    .where('year', '=', row.year)
    .where('criterion_number', '=', row.criterion_number)
    .where('indicator_code', '=', row.indicator_code)
    .execute();
}

export async function upsertOverride(db: Kysely<Database>, row: OverrideRow): Promise<void> {
  await db
    .insertInto('responsibility_overrides')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['criteria_set_id', 'year', 'criterion_number', 'indicator_code']).doUpdateSet({
        department_code: row.department_code,
        contact_name: row.contact_name,
        contact_phone: row.contact_phone,
        contact_email: row.contact_email,
        is_demo: row.is_demo,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
      }),
    )
    .execute();
}

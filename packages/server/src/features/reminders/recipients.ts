import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { lineageOf } from '../responsibility/responsibility.service';
import type { UnitDirectory } from '../units/unit-directory';

/** Active accounts of the department and of any department it was merged into (its successor answers too). */
export async function departmentUserIds(db: Kysely<Database>, departmentCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'department_code'])
    .where('active', '=', 1)
    .where('role', '=', 'department')
    .execute();
  return rows
    .filter((r) => r.department_code !== null && lineageOf(r.department_code).has(departmentCode))
    .map((r) => r.id);
}

/** Active accounts of the unit and of the units above it below the province (its commune, its district). */
export async function areaUserIds(
  db: Kysely<Database>,
  directory: UnitDirectory,
  unitId: string,
  roles: readonly ('district' | 'commune')[] = ['district', 'commune'],
): Promise<string[]> {
  const ids: string[] = [];
  for (let unit = directory.byId.get(unitId); unit && unit.level !== 'province'; ) {
    ids.push(unit.id);
    unit = unit.parentId === null ? undefined : directory.byId.get(unit.parentId);
  }
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('active', '=', 1)
    .where('role', 'in', [...roles])
    .where('unit_id', 'in', ids)
    .execute();
  return rows.map((r) => r.id);
}

/** The program office: told when no department account exists to receive something. */
export async function provinceAdminIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('active', '=', 1)
    .where('role', '=', 'province_admin')
    .execute();
  return rows.map((r) => r.id);
}

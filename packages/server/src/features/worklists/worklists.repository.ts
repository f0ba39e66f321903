import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';

export interface RegistrationOfUnit {
  registrationId: string;
  unitId: string;
  tier: string;
  status: string;
}

/**
 * The registrations of a year (in their current version) that aim these units at a tier.
 * Written in SQL because the registrations tables belong to the plans feature.
 */
export async function registrationsOf(
  db: Kysely<Database>,
  year: number,
  unitIds: readonly string[],
): Promise<RegistrationOfUnit[]> {
  const out: RegistrationOfUnit[] = [];
  for (let i = 0; i < unitIds.length; i += 500) {
    const chunk = unitIds.slice(i, i + 500);
    const result = await sql<{ registration_id: string; unit_id: string; tier: string; status: string }>`
      select r.id as registration_id, ri.unit_id, ri.tier, r.status
      from registrations r
      join registration_items ri on ri.registration_id = r.id and ri.version = r.current_version
      where r.year = ${year} and ri.unit_id in (${sql.join(chunk)})
      order by r.id, ri.unit_id`.execute(db);
    for (const row of result.rows) {
      out.push({
        registrationId: row.registration_id,
        unitId: row.unit_id,
        tier: row.tier,
        status: row.status,
      });
    }
  }
  return out;
}

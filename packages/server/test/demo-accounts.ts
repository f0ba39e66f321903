import type { TestApp } from './harness';

export interface DemoAccountRow {
  id: string;
  username: string;
  role: string;
  unitId: string | null;
}

/** The seeded demo accounts by role; the pre-2025 commune is the one inside the demo district. */
export async function demoAccountsOf(t: TestApp) {
  const rows = await t.database.db
    .selectFrom('users')
    .select(['id', 'username', 'role', 'unit_id'])
    .execute();
  const find = (predicate: (r: (typeof rows)[number]) => boolean): DemoAccountRow => {
    const row = rows.find(predicate);
    if (!row) throw new Error('demo account missing');
    return { id: row.id, username: row.username, role: row.role, unitId: row.unit_id };
  };
  return {
    admin: find((r) => r.role === 'province_admin'),
    leader: find((r) => r.role === 'leader'),
    department: find((r) => r.role === 'department'),
    district: find((r) => r.role === 'district'),
    commune: find((r) => r.role === 'commune' && r.username.startsWith('xa.')),
    commune2026: find((r) => r.role === 'commune' && r.username.startsWith('xa2026.')),
  };
}

/** A rural commune of another pre-2025 district than `districtId`. */
export async function communeOutside(t: TestApp, districtId: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('units')
    .select('id')
    .where('level', '=', 'commune')
    .where('kind', '=', 'xa')
    .where('parent_id', '!=', districtId)
    .where('valid_to', '=', '2025-06-30')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  return row.id;
}

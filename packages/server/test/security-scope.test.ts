import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeOutside, demoAccountsOf } from './demo-accounts';
import { listWorkbook, upload } from './excel-files';
import { createTestApp, type TestApp, testDialect } from './harness';
import { demoUsers, type Session, signIn } from './sessions';

let t: TestApp;
let district: Session;
let ownCommune: string;
let foreignCommune: string;
let foreignVillage: string;
let foreignName: string;

interface UnitList {
  units: { id: string; name: string; parentId: string | null }[];
}

async function countRows(table: 'measure_values' | 'audit_log' | 'measure_value_versions'): Promise<number> {
  const row = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await createTestApp({ seed: true, auth: { loginRateLimit: 1000 } });
  const accounts = await demoAccountsOf(t);
  district = await signIn(t.app, accounts.district.username);
  ownCommune = accounts.commune.unitId as string;
  foreignCommune = await communeOutside(t, accounts.district.unitId as string);
  const village = await t.database.db
    .selectFrom('units')
    .select('id')
    .where('parent_id', '=', foreignCommune)
    .executeTakeFirstOrThrow();
  foreignVillage = village.id;
  const unit = await t.database.db
    .selectFrom('units')
    .select('name')
    .where('id', '=', foreignCommune)
    .executeTakeFirstOrThrow();
  foreignName = unit.name;
});
afterAll(async () => {
  await t.close();
});

describe(`a district user and another district's communes on ${testDialect}`, () => {
  it('cannot read them by guessing ids, through any endpoint about a unit', async () => {
    const routes = t.app.accessRoutes.filter(
      (r) => r.method === 'GET' && r.url.includes('/units/:id') && r.access?.kind !== 'public',
    );
    expect(routes.length).toBeGreaterThanOrEqual(7);
    for (const route of routes) {
      for (const id of [foreignCommune, foreignVillage]) {
        const url = `${route.url.replace(':id', encodeURIComponent(id))}?year=2021&date=2021-12-31`;
        const response = await district.inject({ method: 'GET', url });
        expect(response.statusCode, url).toBe(403);
        expect(JSON.stringify(response.json()), url).not.toContain('"values"');
      }
    }
  });

  it('gets the public aggregates about them without any per-commune row', async () => {
    const rollup = await district.get<{ communes: { unitId: string }[] }>(
      `/api/units/${foreignCommune}/rollup?year=2021`,
    );
    expect(rollup.status).toBe(200);
    expect(rollup.body.communes).toEqual([]);
  });

  it('does not find them by search, and does not see them in lists', async () => {
    const found = await district.get<UnitList>(
      `/api/units/search?q=${encodeURIComponent(foreignName)}&date=2021-12-31&limit=100`,
    );
    expect(found.status).toBe(200);
    expect(found.body.units.map((u) => u.id)).not.toContain(foreignCommune);
    const roots = await district.get<UnitList>('/api/units?date=2021-12-31');
    const province = roots.body.units[0];
    expect(province).toBeDefined();
    const districts = await district.get<UnitList>(`/api/units/${province?.id}/children?date=2021-12-31`);
    expect(districts.body.units).toHaveLength(1);
    const foreignParent = await t.database.db
      .selectFrom('units')
      .select('parent_id')
      .where('id', '=', foreignCommune)
      .executeTakeFirstOrThrow();
    const other = await district.get(`/api/units/${foreignParent.parent_id}/children?date=2021-12-31`);
    expect(other.status).toBe(403);
    const rollup = await district.get<{
      communes: { unitId: string; parentId: string | null }[];
      rollup: { unitCount: number };
    }>(`/api/units/${province?.id}/rollup?year=2021`);
    expect(rollup.body.rollup.unitCount).toBeGreaterThan(rollup.body.communes.length);
    const inbox = await district.get<{ groups: { unitId: string }[] }>('/api/inbox');
    const own = new Set(
      (
        await t.database.db
          .selectFrom('units')
          .select('id')
          .where('parent_id', '=', foreignParent.parent_id)
          .execute()
      ).map((u) => u.id),
    );
    expect(inbox.body.groups.some((g) => own.has(g.unitId))).toBe(false);
  });

  it('cannot change them through any write, and nothing is written', async () => {
    const before = await Promise.all([
      countRows('measure_values'),
      countRows('audit_log'),
      countRows('measure_value_versions'),
    ]);
    const stored = await t.database.db
      .selectFrom('measure_values')
      .select(['measure_code', 'version', 'status'])
      .where('unit_id', '=', foreignCommune)
      .where('year', '=', 2021)
      .orderBy('measure_code')
      .executeTakeFirstOrThrow();
    const write = await district.send('PUT', '/api/values', {
      values: [
        { unitId: ownCommune, year: 2024, measure: 'income_per_capita', value: 40 },
        { unitId: foreignCommune, year: 2024, measure: 'income_per_capita', value: 40 },
      ],
    });
    expect(write.status).toBe(403);
    for (const action of ['submit', 'verify', 'approve', 'return']) {
      const response = await district.send('POST', `/api/workflow/${action}`, {
        items: [
          { unitId: foreignCommune, year: 2021, measure: stored.measure_code, version: stored.version },
        ],
        reason: 'thử trả lại đơn vị ngoài phạm vi',
      });
      expect(response.status, action).toBe(403);
    }
    const after = await Promise.all([
      countRows('measure_values'),
      countRows('audit_log'),
      countRows('measure_value_versions'),
    ]);
    expect(after).toEqual(before);
  });

  it("does not see another area's Excel imports in the list, nor open them by id", async () => {
    const admin = await signIn(t.app, demoUsers.admin);
    const file = await listWorkbook([[foreignCommune, '10', 2018, '41,5']]);
    const preview = await upload(admin.inject, file, {
      query: 'criteriaSetId=demo-2016-2020-commune-standard',
    });
    expect(preview.status).toBe(201);
    const listed = await district.get<{ imports: { id: string }[] }>('/api/excel/imports');
    expect(listed.status).toBe(200);
    expect(listed.body.imports.map((i) => i.id)).not.toContain(preview.body.id);
    for (const url of [
      `/api/excel/imports/${preview.body.id}`,
      `/api/excel/imports/${preview.body.id}/diff?kind=changed`,
    ]) {
      expect((await district.get(url)).status, url).toBe(403);
    }
    expect((await district.send('POST', `/api/excel/imports/${preview.body.id}/discard`)).status).toBe(403);
    const own = await admin.get<{ imports: { id: string }[] }>('/api/excel/imports');
    expect(own.body.imports.map((i) => i.id)).toContain(preview.body.id);
  });

  it('cannot export them or open another district as a report', async () => {
    const exports = t.app.accessRoutes.filter(
      (r) => r.method === 'GET' && r.access?.kind === 'read' && r.access.unit?.in === 'query',
    );
    for (const route of exports) {
      const url = `${route.url.replace(':name', 'scorecard')}?unitId=${encodeURIComponent(foreignCommune)}&year=2021`;
      const response = await district.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(403);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccountsOf } from './demo-accounts';
import {
  downloadTemplate,
  listWorkbook,
  loadWorkbook,
  saveWorkbook,
  templateGrid,
  upload,
} from './excel-files';
import { createTestApp, type TestApp, testDialect } from './harness';
import { demoUsers, type Session, signIn } from './sessions';

let t: TestApp;
let district: Session;
let department: Session;
let admin: Session;
let commune: Session;
/** The demo commune account's commune and another commune of the same district. */
const communes = { own: { id: '', code: '' }, sibling: { id: '', code: '' } };
const SET = 'demo-2016-2020-commune-standard';
const ids = { ownDistrict: '', province: '', ownCommune: '', otherCommune: '' };

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  district = await signIn(t.app, demoUsers.district);
  department = await signIn(t.app, demoUsers.department);
  const db = t.database.db;
  const own = await db
    .selectFrom('units')
    .select(['id', 'parent_id'])
    .where('code', '=', '99003')
    .executeTakeFirstOrThrow();
  ids.ownDistrict = own.id;
  ids.province = own.parent_id ?? '';
  const communes = await db
    .selectFrom('units')
    .select(['code', 'parent_id'])
    .where('kind', '=', 'xa')
    .where('valid_to', '=', '2025-06-30')
    .orderBy('code')
    .execute();
  ids.ownCommune = communes.find((c) => c.parent_id === ids.ownDistrict)?.code ?? '';
  ids.otherCommune = communes.find((c) => c.parent_id !== ids.ownDistrict)?.code ?? '';
  await communeFixtures();
});

async function communeFixtures() {
  const accounts = await demoAccountsOf(t);
  admin = await signIn(t.app, demoUsers.admin);
  commune = await signIn(t.app, accounts.commune.username);
  const db = t.database.db;
  const own = await db
    .selectFrom('units')
    .select(['id', 'code', 'parent_id'])
    .where('id', '=', accounts.commune.unitId as string)
    .executeTakeFirstOrThrow();
  const sibling = await db
    .selectFrom('units')
    .select(['id', 'code'])
    .where('parent_id', '=', own.parent_id as string)
    .where('kind', '=', 'xa')
    .where('id', '!=', own.id)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  communes.own = { id: own.id, code: own.code };
  communes.sibling = { id: sibling.id, code: sibling.code };
}
afterAll(async () => {
  await t?.close();
});

describe(`Excel import within the user's scope on ${testDialect}`, () => {
  it('lets a district download its own template but not the province one', async () => {
    expect((await downloadTemplate(district.inject, ids.ownDistrict, 2018, SET)).length).toBeGreaterThan(
      1000,
    );
    const province = await district.get<{ code: string }>(
      `/api/excel/template?unitId=${encodeURIComponent(ids.province)}&year=2018&criteriaSetId=${SET}`,
    );
    expect([province.status, province.body.code]).toEqual([403, 'forbidden']);
  });

  it('refuses rows for communes outside the district, naming the area', async () => {
    const file = await listWorkbook([
      [ids.ownCommune, '10', 2018, '41,5'],
      [ids.otherCommune, '10', 2018, '41,5'],
    ]);
    const preview = await upload(district.inject, file, { query: `criteriaSetId=${SET}` });
    expect(preview.status).toBe(201);
    expect(preview.body.problems).toEqual([
      expect.objectContaining({ row: 3, column: 'A', value: ids.otherCommune }),
    ]);
    expect(preview.body.problems[0]?.message).toContain('nằm ngoài phạm vi bạn được nhập số liệu');
    expect(preview.body.newCount).toBe(1);
  });

  it("refuses a department's changes to criteria it does not lead, and accepts its own", async () => {
    const workbook = await loadWorkbook(
      await downloadTemplate(department.inject, ids.ownDistrict, 2018, SET),
    );
    const grid = templateGrid(workbook);
    const column = (code: string) => [...grid.codes].find(([, c]) => c === code)?.[0] as number;
    const row = grid.rows[0]?.row as number;
    grid.sheet.getRow(row).getCell(column('2.1')).value = 88;
    grid.sheet.getRow(row + 1).getCell(column('10')).value = 45;
    const preview = await upload(department.inject, await saveWorkbook(workbook));
    expect(preview.status).toBe(201);
    expect(preview.body.problems.map((p) => [p.row, p.header])).toEqual([[row + 1, '10']]);
    expect(preview.body.problems[0]?.message).toContain('không thuộc phạm vi');
    expect(preview.body.newCount).toBe(1);
  });

  it("refuses a commune user another commune's template and reports, and its district's", async () => {
    const template = (unitId: string) =>
      commune.get<{ code: string }>(
        `/api/excel/template?unitId=${encodeURIComponent(unitId)}&year=2018&criteriaSetId=${SET}`,
      );
    const report = async (name: string, unitId: string) => {
      const response = await commune.inject({
        method: 'GET',
        url: `/api/reports/${name}?unitId=${encodeURIComponent(unitId)}&year=2021&format=xlsx`,
      });
      return {
        status: response.statusCode,
        body: (response.statusCode === 200 ? {} : response.json()) as { code?: string; detail?: string },
      };
    };
    expect((await downloadTemplate(commune.inject, communes.own.id, 2018, SET)).length).toBeGreaterThan(1000);
    expect((await template(communes.sibling.id)).status).toBe(403);
    expect((await template(ids.ownDistrict)).status).toBe(403);
    expect((await report('scorecard', communes.own.id)).status).toBe(200);
    for (const [name, unitId] of [
      ['scorecard', communes.sibling.id],
      ['commune-list', ids.ownDistrict],
      ['criteria-results', ids.province],
      ['targets', ids.ownDistrict],
    ] as const) {
      const refused = await report(name, unitId);
      expect([refused.status, refused.body.code], `${name} ${unitId}`).toEqual([403, 'forbidden']);
      expect(refused.body.detail ?? '').toContain('nằm ngoài phạm vi');
    }
  });

  it("lists for a commune user the imports for its own commune, not another commune's", async () => {
    const forSibling = await upload(
      admin.inject,
      await listWorkbook([[communes.sibling.code, '10', 2018, '41,5']]),
      {
        query: `criteriaSetId=${SET}&scopeUnitId=${encodeURIComponent(communes.sibling.id)}`,
        fileName: 'xa-ben-canh.xlsx',
      },
    );
    const forOwn = await upload(admin.inject, await listWorkbook([[communes.own.code, '10', 2018, '41,5']]), {
      query: `criteriaSetId=${SET}&scopeUnitId=${encodeURIComponent(communes.own.id)}`,
      fileName: 'xa-minh.xlsx',
    });
    expect([forSibling.status, forOwn.status]).toEqual([201, 201]);
    const listed = await commune.get<{ imports: { id: string }[] }>('/api/excel/imports?limit=50');
    expect(listed.status).toBe(200);
    const ids = listed.body.imports.map((i) => i.id);
    expect(ids).toContain(forOwn.body.id);
    expect(ids).not.toContain(forSibling.body.id);
    const one = await commune.get<{ code: string }>(`/api/excel/imports/${forSibling.body.id}`);
    expect([one.status, one.body.code]).toEqual([403, 'forbidden']);
    const diff = await commune.get<{ code: string }>(
      `/api/excel/imports/${forSibling.body.id}/diff?kind=new`,
    );
    expect([diff.status, diff.body.code]).toEqual([403, 'forbidden']);
    const ownDiff = await commune.get<{ entries: { unitId: string }[] }>(
      `/api/excel/imports/${forOwn.body.id}/diff?kind=new`,
    );
    expect(ownDiff.status).toBe(200);
    expect(ownDiff.body.entries.map((e) => e.unitId)).toEqual([communes.own.id]);
    // The province sees both.
    const all = await admin.get<{ imports: { id: string }[] }>('/api/excel/imports?limit=50');
    expect(all.body.imports.map((i) => i.id)).toEqual(
      expect.arrayContaining([forOwn.body.id, forSibling.body.id]),
    );
  });

  it("puts in a district's commune list only the district's communes", async () => {
    const response = await district.inject({
      method: 'GET',
      url: `/api/reports/commune-list?unitId=${encodeURIComponent(ids.ownDistrict)}&year=2021&format=xlsx`,
    });
    expect(response.statusCode).toBe(200);
    const workbook = await loadWorkbook(response.rawPayload);
    const codes: string[] = [];
    let header = false;
    workbook.worksheets[0]?.eachRow((row) => {
      const code = row.getCell(2).value;
      if (header && typeof code === 'string' && code !== '') codes.push(code);
      if (code === 'Mã') header = true;
    });
    const inDistrict = await t.database.db
      .selectFrom('units')
      .select('code')
      .where('parent_id', '=', ids.ownDistrict)
      .where('kind', '=', 'xa')
      .where('valid_from', '<=', '2021-12-31')
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', '2021-12-31')]))
      .execute();
    expect(codes.length).toBeGreaterThan(0);
    expect(new Set(codes)).toEqual(new Set(inDistrict.map((u) => u.code)));
  });

  it('asks an anonymous visitor to sign in', async () => {
    const anonymous = await upload((options) => t.app.inject(options), await listWorkbook([]));
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'unauthenticated']);
  });
});

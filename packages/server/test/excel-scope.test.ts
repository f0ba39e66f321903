import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
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

  it('asks an anonymous visitor to sign in', async () => {
    const anonymous = await upload((options) => t.app.inject(options), await listWorkbook([]));
    expect([anonymous.status, anonymous.body.code]).toEqual([401, 'unauthenticated']);
  });
});

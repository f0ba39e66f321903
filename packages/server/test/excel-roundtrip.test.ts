import { measuresByCode, type ObservedValue, yearEnd } from '@ntm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCriteriaSet } from '../src/features/catalog/catalog.service';
import {
  countWrites,
  downloadTemplate,
  type ImportSummaryBody,
  loadWorkbook,
  saveWorkbook,
  templateGrid,
  upload,
} from './excel-files';
import { createTestApp, type TestApp, testDialect } from './harness';

let t: TestApp;

/** A small deterministic generator: the same values on every run and both databases. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/**
 * A value for the measure, and how someone might type it: the forms people actually use,
 * Vietnamese and English decimals, percentages with and without "%", the look-alike Ð.
 */
function typed(
  measureCode: string,
  random: () => number,
  turn: number,
): { cell: unknown; numFmt?: string; value: ObservedValue } {
  const measure = measuresByCode.get(measureCode);
  if (!measure) throw new Error(measureCode);
  if (measure.valueType === 'boolean') {
    const value = random() < 0.6;
    const forms = value
      ? ['Đạt', 'x', ' Ðạt ', true, 'đạt']
      : ['Không đạt', 'không đạt', 'KHÔNG ĐẠT', false, 'Không  đạt'];
    return { cell: forms[turn % forms.length], value };
  }
  const max = Math.min(measure.max ?? 100, measure.valueType === 'percent' ? 100 : 1000);
  const value = Math.round(random() * max * 10) / 10;
  const vi = String(value).replace('.', ',');
  switch (turn % 5) {
    case 0:
      return { cell: vi, value };
    case 1:
      return { cell: measure.valueType === 'percent' ? `${value}%` : String(value), value };
    case 2:
      return { cell: value, value };
    case 3:
      return measure.valueType === 'percent'
        ? { cell: value / 100, numFmt: '0.0%', value }
        : { cell: ` ${vi} `, value };
    default:
      return { cell: `${vi} `, value };
  }
}

async function unitIdOf(code: string, year: number): Promise<string> {
  const row = await t.database.db
    .selectFrom('units')
    .select('id')
    .where('code', '=', code)
    .where('valid_from', '<=', yearEnd(year))
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', `${year}-01-01`)]))
    .executeTakeFirstOrThrow();
  return row.id;
}

async function storedValues(unitIds: string[], year: number): Promise<Map<string, unknown>> {
  const rows = await t.database.db
    .selectFrom('measure_values')
    .select(['unit_id', 'measure_code', 'value_json'])
    .where('unit_id', 'in', unitIds)
    .where('year', '=', year)
    .execute();
  return new Map(rows.map((r) => [`${r.unit_id}|${r.measure_code}`, JSON.parse(r.value_json)]));
}

/** Districts (before 2025) and the province after the reorganisation, and villages of one commune. */
const areas = { districts: [] as string[], newProvince: '', commune: '' };

async function confirm(id: string, body: object = {}) {
  const response = await t.inject({
    method: 'POST',
    url: `/api/excel/imports/${id}/confirm`,
    payload: body,
  });
  return {
    status: response.statusCode,
    body: response.json() as ImportSummaryBody & { code: string; detail: string },
  };
}

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const db = t.database.db;
  const districts = await db
    .selectFrom('units')
    .select('id')
    .where('level', '=', 'district')
    .where('kind', '=', 'huyen')
    .orderBy('code')
    .execute();
  areas.districts = districts.map((d) => d.id);
  areas.newProvince = (
    await db
      .selectFrom('units')
      .select('id')
      .where('level', '=', 'province')
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow()
  ).id;
  areas.commune = (
    await db
      .selectFrom('units as c')
      .innerJoin('units as v', 'v.parent_id', 'c.id')
      .select('c.id')
      .where('c.kind', '=', 'xa')
      .where('c.valid_to', '=', '2025-06-30')
      .orderBy('c.code')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await t?.close();
});

describe(`Excel round trip on ${testDialect}`, () => {
  const cases = [
    { set: 'demo-2016-2020-commune-standard', year: 2018, area: () => areas.districts[0] },
    { set: 'demo-2016-2020-commune-advanced', year: 2018, area: () => areas.districts[1] },
    { set: 'demo-2016-2020-commune-model', year: 2018, area: () => areas.districts[2] },
    { set: 'vn-319-commune-model', year: 2023, area: () => areas.districts[3] },
    { set: 'demo-2026-2030-commune-standard', year: 2027, area: () => areas.newProvince },
    { set: 'demo-village-standard', year: 2022, area: () => areas.commune },
    { set: 'demo-model-residential-area', year: 2023, area: () => areas.commune },
  ];

  it('covers every shipped criteria set that is complete enough to evaluate', async () => {
    const { allCriteriaSets, evaluabilityOf } = await import('../src/features/catalog/catalog.service');
    const complete = allCriteriaSets()
      .filter((s) => evaluabilityOf(s).evaluable)
      .map((s) => s.id)
      .sort();
    expect(cases.map((c) => c.set).sort()).toEqual(complete);
  });

  it('exports a template for an incomplete national set, saying which thresholds are missing', async () => {
    const workbook = await loadWorkbook(
      await downloadTemplate(t.inject, areas.districts[0] as string, 2018, 'vn-1980-commune-standard'),
    );
    const { sheet, codes } = templateGrid(workbook);
    const thresholds = [...codes.keys()].map((column) => String(sheet.getRow(7).getCell(column).value));
    expect(thresholds).toContain('chưa có ngưỡng chính thức');
    expect(thresholds.some((t) => t.startsWith('≥ ') || t === 'Đạt')).toBe(true);
    expect(workbook.getWorksheet('Hướng dẫn')?.getCell('B4').value).toContain('1980/QĐ-TTg');
  });

  it.each(cases)('exports, fills, imports and reads back $set for $year', async ({ set, year, area }) => {
    const areaId = area() as string;
    const template = await downloadTemplate(t.inject, areaId, year, set);
    const workbook = await loadWorkbook(template);
    const { sheet, codes, rows } = templateGrid(workbook);
    expect(rows.length).toBeGreaterThan(0);
    const indicators = new Map(
      (findCriteriaSet(set)?.criteria ?? [])
        .flatMap((c) => c.indicators)
        .map((i) => [i.code, i.measure ?? '']),
    );
    const random = generator(year * 31 + rows.length);
    const expected = new Map<string, ObservedValue>();
    let turn = 0;
    for (const { row, unitCode } of rows) {
      const unitId = await unitIdOf(unitCode, year);
      for (const [column, code] of codes) {
        const measure = indicators.get(code) as string;
        const entry = typed(measure, random, turn++);
        const cell = sheet.getRow(row).getCell(column);
        cell.value = entry.cell as never;
        // Loaded cells share style objects: a new one keeps the format on this cell only.
        if (entry.numFmt) cell.style = { ...cell.style, numFmt: entry.numFmt };
        expected.set(`${unitId}|${measure}`, entry.value);
      }
    }
    const preview = await upload(t.inject, await saveWorkbook(workbook), {
      fileName: `${set}.xlsx`,
    });
    expect(preview.status).toBe(201);
    expect(preview.body.problems).toEqual([]);
    expect(preview.body).toMatchObject({ format: 'template', newCount: expected.size, invalidRows: 0 });

    const applied = await confirm(preview.body.id);
    expect(applied.status).toBe(200);
    expect(applied.body.status).toBe('applied');

    const unitIds = [...new Set([...expected.keys()].map((k) => k.split('|')[0] as string))];
    const stored = await storedValues(unitIds, year);
    for (const [key, value] of expected) expect([key, stored.get(key)]).toEqual([key, value]);
  });
});

describe(`Excel import preview, confirmation and revert on ${testDialect}`, () => {
  const SET = 'demo-2016-2020-commune-standard';

  async function filledTemplate(year: number, fill: (grid: ReturnType<typeof templateGrid>) => void) {
    const workbook = await loadWorkbook(
      await downloadTemplate(t.inject, areas.districts[4] as string, year, SET),
    );
    const grid = templateGrid(workbook);
    fill(grid);
    return saveWorkbook(workbook);
  }

  function columnOf(grid: ReturnType<typeof templateGrid>, code: string): number {
    const found = [...grid.codes].find(([, c]) => c === code);
    if (!found) throw new Error(code);
    return found[0];
  }

  /** Imports one income value for the first commune of the district and returns that commune's code. */
  async function importIncome(
    year: number,
    typedValue: string,
    row = 0,
  ): Promise<{ unitCode: string; id: string }> {
    let unitCode = '';
    const file = await filledTemplate(year, (grid) => {
      const target = grid.rows[row] as { row: number; unitCode: string };
      unitCode = target.unitCode;
      grid.sheet.getRow(target.row).getCell(columnOf(grid, '10')).value = typedValue;
    });
    const preview = await upload(t.inject, file, { fileName: 'thu-nhap.xlsx' });
    expect(preview.status).toBe(201);
    return { unitCode, id: preview.body.id };
  }

  async function income(unitCode: string, year: number): Promise<unknown[]> {
    const rows = await t.database.db
      .selectFrom('measure_values')
      .select('value_json')
      .where('measure_code', '=', 'income_per_capita')
      .where('year', '=', year)
      .where('unit_id', '=', await unitIdOf(unitCode, year))
      .execute();
    return rows.map((r) => JSON.parse(r.value_json));
  }

  it('shows old → new for changed values, applies them as one change set, and reverts it as one', async () => {
    const year = 2017;
    const first = await importIncome(year, '45,5');
    expect((await confirm(first.id)).status).toBe(200);

    const before = await countWrites(t.database.db);
    const second = await importIncome(year, '77,7');
    const summary = await t.inject({ method: 'GET', url: `/api/excel/imports/${second.id}` });
    expect(summary.json()).toMatchObject({
      status: 'pending',
      newCount: 0,
      changedCount: 1,
      problemCount: 0,
    });
    expect((await countWrites(t.database.db)).values).toBe(before.values);

    const diff = await t.inject({
      method: 'GET',
      url: `/api/excel/imports/${second.id}/diff?kind=changed`,
    });
    expect((diff.json() as { entries: unknown[] }).entries).toEqual([
      expect.objectContaining({ before: 45.5, after: 77.7, indicatorCode: '10', unitCode: second.unitCode }),
    ]);

    const applied = await confirm(second.id, { reason: 'Cập nhật thu nhập theo số liệu thống kê' });
    expect(applied.status).toBe(200);
    expect(await income(second.unitCode, year)).toEqual([77.7]);
    const tagged = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity'])
      .where('change_set_id', '=', second.id)
      .execute();
    expect(tagged.map((a) => `${a.entity}:${a.action}`).sort()).toEqual([
      'change_set:import',
      'measure_value:update',
    ]);
    expect((await confirm(second.id)).status).toBe(409);

    const revert = await t.inject({
      method: 'POST',
      url: `/api/excel/imports/${second.id}/revert`,
      payload: {},
    });
    expect(revert.statusCode).toBe(200);
    expect((revert.json() as { status: string }).status).toBe('reverted');
    expect(await income(second.unitCode, year)).toEqual([45.5]);

    const revertFirst = await t.inject({ method: 'POST', url: `/api/excel/imports/${first.id}/revert` });
    expect(revertFirst.statusCode).toBe(200);
    expect(await income(first.unitCode, year)).toEqual([]);

    // A value whose creation was reverted can be entered again, with a fresh history.
    const again = await importIncome(year, '45,5');
    expect((await confirm(again.id)).status).toBe(200);
    expect(await income(again.unitCode, year)).toEqual([45.5]);
  });

  it('refuses to confirm when a value changed after the preview, and writes nothing', async () => {
    const year = 2016;
    const first = await importIncome(year, '40', 1);
    expect((await confirm(first.id)).status).toBe(200);
    const second = await importIncome(year, '66,6', 1);
    const put = await t.inject({
      method: 'PUT',
      url: '/api/values',
      payload: {
        values: [
          { unitId: await unitIdOf(first.unitCode, year), year, measure: 'income_per_capita', value: 55.5 },
        ],
      },
    });
    expect(put.statusCode).toBe(200);
    const before = await countWrites(t.database.db);
    const refused = await confirm(second.id);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('đã được sửa sau khi bạn xem trước');
    expect(await countWrites(t.database.db)).toEqual(before);

    const revertFirst = await t.inject({ method: 'POST', url: `/api/excel/imports/${first.id}/revert` });
    expect(revertFirst.statusCode).toBe(409);
    expect(await income(first.unitCode, year)).toEqual([55.5]);
  });

  it('does not revert values that moved on in the workflow since the import', async () => {
    const year = 2016;
    const imported = await importIncome(year, '42', 3);
    expect((await confirm(imported.id)).status).toBe(200);
    await t.database.db
      .updateTable('measure_values')
      .set({ status: 'submitted' })
      .where('unit_id', '=', await unitIdOf(imported.unitCode, year))
      .where('year', '=', year)
      .where('measure_code', '=', 'income_per_capita')
      .execute();
    const refused = await t.inject({ method: 'POST', url: `/api/excel/imports/${imported.id}/revert` });
    expect(refused.statusCode).toBe(409);
    expect((refused.json() as { detail: string }).detail).toContain('chuyển bước duyệt');
    expect(await income(imported.unitCode, year)).toEqual([42]);
  });

  it('changes an approved value only as a correction with a reason', async () => {
    const year = 2020;
    const attempt = await importIncome(year, '99,9', 2);
    const summary = (await t.inject({ method: 'GET', url: `/api/excel/imports/${attempt.id}` })).json();
    expect(summary).toMatchObject({ changedCount: 1, approvedChanges: 1, problemCount: 0 });
    const before = await countWrites(t.database.db);
    const refused = await confirm(attempt.id);
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('đính chính');
    expect(await countWrites(t.database.db)).toEqual(before);
    const corrected = await confirm(attempt.id, {
      correction: true,
      reason: 'Đính chính theo báo cáo thống kê năm 2020',
    });
    expect(corrected.status).toBe(200);
    expect(await income(attempt.unitCode, year)).toEqual([99.9]);
  });

  it('lists every problem, refuses the whole file, and with "only valid rows" writes the rest and records it', async () => {
    const year = 2018;
    const file = await filledTemplate(year, (grid) => {
      const [a, b, c] = grid.rows as { row: number }[];
      grid.sheet.getRow(a?.row as number).getCell(columnOf(grid, '10')).value = '45,5';
      grid.sheet.getRow(b?.row as number).getCell(columnOf(grid, '10')).value = '1.234';
      grid.sheet.getRow(b?.row as number).getCell(columnOf(grid, '11')).value = 'nhiều';
      grid.sheet.getRow(c?.row as number).getCell(columnOf(grid, '17.1a')).value = {
        formula: 'AB9*2',
      } as never;
    });
    const preview = await upload(t.inject, file);
    expect(preview.status).toBe(201);
    expect(preview.body.problemCount).toBe(3);
    expect(preview.body.invalidRows).toBe(2);
    const reasons = preview.body.problems.map(
      (p) => `${p.sheet}!${p.column}${p.row} ${p.header} [${p.value}] ${p.message}`,
    );
    expect(reasons).toEqual([
      expect.stringMatching(/^Số liệu!\w+9 10 \[1\.234\] .*không rõ/),
      expect.stringMatching(/^Số liệu!\w+9 11 \[nhiều\] .*không phải là số/),
      expect.stringMatching(/^Số liệu!\w+10 17\.1a \[=AB9\*2\] .*công thức/),
    ]);

    const before = await countWrites(t.database.db);
    const refused = await confirm(preview.body.id);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('validation_failed');
    expect(await countWrites(t.database.db)).toEqual(before);

    const partial = await confirm(preview.body.id, { onlyValidRows: true });
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ status: 'applied', onlyValidRows: true, newCount: 1 });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['after_json', 'reason'])
      .where('entity', '=', 'change_set')
      .where('entity_id', '=', preview.body.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json ?? '{}')).toMatchObject({ onlyValidRows: true, invalidRows: 2 });
    expect(audit.reason).toContain('chỉ các dòng hợp lệ');
  });

  it('reads a list-shaped sheet typed by hand, and names each refused cell', async () => {
    const { listWorkbook } = await import('./excel-files');
    const district = await t.database.db
      .selectFrom('units')
      .select('code')
      .where('parent_id', '=', areas.districts[5] as string)
      .where('kind', '=', 'xa')
      .orderBy('code')
      .execute();
    const [a, b] = district.map((d) => d.code);
    const file = await listWorkbook([
      [a, '10', 2019, '6,2'],
      [a, '11', '2019', '4.5%'],
      [a, '1.1', 2019, 'Ðạt'],
      [a, '1.2', 2019, ' x '],
      [b, '10', 2015, '1.234'],
      [b, '99.9', 2015, '5'],
      ['00000', '10', 2015, '5'],
      [b, '10', 2015, '12,5'],
    ]);
    const preview = await upload(t.inject, file, {
      query: 'criteriaSetId=demo-2016-2020-commune-standard',
    });
    expect(preview.status).toBe(201);
    expect(preview.body.format).toBe('list');
    expect(preview.body.problems.map((p) => [p.row, p.column, p.value])).toEqual([
      [6, 'D', '1.234'],
      [7, 'B', '99.9'],
      [8, 'A', '00000'],
    ]);
    expect(preview.body.newCount + preview.body.changedCount + preview.body.unchangedCount).toBe(5);
  });
});

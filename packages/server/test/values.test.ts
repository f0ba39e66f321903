import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testDialect } from './harness';

let t: TestApp;
let communeId: string;

interface Problem {
  code: string;
  detail: string;
  rows: { row: number; field: string; message: string }[];
}

async function countRows(table: 'measure_values' | 'audit_log'): Promise<number> {
  const row = await t.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function put(body: unknown) {
  const response = await t.inject({ method: 'PUT', url: '/api/values', payload: body as object });
  return { status: response.statusCode, body: response.json() as Problem & { written: number } };
}

async function income(year: number): Promise<unknown> {
  const response = await t.inject({ method: 'GET', url: `/api/units/${communeId}/values?year=${year}` });
  const body = response.json() as { values: { measure: string; value: unknown }[] };
  return body.values.find((v) => v.measure === 'income_per_capita')?.value;
}

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const row = await t.database.db
    .selectFrom('units')
    .select('id')
    .where('level', '=', 'commune')
    .where('kind', '=', 'xa')
    .where('valid_to', '=', '2025-06-30')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  communeId = row.id;
});
afterAll(async () => {
  await t.close();
});

describe(`bulk value write on ${testDialect}`, () => {
  it('rejects a batch with one bad row, names the row, and writes nothing', async () => {
    const valuesBefore = await countRows('measure_values');
    const auditBefore = await countRows('audit_log');
    const incomeBefore = await income(2021);
    const result = await put({
      values: [
        { unitId: communeId, year: 2021, measure: 'income_per_capita', value: 99 },
        { unitId: communeId, year: 2021, measure: 'multidimensional_poverty_rate', value: 140 },
        {
          unitId: communeId,
          year: 2021,
          criteriaSetId: 'demo-2016-2020-commune-standard',
          indicator: '4.2',
          value: 99.5,
        },
      ],
    });
    expect(result.status).toBe(422);
    expect(result.body.code).toBe('validation_failed');
    expect(result.body.rows).toHaveLength(1);
    expect(result.body.rows[0]).toMatchObject({ row: 1, field: 'value' });
    expect(result.body.rows[0]?.message).toContain('không quá 100');
    expect(await countRows('measure_values')).toBe(valuesBefore);
    expect(await countRows('audit_log')).toBe(auditBefore);
    expect(await income(2021)).toEqual(incomeBefore);
  });

  it('reports every kind of bad row at once', async () => {
    const result = await put({
      values: [
        { unitId: 'khong-co', year: 2021, measure: 'income_per_capita', value: 50 },
        { unitId: communeId, year: 2021, measure: 'khong_co_dai_luong', value: 50 },
        { unitId: communeId, year: 2021, measure: 'income_per_capita', value: 'năm mươi' },
        {
          unitId: communeId,
          year: 2021,
          criteriaSetId: 'demo-2016-2020-commune-standard',
          indicator: '99.9',
          value: 1,
        },
        { unitId: communeId, year: 2030, measure: 'income_per_capita', value: 50 },
        { unitId: communeId, year: 2021, measure: 'income_per_capita', value: 51 },
        { unitId: communeId, year: 2021, measure: 'income_per_capita', value: 52 },
      ],
    });
    expect(result.status).toBe(422);
    const rows = result.body.rows.map((r) => `${r.row}:${r.field}`);
    // rows 5 and 6 repeat the key of row 2 (same commune, year and measure)
    expect(rows).toEqual([
      '0:unitId',
      '1:measure',
      '2:value',
      '3:indicator',
      '4:year',
      '5:measure',
      '6:measure',
    ]);
    for (const problem of result.body.rows) expect(problem.message.length).toBeGreaterThan(5);
  });

  it('rejects a malformed body with 422 before any service runs', async () => {
    const result = await put({ values: [{ unitId: communeId, year: 'hai nghìn', value: 1 }] });
    expect(result.status).toBe(422);
    expect(result.body.rows.length).toBeGreaterThan(0);
    const empty = await put({ values: [] });
    expect(empty.status).toBe(422);
  });

  it('writes a valid batch in one transaction, audits it, and the evaluation reflects it at once', async () => {
    const auditBefore = await countRows('audit_log');
    const before = await t.inject({ method: 'GET', url: `/api/units/${communeId}/evaluation?year=2021` });
    const incomeIndicator = (body: unknown) =>
      (
        body as {
          evaluation: {
            criteria: { indicators: { measure: string | null; value: unknown; outcome: string }[] }[];
          };
        }
      ).evaluation.criteria
        .flatMap((c) => c.indicators)
        .find((i) => i.measure === 'income_per_capita');
    expect(incomeIndicator(before.json())).toBeDefined();

    const result = await put({
      values: [
        { unitId: communeId, year: 2021, measure: 'income_per_capita', value: 12.5, source: 'Kiểm thử' },
        {
          unitId: communeId,
          year: 2021,
          criteriaSetId: 'demo-2016-2020-commune-standard',
          indicator: '4.2',
          value: 99.5,
        },
      ],
      reason: 'kiểm thử ghi hàng loạt',
      // The demo's 2021 figures are approved: changing them is a correction.
      correction: true,
    });
    expect(result.status).toBe(200);
    expect(result.body.written).toBe(2);
    expect(await income(2021)).toBe(12.5);
    expect(await countRows('audit_log')).toBe(auditBefore + 2);

    const after = await t.inject({ method: 'GET', url: `/api/units/${communeId}/evaluation?year=2021` });
    const indicator = incomeIndicator(after.json());
    expect(indicator?.value).toBe(12.5);
    expect(indicator?.outcome).toBe('not_met');

    const again = await put({
      values: [
        { unitId: communeId, year: 2021, measure: 'income_per_capita', value: 12.5, source: 'Kiểm thử' },
      ],
    });
    expect(again.body).toMatchObject({ written: 0, unchanged: 1 });
  });
});

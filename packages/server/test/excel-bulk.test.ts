import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INSERT_ROWS } from '../src/db/bulk-rows';
import { type ImportSummaryBody, listWorkbook, upload } from './excel-files';
import { createTestApp, type TestApp } from './harness';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ seed: true });
});

afterAll(async () => {
  await t.close();
});

const YEARS = [2016, 2017, 2018, 2019, 2020];
/** Four indicators typed as plain numbers, with two decimals so that none equals a demo value. */
const INDICATORS = [
  { code: '10', measure: 'income_per_capita', value: (i: number) => 30.01 + (i % 97) / 10 },
  { code: '11', measure: 'multidimensional_poverty_rate', value: (i: number) => 1.01 + (i % 89) / 10 },
  { code: '12', measure: 'employment_rate_working_age', value: (i: number) => 80.01 + (i % 83) / 10 },
  { code: '15.1', measure: 'health_insurance_coverage', value: (i: number) => 85.01 + (i % 79) / 10 },
];

async function storedByKey(unitIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await t.database.db
    .selectFrom('measure_values')
    .select(['unit_id', 'year', 'measure_code', 'value_json'])
    .where('unit_id', 'in', unitIds)
    .where('year', 'in', YEARS)
    .where(
      'measure_code',
      'in',
      INDICATORS.map((i) => i.measure),
    )
    .execute();
  return new Map(rows.map((r) => [`${r.unit_id}|${r.year}|${r.measure_code}`, r.value_json]));
}

async function post(url: string, payload: object = {}) {
  const response = await t.inject({ method: 'POST', url, payload });
  return { status: response.statusCode, body: response.json() as ImportSummaryBody };
}

/** Every commune of 2016–2020 × those years × the four indicators, each value shifted by `shift`. */
async function importAll(shift: number) {
  const communes = await t.database.db
    .selectFrom('units')
    .select(['id', 'code'])
    .where('kind', '=', 'xa')
    .where('valid_from', '<=', `${YEARS[0]}-01-01`)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', `${YEARS.at(-1)}-12-31`)]))
    .orderBy('code')
    .execute();
  const rows: unknown[][] = [];
  const expected = new Map<string, string>();
  for (const commune of communes) {
    for (const year of YEARS) {
      for (const indicator of INDICATORS) {
        const value = Math.round((indicator.value(rows.length) + shift) * 100) / 100;
        rows.push([commune.code, indicator.code, year, value]);
        expected.set(`${commune.id}|${year}|${indicator.measure}`, JSON.stringify(value));
      }
    }
  }
  const preview = await upload(t.inject, await listWorkbook(rows), {
    query: 'criteriaSetId=demo-2016-2020-commune-standard',
  });
  expect(preview.status).toBe(201);
  expect(preview.body.problems).toEqual([]);
  // The demo's older years are approved: changing them is a correction, with its reason.
  const applied = await post(`/api/excel/imports/${preview.body.id}/confirm`, {
    correction: true,
    reason: 'Đính chính số liệu theo báo cáo thống kê',
  });
  expect(applied.status).toBe(200);
  return { id: preview.body.id, applied: applied.body, rows, expected, unitIds: communes.map((c) => c.id) };
}

describe('an import larger than one statement', () => {
  it('writes every value, audits and versions each, and reverts them all, across statement boundaries', async () => {
    const first = await importAll(0);
    const before = await storedByKey(first.unitIds);
    const second = await importAll(0.5);
    // Every value changes, more than one insert, one key lookup or one history lookup takes.
    expect([second.applied.changedCount, second.applied.newCount]).toEqual([second.rows.length, 0]);
    expect(second.rows.length).toBeGreaterThan(INSERT_ROWS);
    const after = await storedByKey(second.unitIds);
    expect([...second.expected].filter(([key, value]) => after.get(key) !== value)).toEqual([]);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['entity', 'action', (eb) => eb.fn.countAll<number>().as('n')])
      .where('change_set_id', '=', second.id)
      .groupBy(['entity', 'action'])
      .orderBy('entity')
      .execute();
    expect(audit.map((a) => [a.entity, a.action, Number(a.n)])).toEqual([
      ['change_set', 'import', 1],
      ['measure_value', 'update', second.rows.length],
    ]);
    // Every value's history ends with the version it now has, holding what it now holds.
    const history = await t.database.db
      .selectFrom('measure_value_versions as h')
      .innerJoin('measure_values as v', (join) =>
        join
          .onRef('v.unit_id', '=', 'h.unit_id')
          .onRef('v.year', '=', 'h.year')
          .onRef('v.measure_code', '=', 'h.measure_code')
          .onRef('v.version', '=', 'h.version'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('h.unit_id', 'in', second.unitIds)
      .where('h.year', 'in', YEARS)
      .where('h.action', '=', 'update')
      .where('h.at', '=', sql<string>`v.updated_at`)
      .where('h.value_json', '=', sql<string>`v.value_json`)
      .executeTakeFirstOrThrow();
    expect(Number(history.n)).toBe(second.rows.length);

    const reverted = await post(`/api/excel/imports/${second.id}/revert`);
    expect(reverted.status).toBe(200);
    expect([...(await storedByKey(second.unitIds))].sort()).toEqual([...before].sort());
  });
});

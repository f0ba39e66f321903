import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitTrendResponse } from '../src/contract/trend';
import { createTestApp, type TestApp, testDialect } from './harness';

let t: TestApp;
let communeId: string;

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

async function trend(query: string) {
  const response = await t.inject({ method: 'GET', url: `/api/units/${communeId}/trend?${query}` });
  return { status: response.statusCode, body: response.json() as UnitTrendResponse & { code?: string } };
}

describe(`unit trend on ${testDialect}`, () => {
  it('evaluates each year under the set of that year and explains the years it cannot', async () => {
    const { status, body } = await trend('fromYear=2019&toYear=2026');
    expect(status).toBe(200);
    expect(body.years.map((y) => y.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    const [y2019, , y2021, y2022] = body.years;
    expect(y2019?.criteriaSetId).toBe('demo-2016-2020-commune-standard');
    expect(y2021?.criteriaTotal).toBe(19);
    expect(y2021?.indicators.length).toBeGreaterThan(40);
    expect(y2022?.unavailable).toContain('chưa đủ ngưỡng');
    expect(body.years.at(-1)?.unavailable).toContain('không tồn tại trong năm 2026');
  });

  it('shows a value written a moment ago', async () => {
    const put = await t.inject({
      method: 'PUT',
      url: '/api/values',
      payload: {
        values: [{ unitId: communeId, year: 2020, measure: 'income_per_capita', value: 7.25 }],
        // 2020 demo values are approved, so changing one is a correction with a reason.
        correction: true,
        reason: 'Kiểm thử diễn biến',
      },
    });
    expect(put.statusCode).toBe(200);
    const { body } = await trend('fromYear=2020&toYear=2020');
    expect(body.years[0]?.indicators.find((i) => i.code === '10')).toMatchObject({
      value: 7.25,
      outcome: 'not_met',
    });
  });

  it('rejects a reversed or too long range, and an unknown unit', async () => {
    expect((await trend('fromYear=2021&toYear=2019')).status).toBe(422);
    expect((await trend('fromYear=2000&toYear=2040')).status).toBe(422);
    const unknown = await t.inject({
      method: 'GET',
      url: '/api/units/khong-co/trend?fromYear=2019&toYear=2021',
    });
    expect(unknown.statusCode).toBe(404);
  });
});

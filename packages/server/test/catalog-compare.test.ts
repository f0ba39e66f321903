import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CriteriaSetComparisonResponse } from '../src/contract/catalog-compare';
import { createTestApp, type TestApp, testDialect } from './harness';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ seed: false });
});
afterAll(async () => {
  await t.close();
});

async function compare(from: string, to: string) {
  const response = await t.inject({
    method: 'GET',
    url: `/api/criteria-sets/${from}/comparison?with=${encodeURIComponent(to)}`,
  });
  return { status: response.statusCode, body: response.json() as CriteriaSetComparisonResponse };
}

describe(`criteria set comparison on ${testDialect}`, () => {
  it('lists the thresholds the demo advanced set raises, with both legal bases', async () => {
    const { status, body } = await compare(
      'demo-2016-2020-commune-standard',
      'demo-2016-2020-commune-advanced',
    );
    expect(status).toBe(200);
    expect(body.from.legalBasis.number).toBe('01/2017/QĐ-UBND (DEMO)');
    expect(body.to.tier).toBe('advanced');
    const income = body.comparison.criteria.find((c) => c.number === '10')?.indicators[0];
    const general = income?.thresholds.find((th) => th.when === null);
    expect([general?.before?.value, general?.after?.value, general?.change]).toEqual([45, 50, 'tightened']);
    expect(body.comparison.counts.thresholdsTightened).toBe(12);
  });

  it('reports renamed criteria between Decisions 1980 and 318 without inventing removed indicators', async () => {
    const { status, body } = await compare('vn-1980-commune-standard', 'vn-318-commune-standard');
    expect(status).toBe(200);
    const renamed = body.comparison.criteria
      .filter((c) => c.differences.includes('name'))
      .map((c) => c.number);
    expect(renamed).toEqual(['3', '11', '12', '13']);
    expect(body.comparison.counts.indicatorsRemoved).toBe(0);
  });

  it('answers an unknown set with 404 and sets of different levels with 400, in Vietnamese', async () => {
    const unknown = await t.inject({
      method: 'GET',
      url: '/api/criteria-sets/khong-co/comparison?with=vn-1980-commune-standard',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'criteria_set_not_found' });
    const levels = await t.inject({
      method: 'GET',
      url: '/api/criteria-sets/demo-village-standard/comparison?with=vn-1980-commune-standard',
    });
    expect(levels.statusCode).toBe(400);
    expect(levels.json().detail).toContain('Không so sánh được');
    const missing = await t.inject({
      method: 'GET',
      url: '/api/criteria-sets/vn-1980-commune-standard/comparison',
    });
    expect(missing.statusCode).toBe(422);
  });
});

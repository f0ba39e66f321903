import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testDialect } from './harness';

interface UnitSummary {
  id: string;
  code: string;
  name: string;
  level: string;
  kind: string;
  childCount: number;
  isDemo: boolean;
}

let t: TestApp;

async function get<T>(url: string): Promise<{ status: number; body: T; type: string }> {
  const response = await t.inject({ method: 'GET', url });
  return {
    status: response.statusCode,
    body: response.json() as T,
    type: String(response.headers['content-type']),
  };
}

async function firstRuralCommune(date: string): Promise<UnitSummary> {
  const roots = await get<{ units: UnitSummary[] }>(`/api/units?date=${date}`);
  const province = roots.body.units[0] as UnitSummary;
  const districts = await get<{ units: UnitSummary[] }>(`/api/units/${province.id}/children?date=${date}`);
  for (const district of districts.body.units) {
    const communes = await get<{ units: UnitSummary[] }>(`/api/units/${district.id}/children?date=${date}`);
    const commune = communes.body.units.find((u) => u.kind === 'xa');
    if (commune) return commune;
  }
  throw new Error('no rural commune in the demo province');
}

beforeAll(async () => {
  t = await createTestApp({ seed: true });
});
afterAll(async () => {
  await t.close();
});

describe(`units API on ${testDialect}`, () => {
  it('shows the three-level demo province in 2021 and the two-level one in 2026', async () => {
    const old = await get<{ units: UnitSummary[] }>('/api/units?date=2021-12-31');
    expect(old.status).toBe(200);
    expect(old.body.units).toHaveLength(1);
    const province2021 = old.body.units[0] as UnitSummary;
    expect(province2021.isDemo).toBe(true);
    const districts = await get<{ units: UnitSummary[] }>(
      `/api/units/${province2021.id}/children?date=2021-12-31`,
    );
    expect(districts.body.units.length).toBeGreaterThanOrEqual(8);
    expect(districts.body.units.every((u) => u.level === 'district')).toBe(true);

    const now = await get<{ units: UnitSummary[] }>('/api/units?date=2026-06-30');
    const province2026 = now.body.units[0] as UnitSummary;
    const communes = await get<{ units: UnitSummary[] }>(
      `/api/units/${province2026.id}/children?date=2026-06-30`,
    );
    expect(communes.body.units.length).toBeGreaterThan(20);
    expect(communes.body.units.every((u) => u.level === 'commune')).toBe(true);
  });

  it('links a merged commune to its predecessors', async () => {
    const now = await get<{ units: UnitSummary[] }>('/api/units?date=2026-06-30');
    const province = now.body.units[0] as UnitSummary;
    const communes = await get<{ units: UnitSummary[] }>(
      `/api/units/${province.id}/children?date=2026-06-30`,
    );
    const details = await Promise.all(
      communes.body.units.slice(0, 10).map((c) => get<{ predecessors: UnitSummary[] }>(`/api/units/${c.id}`)),
    );
    const merged = details.find((d) => d.body.predecessors.length >= 2);
    expect(merged?.body.predecessors.every((p) => p.level === 'commune')).toBe(true);
  });

  it('finds communes without diacritics and orders results', async () => {
    const commune = await firstRuralCommune('2021-12-31');
    const folded = commune.name
      .normalize('NFD')
      .replace(/\p{Diacritic}/gu, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .toLowerCase();
    const found = await get<{ units: UnitSummary[] }>(
      `/api/units/search?q=${encodeURIComponent(folded)}&date=2021-12-31`,
    );
    expect(found.status).toBe(200);
    expect(found.body.units.map((u) => u.id)).toContain(commune.id);
  });

  it('treats SQL metacharacters in a search as plain text', async () => {
    const found = await get<{ units: UnitSummary[] }>(
      `/api/units/search?q=${encodeURIComponent("x' OR 1=1 --")}`,
    );
    expect(found.status).toBe(200);
    expect(found.body.units).toEqual([]);
  });

  it('answers an unknown unit with a problem document', async () => {
    const missing = await get<{ code: string; detail: string }>('/api/units/khong-ton-tai');
    expect(missing.status).toBe(404);
    expect(missing.type).toContain('application/problem+json');
    expect(missing.body.code).toBe('unit_not_found');
    expect(missing.body.detail).toContain('Không tìm thấy');
  });

  it('rejects a malformed date with 422 and a Vietnamese message', async () => {
    const bad = await get<{ code: string; rows: { message: string }[] }>('/api/units?date=2021-13-45');
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('validation_failed');
  });
});

describe(`evaluation API on ${testDialect}`, () => {
  it('evaluates a seeded commune with every criterion, indicator, threshold source and gap', async () => {
    const commune = await firstRuralCommune('2021-12-31');
    const result = await get<{
      criteriaSet: { id: string; illustrative: boolean };
      evaluation: {
        criteriaTotal: number;
        criteriaMet: number;
        criteria: {
          number: string;
          outcome: string;
          indicators: {
            code: string;
            value: unknown;
            outcome: string;
            threshold: { source: { ref: string; verified: boolean }; illustrative: boolean } | null;
            gap: { sentence: string } | null;
          }[];
        }[];
      };
    }>(`/api/units/${commune.id}/evaluation?year=2021`);
    expect(result.status).toBe(200);
    const e = result.body.evaluation;
    expect(e.criteriaTotal).toBe(19);
    expect(e.criteria).toHaveLength(19);
    const indicators = e.criteria.flatMap((c) => c.indicators);
    expect(indicators.length).toBeGreaterThanOrEqual(49);
    expect(indicators.every((i) => i.threshold !== null)).toBe(true);
    expect(indicators.some((i) => i.threshold?.source.verified === true)).toBe(true);
    expect(indicators.some((i) => i.threshold?.illustrative === true)).toBe(true);
    const withData = indicators.filter((i) => i.outcome !== 'no_data');
    expect(withData.every((i) => typeof i.gap?.sentence === 'string' && i.gap.sentence.length > 0)).toBe(
      true,
    );
    expect(e.criteriaMet).toBe(e.criteria.filter((c) => c.outcome === 'met').length);
  });

  it('refuses to evaluate under an incomplete official set and lists what is missing', async () => {
    const commune = await firstRuralCommune('2021-12-31');
    const result = await get<{ code: string; problems: { indicator?: string }[] }>(
      `/api/units/${commune.id}/evaluation?year=2021&criteriaSetId=vn-1980-commune-standard`,
    );
    expect(result.status).toBe(422);
    expect(result.body.code).toBe('criteria_set_incomplete');
    expect(result.body.problems.length).toBeGreaterThan(0);
  });

  it('rolls up the province for 2021 with bands, criteria counts and an average', async () => {
    const roots = await get<{ units: UnitSummary[] }>('/api/units?date=2021-12-31');
    const province = roots.body.units[0] as UnitSummary;
    const result = await get<{
      rollup: {
        evaluatedCount: number;
        averageCriteriaMet: number;
        bands: { key: string; count: number }[];
        criteria: { metCount: number }[];
        tiers: { tier: string; recognisedCount: number }[];
      };
      communes: { criteriaMet: number }[];
    }>(`/api/units/${province.id}/rollup?year=2021`);
    expect(result.status).toBe(200);
    const r = result.body.rollup;
    expect(r.evaluatedCount).toBeGreaterThan(80);
    expect(r.bands.reduce((n, b) => n + b.count, 0)).toBe(r.evaluatedCount);
    expect(r.bands.filter((b) => b.count > 0).length).toBeGreaterThanOrEqual(3);
    expect(r.criteria).toHaveLength(19);
    const average = result.body.communes.reduce((n, c) => n + c.criteriaMet, 0) / result.body.communes.length;
    expect(r.averageCriteriaMet).toBeCloseTo(average, 6);
    expect(r.tiers.find((x) => x.tier === 'standard')?.recognisedCount).toBeGreaterThan(0);
  });

  it('sends a roll-up compressed to clients that take gzip, and the same JSON to those that do not', async () => {
    const roots = await get<{ units: UnitSummary[] }>('/api/units?date=2021-12-31');
    const url = `/api/units/${(roots.body.units[0] as UnitSummary).id}/rollup?year=2021`;
    const plain = await t.inject({ method: 'GET', url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['content-type']).toBe('application/json; charset=utf-8');
    const compressed = [];
    for (const acceptEncoding of ['gzip, deflate, br, zstd', 'br;q=1.0, gzip;q=0.8']) {
      const response = await t.inject({ method: 'GET', url, headers: { 'accept-encoding': acceptEncoding } });
      expect(response.headers['content-encoding']).toBe('gzip');
      expect(response.headers.vary).toContain('accept-encoding');
      expect(gunzipSync(response.rawPayload).toString()).toBe(plain.body);
      compressed.push(response.rawPayload.length);
    }
    expect(compressed[0]).toBeLessThan(plain.rawPayload.length / 4);
    const refused = await t.inject({ method: 'GET', url, headers: { 'accept-encoding': 'gzip;q=0, br' } });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(plain.body);
  });

  it('rolls up the 2026 two-level province under the illustrative 2026–2030 set', async () => {
    const roots = await get<{ units: UnitSummary[] }>('/api/units?date=2026-12-31');
    const province = roots.body.units[0] as UnitSummary;
    const result = await get<{
      criteriaSet: { id: string; illustrative: boolean };
      rollup: { criteria: unknown[] };
    }>(`/api/units/${province.id}/rollup?year=2026`);
    expect(result.status).toBe(200);
    expect(result.body.criteriaSet.illustrative).toBe(true);
    expect(result.body.rollup.criteria).toHaveLength(10);
  });

  it('computes the 2021 directive targets live from decisions', async () => {
    const result = await get<{
      directives: { number: string; isDemo: boolean }[];
      targets: { metric: string; target: number; actual: number | null }[];
    }>('/api/targets?year=2021');
    expect(result.status).toBe(200);
    expect(result.body.directives[0]?.number).toContain('06/CT-UBND');
    const byMetric = new Map(result.body.targets.map((x) => [x.metric, x]));
    expect(byMetric.get('communes_standard_new')?.target).toBe(8);
    expect(byMetric.get('communes_advanced_new')?.target).toBe(6);
    expect(byMetric.get('communes_model_new')?.target).toBe(2);
    expect(byMetric.get('model_residential_areas_new')?.target).toBe(4);
    expect(byMetric.get('scheme_villages_standard')?.target).toBe(29);
    for (const target of result.body.targets) expect(target.actual).not.toBeNull();
  });
});

describe(`catalog API on ${testDialect}`, () => {
  it('lists the criteria sets with their legal basis and evaluability', async () => {
    const result = await get<{
      criteriaSets: { id: string; evaluable: boolean; legalBasis: { number: string } }[];
    }>('/api/criteria-sets');
    const byId = new Map(result.body.criteriaSets.map((s) => [s.id, s]));
    expect(byId.get('vn-1980-commune-standard')?.legalBasis.number).toBe('1980/QĐ-TTg');
    expect(byId.get('vn-1980-commune-standard')?.evaluable).toBe(false);
    expect(byId.get('vn-51-2025-commune')?.evaluable).toBe(false);
    expect(byId.get('demo-2016-2020-commune-standard')?.evaluable).toBe(true);
  });

  it('serves the OpenAPI document', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/units/{id}/evaluation', '/api/units/{id}/rollup', '/api/values']),
    );
  });
});

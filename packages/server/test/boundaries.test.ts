import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoundariesResponse, BoundaryUploadResponse } from '../src/contract/boundaries';
import type { RollupResponse } from '../src/contract/evaluation';
import { createTestApp, type TestApp, testDialect } from './harness';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ seed: true });
});
afterAll(async () => {
  await t.close();
});

interface Problem {
  code: string;
  detail: string;
  rows?: { row: number; field: string; value: unknown; message: string }[];
}

async function get<T>(url: string) {
  const response = await t.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() as T };
}

async function upload<T>(body: unknown) {
  const response = await t.inject({ method: 'PUT', url: '/api/boundaries', payload: body as object });
  return { status: response.statusCode, body: response.json() as T };
}

const square = (lon: number, lat: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [lon, lat],
      [lon + 0.05, lat],
      [lon + 0.05, lat + 0.05],
      [lon, lat + 0.05],
      [lon, lat],
    ],
  ],
});

async function auditCount(): Promise<number> {
  const row = await t.database.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('entity', '=', 'unit_boundary')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe(`boundaries on ${testDialect}`, () => {
  it('serves the generated demo boundaries of each period with the outlines of the level above', async () => {
    const old = await get<BoundariesResponse>('/api/units/demo:old:DEMO/boundaries?date=2021-12-31');
    expect(old.status).toBe(200);
    expect(old.body.type).toBe('FeatureCollection');
    expect(old.body.features).toHaveLength(124);
    expect(old.body.missing).toEqual([]);
    expect(old.body.parentOutlines.map((f) => f.properties.level)).toEqual(Array(10).fill('district'));
    const first = old.body.features[0];
    expect(first?.properties).toMatchObject({ level: 'commune', source: 'demo', isDemo: true });
    expect(['Polygon', 'MultiPolygon']).toContain(first?.geometry.type);

    const now = await get<BoundariesResponse>('/api/units/demo:2025:DEMO/boundaries?date=2026-06-30');
    expect(now.body.features).toHaveLength(40);
    expect(now.body.parentOutlines.map((f) => f.properties.code)).toEqual(['DEMO']);
  });

  it('answers a clear error for a unit outside its dates or an unknown level', async () => {
    const early = await get<Problem>('/api/units/demo:2025:DEMO/boundaries?date=2021-12-31');
    expect(early.status).toBe(400);
    expect(early.body.detail).toBe('Tỉnh Demo (dữ liệu demo) không tồn tại vào ngày 31/12/2021.');
    const level = await get<Problem>('/api/units/demo:old:DEMO/boundaries?level=hamlet');
    expect(level.status).toBe(422);
    expect(level.body.code).toBe('validation_failed');
  });

  it('refuses a file with an unknown code, naming the feature, and stores nothing', async () => {
    const before = await get<BoundariesResponse>('/api/units/demo:old:99001/boundaries?date=2021-12-31');
    const audits = await auditCount();
    const { status, body } = await upload<Problem>({
      date: '2021-12-31',
      fileName: 'ranh-gioi.geojson',
      geojson: {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { code: '9900101' }, geometry: square(105, 19) },
          { type: 'Feature', properties: { code: '1234567' }, geometry: square(105.1, 19) },
        ],
      },
    });
    expect(status).toBe(422);
    expect(body.code).toBe('unknown_unit_codes');
    expect(body.detail).toContain(
      '1 mã không khớp đơn vị hành chính nào có hiệu lực ngày 31/12/2021: 1234567.',
    );
    expect(body.rows).toEqual([
      {
        row: 1,
        field: 'properties.code',
        value: '1234567',
        message: 'Đối tượng #2: mã 1234567 không khớp đơn vị hành chính nào có hiệu lực ngày 31/12/2021.',
      },
    ]);
    const after = await get<BoundariesResponse>('/api/units/demo:old:99001/boundaries?date=2021-12-31');
    expect(after.body).toEqual(before.body);
    expect(await auditCount()).toBe(audits);
  });

  it('stores the known codes when told to skip unknown ones, keeping the replaced geometry in the audit log', async () => {
    const previous = await get<BoundariesResponse>('/api/units/demo:old:99001/boundaries?date=2021-12-31');
    const { status, body } = await upload<BoundaryUploadResponse>({
      date: '2021-12-31',
      fileName: 'ranh-gioi.geojson',
      codeProperty: 'ma',
      ignoreUnknownCodes: true,
      geojson: {
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { ma: '9900101' }, geometry: square(105, 19) },
          { type: 'Feature', properties: { ma: '1234567' }, geometry: square(105.1, 19) },
        ],
      },
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      asOf: '2021-12-31',
      stored: 1,
      created: 0,
      replaced: 1,
      skipped: [{ row: 1, code: '1234567' }],
    });

    const after = await get<BoundariesResponse>('/api/units/demo:old:99001/boundaries?date=2021-12-31');
    const commune = after.body.features.find((f) => f.properties.code === '9900101');
    expect(commune?.geometry).toEqual(square(105, 19));
    expect(commune?.properties).toMatchObject({ source: 'ranh-gioi.geojson', isDemo: false });
    const entry = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'unit_boundary')
      .where('entity_id', '=', 'demo:old:9900101')
      .executeTakeFirstOrThrow();
    const replaced = previous.body.features.find((f) => f.properties.code === '9900101');
    expect(JSON.parse(entry.before_json ?? 'null')).toEqual(replaced?.geometry);
  });

  it('reports every unusable feature of a malformed file', async () => {
    const notCollection = await upload<Problem>({ date: '2021-12-31', geojson: { type: 'Topology' } });
    expect(notCollection.status).toBe(422);
    expect(notCollection.body.code).toBe('invalid_geojson');
    const { body } = await upload<Problem>({
      date: '2021-12-31',
      geojson: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { code: '9900102' },
            geometry: { type: 'LineString', coordinates: [] },
          },
          { type: 'Feature', properties: { code: '0000000' }, geometry: square(105, 19) },
        ],
      },
    });
    expect(body.code).toBe('invalid_geojson');
    expect(body.rows?.map((r) => r.row)).toEqual([0, 1]);
  });

  it('gives the heat map the tier each commune is recognised at', async () => {
    const { body } = await get<RollupResponse>('/api/units/demo:old:DEMO/rollup?year=2021');
    const count = (tier: string) => body.rollup.tiers.find((x) => x.tier === tier)?.recognisedCount;
    const tiers = body.communes.map((c) => c.recognisedTier);
    expect(tiers.filter((x) => x !== null)).toHaveLength(count('standard') ?? -1);
    expect(tiers.filter((x) => x === 'model')).toHaveLength(count('model') ?? -1);
  });
});

import { describe, expect, it } from 'vitest';
import { readGeoJsonFile } from './geojson-file';

describe('readGeoJsonFile', () => {
  it('reads a FeatureCollection (with a byte-order mark) and suggests the code property', () => {
    const text = `\uFEFF${JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { ten: 'Xã A', ma_xa: '00001' }, geometry: null }],
    })}`;
    const read = readGeoJsonFile('xa.geojson', text);
    expect(
      read.ok && [read.file.featureCount, read.file.propertyNames, read.file.suggestedCodeProperty],
    ).toEqual([1, ['ten', 'ma_xa'], 'ma_xa']);
  });

  it('tells a file that is not JSON from JSON that is not a FeatureCollection', () => {
    expect(readGeoJsonFile('bang.xlsx', 'PK\u0003\u0004…')).toEqual({ ok: false, reason: 'not_json' });
    expect(readGeoJsonFile('topo.json', '{"type":"Topology","objects":{}}')).toEqual({
      ok: false,
      reason: 'not_collection',
    });
  });
});

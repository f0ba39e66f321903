import { describe, expect, it } from 'vitest';
import type { Boundaries, BoundaryFeature } from '../../api/boundaries';
import { buildCommuneRow, buildRollup } from '../dashboard/test-builders';
import { mapModel, NOT_EVALUATED } from './map-model';

function feature(unitId: string): BoundaryFeature {
  return {
    type: 'Feature',
    id: unitId,
    properties: {
      unitId,
      code: unitId,
      name: unitId,
      kind: 'xa',
      level: 'commune',
      parentId: 'd-1',
      source: 'demo',
      isDemo: true,
    },
    geometry: { type: 'Polygon', coordinates: [] },
  };
}

const boundaries: Boundaries = {
  type: 'FeatureCollection',
  asOf: '2021-12-31',
  level: 'commune',
  features: [feature('a'), feature('b'), feature('ward')],
  parentOutlines: [],
  missing: [],
};
const rollup = buildRollup([
  buildCommuneRow({ unitId: 'a', criteriaMet: 3, recognisedTier: 'advanced' }),
  buildCommuneRow({ unitId: 'b', criteriaMet: 1, recognisedTier: null }),
]);
const labels = {
  notEvaluated: 'Không đánh giá',
  notRecognised: 'Chưa công nhận',
  tier: (t: string) => t,
  band: (b: { min: number; max: number }) => `${b.min}–${b.max}`,
};

describe('mapModel', () => {
  it('colours communes by criteria met with the standard bands, wards as not evaluated', () => {
    const model = mapModel(boundaries, rollup, 'criteria', labels);
    expect(model.data).toEqual([
      { name: 'a', value: 3 },
      { name: 'b', value: 1 },
      { name: 'ward', value: NOT_EVALUATED },
    ]);
    expect(model.pieces.map((p) => [p.label, p.min, p.max, p.value])).toEqual([
      ['3–3', 3, 3, undefined],
      ['0–2', 0, 2, undefined],
      ['Không đánh giá', undefined, undefined, NOT_EVALUATED],
    ]);
  });

  it('colours communes by their highest recognised tier', () => {
    const model = mapModel(boundaries, rollup, 'tier', labels);
    expect(model.data.map((d) => d.value)).toEqual([2, 0, NOT_EVALUATED]);
    expect(model.pieces.map((p) => [p.value, p.label])).toEqual([
      [3, 'model'],
      [2, 'advanced'],
      [1, 'standard'],
      [0, 'Chưa công nhận'],
      [NOT_EVALUATED, 'Không đánh giá'],
    ]);
  });
});

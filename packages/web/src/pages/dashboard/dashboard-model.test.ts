import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { closestCommunes, tierDistribution, trendSeries } from './dashboard-model';
import { buildCommuneRow, buildRollup } from './test-builders';

describe('tierDistribution', () => {
  it('counts each commune once, at its highest tier', () => {
    const communes = [
      buildCommuneRow({ unitId: 'a', recognisedTier: null }),
      buildCommuneRow({ unitId: 'b', recognisedTier: 'standard' }),
      buildCommuneRow({ unitId: 'c', recognisedTier: 'advanced' }),
      buildCommuneRow({ unitId: 'd', recognisedTier: 'advanced' }),
    ];
    expect(tierDistribution(communes)).toEqual([
      { tier: 'none', count: 1 },
      { tier: 'standard', count: 1 },
      { tier: 'advanced', count: 2 },
      { tier: 'model', count: 0 },
    ]);
  });
});

describe('closestCommunes', () => {
  it('names the communes of the ranking, their district and the criteria they still miss', () => {
    const rollup = buildRollup([
      buildCommuneRow({
        unitId: 'a',
        name: 'Xã Ấp Bắc',
        recognisedTier: null,
        criteriaMet: 2,
        outcomes: ['met', 'not_met', 'met'],
        totalNormalisedGap: 0.25,
      }),
      buildCommuneRow({ unitId: 'b', recognisedTier: 'standard' }),
      buildCommuneRow({
        unitId: 'c',
        name: 'Xã Cò Nòi',
        parentId: null,
        recognisedTier: null,
        criteriaMet: 1,
        outcomes: ['no_data', 'met', 'not_met'],
      }),
    ]);
    const rows = closestCommunes(rollup, new Map([['d-1', 'Huyện Sông Xanh']]));
    expect(
      rows.map((r) => [r.rank, r.name, r.districtName, r.criteriaMissing, r.missing, r.totalGap]),
    ).toEqual([
      [1, 'Xã Ấp Bắc', 'Huyện Sông Xanh', 1, ['2'], 0.25],
      [2, 'Xã Cò Nòi', null, 2, ['1', '3'], 0],
    ]);
  });
});

describe('trendSeries', () => {
  it('draws years with an evaluation and explains the others instead of drawing zeros', () => {
    const evaluated = buildRollup([buildCommuneRow({ recognisedTier: 'standard', criteriaMet: 2 })]);
    const empty = buildRollup([
      buildCommuneRow({ outcomes: ['no_data', 'no_data', 'no_data'], criteriaMet: 0 }),
    ]);
    const { points, gaps } = trendSeries(
      [
        { year: 2020, rollup: empty, error: null, isPending: false },
        { year: 2021, rollup: evaluated, error: null, isPending: false },
        {
          year: 2022,
          rollup: undefined,
          error: new ApiError(422, 'criteria_set_incomplete', 'Bộ tiêu chí chưa đủ ngưỡng.'),
          isPending: false,
        },
        { year: 2023, rollup: undefined, error: null, isPending: true },
      ],
      'Chưa có số liệu',
    );
    expect(points).toEqual([
      {
        year: 2021,
        averageCriteriaMet: 2,
        criteriaTotal: 3,
        setName: 'Bộ thử',
        recognised: { standard: 1, advanced: 0, model: 0 },
      },
    ]);
    expect(gaps).toEqual([
      { year: 2020, reason: 'Chưa có số liệu' },
      { year: 2022, reason: 'Bộ tiêu chí chưa đủ ngưỡng.' },
    ]);
  });
});

import type { UnitTrendResponse } from '@ntm/server/contract/trend';
import { describe, expect, it } from 'vitest';
import { indicatorSeries, sparklineGeometry, type TrendPoint } from './trend';

function year(y: number, indicators: UnitTrendResponse['years'][number]['indicators']) {
  return {
    year: y,
    criteriaSetId: 's',
    criteriaSetShortName: 'S',
    criteriaMet: 0,
    criteriaTotal: 1,
    criteriaNoData: 0,
    unavailable: null,
    criteria: [],
    indicators,
  };
}

describe('indicatorSeries', () => {
  it('takes one indicator across the years and marks years without an evaluation', () => {
    const trend: UnitTrendResponse = {
      unitId: 'x',
      tier: 'standard',
      years: [
        year(2019, [{ code: '11', value: 6.2, outcome: 'not_met' }]),
        year(2020, [{ code: '11', value: 4.1, outcome: 'met' }]),
        { ...year(2021, []), unavailable: 'Chưa có bộ tiêu chí', criteriaSetId: null },
      ],
    };
    expect(indicatorSeries(trend, '11')).toEqual([
      { year: 2019, value: 6.2, outcome: 'not_met' },
      { year: 2020, value: 4.1, outcome: 'met' },
      { year: 2021, value: null, outcome: null },
    ]);
  });
});

describe('sparklineGeometry', () => {
  const point = (value: TrendPoint['value'], outcome: TrendPoint['outcome'] = 'met'): TrendPoint => ({
    year: 2020,
    value,
    outcome,
  });

  it('puts the highest value at the top and breaks the line at a missing year', () => {
    const { dots, path } = sparklineGeometry([point(1), point(3), point(null, 'no_data'), point(2)], 66, 20);
    expect(dots.map((d) => d.y)).toEqual([17, 3, 10]);
    expect(path).toBe('M3,17L23,3M63,10');
  });

  it('draws a flat or yes/no series along the middle', () => {
    expect(sparklineGeometry([point(5), point(5)], 40, 20).dots.map((d) => d.y)).toEqual([10, 10]);
    const booleans = sparklineGeometry([point(true), point(false, 'not_met')], 40, 20);
    expect(booleans.dots.map((d) => [d.y, d.point.outcome])).toEqual([
      [10, 'met'],
      [10, 'not_met'],
    ]);
    expect(booleans.path).toBe('');
  });
});

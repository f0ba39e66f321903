import { describe, expect, it } from 'vitest';
import { bandOf, bandsFor } from './bands';

describe('bandsFor', () => {
  it('gives the standard bands for 19 criteria', () => {
    expect(bandsFor(19)).toEqual([
      { key: 'all', label: 'Đạt 19 tiêu chí', min: 19, max: 19 },
      { key: '15-18', label: 'Đạt 15–18 tiêu chí', min: 15, max: 18 },
      { key: '10-14', label: 'Đạt 10–14 tiêu chí', min: 10, max: 14 },
      { key: '5-9', label: 'Đạt 5–9 tiêu chí', min: 5, max: 9 },
      { key: 'lt5', label: 'Dưới 5 tiêu chí', min: 0, max: 4 },
    ]);
  });

  it('scales the bands for 10 criteria', () => {
    expect(bandsFor(10).map((band) => [band.key, band.label, band.min, band.max])).toEqual([
      ['all', 'Đạt 10 tiêu chí', 10, 10],
      ['8-9', 'Đạt 8–9 tiêu chí', 8, 9],
      ['5-7', 'Đạt 5–7 tiêu chí', 5, 7],
      ['3-4', 'Đạt 3–4 tiêu chí', 3, 4],
      ['lt3', 'Dưới 3 tiêu chí', 0, 2],
    ]);
  });

  it('drops empty bands for very small sets and rejects a non-positive size', () => {
    expect(bandsFor(1).map((band) => band.key)).toEqual(['all', '0']);
    expect(() => bandsFor(0)).toThrow(RangeError);
  });
});

describe('bandOf', () => {
  it.each([
    [19, 19, 'all'],
    [18, 19, '15-18'],
    [15, 19, '15-18'],
    [14, 19, '10-14'],
    [10, 19, '10-14'],
    [9, 19, '5-9'],
    [5, 19, '5-9'],
    [4, 19, 'lt5'],
    [0, 19, 'lt5'],
    [10, 10, 'all'],
    [9, 10, '8-9'],
    [8, 10, '8-9'],
    [7, 10, '5-7'],
    [5, 10, '5-7'],
    [4, 10, '3-4'],
    [3, 10, '3-4'],
    [2, 10, 'lt3'],
  ])('%d of %d criteria → %s', (met, total, key) => {
    expect(bandOf(met, total).key).toBe(key);
  });

  it('rejects a count outside the set', () => {
    expect(() => bandOf(20, 19)).toThrow(RangeError);
  });
});

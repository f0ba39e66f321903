import { describe, expect, it } from 'vitest';
import type { Measure } from '../catalog/schema';
import { buildCommune, buildMeasure, buildVillage } from '../testing/builders';
import type { Unit } from '../units/unit';
import { RollupTypeError, resolveUnitValues, rollUpMeasure } from './resolve';
import type { ObservedValue } from './value';

function parts(...entries: [ObservedValue | null, Partial<Unit>?][]) {
  return entries.map(([value, unit], i) => ({ value, unit: buildVillage({ id: `v-${i + 1}`, ...unit }) }));
}

const households = buildMeasure({ code: 'households', unit: 'hộ', rollup: { kind: 'sum' } });
const waterShare = buildMeasure({
  code: 'clean_water_share',
  unit: '%',
  valueType: 'percent',
  rollup: { kind: 'weighted_mean', weight: 'households' },
});
const hasPlan = buildMeasure({ code: 'has_plan', valueType: 'boolean', rollup: { kind: 'all' } });
const hasMarket = buildMeasure({ code: 'has_market', valueType: 'boolean', rollup: { kind: 'any' } });

describe('rollUpMeasure', () => {
  it('sums counts, and a missing part makes the sum unknown', () => {
    expect(rollUpMeasure(households, parts([120], [80]))).toBe(200);
    expect(rollUpMeasure(households, parts([120], [null]))).toBeNull();
    expect(rollUpMeasure(households, [])).toBeNull();
  });

  it('weights a rate by households', () => {
    const value = rollUpMeasure(waterShare, parts([90, { households: 300 }], [60, { households: 100 }]));
    expect(value).toBeCloseTo(82.5, 9);
  });

  it.each([
    ['population', { population: 3000 }, { population: 1000 }],
    ['area', { areaKm2: 3 }, { areaKm2: 1 }],
  ] as const)('weights by %s', (weight, first, second) => {
    const measure = buildMeasure({ rollup: { kind: 'weighted_mean', weight } });
    expect(rollUpMeasure(measure, parts([90, first], [60, second]))).toBeCloseTo(82.5, 9);
  });

  it('weights equally when asked to', () => {
    const measure = buildMeasure({ rollup: { kind: 'weighted_mean', weight: 'equal' } });
    expect(rollUpMeasure(measure, parts([90, { households: 300 }], [60, { households: 100 }]))).toBe(75);
  });

  it('leaves out parts lacking the weight, unless all lack it', () => {
    const oneLacks = parts([90, { households: 300 }], [60, { households: null }]);
    expect(rollUpMeasure(waterShare, oneLacks)).toBe(90);
    const allLack = parts([90, { households: null }], [60, { households: null }]);
    expect(rollUpMeasure(waterShare, allLack)).toBe(75);
  });

  it('needs every part for a mean and refuses a zero total weight', () => {
    expect(rollUpMeasure(waterShare, parts([90], [null]))).toBeNull();
    expect(rollUpMeasure(waterShare, parts([90, { households: 0 }], [60, { households: 0 }]))).toBeNull();
  });

  it('requires all parts for "all", with one "no" settling it', () => {
    expect(rollUpMeasure(hasPlan, parts([true], [true]))).toBe(true);
    expect(rollUpMeasure(hasPlan, parts([true], [false]))).toBe(false);
    expect(rollUpMeasure(hasPlan, parts([null], [false]))).toBe(false);
    expect(rollUpMeasure(hasPlan, parts([true], [null]))).toBeNull();
  });

  it('needs one part for "any", with one "yes" settling it', () => {
    expect(rollUpMeasure(hasMarket, parts([false], [true]))).toBe(true);
    expect(rollUpMeasure(hasMarket, parts([null], [true]))).toBe(true);
    expect(rollUpMeasure(hasMarket, parts([false], [false]))).toBe(false);
    expect(rollUpMeasure(hasMarket, parts([false], [null]))).toBeNull();
  });

  it('computes the share of parts whose other measure is true', () => {
    const measure = buildMeasure({
      code: 'villages_ntm_share',
      valueType: 'percent',
      rollup: { kind: 'share_true', ofMeasure: 'village_ntm' },
    });
    const villages = parts([null], [null], [null], [null]);
    const yes = (...flags: boolean[]) => new Map(flags.map((flag, i) => [`v-${i + 1}`, flag]));
    expect(rollUpMeasure(measure, villages, yes(true, false, true, true))).toBe(75);
    expect(rollUpMeasure(measure, villages, new Map([['v-1', true]]))).toBeNull();
    expect(rollUpMeasure(measure, parts([40]))).toBe(40);
    expect(rollUpMeasure(measure, parts([40], [60]))).toBeNull();
  });

  it('takes the minimum or maximum, of numbers or of levels', () => {
    expect(rollUpMeasure(buildMeasure({ rollup: { kind: 'min' } }), parts([3], [1], [2]))).toBe(1);
    expect(rollUpMeasure(buildMeasure({ rollup: { kind: 'max' } }), parts([3], [1], [2]))).toBe(3);
    const rating = buildMeasure({
      valueType: 'level',
      levels: ['Yếu', 'Khá', 'Tốt'],
      rollup: { kind: 'min' },
    });
    expect(rollUpMeasure(rating, parts(['Tốt'], ['Khá']))).toBe('Khá');
    expect(rollUpMeasure({ ...rating, rollup: { kind: 'max' } }, parts(['Yếu'], ['Khá']))).toBe('Khá');
    expect(rollUpMeasure(rating, parts(['Tốt'], [null]))).toBeNull();
  });

  it('passes a single part through under "none" and refuses to combine several', () => {
    const measure = buildMeasure({ rollup: { kind: 'none' } });
    expect(rollUpMeasure(measure, parts([7]))).toBe(7);
    expect(rollUpMeasure(measure, parts([7], [8]))).toBeNull();
  });

  it('throws on a value of the wrong type', () => {
    expect(() => rollUpMeasure(households, parts(['120'], [80]))).toThrow(RollupTypeError);
    expect(() => rollUpMeasure(hasPlan, parts([1]))).toThrow(RollupTypeError);
    const rating = buildMeasure({ valueType: 'level', levels: ['Khá'], rollup: { kind: 'min' } });
    expect(() => rollUpMeasure(rating, parts(['Xuất sắc']))).toThrow(RollupTypeError);
  });
});

describe('resolveUnitValues', () => {
  const villageNtm = buildMeasure({
    code: 'village_ntm',
    valueType: 'boolean',
    levelsObserved: ['village'],
    rollup: { kind: 'all' },
  });
  const villagesShare = buildMeasure({
    code: 'villages_ntm_share',
    valueType: 'percent',
    rollup: { kind: 'share_true', ofMeasure: 'village_ntm' },
  });
  const income = buildMeasure();
  const measures = new Map<string, Measure>(
    [households, waterShare, villageNtm, villagesShare, income].map((m) => [m.code, m]),
  );
  const values = (entries: Record<string, ObservedValue>) => new Map(Object.entries(entries));

  it('prefers own values, then rolls villages up to their commune', () => {
    const result = resolveUnitValues({
      unit: buildCommune(),
      year: 2022,
      own: values({ households: 999 }),
      children: [
        { unit: buildVillage({ id: 'v-1' }), values: values({ households: 120, village_ntm: true }) },
        { unit: buildVillage({ id: 'v-2' }), values: values({ households: 80, village_ntm: false }) },
        {
          unit: buildVillage({ id: 'v-old', validTo: '2020-12-31' }),
          values: values({ households: 5, village_ntm: false }),
        },
      ],
      predecessors: [],
      measures,
    });
    expect(Object.fromEntries(result.values)).toEqual({
      households: 999,
      village_ntm: false,
      villages_ntm_share: 50,
    });
    expect(Object.fromEntries(result.provenance)).toEqual({
      households: 'own',
      village_ntm: 'children',
      villages_ntm_share: 'children',
    });
  });

  it('carries the data of merged communes onto their successor for the years before the merger', () => {
    const a = buildCommune({ id: 'a', households: 300, population: 1000, validTo: '2025-06-30' });
    const b = buildCommune({ id: 'b', households: 100, population: 3000, validTo: '2025-06-30' });
    const gone = buildCommune({ id: 'gone', validTo: '2019-12-31' });
    const merged = buildCommune({ id: 'ab', predecessorIds: ['a', 'b', 'gone'], validFrom: '2025-07-01' });
    const result = resolveUnitValues({
      unit: merged,
      year: 2024,
      own: new Map(),
      children: [],
      predecessors: [
        { unit: a, values: values({ households: 300, clean_water_share: 90, income_per_capita: 40 }) },
        { unit: b, values: values({ households: 100, clean_water_share: 60, income_per_capita: 60 }) },
        { unit: gone, values: values({ households: 50 }) },
      ],
      measures,
    });
    expect(result.values.get('households')).toBe(400);
    expect(result.values.get('clean_water_share')).toBeCloseTo(82.5, 9);
    expect(result.values.get('income_per_capita')).toBeCloseTo(55, 9);
    expect(result.provenance.get('households')).toBe('predecessors');
    expect(result.values.has('villages_ntm_share')).toBe(false);
  });

  it('ignores predecessors that reported nothing that year', () => {
    const a = buildCommune({ id: 'a', validTo: '2025-06-30' });
    const b = buildCommune({ id: 'b', validTo: '2025-06-30' });
    const result = resolveUnitValues({
      unit: buildCommune({ id: 'ab', predecessorIds: ['a', 'b'] }),
      year: 2024,
      own: new Map(),
      children: [],
      predecessors: [
        { unit: a, values: values({ households: 300 }) },
        { unit: b, values: new Map() },
      ],
      measures,
    });
    expect(result.values.get('households')).toBe(300);
  });
});

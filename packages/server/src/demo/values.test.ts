import type { Measure, MeasureValue } from '@ntm/core';
import { evaluateUnit } from '@ntm/core';
import {
  buildCommune,
  buildCriterion,
  buildIndicator,
  buildMeasure,
  buildSet,
  buildThreshold,
} from '@ntm/core/testing';
import { describe, expect, it } from 'vitest';
import { createRandom } from './random';
import { generateUnitValues, type UnitYearPlan } from './values';

const income = buildMeasure({
  code: 'income',
  valueType: 'number',
  unit: 'triệu đồng/người/năm',
  min: 0,
  max: 1000,
});
const poverty = buildMeasure({ code: 'poverty', valueType: 'percent', unit: '%', min: 0, max: 100 });
const market = buildMeasure({ code: 'market', valueType: 'boolean', unit: '', rollup: { kind: 'any' } });
const roads = buildMeasure({ code: 'roads_km', valueType: 'number', unit: 'km', min: 0, max: 10000 });
const hardRoads = buildMeasure({
  code: 'hard_roads_km',
  valueType: 'number',
  unit: 'km',
  min: 0,
  max: 10000,
});
const measures = new Map<string, Measure>(
  [income, poverty, market, roads, hardRoads].map((m) => [m.code, m]),
);

function buildDemoSet() {
  return buildSet({
    criteria: [
      buildCriterion({
        number: '10',
        indicators: [
          buildIndicator({ code: '10', measure: 'income', thresholds: [buildThreshold({ value: 36 })] }),
        ],
      }),
      buildCriterion({
        number: '11',
        indicators: [
          buildIndicator({
            code: '11',
            measure: 'poverty',
            valueType: 'percent',
            comparator: 'lte',
            thresholds: [buildThreshold({ value: 5 })],
          }),
        ],
      }),
      buildCriterion({
        number: '7',
        indicators: [
          buildIndicator({
            code: '7',
            measure: 'market',
            valueType: 'boolean',
            comparator: 'is_true',
            thresholds: [buildThreshold({ value: true })],
          }),
        ],
      }),
      buildCriterion({
        number: '2',
        indicators: [
          buildIndicator({
            code: '2.2',
            measure: undefined,
            valueType: 'percent',
            derived: {
              op: 'mul',
              left: { op: 'div', left: { measure: 'hard_roads_km' }, right: { measure: 'roads_km' } },
              right: { const: 100 },
            },
            thresholds: [buildThreshold({ value: 70 })],
          }),
        ],
      }),
    ],
  });
}

function buildPlan(overrides: Partial<UnitYearPlan> = {}): UnitYearPlan {
  return { year: 2021, demands: [], quality: 0.7, missingRate: 0, status: 'approved', ...overrides };
}

function criteriaMet(values: MeasureValue[], year: number, set = buildDemoSet()) {
  const unit = buildCommune();
  const map = new Map(values.filter((v) => v.year === year).map((v) => [v.measureCode, v.value]));
  const result = evaluateUnit({ set, unit, year, values: map, recognitions: [], measures });
  return result.criteria.filter((c) => c.outcome === 'met').map((c) => c.number);
}

describe('generateUnitValues', () => {
  it('meets every criterion when nothing is to be missed', () => {
    const set = buildDemoSet();
    const values = generateUnitValues(
      buildCommune(),
      [buildPlan({ demands: [{ set, unmet: [] }] })],
      measures,
      createRandom('t'),
    );
    expect(criteriaMet(values, 2021, set).sort()).toEqual(['10', '11', '2', '7']);
  });

  it('misses exactly the criteria the plan names, on every kind of indicator', () => {
    const set = buildDemoSet();
    for (const missed of ['10', '11', '7', '2']) {
      const values = generateUnitValues(
        buildCommune(),
        [buildPlan({ demands: [{ set, unmet: [missed] }] })],
        measures,
        createRandom(`t-${missed}`),
      );
      expect(criteriaMet(values, 2021, set)).not.toContain(missed);
      expect(criteriaMet(values, 2021, set)).toHaveLength(3);
    }
  });

  it('improves a missed criterion into a met one and never worsens values over the years', () => {
    const set = buildDemoSet();
    const plans = [2019, 2020, 2021].map((year) =>
      buildPlan({
        year,
        quality: 0.5 + (year - 2019) * 0.1,
        demands: [{ set, unmet: year < 2021 ? ['10'] : [] }],
      }),
    );
    const values = generateUnitValues(buildCommune(), plans, measures, createRandom('trend'));
    const incomeByYear = values.filter((v) => v.measureCode === 'income').map((v) => v.value as number);
    expect(incomeByYear[0]).toBeLessThan(36);
    expect(incomeByYear[2]).toBeGreaterThanOrEqual(36);
    const povertyByYear = values.filter((v) => v.measureCode === 'poverty').map((v) => v.value as number);
    expect(povertyByYear[0]).toBeGreaterThanOrEqual(povertyByYear[1] ?? 0);
    expect(povertyByYear[1]).toBeGreaterThanOrEqual(povertyByYear[2] ?? 0);
  });

  it('drops only measures that feed a missed criterion', () => {
    const set = buildDemoSet();
    const values = generateUnitValues(
      buildCommune(),
      [buildPlan({ demands: [{ set, unmet: ['10'] }], missingRate: 1 })],
      measures,
      createRandom('missing'),
    );
    expect(values.map((v) => v.measureCode).sort()).toEqual([
      'hard_roads_km',
      'market',
      'poverty',
      'roads_km',
    ]);
  });

  it('is the same for the same random stream', () => {
    const set = buildDemoSet();
    const run = () =>
      generateUnitValues(
        buildCommune(),
        [buildPlan({ demands: [{ set, unmet: ['11'] }] })],
        measures,
        createRandom('x'),
      );
    expect(run()).toEqual(run());
  });
});

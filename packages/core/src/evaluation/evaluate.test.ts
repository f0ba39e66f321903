import { describe, expect, it } from 'vitest';
import type { CriteriaSet, Measure } from '../catalog/schema';
import {
  buildCommune,
  buildCriteria,
  buildCriterion,
  buildIndicator,
  buildMeasure,
  buildRecognition,
  buildRecognitionPrerequisite,
  buildSet,
  buildThreshold,
} from '../testing/builders';
import type { ObservedValue, Recognition } from '../values/value';
import { EvaluationTypeError } from './compare';
import { evaluateUnit } from './evaluate';

function evaluate(
  set: CriteriaSet,
  values: Record<string, ObservedValue>,
  overrides: { recognitions?: Recognition[]; measures?: Measure[]; year?: number } = {},
) {
  return evaluateUnit({
    set,
    unit: buildCommune(),
    year: overrides.year ?? 2022,
    values: new Map(Object.entries(values)),
    recognitions: overrides.recognitions ?? [],
    measures: new Map((overrides.measures ?? []).map((m) => [m.code, m])),
  });
}

const povertySet = buildSet({
  criteria: [
    buildCriterion({
      number: '11',
      name: 'Nghèo đa chiều',
      leadDepartment: 'labour',
      indicators: [
        buildIndicator({
          code: '11.1',
          name: 'Tỷ lệ hộ nghèo đa chiều',
          measure: 'poverty_rate',
          unit: '%',
          valueType: 'percent',
          comparator: 'lte',
          thresholds: [buildThreshold({ value: 5 })],
        }),
        buildIndicator({
          code: '11.2',
          name: 'Có kế hoạch giảm nghèo',
          measure: 'has_poverty_plan',
          unit: '',
          valueType: 'boolean',
          comparator: 'is_true',
          thresholds: [buildThreshold({ value: true })],
          leadDepartment: 'ethnic_affairs',
        }),
      ],
    }),
  ],
});

describe('evaluateUnit: indicators', () => {
  it('evaluates each indicator against its threshold with a gap', () => {
    const result = evaluate(povertySet, { poverty_rate: 6.2, has_poverty_plan: true });
    const [rate, plan] = result.criteria[0]?.indicators ?? [];
    expect(rate).toMatchObject({
      code: '11.1',
      measure: 'poverty_rate',
      value: 6.2,
      outcome: 'not_met',
      leadDepartment: 'labour',
      threshold: { value: 5, selectedBy: 'ngưỡng chung' },
      gap: { sentence: 'Tỷ lệ hộ nghèo đa chiều 6,2% — cao hơn ngưỡng 5% là 1,2 điểm %' },
    });
    expect(plan).toMatchObject({
      outcome: 'met',
      leadDepartment: 'ethnic_affairs',
      gap: { sentence: 'Đạt' },
    });
  });

  it('serialises the gap with its sentence, which is written on demand', () => {
    const result = evaluate(povertySet, { poverty_rate: 4, has_poverty_plan: false });
    const gaps = JSON.parse(JSON.stringify(result.criteria[0]?.indicators.map((i) => i.gap)));
    expect(gaps).toEqual([
      { amount: 1, unit: 'điểm %', sentence: 'Tỷ lệ hộ nghèo đa chiều 4% — đạt ngưỡng ≤ 5%', normalised: 0 },
      { amount: null, unit: '', sentence: 'Chưa đạt (yêu cầu: Đạt)', normalised: 1 },
    ]);
  });

  it('marks an indicator without a value as no data, with no gap', () => {
    const result = evaluate(povertySet, { has_poverty_plan: true });
    expect(result.criteria[0]?.indicators[0]).toMatchObject({ value: null, outcome: 'no_data', gap: null });
  });

  it('marks a value without an applicable threshold as no data', () => {
    const set = buildSet({
      criteria: [
        buildCriterion({
          indicators: [buildIndicator({ thresholds: [buildThreshold({ when: { regions: ['TN'] } })] })],
        }),
      ],
    });
    expect(evaluate(set, { income_per_capita: 60 }).criteria[0]?.indicators[0]).toMatchObject({
      outcome: 'no_data',
      threshold: null,
    });
  });

  it('uses the measure levels for level indicators', () => {
    const set = buildSet({
      criteria: [
        buildCriterion({
          indicators: [
            buildIndicator({
              measure: 'security_rating',
              valueType: 'level',
              comparator: 'level_gte',
              thresholds: [buildThreshold({ value: 'Khá' })],
            }),
          ],
        }),
      ],
    });
    const rating = buildMeasure({
      code: 'security_rating',
      valueType: 'level',
      levels: ['Yếu', 'Khá', 'Tốt'],
    });
    expect(evaluate(set, { security_rating: 'Tốt' }, { measures: [rating] }).criteria[0]?.outcome).toBe(
      'met',
    );
    expect(evaluate(set, { security_rating: 'Yếu' }, { measures: [rating] }).criteria[0]?.outcome).toBe(
      'not_met',
    );
  });

  it('reports the unit and indicator of a value of the wrong type', () => {
    try {
      evaluate(povertySet, { poverty_rate: '6,2', has_poverty_plan: true });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EvaluationTypeError);
      expect((error as EvaluationTypeError).context).toEqual({ unitId: 'c-1', indicatorCode: '11.1' });
    }
  });
});

describe('evaluateUnit: derived indicators', () => {
  const derivedSet = buildSet({
    criteria: [
      buildCriterion({
        indicators: [
          buildIndicator({
            code: 'share',
            name: 'Tỷ lệ hộ nghèo đa chiều',
            measure: undefined,
            unit: '%',
            valueType: 'percent',
            comparator: 'lte',
            // Listed before the indicator it reads: evaluation must order them itself.
            derived: { op: 'mul', left: { indicator: 'ratio' }, right: { const: 100 } },
            thresholds: [buildThreshold({ value: 5 })],
          }),
          buildIndicator({
            code: 'ratio',
            measure: undefined,
            unit: '',
            comparator: 'lte',
            derived: { op: 'div', left: { measure: 'poor_households' }, right: { measure: 'households' } },
            thresholds: [buildThreshold({ value: 1 })],
          }),
        ],
      }),
    ],
  });

  it('computes a derived indicator from measures and other indicators', () => {
    const result = evaluate(derivedSet, { poor_households: 20, households: 500 });
    expect(result.criteria[0]?.indicators.map((i) => [i.code, i.value, i.outcome])).toEqual([
      ['share', 4, 'met'],
      ['ratio', 0.04, 'met'],
    ]);
  });

  it('gives no data when an input is missing or the division is by zero', () => {
    expect(evaluate(derivedSet, { poor_households: 20 }).criteria[0]?.indicators[0]?.outcome).toBe('no_data');
    expect(
      evaluate(derivedSet, { poor_households: 0, households: 0 }).criteria[0]?.indicators.map((i) => i.value),
    ).toEqual([null, null]);
  });

  it('rejects a circular definition', () => {
    const circular = buildSet({
      criteria: [
        buildCriterion({
          indicators: [
            buildIndicator({ code: 'a', measure: undefined, derived: { indicator: 'b' } }),
            buildIndicator({ code: 'b', measure: undefined, derived: { indicator: 'a' } }),
          ],
        }),
      ],
    });
    expect(() => evaluate(circular, {})).toThrow(/vòng tròn/);
  });
});

describe('evaluateUnit: criteria', () => {
  it('is not met if any indicator is not met, even with missing data', () => {
    expect(evaluate(povertySet, { poverty_rate: 6.2 }).criteria[0]?.outcome).toBe('not_met');
  });

  it('is no data if nothing is unmet but something is missing', () => {
    expect(evaluate(povertySet, { poverty_rate: 3 }).criteria[0]?.outcome).toBe('no_data');
  });

  it('is met when every indicator is met', () => {
    const criterion = evaluate(povertySet, { poverty_rate: 3, has_poverty_plan: true }).criteria[0];
    expect(criterion).toMatchObject({
      outcome: 'met',
      indicatorsMet: 2,
      indicatorsTotal: 2,
      leadDepartment: 'labour',
    });
  });

  it('is no data without indicators', () => {
    const set = buildSet({ criteria: [buildCriterion({ indicators: [] })] });
    expect(evaluate(set, {}).criteria[0]?.outcome).toBe('no_data');
  });

  it('counts criteria met and missing, and assigns the band', () => {
    const set = buildSet({ criteria: buildCriteria(19) });
    const values: Record<string, number> = {};
    for (let i = 1; i <= 16; i++) values[`m${i}`] = 1;
    values.m17 = 0;
    const result = evaluate(set, values);
    expect(result).toMatchObject({
      unitId: 'c-1',
      year: 2022,
      criteriaSetId: 'test-set',
      criteriaSetVersion: 1,
      criteriaMet: 16,
      criteriaTotal: 19,
      criteriaNoData: 2,
      band: { key: '15-18' },
      eligibility: { tier: 'standard', allCriteriaMet: false, eligible: false },
    });
  });
});

describe('evaluateUnit: eligibility', () => {
  const advancedSet = buildSet({
    tier: 'advanced',
    criteria: buildCriteria(2),
    prerequisites: [buildRecognitionPrerequisite({ tier: 'standard' })],
  });
  const allMet = { m1: 1, m2: 1 };

  it('is eligible when all criteria are met and the prerequisite recognition is in force', () => {
    const result = evaluate(advancedSet, allMet, { recognitions: [buildRecognition()] });
    expect(result.eligibility).toEqual({
      tier: 'advanced',
      allCriteriaMet: true,
      unmetPrerequisites: [],
      manualConditions: [],
      eligible: true,
    });
  });

  it('ignores recognitions of other units', () => {
    const result = evaluate(advancedSet, allMet, { recognitions: [buildRecognition({ unitId: 'c-2' })] });
    expect(result.eligibility.eligible).toBe(false);
  });
});

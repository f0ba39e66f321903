import { describe, expect, it } from 'vitest';
import { assessEvaluability } from './completeness';
import type { CatalogProblem } from './problems';
import {
  buildContext,
  buildCriterion,
  buildDepartment,
  buildIndicator,
  buildMeasure,
  buildSet,
  buildThreshold,
} from './test-builders';
import { validateCriteriaSet, validateCriteriaSetJson } from './validate';

/** The problem with this code, checked to name the set, criterion and indicator it is about. */
function expectProblem(
  problems: CatalogProblem[],
  code: CatalogProblem['code'],
  where: { criterion?: string; indicator?: string } = {},
): CatalogProblem {
  const found = problems.find((p) => p.code === code);
  expect(found, `expected a "${code}" problem, got: ${problems.map((p) => p.code).join(', ')}`).toBeDefined();
  const problem = found as CatalogProblem;
  expect(problem.setId).toBe('test-set');
  expect(problem.message).toContain('Bộ tiêu chí "test-set"');
  if (where.criterion !== undefined) {
    expect(problem.criterion).toBe(where.criterion);
    expect(problem.message).toContain(`tiêu chí ${where.criterion}`);
  }
  if (where.indicator !== undefined) {
    expect(problem.indicator).toBe(where.indicator);
    expect(problem.message).toContain(`chỉ tiêu ${where.indicator}`);
  }
  return problem;
}

const roadMeasures = [
  buildMeasure({ code: 'road_km', name: 'Số km đường', unit: 'km', valueType: 'number', max: 10000 }),
  buildMeasure({
    code: 'road_paved_km',
    name: 'Số km đường đã cứng hóa',
    unit: 'km',
    valueType: 'number',
    max: 10000,
  }),
  buildMeasure({
    code: 'has_market',
    name: 'Có chợ',
    unit: '',
    valueType: 'boolean',
    rollup: { kind: 'any' },
  }),
];
const derivedShare = (overrides: Parameters<typeof buildIndicator>[0] = {}) =>
  buildIndicator({
    code: '2.2',
    measure: undefined,
    derived: {
      op: 'mul',
      left: { op: 'div', left: { measure: 'road_paved_km' }, right: { measure: 'road_km' } },
      right: { const: 100 },
    },
    comparator: 'gte',
    thresholds: [buildThreshold({ value: 70 })],
    ...overrides,
  });

describe('validateCriteriaSet', () => {
  it('finds nothing in a well-formed set', () => {
    expect(validateCriteriaSet(buildSet(), buildContext())).toEqual([]);
  });

  it('reports a duplicate criterion number', () => {
    const set = buildSet({
      criteria: [buildCriterion(), buildCriterion({ indicators: [buildIndicator({ code: '1.2' })] })],
    });
    expectProblem(validateCriteriaSet(set, buildContext()), 'duplicate_criterion', { criterion: '1' });
  });

  it('reports a duplicate indicator code, also across criteria', () => {
    const set = buildSet({ criteria: [buildCriterion(), buildCriterion({ number: '2' })] });
    expectProblem(validateCriteriaSet(set, buildContext()), 'duplicate_indicator', {
      criterion: '2',
      indicator: '1.1',
    });
  });

  it('reports an unknown measure', () => {
    const set = buildSet({
      criteria: [buildCriterion({ indicators: [buildIndicator({ measure: 'povrety' })] })],
    });
    const problem = expectProblem(validateCriteriaSet(set, buildContext()), 'unknown_measure', {
      criterion: '1',
      indicator: '1.1',
    });
    expect(problem.message).toContain('povrety');
  });

  it('reports an indicator whose value type differs from its measure', () => {
    const set = buildSet({
      criteria: [buildCriterion({ indicators: [buildIndicator({ valueType: 'number' })] })],
    });
    expectProblem(validateCriteriaSet(set, buildContext()), 'value_type_mismatch', {
      criterion: '1',
      indicator: '1.1',
    });
  });

  it('reports a comparator that does not fit the value type', () => {
    const indicator = buildIndicator({
      measure: 'has_market',
      valueType: 'boolean',
      comparator: 'gte',
      unit: '',
      thresholds: [buildThreshold({ value: true })],
    });
    const set = buildSet({ criteria: [buildCriterion({ indicators: [indicator] })] });
    const problem = expectProblem(
      validateCriteriaSet(set, buildContext({ measures: roadMeasures })),
      'comparator_mismatch',
      { criterion: '1', indicator: '1.1' },
    );
    expect(problem.message).toContain('"gte"');
  });

  it('reports a threshold value of the wrong type', () => {
    const set = buildSet({
      criteria: [
        buildCriterion({ indicators: [buildIndicator({ thresholds: [buildThreshold({ value: true })] })] }),
      ],
    });
    expectProblem(validateCriteriaSet(set, buildContext()), 'threshold_type_mismatch', {
      criterion: '1',
      indicator: '1.1',
    });
  });

  it('reports a level threshold that is not one of the measure levels', () => {
    const measure = buildMeasure({
      code: 'cooperative_rating',
      valueType: 'level',
      levels: ['yếu', 'trung bình', 'khá', 'tốt'],
      min: undefined,
      max: undefined,
      rollup: { kind: 'min' },
    });
    const indicator = buildIndicator({
      measure: 'cooperative_rating',
      valueType: 'level',
      comparator: 'level_gte',
      thresholds: [buildThreshold({ value: 'xuất sắc' })],
    });
    const set = buildSet({ criteria: [buildCriterion({ indicators: [indicator] })] });
    const problem = expectProblem(
      validateCriteriaSet(set, buildContext({ measures: [measure] })),
      'threshold_type_mismatch',
      { criterion: '1', indicator: '1.1' },
    );
    expect(problem.message).toContain('xuất sắc');
  });

  it('reports a threshold outside the bounds of its measure', () => {
    const set = buildSet({
      criteria: [
        buildCriterion({ indicators: [buildIndicator({ thresholds: [buildThreshold({ value: 120 })] })] }),
      ],
    });
    expectProblem(validateCriteriaSet(set, buildContext()), 'threshold_out_of_range', {
      criterion: '1',
      indicator: '1.1',
    });
  });

  it('reports two thresholds for the same units', () => {
    const thresholds = [buildThreshold({ value: 5 }), buildThreshold({ value: 4 })];
    const set = buildSet({ criteria: [buildCriterion({ indicators: [buildIndicator({ thresholds })] })] });
    expectProblem(validateCriteriaSet(set, buildContext()), 'duplicate_threshold', {
      criterion: '1',
      indicator: '1.1',
    });
  });

  it('reports a region condition in a commune-group set', () => {
    const thresholds = [buildThreshold(), buildThreshold({ value: 3, when: { regions: ['DBSH'] } })];
    const set = buildSet({
      thresholdDimension: 'commune_group',
      criteria: [buildCriterion({ indicators: [buildIndicator({ thresholds })] })],
    });
    const problem = expectProblem(validateCriteriaSet(set, buildContext()), 'condition_dimension_mismatch', {
      criterion: '1',
      indicator: '1.1',
    });
    expect(problem.message).toContain('vùng');
  });

  it('reports a commune-group condition in a region set', () => {
    const thresholds = [buildThreshold(), buildThreshold({ value: 3, when: { communeGroups: ['G1'] } })];
    const set = buildSet({
      thresholdDimension: 'region',
      criteria: [buildCriterion({ indicators: [buildIndicator({ thresholds })] })],
    });
    const problem = expectProblem(validateCriteriaSet(set, buildContext()), 'condition_dimension_mismatch', {
      criterion: '1',
      indicator: '1.1',
    });
    expect(problem.message).toContain('nhóm xã');
  });

  it('reports region overrides in a set without regions', () => {
    const set = buildSet({
      thresholdDimension: 'commune_group',
      regionOverrides: [
        { flags: ['especially_difficult'], useRegion: 'TDMNPB', source: { ref: 't', verified: false } },
      ],
    });
    expectProblem(validateCriteriaSet(set, buildContext()), 'condition_dimension_mismatch');
  });

  it('reports an unknown lead department of a criterion', () => {
    const set = buildSet({ criteria: [buildCriterion({ leadDepartment: 'labor' })] });
    const problem = expectProblem(validateCriteriaSet(set, buildContext()), 'unknown_department', {
      criterion: '1',
    });
    expect(problem.message).toContain('"labor"');
  });

  it('reports an unknown lead department of an indicator', () => {
    const set = buildSet({
      criteria: [buildCriterion({ indicators: [buildIndicator({ leadDepartment: 'healht' })] })],
    });
    expectProblem(validateCriteriaSet(set, buildContext()), 'unknown_department', {
      criterion: '1',
      indicator: '1.1',
    });
  });

  it('reports a lead department that had ceased to exist in the period of the set', () => {
    const merged = buildDepartment({ validTo: '2025-06-30', successor: 'home_affairs' });
    const set = buildSet({ period: { fromYear: 2026, toYear: 2030 } });
    const problem = expectProblem(
      validateCriteriaSet(set, buildContext({ departments: [merged] })),
      'department_not_in_period',
      { criterion: '1' },
    );
    expect(problem.message).toContain('2026–2030');
  });

  it('reports an indicator with neither measure nor formula', () => {
    const set = buildSet({
      criteria: [buildCriterion({ indicators: [buildIndicator({ measure: undefined })] })],
    });
    expectProblem(validateCriteriaSet(set, buildContext()), 'indicator_without_source', {
      criterion: '1',
      indicator: '1.1',
    });
  });

  it('accepts a derived indicator over known numeric measures', () => {
    const set = buildSet({ criteria: [buildCriterion({ indicators: [derivedShare()] })] });
    expect(validateCriteriaSet(set, buildContext({ measures: roadMeasures }))).toEqual([]);
  });

  it('reports a formula that references a missing measure', () => {
    const indicator = derivedShare({
      derived: { op: 'div', left: { measure: 'road_km' }, right: { measure: 'rood' } },
    });
    const set = buildSet({ criteria: [buildCriterion({ indicators: [indicator] })] });
    const problem = expectProblem(
      validateCriteriaSet(set, buildContext({ measures: roadMeasures })),
      'formula_unknown_reference',
      { criterion: '1', indicator: '2.2' },
    );
    expect(problem.message).toContain('"rood"');
  });

  it('reports a formula that references a missing indicator', () => {
    const indicator = derivedShare({
      derived: { op: 'mul', left: { indicator: '9.9' }, right: { const: 2 } },
    });
    const set = buildSet({ criteria: [buildCriterion({ indicators: [indicator] })] });
    const problem = expectProblem(
      validateCriteriaSet(set, buildContext({ measures: roadMeasures })),
      'formula_unknown_reference',
      { criterion: '1', indicator: '2.2' },
    );
    expect(problem.message).toContain('"9.9"');
  });

  it('reports a formula over a yes/no measure', () => {
    const indicator = derivedShare({
      derived: { op: 'mul', left: { measure: 'has_market' }, right: { const: 100 } },
    });
    const set = buildSet({ criteria: [buildCriterion({ indicators: [indicator] })] });
    expectProblem(validateCriteriaSet(set, buildContext({ measures: roadMeasures })), 'formula_non_numeric', {
      criterion: '1',
      indicator: '2.2',
    });
  });

  it('reports derived indicators that depend on each other', () => {
    const a = derivedShare({
      code: '2.2',
      derived: { op: 'add', left: { indicator: '2.3' }, right: { const: 1 } },
    });
    const b = derivedShare({
      code: '2.3',
      derived: { op: 'sub', left: { indicator: '2.2' }, right: { const: 1 } },
    });
    const set = buildSet({ criteria: [buildCriterion({ indicators: [a, b] })] });
    const problems = validateCriteriaSet(set, buildContext({ measures: roadMeasures }));
    const problem = expectProblem(problems, 'formula_cycle', { criterion: '1', indicator: '2.2' });
    expect(problem.message).toContain('2.2 → 2.3 → 2.2');
    expect(problems.filter((p) => p.code === 'formula_cycle').map((p) => p.indicator)).toEqual([
      '2.2',
      '2.3',
    ]);
  });

  it('reports a measure that cannot reach the level of the set', () => {
    const set = buildSet({ level: 'village', tier: 'village_standard' });
    const problem = expectProblem(validateCriteriaSet(set, buildContext()), 'measure_level_mismatch', {
      criterion: '1',
      indicator: '1.1',
    });
    expect(problem.message).toContain('"village"');
  });

  it('accepts a village measure that rolls up to a commune set', () => {
    const villageMeasure = buildMeasure({ levelsObserved: ['village'] });
    expect(validateCriteriaSet(buildSet(), buildContext({ measures: [villageMeasure] }))).toEqual([]);
  });

  it('reports a tier that does not belong to the level of the set', () => {
    const set = buildSet({ level: 'commune', tier: 'model_residential_area' });
    expectProblem(validateCriteriaSet(set, buildContext()), 'tier_level_mismatch');
  });

  it('reports a prerequisite tier that is not lower than the tier of the set', () => {
    const set = buildSet({
      tier: 'standard',
      prerequisites: [{ kind: 'recognition', tier: 'advanced', source: { ref: 't', verified: false } }],
    });
    const problem = expectProblem(validateCriteriaSet(set, buildContext()), 'prerequisite_tier_invalid');
    expect(problem.message).toContain('"advanced"');
  });

  it('reports a prerequisite from the other ladder of tiers', () => {
    const set = buildSet({
      level: 'village',
      tier: 'model_residential_area',
      prerequisites: [{ kind: 'recognition', tier: 'standard', source: { ref: 't', verified: false } }],
    });
    const ctx = buildContext({ measures: [buildMeasure({ levelsObserved: ['village'] })] });
    expectProblem(validateCriteriaSet(set, ctx), 'prerequisite_tier_invalid');
  });

  it('reports derivedFrom naming a set that does not exist', () => {
    const set = buildSet({ derivedFrom: 'vn-1981' });
    const problem = expectProblem(
      validateCriteriaSet(set, buildContext({ sets: [buildSet({ id: 'vn-1980' })] })),
      'unknown_derived_from',
    );
    expect(problem.message).toContain('"vn-1981"');
  });

  it('reports a criterion without indicators as a gap', () => {
    const set = buildSet({ criteria: [buildCriterion({ indicators: [] })] });
    const problem = expectProblem(validateCriteriaSet(set, buildContext()), 'criterion_without_indicators', {
      criterion: '1',
    });
    expect(problem.severity).toBe('gap');
  });

  it('reports the regions an indicator has no threshold for', () => {
    const thresholds = [
      buildThreshold({ when: { regions: ['DBSH', 'DNB'] } }),
      buildThreshold({ value: 8, when: { regions: ['TDMNPB', 'BTB', 'DHNTB'] } }),
      buildThreshold({ value: 9, when: { regions: ['TN', 'DBSCL'], flags: ['coastal'] } }),
    ];
    const set = buildSet({
      thresholdDimension: 'region',
      criteria: [buildCriterion({ indicators: [buildIndicator({ thresholds })] })],
    });
    const problem = expectProblem(validateCriteriaSet(set, buildContext()), 'indicator_without_threshold', {
      criterion: '1',
      indicator: '1.1',
    });
    expect(problem.severity).toBe('gap');
    expect(problem.message).toContain('vùng: Tây Nguyên, Đồng bằng sông Cửu Long');
  });

  it('reports the commune groups an indicator has no threshold for', () => {
    const thresholds = [buildThreshold({ when: { communeGroups: ['G1', 'G2'] } })];
    const set = buildSet({
      thresholdDimension: 'commune_group',
      criteria: [buildCriterion({ indicators: [buildIndicator({ thresholds })] })],
    });
    const problem = expectProblem(validateCriteriaSet(set, buildContext()), 'indicator_without_threshold', {
      criterion: '1',
      indicator: '1.1',
    });
    expect(problem.message).toContain('nhóm xã: Xã nhóm 3');
  });

  it('reports an indicator of a set without dimension that has no general threshold', () => {
    const thresholds = [buildThreshold({ when: { flags: ['border'] } })];
    const set = buildSet({ criteria: [buildCriterion({ indicators: [buildIndicator({ thresholds })] })] });
    const problem = expectProblem(validateCriteriaSet(set, buildContext()), 'indicator_without_threshold', {
      criterion: '1',
      indicator: '1.1',
    });
    expect(problem.message).toContain('chưa có ngưỡng');
  });
});

describe('validateCriteriaSetJson', () => {
  it('names the set, criterion and indicator of an unknown comparator', () => {
    const json = JSON.parse(JSON.stringify(buildSet()));
    json.criteria[0].indicators[0].comparator = 'at_least';
    const [problem, ...rest] = validateCriteriaSetJson(json, buildContext());
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      severity: 'error',
      code: 'schema_invalid',
      setId: 'test-set',
      criterion: '1',
      indicator: '1.1',
    });
    expect(problem?.message).toContain(
      'Bộ tiêu chí "test-set", tiêu chí 1, chỉ tiêu 1.1: trường "comparator"',
    );
  });

  it('names a threshold field by its position', () => {
    const json = JSON.parse(JSON.stringify(buildSet()));
    json.criteria[0].indicators[0].thresholds[0].when = { regions: ['MIEN_TAY'] };
    const [problem] = validateCriteriaSetJson(json, buildContext());
    expect(problem?.message).toContain('trường "thresholds[0].when.regions[0]"');
  });

  it('falls back to positions when a criterion has no number', () => {
    const json = JSON.parse(JSON.stringify(buildSet()));
    delete json.criteria[0].number;
    const [problem] = validateCriteriaSetJson(json, buildContext());
    expect(problem?.criterion).toBe('#1');
    expect(problem?.message).toContain('trường "number"');
  });

  it('runs the semantic checks once the shape is right', () => {
    const json = JSON.parse(
      JSON.stringify(buildSet({ criteria: [buildCriterion({ leadDepartment: 'nobody' })] })),
    );
    expect(validateCriteriaSetJson(json, buildContext()).map((p) => p.code)).toEqual(['unknown_department']);
  });
});

describe('assessEvaluability', () => {
  it('lets a set without problems evaluate', () => {
    expect(assessEvaluability(buildSet(), buildContext())).toEqual({ evaluable: true, problems: [] });
  });

  it('refuses a set with a gap and says what is missing', () => {
    const set = buildSet({
      criteria: [buildCriterion({ indicators: [buildIndicator({ thresholds: [] })] })],
    });
    const result = assessEvaluability(set, buildContext());
    expect(result.evaluable).toBe(false);
    expect(result.problems.map((p) => [p.code, p.indicator])).toEqual([
      ['indicator_without_threshold', '1.1'],
    ]);
  });

  it('refuses a set with an error even when nothing is missing', () => {
    const set = buildSet({ criteria: [buildCriterion({ leadDepartment: 'nobody' })] });
    expect(assessEvaluability(set, buildContext()).evaluable).toBe(false);
  });
});

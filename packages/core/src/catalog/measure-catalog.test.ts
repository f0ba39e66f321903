import { describe, expect, it } from 'vitest';
import { validateDepartments, validateMeasures } from './measure-catalog';
import { buildDepartment, buildMeasure } from './test-builders';

describe('validateMeasures', () => {
  it('accepts a share of villages computed from a yes/no village measure', () => {
    const village = buildMeasure({
      code: 'village_has_house',
      valueType: 'boolean',
      levelsObserved: ['village'],
    });
    const share = buildMeasure({
      code: 'villages_with_house_share',
      rollup: { kind: 'share_true', ofMeasure: 'village_has_house' },
    });
    expect(validateMeasures([village, share])).toEqual([]);
  });

  it('reports a share computed from a missing or non yes/no measure', () => {
    const share = buildMeasure({ code: 'share', rollup: { kind: 'share_true', ofMeasure: 'poverty_rate' } });
    const problems = validateMeasures([buildMeasure(), share]);
    expect(problems.map((p) => [p.code, p.subject])).toEqual([['rollup_unknown_measure', 'share']]);
    expect(problems[0]?.message).toContain('"poverty_rate"');
  });

  it('reports duplicates, inverted bounds, unbounded percents and levels without levels', () => {
    const problems = validateMeasures([
      buildMeasure(),
      buildMeasure(),
      buildMeasure({ code: 'inverted', valueType: 'number', min: 10, max: 1 }),
      buildMeasure({ code: 'open_percent', max: undefined }),
      buildMeasure({ code: 'rating', valueType: 'level', levels: ['khá'] }),
    ]);
    expect(problems.map((p) => [p.code, p.subject])).toEqual([
      ['duplicate_measure', 'poverty_rate'],
      ['measure_bounds_invalid', 'inverted'],
      ['measure_bounds_invalid', 'open_percent'],
      ['measure_levels_missing', 'rating'],
    ]);
  });
});

describe('validateDepartments', () => {
  it('reports a merged department whose successor is unknown', () => {
    const problems = validateDepartments([
      buildDepartment({ validTo: '2025-06-30', successor: 'home_affairs' }),
    ]);
    expect(problems.map((p) => [p.code, p.subject])).toEqual([['department_successor_unknown', 'labour']]);
  });

  it('reports a department that ends before it starts', () => {
    const problems = validateDepartments([
      buildDepartment({ validFrom: '2025-07-01', validTo: '2025-06-30' }),
    ]);
    expect(problems.map((p) => p.code)).toEqual(['department_period_invalid']);
  });
});

import { describe, expect, it } from 'vitest';
import { assessEvaluability } from './completeness';
import {
  criteriaSets,
  departments,
  departmentsByCode,
  getCriteriaSet,
  measures,
  measuresByCode,
  shippedOverlayFiles,
  shippedSetFiles,
} from './load';
import { validateDepartments, validateMeasures } from './measure-catalog';
import { parseCriteriaSet, parseCriteriaSetOverlay } from './parse';
import type { CatalogContext } from './problems';
import type { CriteriaSet } from './schema';
import { validateCriteriaSet } from './validate';

const ctx: CatalogContext = {
  measures: measuresByCode,
  departments: departmentsByCode,
  sets: new Map(criteriaSets.map((s) => [s.id, s])),
};

function shipped(id: string): CriteriaSet {
  const set = getCriteriaSet(id);
  if (!set) throw new Error(`set ${id} is not shipped`);
  return set;
}

const nationalIncomplete = [
  'vn-1980-commune-standard',
  'vn-318-commune-standard',
  'vn-318-commune-advanced',
  'vn-51-2025-commune',
];
const evaluableIds = [
  'vn-319-commune-model',
  'demo-2016-2020-commune-standard',
  'demo-2016-2020-commune-advanced',
  'demo-2016-2020-commune-model',
  'demo-2026-2030-commune-standard',
  'demo-village-standard',
  'demo-model-residential-area',
];

describe('shipped catalog', () => {
  it('parses every set and overlay file', () => {
    for (const file of shippedSetFiles) expect(() => parseCriteriaSet(file)).not.toThrow();
    for (const file of shippedOverlayFiles) expect(() => parseCriteriaSetOverlay(file)).not.toThrow();
    expect(criteriaSets.map((s) => s.id).sort()).toEqual([...nationalIncomplete, ...evaluableIds].sort());
  });

  it('has no error in any set', () => {
    const errors = criteriaSets
      .flatMap((s) => validateCriteriaSet(s, ctx))
      .filter((p) => p.severity === 'error');
    expect(errors.map((p) => p.message)).toEqual([]);
  });

  it('has a consistent measure and department catalog', () => {
    expect(validateMeasures(measures)).toEqual([]);
    expect(validateDepartments(departments)).toEqual([]);
  });

  it('bounds every percent measure', () => {
    for (const m of measures.filter((m) => m.valueType === 'percent')) {
      expect(m.min, m.code).toBe(0);
      expect(m.max, m.code).toBeGreaterThanOrEqual(100);
    }
  });

  it.each(evaluableIds)('can evaluate with %s', (id) => {
    expect(assessEvaluability(shipped(id), ctx).problems.map((p) => p.message)).toEqual([]);
  });

  it('reports exactly the 1980 indicators whose thresholds are not available', () => {
    const result = assessEvaluability(shipped('vn-1980-commune-standard'), ctx);
    expect(result.evaluable).toBe(false);
    expect(result.problems.every((p) => p.code === 'indicator_without_threshold')).toBe(true);
    expect(result.problems.map((p) => p.indicator)).toEqual([
      '2.3',
      '2.4',
      '3.1',
      '11',
      '14.2',
      '14.3',
      '15.3',
      '17.1a',
      '17.1b',
      '17.7',
    ]);
    const road = result.problems.find((p) => p.indicator === '2.3');
    expect(road?.criterion).toBe('2');
    expect(road?.message).toContain('chưa có ngưỡng cho vùng nào');
  });

  it.each([
    ['vn-318-commune-standard', 19],
    ['vn-318-commune-advanced', 19],
    ['vn-51-2025-commune', 10],
  ])('reports every criterion of %s as lacking indicators', (id, count) => {
    const result = assessEvaluability(shipped(id), ctx);
    expect(result.evaluable).toBe(false);
    expect(result.problems).toHaveLength(count);
    expect(result.problems.every((p) => p.code === 'criterion_without_indicators')).toBe(true);
    expect(result.problems.map((p) => p.criterion)).toEqual(
      Array.from({ length: count }, (_, i) => String(i + 1)),
    );
  });

  it('explains in words why the incomplete national sets are incomplete', () => {
    for (const id of nationalIncomplete) expect(shipped(id).gaps.length, id).toBeGreaterThan(0);
    expect(shipped('vn-51-2025-commune').gaps.join(' ')).toContain('47 chỉ tiêu');
  });

  it('returns undefined for an unknown set', () => {
    expect(getCriteriaSet('vn-2099')).toBeUndefined();
  });

  it('exercises derived formulas with real data', () => {
    const derived = criteriaSets
      .flatMap((s) => s.criteria.flatMap((c) => c.indicators))
      .filter((i) => i.derived);
    expect(derived.length).toBeGreaterThan(0);
    const schools = shipped('vn-1980-commune-standard').criteria.find((c) => c.number === '5')?.indicators[0];
    expect(schools?.derived).toEqual({
      op: 'mul',
      left: {
        op: 'div',
        left: { measure: 'schools_national_standard_count' },
        right: { measure: 'schools_count' },
      },
      right: { const: 100 },
    });
  });

  it('shares measures between periods so data is entered once', () => {
    const measuresOf = (id: string) =>
      new Set(
        shipped(id).criteria.flatMap((c) => c.indicators.flatMap((i) => (i.measure ? [i.measure] : []))),
      );
    const old = measuresOf('vn-1980-commune-standard');
    const next = measuresOf('demo-2026-2030-commune-standard');
    for (const code of [
      'income_per_capita',
      'multidimensional_poverty_rate',
      'health_insurance_coverage',
      'has_post_office',
    ]) {
      expect(old.has(code) && next.has(code), code).toBe(true);
    }
  });
});

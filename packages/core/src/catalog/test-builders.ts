import type { CatalogContext } from './problems';
import type { CriteriaSet, Criterion, Department, Indicator, Measure, Threshold } from './schema';

/** Builders for tests: small valid defaults, overridden per test. */

export function buildMeasure(overrides: Partial<Measure> = {}): Measure {
  return {
    code: 'poverty_rate',
    name: 'Tỷ lệ hộ nghèo',
    unit: '%',
    valueType: 'percent',
    min: 0,
    max: 100,
    levelsObserved: ['commune'],
    rollup: { kind: 'weighted_mean', weight: 'households' },
    ...overrides,
  };
}

export function buildDepartment(overrides: Partial<Department> = {}): Department {
  return {
    code: 'labour',
    name: 'Sở Lao động - Thương binh và Xã hội',
    shortName: 'Sở LĐTB&XH',
    ...overrides,
  };
}

export function buildThreshold(overrides: Partial<Threshold> = {}): Threshold {
  return { value: 5, source: { ref: 'test', verified: false }, ...overrides };
}

export function buildIndicator(overrides: Partial<Indicator> = {}): Indicator {
  return {
    code: '1.1',
    name: 'Tỷ lệ hộ nghèo đa chiều',
    measure: 'poverty_rate',
    unit: '%',
    valueType: 'percent',
    comparator: 'lte',
    thresholds: [buildThreshold()],
    textSource: { ref: 'test', verified: false },
    ...overrides,
  };
}

export function buildCriterion(overrides: Partial<Criterion> = {}): Criterion {
  return {
    number: '1',
    name: 'Hộ nghèo',
    leadDepartment: 'labour',
    leadDepartmentSource: { ref: 'test', verified: false },
    nameSource: { ref: 'test', verified: false },
    indicators: [buildIndicator()],
    ...overrides,
  };
}

export function buildSet(overrides: Partial<CriteriaSet> = {}): CriteriaSet {
  return {
    id: 'test-set',
    version: 1,
    name: 'Bộ tiêu chí thử',
    shortName: 'Thử',
    scope: 'provincial',
    legalBasis: {
      number: '1/QĐ-TEST',
      date: '2020-01-01',
      issuer: 'UBND tỉnh thử',
      title: 'Bộ tiêu chí thử',
      source: { ref: 'test', verified: false },
    },
    level: 'commune',
    tier: 'standard',
    period: { fromYear: 2020, toYear: 2025 },
    thresholdDimension: 'none',
    regionOverrides: [],
    prerequisites: [],
    illustrative: true,
    gaps: [],
    criteria: [buildCriterion()],
    ...overrides,
  };
}

export function buildContext(
  overrides: { measures?: Measure[]; departments?: Department[]; sets?: CriteriaSet[] } = {},
): CatalogContext {
  const measures = overrides.measures ?? [buildMeasure()];
  const departments = overrides.departments ?? [buildDepartment()];
  return {
    measures: new Map(measures.map((m) => [m.code, m])),
    departments: new Map(departments.map((d) => [d.code, d])),
    ...(overrides.sets ? { sets: new Map(overrides.sets.map((s) => [s.id, s])) } : {}),
  };
}

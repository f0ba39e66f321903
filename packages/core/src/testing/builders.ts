import type {
  CriteriaSet,
  Criterion,
  Indicator,
  Measure,
  Prerequisite,
  SourceRef,
  Threshold,
} from '../catalog/schema';
import type { Unit } from '../units/unit';
import type { Recognition } from '../values/value';

/**
 * Builders for tests: sensible defaults, overridden per test, so each test states only what
 * it is about. Values here are made up for tests, never catalog facts.
 */

export function buildSource(overrides: Partial<SourceRef> = {}): SourceRef {
  return { ref: 'TEST', verified: false, ...overrides };
}

export function buildUnit(overrides: Partial<Unit> = {}): Unit {
  return {
    id: 'u-1',
    code: '00001',
    name: 'Đơn vị thử',
    kind: 'xa',
    level: 'commune',
    parentId: null,
    region: 'DBSH',
    communeGroup: null,
    flags: [],
    population: 10_000,
    households: 2_500,
    areaKm2: 20,
    validFrom: '2000-01-01',
    validTo: null,
    predecessorIds: [],
    isDemo: true,
    ...overrides,
  };
}

export function buildProvince(overrides: Partial<Unit> = {}): Unit {
  return buildUnit({
    id: 'p-1',
    code: '01',
    name: 'Tỉnh Thử',
    kind: 'tinh',
    level: 'province',
    ...overrides,
  });
}

export function buildDistrict(overrides: Partial<Unit> = {}): Unit {
  return buildUnit({
    id: 'd-1',
    code: '001',
    name: 'Huyện Thử',
    kind: 'huyen',
    level: 'district',
    parentId: 'p-1',
    ...overrides,
  });
}

export function buildCommune(overrides: Partial<Unit> = {}): Unit {
  return buildUnit({ id: 'c-1', code: '00001', name: 'Đồng Hòa', parentId: 'd-1', ...overrides });
}

export function buildVillage(overrides: Partial<Unit> = {}): Unit {
  return buildUnit({
    id: 'v-1',
    code: '00001-01',
    name: 'Thôn 1',
    kind: 'thon',
    level: 'village',
    parentId: 'c-1',
    population: 1_000,
    households: 250,
    areaKm2: 2,
    ...overrides,
  });
}

export function buildMeasure(overrides: Partial<Measure> = {}): Measure {
  return {
    code: 'income_per_capita',
    name: 'Thu nhập bình quân đầu người',
    unit: 'triệu đồng/người/năm',
    valueType: 'number',
    levelsObserved: ['commune'],
    rollup: { kind: 'weighted_mean', weight: 'population' },
    ...overrides,
  };
}

export function buildThreshold(overrides: Partial<Threshold> = {}): Threshold {
  return { value: 45, source: buildSource(), ...overrides };
}

export function buildIndicator(overrides: Partial<Indicator> = {}): Indicator {
  return {
    code: '10.1',
    name: 'Thu nhập bình quân đầu người',
    measure: 'income_per_capita',
    unit: 'triệu đồng/người/năm',
    valueType: 'number',
    comparator: 'gte',
    thresholds: [buildThreshold()],
    textSource: buildSource(),
    ...overrides,
  };
}

export function buildCriterion(overrides: Partial<Criterion> = {}): Criterion {
  return {
    number: '10',
    name: 'Thu nhập',
    leadDepartment: 'agriculture',
    leadDepartmentSource: buildSource(),
    nameSource: buildSource(),
    indicators: [buildIndicator()],
    ...overrides,
  };
}

/** A set of `count` one-indicator criteria numbered 1..count, each reading measure "m<n>" ≥ 1. */
export function buildCriteria(count: number): Criterion[] {
  return Array.from({ length: count }, (_, i) =>
    buildCriterion({
      number: String(i + 1),
      name: `Tiêu chí ${i + 1}`,
      indicators: [
        buildIndicator({
          code: `${i + 1}.1`,
          name: `Chỉ tiêu ${i + 1}.1`,
          measure: `m${i + 1}`,
          unit: '',
          thresholds: [buildThreshold({ value: 1 })],
        }),
      ],
    }),
  );
}

export function buildRecognitionPrerequisite(
  overrides: Partial<Extract<Prerequisite, { kind: 'recognition' }>> = {},
): Prerequisite {
  return { kind: 'recognition', tier: 'standard', source: buildSource(), ...overrides };
}

export function buildSet(overrides: Partial<CriteriaSet> = {}): CriteriaSet {
  return {
    id: 'test-set',
    version: 1,
    name: 'Bộ tiêu chí thử',
    shortName: 'Thử',
    scope: 'national',
    legalBasis: {
      number: 'TEST',
      date: '2022-03-08',
      issuer: 'Thử',
      title: 'Bộ tiêu chí thử',
      source: buildSource(),
    },
    level: 'commune',
    tier: 'standard',
    period: { fromYear: 2021, toYear: 2025 },
    thresholdDimension: 'region',
    regionOverrides: [],
    prerequisites: [],
    illustrative: true,
    gaps: [],
    criteria: [buildCriterion()],
    ...overrides,
  };
}

export function buildRecognition(overrides: Partial<Recognition> = {}): Recognition {
  return {
    id: 'r-1',
    unitId: 'c-1',
    tier: 'standard',
    criteriaSetId: null,
    status: 'decided',
    decisionNumber: '123/QĐ-UBND',
    decisionDate: '2020-06-15',
    issuer: 'UBND tỉnh',
    revokedDate: null,
    isDemo: true,
    ...overrides,
  };
}

import { describe, expect, it } from 'vitest';
import type { Unit } from '../units/unit';
import type { Recognition } from '../values/value';
import { metricTier, targetActual, targetDirection, targetProblems } from './target';

const unit = (id: string, overrides: Partial<Unit> = {}): Unit => ({
  id,
  code: id,
  name: `Xã ${id}`,
  kind: 'xa',
  level: 'commune',
  parentId: 'd',
  region: 'BTB',
  communeGroup: null,
  flags: [],
  population: 1000,
  households: 250,
  areaKm2: null,
  validFrom: '2015-01-01',
  validTo: null,
  predecessorIds: [],
  isDemo: true,
  ...overrides,
});

const recognition = (unitId: string, overrides: Partial<Recognition> = {}): Recognition => ({
  id: `r-${unitId}-${overrides.tier ?? 'standard'}`,
  unitId,
  tier: 'standard',
  criteriaSetId: null,
  status: 'decided',
  decisionNumber: '1/QĐ-UBND',
  decisionDate: '2021-06-01',
  issuer: 'Chủ tịch UBND tỉnh',
  revokedDate: null,
  isDemo: true,
  ...overrides,
});

describe('targetActual', () => {
  const units = [
    unit('a'),
    unit('b'),
    unit('c'),
    unit('v1', { level: 'village', kind: 'thon', flags: ['scheme_1385'] }),
  ];

  it('counts decisions of the tier dated within the year, in scope only', () => {
    const recognitions = [
      recognition('a'),
      recognition('b', { decisionDate: '2020-12-31' }),
      recognition('c', { status: 'dossier', decisionDate: null }),
      recognition('outside'),
      recognition('a', { tier: 'advanced', decisionDate: '2021-09-01' }),
    ];
    const input = { year: 2021, unitsInScope: units, recognitions, averageCriteriaMet: null };
    expect(targetActual({ ...input, metric: 'communes_standard_new' })).toBe(1);
    expect(targetActual({ ...input, metric: 'communes_advanced_new' })).toBe(1);
    expect(targetActual({ ...input, metric: 'communes_model_new' })).toBe(0);
  });

  it('ignores a recognition revoked within the year and keeps one revoked later', () => {
    const input = {
      year: 2021,
      unitsInScope: units,
      averageCriteriaMet: null,
      metric: 'communes_standard_new' as const,
    };
    expect(
      targetActual({
        ...input,
        recognitions: [recognition('a', { status: 'revoked', revokedDate: '2021-10-01' })],
      }),
    ).toBe(0);
    expect(
      targetActual({
        ...input,
        recognitions: [recognition('a', { status: 'revoked', revokedDate: '2022-10-01' })],
      }),
    ).toBe(1);
  });

  it('counts scheme villages cumulatively and passes the average through', () => {
    const recognitions = [recognition('v1', { tier: 'village_standard', decisionDate: '2019-05-05' })];
    const input = { year: 2021, unitsInScope: units, recognitions, averageCriteriaMet: 16.4 };
    expect(targetActual({ ...input, metric: 'scheme_villages_standard' })).toBe(1);
    expect(targetActual({ ...input, metric: 'average_criteria_per_commune' })).toBe(16.4);
  });
});

describe('metrics added with the plans', () => {
  const units = [
    unit('a'),
    unit('b'),
    unit('v1', { level: 'village', kind: 'thon', flags: ['scheme_1385'] }),
    unit('v2', { level: 'village', kind: 'thon' }),
  ];
  const base = { year: 2026, unitsInScope: units, averageCriteriaMet: null };

  it('counts modern communes and villages recognised in the year, optionally only scheme villages', () => {
    const recognitions = [
      recognition('a', { tier: 'modern', decisionDate: '2026-08-01' }),
      recognition('v1', { tier: 'village_standard', decisionDate: '2026-03-01' }),
      recognition('v2', { tier: 'village_standard', decisionDate: '2026-04-01' }),
    ];
    expect(targetActual({ ...base, recognitions, metric: 'communes_modern_new' })).toBe(1);
    expect(targetActual({ ...base, recognitions, metric: 'villages_standard_new' })).toBe(2);
    expect(
      targetActual({ ...base, recognitions, metric: 'villages_standard_new', params: { schemeOnly: true } }),
    ).toBe(1);
  });

  it('leaves out decisions dated after the day asked for', () => {
    const recognitions = [recognition('a', { tier: 'modern', decisionDate: '2026-08-01' })];
    expect(targetActual({ ...base, recognitions, metric: 'communes_modern_new', asOf: '2026-07-31' })).toBe(
      0,
    );
    expect(targetActual({ ...base, recognitions, metric: 'communes_modern_new', asOf: '2026-08-01' })).toBe(
      1,
    );
  });

  it('counts communes strictly under N criteria and needs N', () => {
    const input = { ...base, recognitions: [], metric: 'communes_under_criteria' as const };
    expect(
      targetActual({ ...input, params: { belowCriteria: 10 }, communeCriteriaMet: [9, 10, 4, 19] }),
    ).toBe(2);
    expect(targetActual({ ...input, communeCriteriaMet: [9] })).toBeNull();
  });

  it('refuses the modern tier before 2026 and a missing N', () => {
    expect(targetProblems({ metric: 'communes_modern_new', year: 2025, value: 2, params: {} })).toHaveLength(
      1,
    );
    expect(targetProblems({ metric: 'communes_modern_new', year: 2026, value: 2, params: {} })).toEqual([]);
    expect(
      targetProblems({ metric: 'communes_under_criteria', year: 2021, value: 3, params: {} })[0],
    ).toContain('N');
    expect(
      targetProblems({ metric: 'communes_standard_new', year: 2021, value: 2.5, params: {} }),
    ).toHaveLength(1);
    expect(
      targetProblems({ metric: 'average_criteria_per_commune', year: 2021, value: 17.5, params: {} }),
    ).toEqual([]);
  });

  it('maps metrics to the tier units are registered for and the direction of success', () => {
    expect(metricTier('communes_advanced_new')).toBe('advanced');
    expect(metricTier('scheme_villages_standard')).toBe('village_standard');
    expect(metricTier('average_criteria_per_commune')).toBeNull();
    expect(targetDirection('communes_under_criteria')).toBe('at_most');
    expect(targetDirection('communes_model_new')).toBe('at_least');
  });
});

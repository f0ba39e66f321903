import { describe, expect, it } from 'vitest';
import type { Unit } from '../units/unit';
import type { Recognition } from '../values/value';
import { targetActual } from './target';

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

import { describe, expect, it } from 'vitest';
import type { CriteriaSet } from '../catalog/schema';
import { applicableSets } from './applicable-set';

function set(overrides: Partial<CriteriaSet>): CriteriaSet {
  return {
    id: 'x',
    version: 1,
    name: 'Bộ tiêu chí',
    shortName: 'BTC',
    scope: 'national',
    legalBasis: {
      number: '1/QĐ-TTg',
      date: '2016-10-17',
      issuer: 'Thủ tướng Chính phủ',
      title: 'Bộ tiêu chí',
      source: { ref: 'S1', verified: true },
    },
    level: 'commune',
    tier: 'standard',
    period: { fromYear: 2016, toYear: 2021 },
    thresholdDimension: 'region',
    regionOverrides: [],
    prerequisites: [],
    illustrative: false,
    gaps: [],
    criteria: [],
    ...overrides,
  };
}

describe('applicableSets', () => {
  const national = set({ id: 'national' });
  const provincial = set({ id: 'provincial', scope: 'provincial', provinceCode: 'DEMO' });
  const otherProvince = set({ id: 'other', scope: 'provincial', provinceCode: 'HN' });
  const later = set({ id: 'later', period: { fromYear: 2022, toYear: 2025 } });
  const advanced = set({ id: 'advanced', tier: 'advanced' });
  const village = set({ id: 'village', level: 'village' });
  const all = [national, provincial, otherProvince, later, advanced, village];

  it('puts the province own set before the national one and ignores other provinces', () => {
    const found = applicableSets(all, {
      level: 'commune',
      tier: 'standard',
      year: 2020,
      provinceCodes: ['DEMO'],
    });
    expect(found.map((s) => s.id)).toEqual(['provincial', 'national']);
  });
  it('filters by year, tier and level', () => {
    expect(
      applicableSets(all, { level: 'commune', tier: 'standard', year: 2023, provinceCodes: [] }).map(
        (s) => s.id,
      ),
    ).toEqual(['later']);
    expect(
      applicableSets(all, { level: 'commune', tier: 'advanced', year: 2020, provinceCodes: [] }).map(
        (s) => s.id,
      ),
    ).toEqual(['advanced']);
    expect(
      applicableSets(all, { level: 'commune', tier: 'standard', year: 2015, provinceCodes: [] }),
    ).toEqual([]);
  });
  it('matches a province through its predecessor codes', () => {
    const found = applicableSets(all, {
      level: 'commune',
      tier: 'standard',
      year: 2020,
      provinceCodes: ['NEW', 'DEMO'],
    });
    expect(found[0]?.id).toBe('provincial');
  });
});

import { describe, expect, it } from 'vitest';
import { filterSets, noSetFilter, type SetSummary } from './set-filters';

function set(overrides: Partial<SetSummary> & { id: string }): SetSummary {
  return {
    version: 1,
    name: overrides.id,
    shortName: overrides.id,
    scope: 'national',
    legalBasis: {
      number: '1980/QĐ-TTg',
      date: '2016-10-17',
      issuer: 'Thủ tướng Chính phủ',
      title: 'Bộ tiêu chí',
      source: { ref: 'S1', verified: true },
    },
    level: 'commune',
    tier: 'standard',
    period: { fromYear: 2016, toYear: 2021 },
    thresholdDimension: 'region',
    illustrative: false,
    gaps: [],
    criteriaCount: 19,
    indicatorCount: 50,
    evaluable: true,
    ...overrides,
  };
}

const sets = [
  set({ id: 'vn-1980', shortName: 'QĐ 1980 – xã NTM' }),
  set({
    id: 'vn-318-advanced',
    shortName: 'QĐ 318 – xã NTM nâng cao',
    tier: 'advanced',
    period: { fromYear: 2022, toYear: 2025 },
    legalBasis: { ...set({ id: 'x' }).legalBasis, number: '318/QĐ-TTg' },
  }),
  set({
    id: 'demo-village',
    shortName: 'Tỉnh Demo – thôn',
    scope: 'provincial',
    level: 'village',
    tier: 'village_standard',
  }),
];

describe('filterSets', () => {
  it('lists national sets first, newest period first', () => {
    expect(filterSets(sets, noSetFilter).map((s) => s.id)).toEqual([
      'vn-318-advanced',
      'vn-1980',
      'demo-village',
    ]);
  });

  it('combines level, tier and scope facets', () => {
    expect(filterSets(sets, { ...noSetFilter, level: 'village' }).map((s) => s.id)).toEqual(['demo-village']);
    expect(
      filterSets(sets, { ...noSetFilter, tier: 'advanced', scope: 'national' }).map((s) => s.id),
    ).toEqual(['vn-318-advanced']);
    expect(filterSets(sets, { ...noSetFilter, scope: 'provincial', tier: 'advanced' })).toEqual([]);
  });

  it('searches names and legal basis without diacritics, every word counting', () => {
    expect(filterSets(sets, { ...noSetFilter, text: 'nang cao' }).map((s) => s.id)).toEqual([
      'vn-318-advanced',
    ]);
    expect(filterSets(sets, { ...noSetFilter, text: '318/qđ' }).map((s) => s.id)).toEqual([
      'vn-318-advanced',
    ]);
    expect(filterSets(sets, { ...noSetFilter, text: 'thon demo' }).map((s) => s.id)).toEqual([
      'demo-village',
    ]);
  });
});

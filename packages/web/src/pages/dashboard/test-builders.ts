import type { CommuneRow, Rollup } from '../../api/dashboard';

/** Builders for the roll-up the dashboard, heat map and map read; each test states what matters to it. */
export function buildCommuneRow(overrides: Partial<CommuneRow> = {}): CommuneRow {
  return {
    unitId: 'c-1',
    code: '0001',
    name: 'Xã An Hòa',
    parentId: 'd-1',
    criteriaMet: 3,
    criteriaTotal: 3,
    criteriaNoData: 0,
    band: 'all',
    totalNormalisedGap: 0,
    outcomes: ['met', 'met', 'met'],
    recognisedTier: 'standard',
    ...overrides,
  };
}

export function buildRollup(
  communes: CommuneRow[] = [buildCommuneRow()],
  overrides: Partial<Rollup['rollup']> = {},
): Rollup {
  const criteria = ['1', '2', '3'].map((number, i) => {
    const outcomes = communes.map((c) => c.outcomes[i]);
    return {
      number,
      name: ['Quy hoạch', 'Giao thông', 'Thủy lợi'][i] ?? number,
      metCount: outcomes.filter((o) => o === 'met').length,
      notMetCount: outcomes.filter((o) => o === 'not_met').length,
      noDataCount: outcomes.filter((o) => o === 'no_data').length,
      metShare: communes.length === 0 ? 0 : outcomes.filter((o) => o === 'met').length / communes.length,
    };
  });
  return {
    unit: {
      id: 'p-1',
      code: 'P',
      name: 'Tỉnh Thử',
      kind: 'tinh',
      level: 'province',
      parentId: null,
      validFrom: '2015-01-01',
      validTo: null,
      isDemo: true,
      childCount: 1,
    },
    asOf: '2021-12-31',
    basis: 'latest',
    criteriaSet: {
      id: 'set-1',
      version: 1,
      name: 'Bộ tiêu chí thử',
      shortName: 'Bộ thử',
      scope: 'national',
      legalBasis: {
        number: '1/QĐ',
        date: '2020-01-01',
        issuer: 'UBND',
        title: 'Bộ thử',
        source: { ref: 'test', verified: false },
      },
      level: 'commune',
      tier: 'standard',
      period: { fromYear: 2016, toYear: 2025 },
      thresholdDimension: 'region',
      illustrative: true,
      gaps: [],
      criteriaCount: 3,
      indicatorCount: 3,
      evaluable: true,
    },
    rollup: {
      year: 2021,
      criteriaSetId: 'set-1',
      unitCount: communes.length,
      evaluatedCount: communes.length,
      averageCriteriaMet: communes.reduce((s, c) => s + c.criteriaMet, 0) / Math.max(1, communes.length),
      criteria,
      bands: [
        {
          key: 'all',
          label: 'Đạt 3 tiêu chí',
          min: 3,
          max: 3,
          count: communes.filter((c) => c.band === 'all').length,
        },
        {
          key: 'lt3',
          label: 'Dưới 3 tiêu chí',
          min: 0,
          max: 2,
          count: communes.filter((c) => c.band === 'lt3').length,
        },
      ],
      tiers: [
        { tier: 'standard', recognisedCount: communes.filter((c) => c.recognisedTier !== null).length },
        { tier: 'advanced', recognisedCount: 0 },
        { tier: 'model', recognisedCount: 0 },
      ],
      closestToNextTier: communes
        .filter((c) => c.recognisedTier === null)
        .map((c) => ({
          unitId: c.unitId,
          criteriaMissing: c.criteriaTotal - c.criteriaMet,
          totalNormalisedGap: c.totalNormalisedGap,
        })),
      ...overrides,
    },
    communes,
  };
}

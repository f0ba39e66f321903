import { describe, expect, it } from 'vitest';
import type { Department } from '../catalog/schema';
import { buildCriterion, buildIndicator, buildSet } from '../testing/builders';
import { departmentLineage, measuresLedBy } from './department';

const departments: Department[] = [
  { code: 'transport', name: 'Sở GTVT', shortName: 'GTVT', successor: 'construction', validTo: '2025-06-30' },
  { code: 'construction', name: 'Sở XD', shortName: 'XD' },
  { code: 'health', name: 'Sở Y tế', shortName: 'YT' },
];

const set = buildSet({
  criteria: [
    buildCriterion({
      number: '2',
      leadDepartment: 'transport',
      indicators: [
        buildIndicator({ code: '2.1', measure: 'road_share' }),
        buildIndicator({ code: '2.2', measure: 'bridge_ok', leadDepartment: 'health' }),
        buildIndicator({
          code: '2.3',
          measure: undefined,
          derived: { op: 'div', left: { measure: 'lit_km' }, right: { indicator: '2.1' } },
        }),
      ],
    }),
    buildCriterion({
      number: '15',
      leadDepartment: 'health',
      indicators: [buildIndicator({ code: '15.1', measure: 'insurance_rate' })],
    }),
  ],
});

describe('department scope', () => {
  it('includes the departments merged into a successor', () => {
    expect([...departmentLineage(departments, 'construction')].sort()).toEqual(['construction', 'transport']);
    expect([...departmentLineage(departments, 'transport')]).toEqual(['transport']);
  });

  it('collects the measures of led criteria, honouring indicator overrides and derived inputs', () => {
    expect([...measuresLedBy([set], departments, 'transport')].sort()).toEqual(['lit_km', 'road_share']);
    expect([...measuresLedBy([set], departments, 'health')].sort()).toEqual(['bridge_ok', 'insurance_rate']);
    expect([...measuresLedBy([set], departments, 'construction')].sort()).toEqual(['lit_km', 'road_share']);
  });
});

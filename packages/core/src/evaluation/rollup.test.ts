import { describe, expect, it } from 'vitest';
import { buildCommune, buildCriteria, buildRecognition, buildSet } from '../testing/builders';
import type { Recognition } from '../values/value';
import { evaluateUnit } from './evaluate';
import type { UnitEvaluation } from './result';
import { rankClosestToTier, rollUpEvaluations } from './rollup';

const set = buildSet({ criteria: buildCriteria(4) });

/** `values` by criterion position: a number is observed for m<i+1> (≥ 1 meets), null is missing. */
function evaluation(unitId: string, values: (number | null)[], year = 2022): UnitEvaluation {
  const map = new Map<string, number>();
  values.forEach((value, i) => {
    if (value !== null) map.set(`m${i + 1}`, value);
  });
  return evaluateUnit({
    set,
    unit: buildCommune({ id: unitId }),
    year,
    values: map,
    recognitions: [],
    measures: new Map(),
  });
}

describe('rankClosestToTier', () => {
  it('ranks by criteria missing, then by total normalised gap', () => {
    const ranked = rankClosestToTier([
      evaluation('far', [0, 0, 1, 1]),
      evaluation('done', [1, 1, 1, 1]),
      evaluation('slightly-short', [0.9, 1, 1, 1]),
      evaluation('very-short', [0.1, 1, 1, 1]),
      evaluation('no-data', [null, 1, 1, 1]),
    ]);
    expect(ranked.map((r) => [r.unitId, r.criteriaMissing])).toEqual([
      ['done', 0],
      ['slightly-short', 1],
      ['very-short', 1],
      ['no-data', 1],
      ['far', 2],
    ]);
    expect(ranked[1]?.totalNormalisedGap).toBeCloseTo(0.1, 9);
    expect(ranked[3]?.totalNormalisedGap).toBe(1);
  });
});

describe('rollUpEvaluations', () => {
  const evaluations = [
    evaluation('a', [1, 1, 1, 1]),
    evaluation('b', [1, 1, 1, 0]),
    evaluation('c', [1, 0, null, 0]),
    evaluation('outside', [0, 0, 0, 0]),
    evaluation('a', [0, 0, 0, 0], 2021),
  ];
  const recognitions: Recognition[] = [
    buildRecognition({ id: 'r-a', unitId: 'a', decisionDate: '2022-11-20' }),
    buildRecognition({ id: 'r-b', unitId: 'b', decisionDate: '2023-02-01' }),
    buildRecognition({ id: 'r-c', unitId: 'c', status: 'revoked', revokedDate: '2022-05-01' }),
    buildRecognition({ id: 'r-out', unitId: 'outside' }),
    buildRecognition({ id: 'r-a2', unitId: 'a', tier: 'advanced', status: 'registered', decisionDate: null }),
  ];
  const rollup = rollUpEvaluations({
    set,
    evaluations,
    recognitions,
    unitIds: ['a', 'b', 'c', 'not-evaluated'],
    year: 2022,
  });

  it('counts units and averages criteria met over the evaluated ones in the subtree and year', () => {
    expect(rollup).toMatchObject({ year: 2022, criteriaSetId: 'test-set', unitCount: 4, evaluatedCount: 3 });
    expect(rollup.averageCriteriaMet).toBeCloseTo(8 / 3, 9);
  });

  it('counts each criterion', () => {
    expect(rollup.criteria.map((c) => [c.number, c.metCount, c.notMetCount, c.noDataCount])).toEqual([
      ['1', 3, 0, 0],
      ['2', 2, 1, 0],
      ['3', 2, 0, 1],
      ['4', 1, 2, 0],
    ]);
    expect(rollup.criteria[1]?.metShare).toBeCloseTo(2 / 3, 9);
  });

  it('counts units per band', () => {
    expect(rollup.bands.map((b) => [b.key, b.count])).toEqual([
      ['all', 1],
      ['3', 1],
      ['2', 0],
      ['1', 1],
      ['lt1', 0],
    ]);
  });

  it('counts recognitions in force at the end of the year, inside the subtree only', () => {
    expect(rollup.tiers.find((t) => t.tier === 'standard')?.recognisedCount).toBe(1);
    expect(rollup.tiers.find((t) => t.tier === 'advanced')?.recognisedCount).toBe(0);
    expect(rollup.tiers).toHaveLength(6);
  });

  it('ranks the units not yet recognised at the set tier', () => {
    expect(rollup.closestToNextTier.map((r) => r.unitId)).toEqual(['b', 'c']);
  });

  it('gives zeros for an empty subtree', () => {
    const empty = rollUpEvaluations({ set, evaluations, recognitions, unitIds: [], year: 2022 });
    expect(empty).toMatchObject({
      unitCount: 0,
      evaluatedCount: 0,
      averageCriteriaMet: 0,
      closestToNextTier: [],
    });
    expect(empty.criteria.every((c) => c.metShare === 0)).toBe(true);
  });
});

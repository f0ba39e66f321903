import { describe, expect, it } from 'vitest';
import { buildCommune, buildCriteria, buildRecognition, buildSet } from '../testing/builders';
import { evaluateUnit } from './evaluate';
import type { UnitEvaluation } from './result';
import {
  type EvaluationSummary,
  rankClosestToTier,
  rollUpEvaluations,
  rollUpSummaries,
  summariseEvaluation,
} from './rollup';

const set = buildSet({ criteria: buildCriteria(3) });

function evaluation(unitId: string, values: (number | null)[]): UnitEvaluation {
  const map = new Map<string, number>();
  values.forEach((value, i) => {
    if (value !== null) map.set(`m${i + 1}`, value);
  });
  return evaluateUnit({
    set,
    unit: buildCommune({ id: unitId }),
    year: 2022,
    values: map,
    recognitions: [],
    measures: new Map(),
  });
}

describe('evaluation summaries', () => {
  const evaluations = [
    evaluation('a', [1, 1, 1]),
    evaluation('b', [0.5, 1, null]),
    evaluation('c', [null, null, 0.2]),
  ];

  it('keep the counts, the band, each criterion outcome in set order and the total gap', () => {
    expect(summariseEvaluation(evaluations[1] as UnitEvaluation)).toEqual({
      unitId: 'b',
      year: 2022,
      criteriaSetId: set.id,
      criteriaMet: 1,
      criteriaTotal: 3,
      criteriaNoData: 1,
      bandKey: (evaluations[1] as UnitEvaluation).band.key,
      outcomes: ['not_met', 'met', 'no_data'],
      totalNormalisedGap: 1.5,
    });
  });

  it('roll up to exactly what the full evaluations roll up to', () => {
    const recognitions = [buildRecognition({ unitId: 'a', tier: set.tier })];
    const common = { set, recognitions, unitIds: ['a', 'b', 'c'], year: 2022 };
    const fromEvaluations = rollUpEvaluations({ ...common, evaluations });
    const fromSummaries = rollUpSummaries({ ...common, summaries: evaluations.map(summariseEvaluation) });
    expect(fromSummaries).toEqual(fromEvaluations);
    expect(fromSummaries.criteria.map((c) => c.metCount)).toEqual([1, 2, 1]);
    expect(fromSummaries.closestToNextTier.map((c) => c.unitId)).toEqual(['b', 'c']);
    expect(rankClosestToTier(evaluations).map((c) => c.unitId)).toEqual(['a', 'b', 'c']);
  });

  it('ignore summaries of another set, year or unit', () => {
    const [a, b, c] = evaluations.map(summariseEvaluation) as [
      EvaluationSummary,
      EvaluationSummary,
      EvaluationSummary,
    ];
    const rollup = rollUpSummaries({
      set,
      recognitions: [],
      unitIds: ['a', 'b'],
      year: 2022,
      summaries: [{ ...a, criteriaSetId: 'other' }, { ...b, year: 2021 }, c],
    });
    expect(rollup.evaluatedCount).toBe(0);
    expect(rollup.unitCount).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import type { EvaluationSummary } from '../evaluation/rollup';
import { buildRecognition } from '../testing/builders';
import { rankCandidates } from './candidates';

const summary = (unitId: string, criteriaMet: number, totalNormalisedGap: number): EvaluationSummary => ({
  unitId,
  year: 2021,
  criteriaSetId: 'adv',
  criteriaMet,
  criteriaTotal: 19,
  criteriaNoData: 0,
  bandKey: 'b',
  outcomes: [],
  totalNormalisedGap,
});

describe('rankCandidates', () => {
  const summaries = [
    summary('a', 17, 0.4),
    summary('b', 18, 0.9),
    summary('c', 18, 0.2),
    summary('d', 19, 0),
  ];
  const standard = (unitId: string) => buildRecognition({ id: `s-${unitId}`, unitId, tier: 'standard' });

  it('ranks fewest criteria missing, then smallest gap, and leaves out units holding the tier', () => {
    const ranked = rankCandidates({
      tier: 'advanced',
      summaries,
      recognitions: [
        ...['a', 'b', 'c', 'd'].map(standard),
        buildRecognition({ id: 'adv-d', unitId: 'd', tier: 'advanced' }),
      ],
      prerequisites: ['standard'],
      asOf: '2021-12-31',
    });
    expect(ranked.map((c) => [c.unitId, c.criteriaMissing])).toEqual([
      ['c', 1],
      ['b', 1],
      ['a', 2],
    ]);
    expect(ranked.every((c) => c.missingPrerequisites.length === 0)).toBe(true);
  });

  it('puts units without the prerequisite recognition after those that have it', () => {
    const ranked = rankCandidates({
      tier: 'advanced',
      summaries,
      recognitions: [
        standard('a'),
        buildRecognition({ id: 'p', unitId: 'd', tier: 'advanced', status: 'dossier', decisionDate: null }),
      ],
      prerequisites: ['standard'],
      asOf: '2021-12-31',
    });
    expect(ranked.map((c) => c.unitId)).toEqual(['a', 'd', 'c', 'b']);
    expect(ranked.find((c) => c.unitId === 'd')?.missingPrerequisites).toEqual(['standard']);
    expect(ranked.find((c) => c.unitId === 'd')?.pendingRecognition).toBe('dossier');
  });

  it('does not count a prerequisite decided after the day asked for', () => {
    const ranked = rankCandidates({
      tier: 'advanced',
      summaries: [summary('a', 19, 0)],
      recognitions: [buildRecognition({ unitId: 'a', tier: 'standard', decisionDate: '2021-09-01' })],
      prerequisites: ['standard'],
      asOf: '2021-06-30',
    });
    expect(ranked[0]?.missingPrerequisites).toEqual(['standard']);
  });
});

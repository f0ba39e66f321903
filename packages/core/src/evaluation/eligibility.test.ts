import { describe, expect, it } from 'vitest';
import type { Prerequisite } from '../catalog/schema';
import { buildRecognition, buildRecognitionPrerequisite, buildSource } from '../testing/builders';
import type { Recognition } from '../values/value';
import { assessEligibility } from './eligibility';
import type { Outcome } from './result';

function assess(
  recognitions: Recognition[],
  overrides: { outcomes?: Outcome[]; prerequisites?: Prerequisite[]; year?: number } = {},
) {
  return assessEligibility(
    {
      tier: 'advanced',
      prerequisites: overrides.prerequisites ?? [buildRecognitionPrerequisite({ tier: 'standard' })],
    },
    (overrides.outcomes ?? ['met', 'met']).map((outcome) => ({ outcome })),
    recognitions,
    overrides.year ?? 2022,
  );
}

const missing = 'Chưa có quyết định công nhận “Đạt chuẩn NTM” có hiệu lực đến 31/12/2022';

describe('assessEligibility', () => {
  it('is eligible with all criteria met and a decided recognition', () => {
    expect(assess([buildRecognition({ decisionDate: '2022-12-31' })])).toMatchObject({
      eligible: true,
      unmetPrerequisites: [],
    });
  });

  it('is not eligible when a criterion is not met or lacks data', () => {
    expect(assess([buildRecognition()], { outcomes: ['met', 'not_met'] })).toMatchObject({
      allCriteriaMet: false,
      eligible: false,
    });
    expect(assess([buildRecognition()], { outcomes: ['met', 'no_data'] }).eligible).toBe(false);
  });

  it('is not eligible without the prerequisite recognition', () => {
    expect(assess([])).toMatchObject({
      allCriteriaMet: true,
      unmetPrerequisites: [missing],
      eligible: false,
    });
    expect(assess([buildRecognition({ tier: 'model' })]).eligible).toBe(false);
  });

  it('does not count a recognition not yet decided', () => {
    expect(assess([buildRecognition({ status: 'appraised', decisionDate: null })]).eligible).toBe(false);
  });

  it('does not count a recognition decided after the year', () => {
    expect(assess([buildRecognition({ decisionDate: '2023-01-05' })]).unmetPrerequisites).toEqual([missing]);
    expect(assess([buildRecognition({ decisionDate: '2023-01-05' })], { year: 2023 }).eligible).toBe(true);
  });

  it('does not count a recognition revoked by the end of the year', () => {
    const revoked = buildRecognition({
      status: 'revoked',
      decisionDate: '2020-06-15',
      revokedDate: '2022-12-31',
    });
    expect(assess([revoked]).eligible).toBe(false);
    expect(assess([revoked], { year: 2021 }).eligible).toBe(true);
    expect(assess([buildRecognition({ status: 'revoked', revokedDate: null })]).eligible).toBe(false);
  });

  it('lists manual prerequisites without blocking eligibility', () => {
    const survey = 'Tỷ lệ người dân hài lòng đạt yêu cầu (minh họa)';
    const result = assess([], {
      prerequisites: [{ kind: 'manual', text: survey, source: buildSource() }],
    });
    expect(result).toEqual({
      tier: 'advanced',
      allCriteriaMet: true,
      unmetPrerequisites: [],
      manualConditions: [survey],
      eligible: true,
    });
  });
});

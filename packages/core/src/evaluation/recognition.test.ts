import { describe, expect, it } from 'vitest';
import { buildRecognition } from '../testing/builders';
import { highestTierInForce } from './recognition';

describe('highestTierInForce', () => {
  it('returns the highest rung decided by the date, whatever the order of the records', () => {
    const records = [
      buildRecognition({ id: 'a', tier: 'advanced', decisionDate: '2020-09-01' }),
      buildRecognition({ id: 's', tier: 'standard', decisionDate: '2018-05-01' }),
      buildRecognition({ id: 'm', tier: 'model', decisionDate: '2022-03-01' }),
    ];
    expect(highestTierInForce(records, '2021-12-31')).toBe('advanced');
    expect(highestTierInForce(records, '2022-12-31')).toBe('model');
    expect(highestTierInForce(records, '2017-12-31')).toBeNull();
  });

  it('ignores revoked and undecided records', () => {
    const records = [
      buildRecognition({ id: 's', tier: 'standard', decisionDate: '2018-05-01' }),
      buildRecognition({
        id: 'a',
        tier: 'advanced',
        status: 'revoked',
        decisionDate: '2019-05-01',
        revokedDate: '2021-02-01',
      }),
      buildRecognition({ id: 'm', tier: 'model', status: 'appraised', decisionDate: null }),
    ];
    expect(highestTierInForce(records, '2020-12-31')).toBe('advanced');
    expect(highestTierInForce(records, '2021-12-31')).toBe('standard');
  });
});

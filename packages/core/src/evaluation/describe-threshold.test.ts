import { describe, expect, it } from 'vitest';
import { buildSource } from '../testing/builders';
import { describeThreshold, NO_OFFICIAL_THRESHOLD } from './describe-threshold';
import type { SelectedThreshold } from './result';

const threshold = (value: number | boolean | string, illustrative = false): SelectedThreshold => ({
  value,
  source: buildSource(),
  illustrative,
  selectedBy: 'ngưỡng chung',
});

describe('describeThreshold', () => {
  it('writes numeric thresholds with their comparator and unit, the Vietnamese way', () => {
    expect(describeThreshold({ unit: '%', valueType: 'percent', comparator: 'gte' }, threshold(70))).toBe(
      '≥ 70%',
    );
    expect(describeThreshold({ unit: '%', valueType: 'percent', comparator: 'lte' }, threshold(5.5))).toBe(
      '≤ 5,5%',
    );
    expect(
      describeThreshold(
        { unit: 'triệu đồng/người/năm', valueType: 'number', comparator: 'gte' },
        threshold(45),
      ),
    ).toBe('≥ 45 triệu đồng/người/năm');
  });

  it('writes yes/no and level thresholds in words, and flags demo values', () => {
    expect(
      describeThreshold({ unit: '', valueType: 'boolean', comparator: 'is_true' }, threshold(true)),
    ).toBe('Đạt');
    expect(
      describeThreshold({ unit: '', valueType: 'level', comparator: 'level_gte' }, threshold('Khá')),
    ).toBe('mức Khá trở lên');
    expect(
      describeThreshold({ unit: '%', valueType: 'percent', comparator: 'gte' }, threshold(80, true)),
    ).toBe('≥ 80% (minh họa)');
  });

  it('says when there is no official threshold', () => {
    expect(describeThreshold({ unit: '%', valueType: 'percent', comparator: 'gte' }, null)).toBe(
      NO_OFFICIAL_THRESHOLD,
    );
  });
});

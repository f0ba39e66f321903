import { describe, expect, it } from 'vitest';
import { EvaluationTypeError, isMet } from './compare';

describe('isMet', () => {
  it.each([
    ['gte', 46, 45, true],
    ['gte', 45, 45, true],
    ['gte', 44.9, 45, false],
    ['gt', 45.1, 45, true],
    ['gt', 45, 45, false],
    ['lte', 4, 5, true],
    ['lte', 5, 5, true],
    ['lte', 6.2, 5, false],
    ['lt', 4.9, 5, true],
    ['lt', 5, 5, false],
    ['eq', 100, 100, true],
    ['eq', 99, 100, false],
  ] as const)('%s: %d against %d → %s', (comparator, value, threshold, expected) => {
    expect(isMet(comparator, value, threshold)).toBe(expected);
  });

  it('treats arithmetic noise on the boundary as on the boundary', () => {
    expect(isMet('gte', 0.1 + 0.2, 0.3)).toBe(true);
    expect(isMet('lt', 0.1 + 0.2, 0.3)).toBe(false);
  });

  it('compares text with eq', () => {
    expect(isMet('eq', 'Đạt', 'Đạt')).toBe(true);
    expect(isMet('eq', 'Chưa đạt', 'Đạt')).toBe(false);
  });

  it('checks yes/no values', () => {
    expect(isMet('is_true', true, true)).toBe(true);
    expect(isMet('is_true', false, true)).toBe(false);
    expect(isMet('is_false', false, true)).toBe(true);
    expect(isMet('is_false', true, true)).toBe(false);
  });

  it('compares levels by their position', () => {
    const levels = ['Yếu', 'Trung bình', 'Khá', 'Tốt'];
    expect(isMet('level_gte', 'Tốt', 'Khá', levels)).toBe(true);
    expect(isMet('level_gte', 'Khá', 'Khá', levels)).toBe(true);
    expect(isMet('level_gte', 'Trung bình', 'Khá', levels)).toBe(false);
  });

  it.each([
    ['gte', '46', 45],
    ['lt', true, 5],
    ['gte', Number.NaN, 45],
    ['gte', 46, 'Khá'],
    ['eq', '100', 100],
    ['eq', true, 'Đạt'],
    ['is_true', 1, true],
    ['is_false', 'Không', true],
  ] as const)('throws on %s with value %j and threshold %j', (comparator, value, threshold) => {
    expect(() => isMet(comparator, value, threshold)).toThrow(EvaluationTypeError);
  });

  it('throws on a level outside the list or a missing list', () => {
    expect(() => isMet('level_gte', 'Xuất sắc', 'Khá', ['Khá', 'Tốt'])).toThrow(EvaluationTypeError);
    expect(() => isMet('level_gte', 'Tốt', 'Khá')).toThrow(EvaluationTypeError);
  });
});

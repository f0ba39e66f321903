import type { Comparator } from '../catalog/schema';
import type { ObservedValue } from '../values/value';

/**
 * A value or threshold of the wrong type for its comparator. Guessing ("6,2" as 6.2, "yes"
 * as true) would risk a silent wrong result, so evaluation stops and says what is wrong.
 */
export class EvaluationTypeError extends Error {
  override name = 'EvaluationTypeError';
  constructor(
    message: string,
    readonly comparator: Comparator,
    readonly value: ObservedValue,
    readonly context: { unitId?: string; indicatorCode?: string } = {},
  ) {
    super(message);
  }
}

/**
 * Values derived by arithmetic carry binary rounding noise (0.1 + 0.2 ≠ 0.3); a rate that
 * sits exactly on its threshold must still count as on it.
 */
function tolerance(threshold: number): number {
  return 1e-9 * Math.max(1, Math.abs(threshold));
}

function expectNumber(comparator: Comparator, value: ObservedValue, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new EvaluationTypeError(
      `Phép so sánh ${comparator} cần ${what} là số hữu hạn, nhận được ${JSON.stringify(value)}`,
      comparator,
      value,
    );
  }
  return value;
}

function expectBoolean(comparator: Comparator, value: ObservedValue): boolean {
  if (typeof value !== 'boolean') {
    throw new EvaluationTypeError(
      `Phép so sánh ${comparator} cần giá trị Có/Không, nhận được ${JSON.stringify(value)}`,
      comparator,
      value,
    );
  }
  return value;
}

/** Position of a level in `levels` (lowest first); throws when it is not one of them. */
export function levelIndex(
  comparator: Comparator,
  value: ObservedValue,
  levels: readonly string[] | undefined,
): number {
  const index = typeof value === 'string' && levels ? levels.indexOf(value) : -1;
  if (index < 0) {
    throw new EvaluationTypeError(
      `Mức ${JSON.stringify(value)} không thuộc danh sách mức ${levels ? levels.join(', ') : '(chưa khai báo)'}`,
      comparator,
      value,
    );
  }
  return index;
}

export function isMet(
  comparator: Comparator,
  value: ObservedValue,
  threshold: number | boolean | string,
  levels?: readonly string[],
): boolean {
  switch (comparator) {
    case 'gte': {
      const t = expectNumber(comparator, threshold, 'ngưỡng');
      return expectNumber(comparator, value, 'giá trị') >= t - tolerance(t);
    }
    case 'gt': {
      const t = expectNumber(comparator, threshold, 'ngưỡng');
      return expectNumber(comparator, value, 'giá trị') > t + tolerance(t);
    }
    case 'lte': {
      const t = expectNumber(comparator, threshold, 'ngưỡng');
      return expectNumber(comparator, value, 'giá trị') <= t + tolerance(t);
    }
    case 'lt': {
      const t = expectNumber(comparator, threshold, 'ngưỡng');
      return expectNumber(comparator, value, 'giá trị') < t - tolerance(t);
    }
    case 'eq': {
      if (typeof threshold === 'number') {
        return Math.abs(expectNumber(comparator, value, 'giá trị') - threshold) <= tolerance(threshold);
      }
      if (typeof value !== typeof threshold) {
        throw new EvaluationTypeError(
          `Phép so sánh eq cần giá trị cùng kiểu với ngưỡng ${JSON.stringify(threshold)}, nhận được ${JSON.stringify(value)}`,
          comparator,
          value,
        );
      }
      return value === threshold;
    }
    case 'is_true':
      return expectBoolean(comparator, value);
    case 'is_false':
      return !expectBoolean(comparator, value);
    case 'level_gte':
      return levelIndex(comparator, value, levels) >= levelIndex(comparator, threshold, levels);
  }
}

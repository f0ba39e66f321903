import type { Comparator, ValueType } from './schema';

const comparatorsByValueType: Record<ValueType, readonly Comparator[]> = {
  boolean: ['is_true', 'is_false', 'eq'],
  number: ['gte', 'gt', 'lte', 'lt', 'eq'],
  percent: ['gte', 'gt', 'lte', 'lt', 'eq'],
  level: ['level_gte', 'eq'],
};

export function comparatorsFor(valueType: ValueType): readonly Comparator[] {
  return comparatorsByValueType[valueType];
}

export const valueTypeLabels: Record<ValueType, string> = {
  boolean: 'có/không',
  number: 'số',
  percent: 'tỷ lệ %',
  level: 'mức',
};

/** Whether a threshold value has the JS type a value of this type is compared with. */
export function thresholdValueFits(valueType: ValueType, value: number | boolean | string): boolean {
  switch (valueType) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'number':
    case 'percent':
      return typeof value === 'number' && Number.isFinite(value);
    case 'level':
      return typeof value === 'string';
  }
}

export function isNumericValueType(valueType: ValueType): boolean {
  return valueType === 'number' || valueType === 'percent';
}

import { describe, expect, it } from 'vitest';
import type { Measure } from '../catalog/schema';
import { checkObservation } from './validate-observation';

const measure = (overrides: Partial<Measure>): Measure => ({
  code: 'm',
  name: 'Đại lượng',
  unit: '%',
  valueType: 'percent',
  levelsObserved: ['commune'],
  rollup: { kind: 'none' },
  ...overrides,
});

describe('checkObservation', () => {
  it('accepts a percent within 0–100 and rejects one outside', () => {
    expect(checkObservation(measure({}), 55.5)).toBeNull();
    expect(checkObservation(measure({}), 100.1)).toBe('phải không quá 100');
    expect(checkObservation(measure({}), -1)).toBe('phải từ 0 trở lên');
  });
  it('uses the measure bounds for numbers', () => {
    const income = measure({ valueType: 'number', min: 0, max: 1000 });
    expect(checkObservation(income, 1000.5)).toBe('phải không quá 1.000');
    expect(checkObservation(income, 45)).toBeNull();
  });
  it('never coerces a wrong type', () => {
    expect(checkObservation(measure({}), '55')).toBe('phải là số');
    expect(checkObservation(measure({ valueType: 'boolean' }), 1)).toBe('phải là Đạt/Không đạt (true/false)');
    expect(checkObservation(measure({ valueType: 'boolean' }), true)).toBeNull();
    expect(checkObservation(measure({}), Number.NaN)).toBe('phải là số');
  });
  it('accepts only declared levels', () => {
    const level = measure({ valueType: 'level', levels: ['thấp', 'trung bình', 'cao'] });
    expect(checkObservation(level, 'cao')).toBeNull();
    expect(checkObservation(level, 'rất cao')).toBe('phải là một trong các mức: thấp, trung bình, cao');
  });
});

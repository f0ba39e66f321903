import { describe, expect, it } from 'vitest';
import type { Measure } from '../../api/catalog';
import type { CriteriaSetDetail } from '../../api/queries';
import { vi as messages } from '../../messages/vi';
import type { CriterionResult, IndicatorResult } from '../scorecard/indicator-format';
import { buildGroups, checkDraft, formMeasures, toDraft } from './entry-model';

const t = (key: keyof typeof messages, vars: Record<string, string | number> = {}) =>
  messages[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));

function measure(overrides: Partial<Measure>): Measure {
  return {
    code: 'poverty_rate',
    name: 'Tỷ lệ hộ nghèo',
    unit: '%',
    valueType: 'percent',
    levelsObserved: ['commune'],
    rollup: { kind: 'weighted_mean', weight: 'households' },
    ...overrides,
  };
}

const percent = measure({ min: 0, max: 100 });
const income = measure({ code: 'income', valueType: 'number', unit: 'triệu đồng', min: 0, max: 1000 });
const yesNo = measure({ code: 'has_market', valueType: 'boolean', unit: '' });

describe('checkDraft', () => {
  it('reads numbers typed the Vietnamese way', () => {
    expect(checkDraft(percent, '6,2', undefined, t)).toEqual({ kind: 'changed', value: 6.2 });
    expect(checkDraft(percent, ' 85 % ', undefined, t)).toEqual({ kind: 'changed', value: 85 });
    expect(checkDraft(income, '1.234,5', undefined, t)).toMatchObject({ kind: 'invalid' });
    expect(checkDraft(income, '45,5', 45.5, t)).toEqual({ kind: 'unchanged' });
  });

  it('explains an ambiguous or unreadable number in Vietnamese', () => {
    const ambiguous = checkDraft(income, '1.234', undefined, t);
    expect(ambiguous).toEqual({
      kind: 'invalid',
      message: '“1.234” có thể hiểu là 1234 hoặc 1,234. Hãy viết 1234 (không dấu chấm) hoặc 1,234.',
    });
    expect(checkDraft(income, 'năm mươi', undefined, t)).toEqual({
      kind: 'invalid',
      message: 'Nhập một số, ví dụ 6,2 (dấu phẩy thập phân).',
    });
  });

  it('keeps percentages within 0–100 and measures within their bounds', () => {
    expect(checkDraft(percent, '120', undefined, t)).toEqual({
      kind: 'invalid',
      message: 'Giá trị phải không quá 100.',
    });
    expect(checkDraft(income, '-1', undefined, t)).toEqual({
      kind: 'invalid',
      message: 'Giá trị phải từ 0 trở lên.',
    });
  });

  it('refuses to clear a saved number but lets an untouched empty field be', () => {
    expect(checkDraft(percent, '', 5, t)).toMatchObject({ kind: 'invalid' });
    expect(checkDraft(percent, '  ', undefined, t)).toEqual({ kind: 'unchanged' });
  });

  it('takes yes/no as a choice', () => {
    expect(checkDraft(yesNo, true, false, t)).toEqual({ kind: 'changed', value: true });
    expect(checkDraft(yesNo, true, true, t)).toEqual({ kind: 'unchanged' });
    expect(checkDraft(yesNo, null, undefined, t)).toEqual({ kind: 'unchanged' });
  });
});

describe('toDraft', () => {
  it('shows saved numbers with a decimal comma and no grouping, so they read back the same', () => {
    expect(toDraft(income, 234.5)).toBe('234,5');
    expect(checkDraft(income, toDraft(income, 234.5) as string, 234.5, t)).toEqual({ kind: 'unchanged' });
    const big = { ...income, max: 100_000 };
    expect(toDraft(big, 1234)).toBe('1234');
    expect(checkDraft(big, toDraft(big, 1234) as string, 1234, t)).toEqual({ kind: 'unchanged' });
    expect(toDraft(percent, undefined)).toBe('');
    expect(toDraft(yesNo, undefined)).toBeNull();
  });
});

describe('buildGroups', () => {
  const indicator = (code: string, m: string | null): IndicatorResult => ({
    code,
    name: `Chỉ tiêu ${code}`,
    measure: m,
    unit: '%',
    valueType: 'percent',
    comparator: 'gte',
    value: null,
    threshold: null,
    outcome: 'no_data',
    gap: null,
    leadDepartment: 'transport',
    provenance: null,
  });
  const criterion: CriterionResult = {
    number: '2',
    name: 'Giao thông',
    group: null,
    leadDepartment: 'transport',
    outcome: 'no_data',
    indicatorsMet: 0,
    indicatorsTotal: 2,
    indicators: [indicator('2.1', 'poverty_rate'), indicator('2.2', null)],
  };
  const derived = {
    code: '2.2',
    name: 'Chỉ tiêu 2.2',
    unit: '%',
    valueType: 'percent',
    comparator: 'gte',
    thresholds: [],
    textSource: { ref: 't', verified: false },
    derived: {
      op: 'div',
      left: { measure: 'income' },
      right: { op: 'add', left: { measure: 'poverty_rate' }, right: { measure: 'unknown' } },
    },
  } as const;
  const set = {
    criteria: [{ number: '2', indicators: [derived] }],
  } as unknown as CriteriaSetDetail['criteriaSet'];

  it('gives a derived indicator the measures its formula reads, and each measure one field', () => {
    const groups = buildGroups([criterion], set, new Map([percent, income].map((m) => [m.code, m])));
    expect(
      groups[0]?.rows.map((r) => [r.indicator.code, r.measure?.code ?? null, r.inputs.map((m) => m.code)]),
    ).toEqual([
      ['2.1', 'poverty_rate', []],
      ['2.2', null, ['income', 'poverty_rate']],
    ]);
    expect(formMeasures(groups).map((m) => m.code)).toEqual(['poverty_rate', 'income']);
  });
});

import { describe, expect, it } from 'vitest';
import { en } from '../../messages/en';
import {
  englishGap,
  formatObservedValue,
  formatRequirement,
  gapWithoutName,
  type IndicatorResult,
} from './indicator-format';

const yesNo = { yes: 'Đạt', no: 'Không đạt' };
const percent = { valueType: 'percent', unit: '%' } as const;
const income = { valueType: 'number', unit: 'triệu đồng/người/năm' } as const;

describe('formatObservedValue', () => {
  it('writes numbers the Vietnamese way with their unit', () => {
    expect(formatObservedValue(6.2, percent, yesNo)).toBe('6,2%');
    expect(formatObservedValue(91.73228346456693, percent, yesNo)).toBe('91,73%');
    expect(formatObservedValue(1234.5, income, yesNo)).toBe('1.234,5 triệu đồng/người/năm');
    expect(formatObservedValue(3, { valueType: 'number', unit: '' }, yesNo)).toBe('3');
  });

  it('reads yes/no in the current language and keeps level names', () => {
    expect(formatObservedValue(true, { valueType: 'boolean', unit: '' }, yesNo)).toBe('Đạt');
    expect(
      formatObservedValue(false, { valueType: 'boolean', unit: '' }, { yes: 'Met', no: 'Not met' }),
    ).toBe('Not met');
    expect(formatObservedValue('Khá', { valueType: 'level', unit: '' }, yesNo)).toBe('Khá');
  });
});

describe('formatRequirement', () => {
  it('puts the comparator before the threshold', () => {
    expect(formatRequirement('gte', 70, percent, yesNo)).toBe('≥ 70%');
    expect(formatRequirement('lte', 0, { valueType: 'number', unit: 'nhà' }, yesNo)).toBe('≤ 0 nhà');
    expect(formatRequirement('gte', 45.5, income, yesNo)).toBe('≥ 45,5 triệu đồng/người/năm');
    expect(formatRequirement('level_gte', 'Khá', { valueType: 'level', unit: '' }, yesNo)).toBe('≥ “Khá”');
  });

  it('says what a yes/no indicator requires', () => {
    expect(formatRequirement('is_true', true, { valueType: 'boolean', unit: '' }, yesNo)).toBe('Đạt');
    expect(formatRequirement('is_false', false, { valueType: 'boolean', unit: '' }, yesNo)).toBe('Không đạt');
  });
});

describe('gapWithoutName', () => {
  it('drops the indicator name the line above already shows', () => {
    const name = 'Tỷ lệ học sinh tốt nghiệp THCS được tiếp tục học';
    expect(gapWithoutName(`${name} 77,5% — thấp hơn ngưỡng 85% là 7,5 điểm %`, name)).toBe(
      '77,5% — thấp hơn ngưỡng 85% là 7,5 điểm %',
    );
    expect(gapWithoutName('Mức: mức “Khá” — đạt mức yêu cầu “Khá”', 'Mức')).toBe(
      'mức “Khá” — đạt mức yêu cầu “Khá”',
    );
  });

  it('keeps a sentence that does not start with the name, or would be left empty', () => {
    expect(gapWithoutName('Chưa đạt (yêu cầu: Đạt)', 'Có chợ')).toBe('Chưa đạt (yêu cầu: Đạt)');
    expect(gapWithoutName('Có chợ', 'Có chợ')).toBe('Có chợ');
  });
});

describe('englishGap', () => {
  const t = (key: string, vars: Record<string, string | number> = {}) =>
    (en[key as keyof typeof en] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));
  const english = { yes: 'Yes', no: 'No' };
  const indicator = (patch: Partial<IndicatorResult>): IndicatorResult => ({
    code: '2.1',
    name: 'Đường xã được nhựa hóa',
    measure: 'm',
    unit: '%',
    valueType: 'percent',
    comparator: 'gte',
    value: 77.5,
    threshold: { value: 85, source: { ref: 'S', verified: true }, illustrative: false, selectedBy: '' },
    outcome: 'not_met',
    gap: { amount: -7.5, unit: 'điểm %', sentence: '', normalised: 0.09 },
    leadDepartment: 'transport',
    provenance: 'own',
    ...patch,
  });

  it('says how far below or above a numeric threshold the value is', () => {
    expect(englishGap(indicator({}), t, english)).toBe(
      '77,5% — 7,5 percentage points below the threshold 85%',
    );
    expect(
      englishGap(
        indicator({
          valueType: 'number',
          unit: 'triệu đồng/người/năm',
          comparator: 'gte',
          value: 41.5,
          threshold: { value: 45, source: { ref: 'S', verified: true }, illustrative: false, selectedBy: '' },
        }),
        t,
        english,
      ),
    ).toBe(
      '41,5 triệu đồng/người/năm — 3,5 triệu đồng/người/năm below the threshold 45 triệu đồng/người/năm',
    );
    expect(englishGap(indicator({ value: 90, outcome: 'met' }), t, english)).toBe(
      '90% — meets the threshold ≥ 85%',
    );
  });

  it('names what a yes/no or level indicator requires', () => {
    expect(
      englishGap(
        indicator({ valueType: 'boolean', comparator: 'is_true', value: false, unit: '' }),
        t,
        english,
      ),
    ).toBe('Not met (required: Yes)');
    expect(
      englishGap(
        indicator({
          valueType: 'level',
          comparator: 'level_gte',
          value: 'Trung bình',
          threshold: {
            value: 'Khá',
            source: { ref: 'S', verified: true },
            illustrative: false,
            selectedBy: '',
          },
          gap: { amount: -1, unit: 'mức', sentence: '', normalised: 0.5 },
        }),
        t,
        english,
      ),
    ).toBe('level “Trung bình” — 1 level(s) below the required “Khá”');
  });

  it('has nothing to say without a value', () => {
    expect(englishGap(indicator({ value: null, outcome: 'no_data', gap: null }), t, english)).toBeNull();
  });
});

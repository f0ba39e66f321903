import { describe, expect, it } from 'vitest';
import { formatObservedValue, formatRequirement, gapWithoutName } from './indicator-format';

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

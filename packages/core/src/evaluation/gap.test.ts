import { describe, expect, it } from 'vitest';
import { buildIndicator } from '../testing/builders';
import { EvaluationTypeError } from './compare';
import { computeGap, describeNoData } from './gap';
import type { SelectedThreshold } from './result';

function threshold(value: number | boolean | string): SelectedThreshold {
  return { value, source: { ref: 'TEST', verified: false }, illustrative: false, selectedBy: 'ngưỡng chung' };
}

const income = buildIndicator();
const poverty = buildIndicator({
  code: '11.1',
  name: 'Tỷ lệ hộ nghèo đa chiều',
  measure: 'poverty_rate',
  unit: '%',
  valueType: 'percent',
  comparator: 'lte',
});

describe('computeGap', () => {
  it('describes a ceiling exceeded, in percentage points', () => {
    expect(computeGap(poverty, 6.2, threshold(5))).toEqual({
      amount: -1.2,
      unit: 'điểm %',
      sentence: 'Tỷ lệ hộ nghèo đa chiều 6,2% — cao hơn ngưỡng 5% là 1,2 điểm %',
      normalised: expect.closeTo(0.24, 9),
    });
  });

  it('describes a floor not reached, in the indicator unit', () => {
    expect(computeGap(income, 41.5, threshold(45))).toEqual({
      amount: -3.5,
      unit: 'triệu đồng/người/năm',
      sentence:
        'Thu nhập bình quân đầu người 41,5 triệu đồng/người/năm — thấp hơn ngưỡng 45 triệu đồng/người/năm là 3,5 triệu đồng/người/năm',
      normalised: expect.closeTo(3.5 / 45, 9),
    });
  });

  it('describes a met threshold with a positive margin', () => {
    expect(computeGap(income, 52, threshold(45))).toEqual({
      amount: 7,
      unit: 'triệu đồng/người/năm',
      sentence: 'Thu nhập bình quân đầu người 52 triệu đồng/người/năm — đạt ngưỡng ≥ 45',
      normalised: 0,
    });
    expect(computeGap(poverty, 1234.5, threshold(2000)).sentence).toBe(
      'Tỷ lệ hộ nghèo đa chiều 1.234,5% — đạt ngưỡng ≤ 2.000%',
    );
  });

  it('uses the raw shortfall when the threshold is zero', () => {
    const violations = buildIndicator({ name: 'Số vụ vi phạm', unit: 'vụ', comparator: 'lte' });
    expect(computeGap(violations, 2, threshold(0))).toMatchObject({
      amount: -2,
      normalised: 2,
      sentence: 'Số vụ vi phạm 2 vụ — cao hơn ngưỡng 0 vụ là 2 vụ',
    });
  });

  it('describes yes/no indicators', () => {
    const plan = buildIndicator({
      name: 'Có quy hoạch chung',
      valueType: 'boolean',
      comparator: 'is_true',
      unit: '',
    });
    expect(computeGap(plan, false, threshold(true))).toEqual({
      amount: null,
      unit: '',
      sentence: 'Chưa đạt (yêu cầu: Đạt)',
      normalised: 1,
    });
    expect(computeGap(plan, true, threshold(true))).toMatchObject({ sentence: 'Đạt', normalised: 0 });
    const violation = buildIndicator({ valueType: 'boolean', comparator: 'is_false', unit: '' });
    expect(computeGap(violation, true, threshold(true)).sentence).toBe('Chưa đạt (yêu cầu: Không)');
  });

  it('describes levels by steps on the ladder', () => {
    const levels = ['Yếu', 'Trung bình', 'Khá', 'Tốt'];
    const safety = buildIndicator({
      name: 'Xếp loại',
      valueType: 'level',
      comparator: 'level_gte',
      unit: '',
    });
    expect(computeGap(safety, 'Trung bình', threshold('Tốt'), levels)).toEqual({
      amount: -2,
      unit: 'mức',
      sentence: 'Xếp loại: mức “Trung bình” — thấp hơn mức yêu cầu “Tốt” 2 mức',
      normalised: 2 / 3,
    });
    expect(computeGap(safety, 'Tốt', threshold('Khá'), levels)).toMatchObject({
      amount: 1,
      normalised: 0,
      sentence: 'Xếp loại: mức “Tốt” — đạt mức yêu cầu “Khá”',
    });
  });

  it('throws on a value of the wrong type', () => {
    expect(() => computeGap(income, '41,5', threshold(45))).toThrow(EvaluationTypeError);
  });
});

describe('describeNoData', () => {
  it('says data is missing, or inputs are missing for derived indicators', () => {
    expect(describeNoData(income)).toBe('Chưa có số liệu');
    expect(describeNoData(buildIndicator({ derived: { const: 1 } }))).toBe('Chưa đủ số liệu để tính');
  });
});

import { describe, expect, it } from 'vitest';
import { vi } from '../../messages/vi';
import { describeTarget, forecastText, type TargetProgress } from './target-view';

const t = (key: keyof typeof vi, vars: Record<string, string | number> = {}) =>
  vi[key].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name]));

function buildTarget(overrides: Partial<TargetProgress> = {}): TargetProgress {
  return {
    id: 't-1',
    year: 2021,
    scopeUnitId: 'p-1',
    metric: 'communes_standard_new',
    metricLabel: 'Số xã được công nhận đạt chuẩn NTM trong năm',
    label: 'Thêm 8 xã đạt chuẩn NTM',
    target: 8,
    actual: 6,
    progress: 0.75,
    directiveId: null,
    note: null,
    params: {},
    direction: 'at_least',
    forecast: { expected: 6, min: 6, max: 6, onTrack: false, monthsLeft: 0, assumptions: [] },
    registeredCount: 0,
    ...overrides,
  };
}

describe('describeTarget', () => {
  it('reads a count target with its shortfall in Vietnamese', () => {
    expect(describeTarget(buildTarget(), t)).toEqual({
      actual: '6',
      target: '8',
      unit: 'xã',
      percent: 75,
      percentText: '75%',
      reached: false,
      status: 'Còn thiếu 2 xã',
    });
  });

  it('formats the average with a decimal comma and two digits', () => {
    const view = describeTarget(
      buildTarget({
        metric: 'average_criteria_per_commune',
        target: 17.5,
        actual: 17.119266,
        progress: 0.97824,
      }),
      t,
    );
    expect([view.actual, view.target, view.unit, view.percentText, view.status]).toEqual([
      '17,12',
      '17,5',
      'tiêu chí/xã',
      '98%',
      'Còn thiếu 0,38 tiêu chí/xã',
    ]);
  });

  it('caps the bar at 100% and says by how much a target is exceeded', () => {
    const view = describeTarget(
      buildTarget({ metric: 'scheme_villages_standard', target: 29, actual: 1234, progress: 1234 / 29 }),
      t,
    );
    expect([view.actual, view.percent, view.reached, view.status]).toEqual([
      '1.234',
      100,
      true,
      'Vượt 1.205 thôn',
    ]);
    expect(describeTarget(buildTarget({ actual: 8, progress: 1 }), t).status).toBe('Đạt mục tiêu');
  });

  it('shows a missing result as such, not as zero', () => {
    const view = describeTarget(buildTarget({ actual: null, progress: null }), t);
    expect([view.actual, view.percent, view.status]).toEqual(['—', 0, 'Chưa tính được kết quả']);
  });
});

describe('forecastText and at-most targets', () => {
  const range = (min: string, max: string) => `khoảng ${min}–${max}`;
  it('shows the expected value with its range, or alone when the range is one value', () => {
    const target = buildTarget({
      forecast: { expected: 6.5, min: 6, max: 7, onTrack: false, monthsLeft: 6, assumptions: [] },
    });
    expect(forecastText(target, range)).toBe('6,5 (khoảng 6–7)');
    expect(forecastText(buildTarget(), range)).toBe('6');
    expect(
      forecastText(buildTarget({ forecast: { ...buildTarget().forecast, expected: null } }), range),
    ).toBeNull();
  });

  it('reads fewer communes under N criteria than the target as reached', () => {
    const under = buildTarget({
      metric: 'communes_under_criteria',
      direction: 'at_most',
      target: 5,
      actual: 3,
    });
    expect(describeTarget(under, t)).toMatchObject({ reached: true, percent: 100 });
    expect(describeTarget({ ...under, actual: 7 }, t)).toMatchObject({ reached: false, status: 'Vượt 2 xã' });
  });
});

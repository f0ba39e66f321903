import { describe, expect, it } from 'vitest';
import { criteriaPace, forecastTarget, monthsLeftInYear, type RegisteredUnitStatus } from './forecast';

const unit = (unitId: string, overrides: Partial<RegisteredUnitStatus> = {}): RegisteredUnitStatus => ({
  unitId,
  recognised: false,
  criteriaMissing: 0,
  pendingRecognition: null,
  ...overrides,
});

const base = {
  metric: 'communes_standard_new' as const,
  direction: 'at_least' as const,
  year: 2021,
  asOf: '2021-06-30',
  target: 4,
  pace: { criteriaPerYear: 2, fromYear: 2019, toYear: 2021 },
};

describe('monthsLeftInYear', () => {
  it('is 12 before the year, 0 after it, and about half at mid-year', () => {
    expect(monthsLeftInYear(2021, '2020-11-01')).toBe(12);
    expect(monthsLeftInYear(2021, '2022-01-05')).toBe(0);
    expect(monthsLeftInYear(2021, '2021-12-31')).toBe(0);
    expect(monthsLeftInYear(2021, '2021-06-30')).toBeCloseTo(6, 0);
  });
});

describe('forecastTarget', () => {
  it('adds registered units by how far they are from the tier and says how', () => {
    const result = forecastTarget({
      ...base,
      actual: 1,
      registered: [
        unit('done', { recognised: true }),
        unit('ready'),
        unit('one-short', { criteriaMissing: 1 }),
        unit('far', { criteriaMissing: 5 }),
        unit('unknown', { criteriaMissing: null }),
      ],
    });
    expect(result.units.map((u) => u.outlook)).toEqual([
      'recognised',
      'likely',
      'possible',
      'unlikely',
      'possible',
    ]);
    // 1 counted + 1 likely + half of 2 possible.
    expect(result.expected).toBe(3);
    expect(result.min).toBe(2);
    expect(result.max).toBe(4);
    expect(result.onTrack).toBe(false);
    expect(result.assumptions.join(' ')).toContain('2019–2021');
  });

  it('capacity follows the pace: a unit 2 criteria short is possible at 4 a year, not at 2', () => {
    const registered = [unit('x', { criteriaMissing: 2 })];
    expect(forecastTarget({ ...base, actual: 0, registered }).units[0]?.outlook).toBe('unlikely');
    const faster = forecastTarget({
      ...base,
      actual: 0,
      registered,
      pace: { ...base.pace, criteriaPerYear: 4 },
    });
    expect(faster.units[0]?.outlook).toBe('possible');
  });

  it('once the year is over the forecast is the actual', () => {
    const result = forecastTarget({ ...base, asOf: '2026-11-26', actual: 3, registered: [unit('ready')] });
    expect([result.expected, result.min, result.max]).toEqual([3, 3, 3]);
    expect(result.assumptions[0]).toContain('đã kết thúc');
  });

  it('projects the average with the pace, capped by the set, and states a missing history', () => {
    const result = forecastTarget({
      ...base,
      metric: 'average_criteria_per_commune',
      target: 17.5,
      actual: 16,
      registered: [],
      pace: null,
      criteriaTotal: 19,
    });
    expect(result.expected).toBeCloseTo(16.5, 1);
    expect(result.min).toBe(16);
    expect(result.assumptions.join(' ')).toContain('Chưa đủ số liệu');
  });

  it('counts communes still under N after the remaining months for an at-most target', () => {
    const result = forecastTarget({
      ...base,
      metric: 'communes_under_criteria',
      direction: 'at_most',
      target: 1,
      actual: 3,
      registered: [],
      belowCriteria: 10,
      communeCriteriaMet: [9.5, 8, 3, 15],
    });
    // 6 months at 2 a year: 1 criterion; 9.5 and 8 → only 8 and 3 stay under... 8+1=9 < 10.
    expect(result.expected).toBe(2);
    expect(result.onTrack).toBe(false);
  });
});

describe('criteriaPace', () => {
  it('is the mean yearly change between the first and last year', () => {
    expect(
      criteriaPace([
        { year: 2021, averageCriteriaMet: 16 },
        { year: 2019, averageCriteriaMet: 13 },
      ]),
    ).toEqual({ criteriaPerYear: 1.5, fromYear: 2019, toYear: 2021 });
    expect(criteriaPace([{ year: 2021, averageCriteriaMet: 16 }])).toBeNull();
  });
});

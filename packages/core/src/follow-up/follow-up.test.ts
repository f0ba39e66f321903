import { describe, expect, it } from 'vitest';
import { evaluateUnit } from '../evaluation/evaluate';
import type { Outcome } from '../evaluation/result';
import { summariseEvaluation } from '../evaluation/rollup';
import {
  buildCommune,
  buildCriteria,
  buildCriterion,
  buildIndicator,
  buildMeasure,
  buildSet,
  buildSource,
  buildThreshold,
} from '../testing/builders';
import type { ObservedValue } from '../values/value';
import { maintenanceChanges } from './maintenance';
import { addDays, deadlineState, type ObstacleActor, obstacleDueDate, transitionObstacle } from './obstacles';
import { type ResponsibilityOverride, ResponsibilityResolver, responsibilityMatrix } from './responsibility';
import { assembleWorklist, criteriaLedBy, criterionShares } from './worklist';

const roads = buildCriterion({
  number: '2',
  name: 'Giao thông',
  leadDepartment: 'transport',
  leadDepartmentSource: buildSource({ verified: true }),
  indicators: [
    buildIndicator({
      code: '2.1',
      name: 'Đường xã',
      measure: 'm1',
      unit: '%',
      thresholds: [buildThreshold({ value: 100 })],
    }),
    buildIndicator({
      code: '2.2',
      name: 'Đường thôn',
      measure: 'm2',
      unit: '%',
      thresholds: [buildThreshold({ value: 70 })],
    }),
    buildIndicator({
      code: '2.3',
      name: 'Đường nội đồng',
      measure: 'm3',
      unit: '%',
      thresholds: [buildThreshold({ value: 50 })],
      leadDepartment: 'agriculture',
    }),
  ],
});
const income = buildCriterion({ number: '10', leadDepartment: 'agriculture' });
const set = buildSet({ id: 's', criteria: [roads, income] });

const override = (o: Partial<ResponsibilityOverride>): ResponsibilityOverride => ({
  criteriaSetId: 's',
  year: 2021,
  criterionNumber: '2',
  indicatorCode: null,
  departmentCode: 'construction',
  contact: { name: 'Nguyễn Văn A (demo)', phone: null, email: null },
  ...o,
});

describe('responsibility', () => {
  it('takes the catalog default, with whether its source is verified', () => {
    const resolver = new ResponsibilityResolver(set, 2021, []);
    expect(resolver.route('2', null)).toMatchObject({
      departmentCode: 'transport',
      origin: 'catalog',
      verified: true,
    });
    expect(resolver.route('2', '2.3')).toMatchObject({ departmentCode: 'agriculture' });
    expect(resolver.route('10', null)).toMatchObject({ departmentCode: 'agriculture', verified: false });
    expect(resolver.route('99', null)).toBeNull();
    expect(resolver.route('2', '9.9')).toBeNull();
  });

  it('applies a province override for its year only, criterion then indicator', () => {
    const overrides = [
      override({}),
      override({ criterionNumber: '10', indicatorCode: '10.1', departmentCode: 'finance' }),
    ];
    const in2021 = new ResponsibilityResolver(set, 2021, overrides);
    expect(in2021.route('2', '2.1')).toMatchObject({ departmentCode: 'construction', origin: 'province' });
    // The catalog gives 2.3 to another department: a criterion-level override leaves it there.
    expect(in2021.route('2', '2.3')).toMatchObject({ departmentCode: 'agriculture', origin: 'catalog' });
    expect(in2021.route('10', '10.1')).toMatchObject({ departmentCode: 'finance' });
    expect(in2021.route('10', null)).toMatchObject({ departmentCode: 'agriculture' });
    expect(new ResponsibilityResolver(set, 2022, overrides).route('2', '2.1')).toMatchObject({
      departmentCode: 'transport',
    });
  });

  it('lists criteria and the indicators whose department differs', () => {
    const rows = responsibilityMatrix(new ResponsibilityResolver(set, 2021, []));
    expect(rows.map((r) => [r.criterionNumber, r.indicatorCode, r.departmentCode])).toEqual([
      ['2', null, 'transport'],
      ['2', '2.3', 'agriculture'],
      ['10', null, 'agriculture'],
    ]);
  });
});

describe('obstacle due dates and deadlines', () => {
  it('adds the days of the severity, across months and leap years', () => {
    expect(obstacleDueDate('2024-02-25', 'urgent')).toBe('2024-03-03');
    expect(obstacleDueDate('2021-12-20', 'high')).toBe('2022-01-04');
    expect(obstacleDueDate('2021-03-01', 'normal')).toBe('2021-03-31');
    expect(obstacleDueDate('2021-03-01', 'low')).toBe('2021-04-30');
    expect(addDays('2021-01-31T23:59:00Z', 1)).toBe('2021-02-01');
  });

  it('is approaching within the warning days, overdue after the due date, closed once settled', () => {
    const open = { status: 'open' as const, dueDate: '2021-03-10' };
    expect(deadlineState(open, '2021-03-01', 3)).toBe('on_time');
    expect(deadlineState(open, '2021-03-07', 3)).toBe('approaching');
    expect(deadlineState(open, '2021-03-10', 3)).toBe('approaching');
    expect(deadlineState(open, '2021-03-11', 3)).toBe('overdue');
    expect(deadlineState({ ...open, status: 'resolved' }, '2021-04-11', 3)).toBe('closed');
  });
});

describe('obstacle state machine', () => {
  const transport: ObstacleActor = {
    role: 'department',
    departmentCodes: new Set(['transport']),
    coversUnit: false,
  };
  const health: ObstacleActor = {
    role: 'department',
    departmentCodes: new Set(['health']),
    coversUnit: false,
  };
  const commune: ObstacleActor = { role: 'commune', departmentCodes: new Set(), coversUnit: true };
  const obstacle = { status: 'open' as const, departmentCode: 'transport' };

  it('lets the lead department take, resolve with a resolution and reject with a reason', () => {
    expect(transitionObstacle(obstacle, { kind: 'start' }, transport)).toEqual({
      ok: true,
      status: 'in_progress',
    });
    expect(
      transitionObstacle(
        { ...obstacle, status: 'in_progress' },
        { kind: 'resolve', resolution: 'Đã bố trí vốn' },
        transport,
      ),
    ).toEqual({ ok: true, status: 'resolved' });
    expect(
      transitionObstacle(obstacle, { kind: 'reject', reason: 'Không thuộc tiêu chí 2' }, transport),
    ).toEqual({
      ok: true,
      status: 'rejected',
    });
  });

  it('refuses another department, the raiser handling it, and empty texts', () => {
    expect(transitionObstacle(obstacle, { kind: 'start' }, health)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(transitionObstacle(obstacle, { kind: 'resolve', resolution: 'xong rồi' }, commune)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(transitionObstacle(obstacle, { kind: 'resolve', resolution: '  ' }, transport)).toMatchObject({
      ok: false,
      code: 'reason_required',
    });
  });

  it('reopens only a settled obstacle, by the side that raised it', () => {
    const resolved = { ...obstacle, status: 'resolved' as const };
    expect(transitionObstacle(resolved, { kind: 'reopen', reason: 'Chưa khắc phục xong' }, commune)).toEqual({
      ok: true,
      status: 'open',
    });
    expect(
      transitionObstacle(obstacle, { kind: 'reopen', reason: 'Chưa khắc phục xong' }, commune),
    ).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
    expect(transitionObstacle(resolved, { kind: 'start' }, transport)).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
  });
});

const outcomes = (o: Record<string, Outcome>) => new Map(Object.entries(o));

describe('maintenance alert detection', () => {
  it('raises when a met indicator becomes not met or loses its data in the same year', () => {
    const changes = maintenanceChanges({
      sameYear: outcomes({ a: 'met', b: 'met', c: 'not_met', d: 'met' }),
      previousYear: null,
      current: outcomes({ a: 'not_met', b: 'no_data', c: 'not_met', d: 'met' }),
      active: new Set(),
    });
    expect(changes).toEqual({
      raise: [
        { indicatorCode: 'a', kind: 'not_met' },
        { indicatorCode: 'b', kind: 'no_data' },
      ],
      resolve: [],
    });
  });

  it('compares a year not yet looked at with last year, ignoring data not yet entered', () => {
    const changes = maintenanceChanges({
      sameYear: null,
      previousYear: outcomes({ a: 'met', b: 'met', c: 'not_met' }),
      current: outcomes({ a: 'not_met', b: 'no_data', c: 'not_met' }),
      active: new Set(),
    });
    expect(changes.raise).toEqual([{ indicatorCode: 'a', kind: 'not_met' }]);
  });

  it('keeps one alert per indicator and resolves it when the indicator is met again', () => {
    const changes = maintenanceChanges({
      sameYear: outcomes({ a: 'met', b: 'not_met' }),
      previousYear: null,
      current: outcomes({ a: 'not_met', b: 'met' }),
      active: new Set(['a', 'b']),
    });
    expect(changes).toEqual({ raise: [], resolve: ['b'] });
  });
});

describe('worklist', () => {
  const measures = new Map(
    ['m1', 'm2', 'm3', 'income_per_capita'].map((code) => [
      code,
      buildMeasure({ code, unit: '%', valueType: 'percent' }),
    ]),
  );
  const evaluate = (id: string, values: Record<string, ObservedValue>) =>
    evaluateUnit({
      set,
      unit: buildCommune({ id }),
      year: 2021,
      values: new Map(Object.entries(values)),
      recognitions: [],
      measures,
    });
  const full = { m1: 100, m2: 80, m3: 60, income_per_capita: 50 };
  const evaluations = [
    evaluate('c-met', full),
    evaluate('c-roads', { ...full, m1: 90 }),
    evaluate('c-field', { ...full, m3: 10 }),
    evaluate('c-nodata', { m3: 60, income_per_capita: 50 }),
  ];

  it('lists every unit whose criterion fails on an indicator of the department, with the gap', () => {
    const items = assembleWorklist(
      evaluations,
      new ResponsibilityResolver(set, 2021, []),
      new Set(['transport']),
    );
    expect(
      items.map((i) => [i.unitId, i.criterionNumber, i.outcome, i.indicators.map((x) => x.code)]),
    ).toEqual([
      ['c-roads', '2', 'not_met', ['2.1']],
      ['c-nodata', '2', 'no_data', ['2.1', '2.2']],
    ]);
    expect(items[0]?.indicators[0]?.gapSentence).toMatch(/10/);
    expect(items[1]?.normalisedGap).toBe(2);
  });

  it('follows the province assignment of the year', () => {
    const resolver = new ResponsibilityResolver(set, 2021, [
      override({ indicatorCode: '2.3', departmentCode: 'transport' }),
    ]);
    const items = assembleWorklist(evaluations, resolver, new Set(['transport']));
    expect(items.map((i) => i.unitId)).toEqual(['c-roads', 'c-field', 'c-nodata']);
    expect(criteriaLedBy(new ResponsibilityResolver(set, 2021, []), new Set(['agriculture']))).toEqual([
      '2',
      '10',
    ]);
  });

  it('gives the share of communes meeting each criterion', () => {
    const shares = criterionShares(['2', '10'], evaluations.map(summariseEvaluation));
    expect(shares.get('2')).toEqual({ criterionNumber: '2', met: 1, evaluated: 4, percent: 25 });
    expect(shares.get('10')?.percent).toBe(100);
    expect(criterionShares(['2'], []).get('2')?.percent).toBeNull();
  });
});

it('builds sets of many criteria for the shares', () => {
  const many = buildSet({ criteria: buildCriteria(3) });
  expect(criteriaLedBy(new ResponsibilityResolver(many, 2021, []), new Set(['agriculture']))).toEqual([
    '1',
    '2',
    '3',
  ]);
});

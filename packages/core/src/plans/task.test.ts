import { describe, expect, it } from 'vitest';
import { daysOverdue, isTaskOverdue } from './task';

describe('task deadlines', () => {
  it('is on time on the deadline day and overdue the day after, unless done', () => {
    const task = { status: 'open' as const, deadline: '2021-03-31' };
    expect(isTaskOverdue(task, '2021-03-31')).toBe(false);
    expect(isTaskOverdue(task, '2021-04-01')).toBe(true);
    expect(daysOverdue(task, '2021-04-10')).toBe(10);
    expect(isTaskOverdue({ ...task, status: 'done' }, '2022-01-01')).toBe(false);
  });
});

import { z } from 'zod';

export const TaskStatus = z.enum(['open', 'in_progress', 'done']);
export type TaskStatus = z.infer<typeof TaskStatus>;

export const taskStatusLabels: Record<TaskStatus, string> = {
  open: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  done: 'Đã hoàn thành',
};

/** A task not done whose deadline has passed: the deadline day itself still counts as on time. */
export function isTaskOverdue(task: { status: TaskStatus; deadline: string }, today: string): boolean {
  return task.status !== 'done' && task.deadline < today;
}

/** Whole days past the deadline on `today` (0 when not overdue). */
export function daysOverdue(task: { status: TaskStatus; deadline: string }, today: string): number {
  if (!isTaskOverdue(task, today)) return 0;
  return Math.round(
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${task.deadline}T00:00:00Z`)) / 86_400_000,
  );
}

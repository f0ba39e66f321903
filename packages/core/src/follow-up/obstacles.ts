import { z } from 'zod';
import type { Role } from '../access/roles';

export const ObstacleStatus = z.enum(['open', 'in_progress', 'resolved', 'rejected']);
export type ObstacleStatus = z.infer<typeof ObstacleStatus>;

export const ObstacleSeverity = z.enum(['low', 'normal', 'high', 'urgent']);
export type ObstacleSeverity = z.infer<typeof ObstacleSeverity>;

export const obstacleStatusLabels: Record<ObstacleStatus, string> = {
  open: 'Mới nêu',
  in_progress: 'Đang xử lý',
  resolved: 'Đã giải quyết',
  rejected: 'Không tiếp nhận',
};

export const obstacleSeverityLabels: Record<ObstacleSeverity, string> = {
  low: 'Thấp',
  normal: 'Bình thường',
  high: 'Cao',
  urgent: 'Khẩn',
};

/**
 * Days the lead department has to answer, by severity. Set by the program office; not from a
 * legal text (no decision fixes them), so the province may change them here.
 */
export const obstacleDueDays: Record<ObstacleSeverity, number> = {
  urgent: 7,
  high: 15,
  normal: 30,
  low: 60,
};

/** Calendar days after an ISO date (yyyy-mm-dd), in UTC so no time zone shifts the day. */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both yyyy-mm-dd); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to.slice(0, 10)}T00:00:00Z`) - Date.parse(`${from.slice(0, 10)}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

export function obstacleDueDate(raisedOn: string, severity: ObstacleSeverity): string {
  return addDays(raisedOn, obstacleDueDays[severity]);
}

export function isObstacleClosed(status: ObstacleStatus): boolean {
  return status === 'resolved' || status === 'rejected';
}

export type DeadlineState = 'closed' | 'on_time' | 'approaching' | 'overdue';

/** Where an obstacle stands against its due date on `today`; approaching within `warnDays`. */
export function deadlineState(
  obstacle: { status: ObstacleStatus; dueDate: string },
  today: string,
  warnDays: number,
): DeadlineState {
  if (isObstacleClosed(obstacle.status)) return 'closed';
  const left = daysBetween(today, obstacle.dueDate);
  if (left < 0) return 'overdue';
  return left <= warnDays ? 'approaching' : 'on_time';
}

export type ObstacleAction =
  | { kind: 'start' }
  | { kind: 'resolve'; resolution: string }
  | { kind: 'reject'; reason: string }
  | { kind: 'reopen'; reason: string };

export type ObstacleActionKind = ObstacleAction['kind'];

/** Who acts, as far as the state machine cares. */
export interface ObstacleActor {
  role: Role;
  /** The department's lineage (itself and departments merged into it) for a department user. */
  departmentCodes: ReadonlySet<string>;
  /** The actor may raise obstacles on the obstacle's unit (its own area). */
  coversUnit: boolean;
}

export type TransitionResult =
  | { ok: true; status: ObstacleStatus }
  | { ok: false; code: 'forbidden' | 'invalid_transition' | 'reason_required'; message: string };

const allowedFrom: Record<ObstacleActionKind, readonly ObstacleStatus[]> = {
  start: ['open'],
  resolve: ['open', 'in_progress'],
  reject: ['open', 'in_progress'],
  reopen: ['resolved', 'rejected'],
};

const target: Record<ObstacleActionKind, ObstacleStatus> = {
  start: 'in_progress',
  resolve: 'resolved',
  reject: 'rejected',
  reopen: 'open',
};

const actionLabels: Record<ObstacleActionKind, string> = {
  start: 'tiếp nhận xử lý',
  resolve: 'đánh dấu đã giải quyết',
  reject: 'không tiếp nhận',
  reopen: 'mở lại',
};

/** The lead department (or the program office) handles; the side that raised it may reopen. */
export function canHandleObstacle(actor: ObstacleActor, departmentCode: string): boolean {
  return (
    actor.role === 'province_admin' ||
    (actor.role === 'department' && actor.departmentCodes.has(departmentCode))
  );
}

/**
 * open → in_progress → resolved (with the resolution) | rejected (with the reason);
 * resolved or rejected → open again (reopen, with the reason).
 */
export function transitionObstacle(
  obstacle: { status: ObstacleStatus; departmentCode: string },
  action: ObstacleAction,
  actor: ObstacleActor,
): TransitionResult {
  const label = actionLabels[action.kind];
  const mayAct =
    action.kind === 'reopen'
      ? actor.role === 'province_admin' ||
        actor.coversUnit ||
        canHandleObstacle(actor, obstacle.departmentCode)
      : canHandleObstacle(actor, obstacle.departmentCode);
  if (!mayAct) {
    return {
      ok: false,
      code: 'forbidden',
      message:
        action.kind === 'reopen'
          ? `Chỉ đơn vị đã nêu vướng mắc, sở phụ trách hoặc Văn phòng Điều phối mới được ${label}.`
          : `Chỉ sở, ngành phụ trách tiêu chí (hoặc Văn phòng Điều phối) mới được ${label} vướng mắc này.`,
    };
  }
  if (!allowedFrom[action.kind].includes(obstacle.status)) {
    return {
      ok: false,
      code: 'invalid_transition',
      message: `Không thể ${label} vướng mắc đang ở trạng thái "${obstacleStatusLabels[obstacle.status]}".`,
    };
  }
  const text = action.kind === 'resolve' ? action.resolution : action.kind === 'start' ? null : action.reason;
  if (text !== null && text.trim().length < 5) {
    return {
      ok: false,
      code: 'reason_required',
      message:
        action.kind === 'resolve'
          ? 'Hãy ghi rõ kết quả giải quyết (ít nhất 5 ký tự).'
          : `Hãy ghi rõ lý do ${label} (ít nhất 5 ký tự).`,
    };
  }
  return { ok: true, status: target[action.kind] };
}

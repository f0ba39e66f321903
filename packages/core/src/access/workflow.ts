import { z } from 'zod';
import type { ValueStatus } from '../values/value';
import type { Role } from './roles';

/** Steps of PRODUCT §3: draft → submitted → verified → approved, and back to draft when returned. */
export const WorkflowAction = z.enum(['submit', 'verify', 'approve', 'return']);
export type WorkflowAction = z.infer<typeof WorkflowAction>;

export const workflowActionLabels: Record<WorkflowAction, string> = {
  submit: 'Gửi xác minh',
  verify: 'Xác minh',
  approve: 'Phê duyệt',
  return: 'Trả lại để sửa',
};

export const valueStatusLabels: Record<ValueStatus, string> = {
  draft: 'Nháp',
  submitted: 'Chờ xác minh',
  verified: 'Đã xác minh, chờ phê duyệt',
  approved: 'Đã phê duyệt',
};

const from: Record<WorkflowAction, readonly ValueStatus[]> = {
  submit: ['draft'],
  verify: ['submitted'],
  approve: ['verified'],
  return: ['submitted', 'verified'],
};

const to: Record<WorkflowAction, ValueStatus> = {
  submit: 'submitted',
  verify: 'verified',
  approve: 'approved',
  return: 'draft',
};

const allowedRoles: Record<WorkflowAction, readonly Role[]> = {
  submit: ['province_admin', 'department', 'district', 'commune'],
  verify: ['province_admin', 'department', 'district'],
  approve: ['province_admin'],
  return: ['province_admin', 'department', 'district'],
};

export const MIN_REASON_LENGTH = 5;

export interface WorkflowItem {
  status: ValueStatus;
  submittedBy: string | null;
}

export interface WorkflowActor {
  username: string;
  role: Role;
  /** Whether the item lies in the actor's area for this action (decided by the scope rules). */
  inScope: boolean;
}

export type Refusal = { kind: 'forbidden' | 'invalid_transition' | 'reason_required'; message: string };
export type WorkflowDecision = { ok: true; next: ValueStatus } | ({ ok: false } & Refusal);

/** Whether `actor` may take `action` on `item`, and the status it leads to; refusals say why. */
export function decideWorkflow(
  action: WorkflowAction,
  item: WorkflowItem,
  actor: WorkflowActor,
  reason: string | null,
): WorkflowDecision {
  const label = workflowActionLabels[action];
  if (!allowedRoles[action].includes(actor.role)) {
    return { ok: false, kind: 'forbidden', message: `Vai trò của bạn không được thực hiện "${label}".` };
  }
  if (!actor.inScope) {
    return {
      ok: false,
      kind: 'forbidden',
      message: `Số liệu này nằm ngoài phạm vi được giao cho bạn, không thể "${label}".`,
    };
  }
  if (!from[action].includes(item.status)) {
    return {
      ok: false,
      kind: 'invalid_transition',
      message: `Không thể "${label}" số liệu đang ở trạng thái "${valueStatusLabels[item.status]}".`,
    };
  }
  if (action === 'verify' && item.submittedBy === actor.username) {
    return {
      ok: false,
      kind: 'forbidden',
      message: 'Người gửi không tự xác minh số liệu của mình; cần một người khác xác minh.',
    };
  }
  if (action === 'return' && (reason ?? '').trim().length < MIN_REASON_LENGTH) {
    return {
      ok: false,
      kind: 'reason_required',
      message: `Trả lại cần ghi rõ lý do (ít nhất ${MIN_REASON_LENGTH} ký tự) để người nhập biết cần sửa gì.`,
    };
  }
  return { ok: true, next: to[action] };
}

export type EditDecision = { ok: true; correction: boolean } | ({ ok: false } & Refusal);

/**
 * Whether a value in `status` may be overwritten. A draft or a submitted value is edited in
 * place (a submitted one goes back to draft); a verified one must first be returned; an
 * approved one is locked and changes only through a correction with a reason, which starts a
 * new version that goes through the workflow again while the approved value stays in force.
 */
export function decideEdit(status: ValueStatus, correction: { reason: string | null } | null): EditDecision {
  if (status === 'draft' || status === 'submitted') return { ok: true, correction: false };
  if (status === 'verified') {
    return {
      ok: false,
      kind: 'invalid_transition',
      message: 'Số liệu đã được xác minh, đang chờ phê duyệt; cần được trả lại trước khi sửa.',
    };
  }
  if (correction === null) {
    return {
      ok: false,
      kind: 'invalid_transition',
      message:
        'Số liệu đã được phê duyệt nên bị khóa; muốn sửa, hãy tạo bản đính chính (correction) kèm lý do.',
    };
  }
  if ((correction.reason ?? '').trim().length < MIN_REASON_LENGTH) {
    return {
      ok: false,
      kind: 'reason_required',
      message: `Đính chính số liệu đã phê duyệt cần ghi rõ lý do (ít nhất ${MIN_REASON_LENGTH} ký tự).`,
    };
  }
  return { ok: true, correction: true };
}

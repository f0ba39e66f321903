import { ObservedValue, ValueStatus, WorkflowAction } from '@ntm/core';
import { z } from 'zod';
import { YearParam } from './common';

/** A value named by its key and the version the action is based on (optimistic concurrency). */
export const WorkflowItem = z.object({
  unitId: z.string().min(1).max(64),
  year: z.number().int().min(2000).max(2100),
  measure: z.string().min(1).max(64),
  version: z.number().int().min(1),
});
export type WorkflowItem = z.infer<typeof WorkflowItem>;

export const WorkflowRequest = z.object({
  items: z.array(WorkflowItem).min(1, 'Chọn ít nhất một số liệu').max(20_000),
  /** Required to return for revision; kept in the history of every other step too. */
  reason: z.string().trim().max(1000).optional(),
});
export type WorkflowRequest = z.infer<typeof WorkflowRequest>;

export const WorkflowResponse = z.object({
  action: WorkflowAction,
  changed: z.number().int(),
  items: z.array(
    z.object({
      unitId: z.string(),
      year: z.number().int(),
      measure: z.string(),
      status: ValueStatus,
      version: z.number().int(),
    }),
  ),
});
export type WorkflowResponse = z.infer<typeof WorkflowResponse>;

export const HistoryAction = z.enum([
  'baseline',
  'create',
  'update',
  'correct',
  'submit',
  'verify',
  'approve',
  'return',
  'revert',
]);
export type HistoryAction = z.infer<typeof HistoryAction>;

export const ValueVersion = z.object({
  measure: z.string(),
  version: z.number().int(),
  value: ObservedValue,
  source: z.string().nullable(),
  status: ValueStatus,
  action: HistoryAction,
  actor: z.string(),
  actorName: z.string().nullable(),
  at: z.string(),
  reason: z.string().nullable(),
});
export type ValueVersion = z.infer<typeof ValueVersion>;

export const ValueHistoryQuery = z.object({
  year: YearParam,
  measure: z.string().min(1).max(64).optional(),
});

export const ValueHistoryResponse = z.object({
  unitId: z.string(),
  year: z.number().int(),
  /** Newest first. */
  versions: z.array(ValueVersion),
});
export type ValueHistoryResponse = z.infer<typeof ValueHistoryResponse>;

export const InboxKind = z.enum(['to_verify', 'to_approve', 'returned', 'drafts']);
export type InboxKind = z.infer<typeof InboxKind>;

export const InboxQuery = z.object({ year: YearParam.optional() });

export const InboxResponse = z.object({
  groups: z.array(
    z.object({
      kind: InboxKind,
      unitId: z.string(),
      unitName: z.string(),
      unitCode: z.string(),
      year: z.number().int(),
      count: z.number().int(),
      /** For returned values: the reasons given, so the work to do is visible at once. */
      reasons: z.array(z.string()),
    }),
  ),
  truncated: z.boolean(),
  unreadNotifications: z.number().int(),
});
export type InboxResponse = z.infer<typeof InboxResponse>;

export const NotificationSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: z.string(),
  message: z.string(),
  unitId: z.string().nullable(),
  year: z.number().int().nullable(),
  actor: z.string(),
  read: z.boolean(),
});

export const NotificationListResponse = z.object({
  notifications: z.array(NotificationSchema),
  unread: z.number().int(),
});
export type NotificationListResponse = z.infer<typeof NotificationListResponse>;

export const MarkReadRequest = z.object({
  /** Omitted: every notification of the user. */
  ids: z.array(z.number().int()).max(1000).optional(),
});
export type MarkReadRequest = z.infer<typeof MarkReadRequest>;

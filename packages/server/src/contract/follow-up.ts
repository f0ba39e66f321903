import { ObstacleSeverity, ObstacleStatus } from '@ntm/core';
import { z } from 'zod';
import { AttachmentIds, AttachmentRef } from './attachments';
import { YearParam } from './common';

const Outcome = z.enum(['met', 'not_met', 'no_data']);

export const DepartmentOption = z.object({ code: z.string(), name: z.string(), shortName: z.string() });
export type DepartmentOption = z.infer<typeof DepartmentOption>;

export const CriteriaSetRef = z.object({ id: z.string(), shortName: z.string(), illustrative: z.boolean() });

// ---- Responsibility matrix -------------------------------------------------------------------

export const ResponsibilityQuery = z.object({
  year: YearParam,
  criteriaSetId: z.string().min(1).max(100).optional(),
});

export const Contact = z.object({
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});

export const ResponsibilityRow = z.object({
  criterionNumber: z.string(),
  criterionName: z.string(),
  indicatorCode: z.string().nullable(),
  indicatorName: z.string().nullable(),
  departmentCode: z.string(),
  departmentName: z.string(),
  catalogDepartmentCode: z.string(),
  catalogDepartmentName: z.string(),
  origin: z.enum(['catalog', 'province']),
  /** The catalog's source states the assignment; false is shown as "chưa kiểm chứng". */
  verified: z.boolean(),
  contact: Contact.nullable(),
  isDemo: z.boolean(),
});
export type ResponsibilityRow = z.infer<typeof ResponsibilityRow>;

export const ResponsibilityResponse = z.object({
  year: z.number().int(),
  criteriaSet: CriteriaSetRef,
  rows: z.array(ResponsibilityRow),
  departments: z.array(DepartmentOption),
  editable: z.boolean(),
});
export type ResponsibilityResponse = z.infer<typeof ResponsibilityResponse>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((s) => (s ? s : null));

export const ResponsibilityUpdate = z.object({
  year: z.number().int().min(2000).max(2100),
  criteriaSetId: z.string().min(1).max(100),
  criterionNumber: z.string().min(1).max(16),
  indicatorCode: z.string().min(1).max(32).nullable().default(null),
  /** Null returns the row to the catalog's default. */
  departmentCode: z.string().min(1).max(64).nullable(),
  contactName: optionalText(200),
  contactPhone: optionalText(50),
  contactEmail: z
    .email('Địa chỉ thư điện tử không hợp lệ')
    .max(200)
    .nullish()
    .or(z.literal('').transform(() => null)),
});
export type ResponsibilityUpdate = z.infer<typeof ResponsibilityUpdate>;

// ---- Obstacles -------------------------------------------------------------------------------

export const ObstacleCreate = z.object({
  unitId: z.string().min(1).max(64),
  year: z.number().int().min(2000).max(2100),
  criterionNumber: z.string().min(1).max(16),
  indicatorCode: z.string().min(1).max(32).nullable().default(null),
  severity: ObstacleSeverity.default('normal'),
  title: z.string().trim().min(5, 'Tiêu đề cần ít nhất 5 ký tự').max(300),
  description: z.string().trim().min(10, 'Hãy mô tả vướng mắc (ít nhất 10 ký tự)').max(5000),
  attachmentIds: AttachmentIds,
});
export type ObstacleCreate = z.infer<typeof ObstacleCreate>;

export const ObstacleListQuery = z.object({
  year: YearParam.optional(),
  unitId: z.string().min(1).max(64).optional(),
  department: z.string().min(1).max(64).optional(),
  status: ObstacleStatus.optional(),
  /** Open or in progress past their due date. */
  overdue: z.enum(['true', 'false']).optional(),
  criterion: z.string().min(1).max(16).optional(),
  /** Only those routed to the viewer's department, or raised in the viewer's area. */
  mine: z.enum(['true', 'false']).optional(),
});
export type ObstacleListQuery = z.infer<typeof ObstacleListQuery>;

export const ObstacleSummary = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  districtName: z.string().nullable(),
  year: z.number().int(),
  criteriaSetId: z.string(),
  criterionNumber: z.string(),
  criterionName: z.string(),
  indicatorCode: z.string().nullable(),
  departmentCode: z.string(),
  departmentName: z.string(),
  severity: ObstacleSeverity,
  status: ObstacleStatus,
  title: z.string(),
  raisedBy: z.string(),
  raisedByName: z.string(),
  raisedAt: z.string(),
  dueDate: z.string(),
  deadline: z.enum(['closed', 'on_time', 'approaching', 'overdue']),
  version: z.number().int(),
  isDemo: z.boolean(),
});
export type ObstacleSummary = z.infer<typeof ObstacleSummary>;

export const ObstacleListResponse = z.object({
  obstacles: z.array(ObstacleSummary),
  counts: z.object({ open: z.number().int(), overdue: z.number().int() }),
});
export type ObstacleListResponse = z.infer<typeof ObstacleListResponse>;

export const ObstacleComment = z.object({
  id: z.number().int(),
  at: z.string(),
  author: z.string(),
  authorName: z.string(),
  kind: z.enum(['comment', 'raise', 'start', 'resolve', 'reject', 'reopen']),
  body: z.string(),
  attachments: z.array(AttachmentRef),
});
export type ObstacleComment = z.infer<typeof ObstacleComment>;

export const ObstacleDetail = ObstacleSummary.extend({
  description: z.string(),
  indicatorName: z.string().nullable(),
  resolution: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  closedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  comments: z.array(ObstacleComment),
  /** What the viewer may do now, so the page shows only the buttons that will work. */
  actions: z.array(z.enum(['comment', 'start', 'resolve', 'reject', 'reopen'])),
});
export type ObstacleDetail = z.infer<typeof ObstacleDetail>;

export const ObstacleIdParams = z.object({ obstacleId: z.string().min(1).max(64) });

export const ObstacleCommentCreate = z.object({
  body: z.string().trim().min(2, 'Nội dung trao đổi không được để trống').max(5000),
  attachmentIds: AttachmentIds,
});
export type ObstacleCommentCreate = z.infer<typeof ObstacleCommentCreate>;

export const ObstacleTransitionRequest = z.object({
  action: z.enum(['start', 'resolve', 'reject', 'reopen']),
  /** The resolution, or the reason to reject or reopen. */
  text: z.string().trim().max(5000).default(''),
  expectedVersion: z.number().int().min(1),
});
export type ObstacleTransitionRequest = z.infer<typeof ObstacleTransitionRequest>;

// ---- Worklist --------------------------------------------------------------------------------

export const WorklistQuery = z.object({
  year: YearParam,
  department: z.string().min(1).max(64).optional(),
  criterion: z.string().min(1).max(16).optional(),
  districtId: z.string().min(1).max(64).optional(),
  status: z.enum(['not_met', 'no_data']).optional(),
});
export type WorklistQuery = z.infer<typeof WorklistQuery>;

export const WorklistItem = z.object({
  unitId: z.string(),
  unitCode: z.string(),
  unitName: z.string(),
  districtId: z.string().nullable(),
  districtName: z.string().nullable(),
  criterionNumber: z.string(),
  criterionName: z.string(),
  outcome: z.enum(['not_met', 'no_data']),
  indicators: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      outcome: Outcome,
      gapSentence: z.string().nullable(),
      normalisedGap: z.number(),
    }),
  ),
  normalisedGap: z.number(),
  /** The criterion's outcome the year before (null: not evaluated then). */
  lastYearOutcome: Outcome.nullable(),
  trend: z.enum(['slipped', 'still_unmet', 'unknown']),
  openObstacles: z.array(z.object({ id: z.string(), title: z.string(), deadline: z.string() })),
  /** Registrations of the year that aim this unit at a tier; they depend on the criterion. */
  registrations: z.array(z.object({ registrationId: z.string(), tier: z.string(), status: z.string() })),
});
export type WorklistItem = z.infer<typeof WorklistItem>;

export const CriterionSummary = z.object({
  number: z.string(),
  name: z.string(),
  thisYear: z.object({ met: z.number().int(), evaluated: z.number().int(), percent: z.number().nullable() }),
  lastYear: z.object({ met: z.number().int(), evaluated: z.number().int(), percent: z.number().nullable() }),
  verified: z.boolean(),
});

export const WorklistResponse = z.object({
  year: z.number().int(),
  department: DepartmentOption,
  criteriaSet: CriteriaSetRef,
  summary: z.array(CriterionSummary),
  items: z.array(WorklistItem),
  districts: z.array(z.object({ id: z.string(), name: z.string() })),
  departments: z.array(DepartmentOption),
  communesEvaluated: z.number().int(),
});
export type WorklistResponse = z.infer<typeof WorklistResponse>;

// ---- Maintenance alerts ----------------------------------------------------------------------

export const AlertListQuery = z.object({
  year: YearParam.optional(),
  /** active: open or acknowledged (shown until resolved); the default is open only. */
  status: z.enum(['open', 'acknowledged', 'resolved', 'active', 'all']).default('open'),
  unitId: z.string().min(1).max(64).optional(),
});

export const MaintenanceAlert = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  districtName: z.string().nullable(),
  year: z.number().int(),
  recognisedTier: z.string(),
  criteriaSetId: z.string(),
  criterionNumber: z.string(),
  criterionName: z.string(),
  indicatorCode: z.string(),
  indicatorName: z.string(),
  departmentCode: z.string(),
  departmentName: z.string(),
  kind: z.enum(['not_met', 'no_data']),
  status: z.enum(['open', 'acknowledged', 'resolved']),
  gapSentence: z.string().nullable(),
  raisedAt: z.string(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgementReason: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  canAcknowledge: z.boolean(),
  isDemo: z.boolean(),
});
export type MaintenanceAlert = z.infer<typeof MaintenanceAlert>;

export const AlertListResponse = z.object({ alerts: z.array(MaintenanceAlert) });
export type AlertListResponse = z.infer<typeof AlertListResponse>;

export const AlertIdParams = z.object({ alertId: z.string().min(1).max(64) });

export const AlertAcknowledgeRequest = z.object({
  reason: z.string().trim().min(10, 'Hãy ghi rõ lý do ghi nhận cảnh báo (ít nhất 10 ký tự)').max(2000),
});

// ---- Reminders -------------------------------------------------------------------------------

export const ReminderSettings = z.object({
  /** A commune whose data has not changed for this many days is reminded. */
  staleDays: z.number().int().min(1).max(365),
  /** Deadlines this close are reminded before they are missed. */
  dueSoonDays: z.number().int().min(1).max(60),
  /** Send e-mail digests (when the server has an SMTP server configured). */
  emailDigest: z.boolean(),
});
export type ReminderSettings = z.infer<typeof ReminderSettings>;

export const ReminderSettingsResponse = ReminderSettings.extend({
  smtpConfigured: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type ReminderSettingsResponse = z.infer<typeof ReminderSettingsResponse>;

export const ReminderRunResponse = z.object({
  alertsRaised: z.number().int(),
  notifications: z.number().int(),
  emails: z.number().int(),
});
export type ReminderRunResponse = z.infer<typeof ReminderRunResponse>;

export const ReminderEmailRequest = z.object({
  /** Null stops the e-mail digests to this account. */
  email: z.email('Địa chỉ thư điện tử không hợp lệ').max(200).nullable(),
});
export const ReminderEmailResponse = z.object({ email: z.string().nullable() });

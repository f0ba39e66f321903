import { TaskStatus } from '@ntm/core';
import { z } from 'zod';
import { IsoDateParam } from './common';

export const DirectiveWriteRequest = z.object({
  number: z.string().trim().min(1, 'Cần ghi số hiệu').max(64),
  date: IsoDateParam,
  issuer: z.string().trim().min(1, 'Cần ghi cơ quan ban hành').max(200),
  title: z.string().trim().min(1, 'Cần ghi trích yếu').max(400),
  text: z.string().max(20000).default(''),
});
export type DirectiveWriteRequest = z.infer<typeof DirectiveWriteRequest>;
export const DirectiveIdParams = z.object({ directiveId: z.string().min(1).max(64) });

export const TaskAssignee = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('department'), departmentCode: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('unit'), unitId: z.string().min(1).max(64) }),
]);

export const TaskWriteRequest = z.object({
  number: z.string().trim().min(1, 'Cần ghi số thứ tự nhiệm vụ').max(16),
  content: z.string().trim().min(1, 'Cần ghi nội dung nhiệm vụ').max(4000),
  assignee: TaskAssignee,
  deadline: IsoDateParam,
  status: TaskStatus.default('open'),
});
export type TaskWriteRequest = z.infer<typeof TaskWriteRequest>;
export const TaskUpdateRequest = TaskWriteRequest.extend({ expectedVersion: z.number().int().min(1) });
export type TaskUpdateRequest = z.infer<typeof TaskUpdateRequest>;
export const TaskIdParams = z.object({ taskId: z.string().min(1).max(64) });

export const TaskReportRequest = z.object({
  reportedOn: IsoDateParam,
  content: z.string().trim().min(1, 'Cần ghi nội dung báo cáo').max(8000),
  progressPercent: z.number().int().min(0).max(100).nullable().default(null),
  status: TaskStatus,
  attachmentIds: z.array(z.string().min(1).max(64)).max(10, 'Tối đa 10 tệp đính kèm').default([]),
});
export type TaskReportRequest = z.infer<typeof TaskReportRequest>;

export const TaskAttachment = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
});

export const TaskSchema = z.object({
  id: z.string(),
  directiveId: z.string(),
  directiveNumber: z.string(),
  number: z.string(),
  content: z.string(),
  assignee: TaskAssignee,
  assigneeName: z.string(),
  deadline: z.string(),
  status: TaskStatus,
  completedOn: z.string().nullable(),
  overdue: z.boolean(),
  daysOverdue: z.number().int(),
  version: z.number().int(),
  isDemo: z.boolean(),
  canReport: z.boolean(),
  lastReport: z.object({ reportedOn: z.string(), progressPercent: z.number().int().nullable() }).nullable(),
});
export type TaskSchema = z.infer<typeof TaskSchema>;

export const TaskReportSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  reportedOn: z.string(),
  content: z.string(),
  progressPercent: z.number().int().nullable(),
  statusAfter: TaskStatus,
  createdAt: z.string(),
  createdBy: z.string(),
  attachments: z.array(TaskAttachment),
  isDemo: z.boolean(),
});

export const DirectiveSummary = z.object({
  id: z.string(),
  number: z.string(),
  date: z.string(),
  issuer: z.string(),
  title: z.string(),
  text: z.string(),
  isDemo: z.boolean(),
  taskCount: z.number().int(),
  doneCount: z.number().int(),
  overdueCount: z.number().int(),
});
export const DirectiveListResponse = z.object({
  directives: z.array(DirectiveSummary),
  canManage: z.boolean(),
});
export type DirectiveListResponse = z.infer<typeof DirectiveListResponse>;

export const DirectiveDetailResponse = z.object({
  directive: DirectiveSummary,
  tasks: z.array(TaskSchema.extend({ reports: z.array(TaskReportSchema) })),
  canManage: z.boolean(),
  /** Today, as the server counts overdue days. */
  today: z.string(),
});
export type DirectiveDetailResponse = z.infer<typeof DirectiveDetailResponse>;

export const TaskListQuery = z.object({
  overdue: z.enum(['true', 'false']).optional(),
  /** Only the tasks assigned to the viewer's department or unit. */
  mine: z.enum(['true', 'false']).optional(),
});
export const TaskListResponse = z.object({ today: z.string(), tasks: z.array(TaskSchema) });
export type TaskListResponse = z.infer<typeof TaskListResponse>;

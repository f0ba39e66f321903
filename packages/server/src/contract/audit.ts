import { z } from 'zod';
import { IsoDateParam } from './common';

export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  actorName: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  unitId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string().nullable(),
  changeSetId: z.string().nullable(),
});
export type AuditEntrySchema = z.infer<typeof AuditEntrySchema>;

export const AuditQuery = z.object({
  actor: z.string().trim().min(1).max(100).optional(),
  action: z.string().trim().min(1).max(32).optional(),
  entity: z.string().trim().min(1).max(32).optional(),
  entityId: z.string().trim().min(1).max(200).optional(),
  unitId: z.string().trim().min(1).max(64).optional(),
  from: IsoDateParam.optional(),
  to: IsoDateParam.optional(),
  /** Entries older than this id: the next page. */
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = z.object({
  entries: z.array(AuditEntrySchema),
  /** Pass as `before` for the next page; null at the end. */
  nextBefore: z.number().int().nullable(),
});
export type AuditPage = z.infer<typeof AuditPage>;

export const UnitHistoryQuery = z.object({
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

import { ObservedValue, ValueStatus } from '@ntm/core';
import { z } from 'zod';
import { YearParam } from './common';

export const StoredValueSchema = z.object({
  measure: z.string(),
  value: ObservedValue,
  source: z.string().nullable(),
  status: ValueStatus,
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  submittedBy: z.string().nullable(),
  submittedAt: z.string().nullable(),
  verifiedBy: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  /** Set while a value returned for revision waits to be fixed and sent again. */
  returnedBy: z.string().nullable(),
  returnReason: z.string().nullable(),
  /** The value last approved: in force under the approved basis while a correction is under way. */
  approvedValue: ObservedValue.nullable(),
  /** Approved or verified values cannot be overwritten: a correction (with a reason) or a return is needed. */
  locked: z.boolean(),
});

export const UnitValuesResponse = z.object({
  unitId: z.string(),
  year: z.number().int(),
  values: z.array(StoredValueSchema),
});
export type UnitValuesResponse = z.infer<typeof UnitValuesResponse>;

export const UnitValuesQuery = z.object({ year: YearParam });

/** A row names its measure directly, or an indicator of a criteria set (resolved to the indicator's measure). */
export const ValueWriteRow = z.object({
  unitId: z.string().min(1).max(64),
  year: z.number().int().min(2000).max(2100),
  measure: z.string().min(1).max(64).optional(),
  criteriaSetId: z.string().min(1).max(100).optional(),
  indicator: z.string().min(1).max(32).optional(),
  value: ObservedValue,
  source: z.string().max(400).nullable().optional(),
  /**
   * The version the edit is based on (0: the value did not exist). When the stored version
   * differs, nothing is written and the answer is 409 with the current value.
   */
  expectedVersion: z.number().int().min(0).optional(),
});
export type ValueWriteRow = z.infer<typeof ValueWriteRow>;

export const BulkValueWriteRequest = z.object({
  values: z.array(ValueWriteRow).min(1, 'Cần ít nhất một giá trị').max(200_000),
  reason: z.string().max(1000).optional(),
  /**
   * Correct values already approved: each becomes a new draft version that goes through the
   * workflow again, while the approved value stays in force. Needs a `reason`.
   */
  correction: z.boolean().optional(),
});
export type BulkValueWriteRequest = z.infer<typeof BulkValueWriteRequest>;

export const BulkValueWriteResponse = z.object({
  written: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type BulkValueWriteResponse = z.infer<typeof BulkValueWriteResponse>;

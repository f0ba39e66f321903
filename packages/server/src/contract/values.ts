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
});
export type ValueWriteRow = z.infer<typeof ValueWriteRow>;

export const BulkValueWriteRequest = z.object({
  values: z.array(ValueWriteRow).min(1, 'Cần ít nhất một giá trị').max(200_000),
  reason: z.string().max(1000).optional(),
});
export type BulkValueWriteRequest = z.infer<typeof BulkValueWriteRequest>;

export const BulkValueWriteResponse = z.object({
  written: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});
export type BulkValueWriteResponse = z.infer<typeof BulkValueWriteResponse>;

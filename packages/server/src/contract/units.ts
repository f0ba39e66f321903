import { Unit, UnitLevel } from '@ntm/core';
import { z } from 'zod';
import { IsoDateParam } from './common';

export const UnitSummary = Unit.pick({
  id: true,
  code: true,
  name: true,
  kind: true,
  level: true,
  parentId: true,
  validFrom: true,
  validTo: true,
  isDemo: true,
}).extend({ childCount: z.number().int() });
export type UnitSummary = z.infer<typeof UnitSummary>;

export const UnitListResponse = z.object({ date: z.string(), units: z.array(UnitSummary) });
export type UnitListResponse = z.infer<typeof UnitListResponse>;

export const UnitDetailResponse = z.object({
  unit: Unit,
  ancestors: z.array(UnitSummary),
  predecessors: z.array(UnitSummary),
  successors: z.array(UnitSummary),
});
export type UnitDetailResponse = z.infer<typeof UnitDetailResponse>;

export const UnitsAtDateQuery = z.object({ date: IsoDateParam.optional() });
export const UnitIdParams = z.object({ id: z.string().min(1).max(64) });

export const UnitSearchQuery = z.object({
  q: z.string().trim().min(1, 'Nhập từ khóa tìm kiếm').max(100, 'Từ khóa tối đa 100 ký tự'),
  date: IsoDateParam.optional(),
  level: UnitLevel.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

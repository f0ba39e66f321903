import { TargetMetric, TargetParams, Tier } from '@ntm/core';
import { z } from 'zod';
import { IsoDateParam, YearParam } from './common';

/** The year-end forecast of a target, with its assumptions in words. */
export const TargetForecastSchema = z.object({
  expected: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  onTrack: z.boolean().nullable(),
  monthsLeft: z.number(),
  assumptions: z.array(z.string()),
});

/** A target as the province sets it. The metric is checked by the service, which names the valid ones. */
export const TargetWriteRequest = z.object({
  year: z.number().int().min(2000).max(2100),
  scopeUnitId: z.string().min(1).max(64),
  metric: z.string().min(1).max(64),
  value: z.number(),
  label: z.string().trim().min(1, 'Cần ghi tên mục tiêu').max(400),
  params: TargetParams.default({}),
  directiveId: z.string().min(1).max(64).nullable().default(null),
  note: z.string().max(2000).nullable().default(null),
});
export type TargetWriteRequest = z.infer<typeof TargetWriteRequest>;

export const TargetUpdateRequest = TargetWriteRequest.omit({
  year: true,
  scopeUnitId: true,
  metric: true,
}).extend({
  /** The version the edit was based on; a stale one answers 409. */
  expectedVersion: z.number().int().min(1),
});
export type TargetUpdateRequest = z.infer<typeof TargetUpdateRequest>;

export const TargetIdParams = z.object({ targetId: z.string().min(1).max(64) });

export const StoredTarget = z.object({
  id: z.string(),
  year: z.number().int(),
  scopeUnitId: z.string(),
  metric: TargetMetric,
  params: TargetParams,
  value: z.number(),
  label: z.string(),
  directiveId: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
  isDemo: z.boolean(),
});
export type StoredTarget = z.infer<typeof StoredTarget>;

export const PlanProgressQuery = z.object({
  year: YearParam,
  /** The plan's scope: the province, a district, or a commune; the province when absent. */
  unitId: z.string().min(1).max(64).optional(),
  /** The day progress and forecast are taken at; today (within the year) when absent. */
  asOf: IsoDateParam.optional(),
});

export const RegisteredUnitProgress = z.object({
  unitId: z.string(),
  name: z.string(),
  parentName: z.string().nullable(),
  registrationId: z.string(),
  registeringUnitName: z.string(),
  expectedMonth: z.number().int(),
  criteriaMissing: z.number().int().nullable(),
  totalNormalisedGap: z.number().nullable(),
  recognised: z.boolean(),
  pendingRecognition: z.string().nullable(),
  outlook: z.enum(['recognised', 'likely', 'possible', 'unlikely']),
});

export const PlanTargetProgress = z.object({
  target: StoredTarget,
  metricLabel: z.string(),
  direction: z.enum(['at_least', 'at_most']),
  tier: Tier.nullable(),
  actual: z.number().nullable(),
  progress: z.number().nullable(),
  forecast: TargetForecastSchema,
  /** Units of the approved registrations counted towards the target, those the viewer may read. */
  registered: z.array(RegisteredUnitProgress),
  registeredCount: z.number().int(),
});

export const PlanProgressResponse = z.object({
  year: z.number().int(),
  asOf: z.string(),
  scope: z.object({ id: z.string(), name: z.string(), level: z.string() }),
  /** Units directly under the scope that targets can be allocated to (districts, or communes). */
  allocationUnits: z.array(z.object({ id: z.string(), name: z.string() })),
  targets: z.array(PlanTargetProgress),
  canManage: z.boolean(),
});
export type PlanProgressResponse = z.infer<typeof PlanProgressResponse>;

export const ComparisonQuery = z.object({
  year: YearParam,
  targetId: z.string().min(1).max(64),
  asOf: IsoDateParam.optional(),
});

export const ComparisonResponse = z.object({
  year: z.number().int(),
  asOf: z.string(),
  target: StoredTarget,
  metricLabel: z.string(),
  direction: z.enum(['at_least', 'at_most']),
  rows: z.array(
    z.object({
      unitId: z.string(),
      name: z.string(),
      /** The target allocated to this unit, if the province set one. */
      allocated: z.number().nullable(),
      actual: z.number().nullable(),
      registered: z.number().int(),
      forecast: z.number().nullable(),
      progress: z.number().nullable(),
    }),
  ),
});
export type ComparisonResponse = z.infer<typeof ComparisonResponse>;

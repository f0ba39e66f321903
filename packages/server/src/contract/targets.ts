import { TargetMetric, TargetParams } from '@ntm/core';
import { z } from 'zod';
import { IsoDateParam, YearParam } from './common';
import { TargetForecastSchema } from './plans';

export const DirectiveSchema = z.object({
  id: z.string(),
  number: z.string(),
  date: z.string(),
  issuer: z.string(),
  title: z.string(),
  summary: z.string(),
  isDemo: z.boolean(),
});

export const TargetProgressSchema = z.object({
  id: z.string(),
  year: z.number().int(),
  scopeUnitId: z.string(),
  metric: TargetMetric,
  metricLabel: z.string(),
  label: z.string(),
  target: z.number(),
  actual: z.number().nullable(),
  /** actual ÷ target, capped at nothing: above 1 means the target is exceeded. */
  progress: z.number().nullable(),
  directiveId: z.string().nullable(),
  note: z.string().nullable(),
  params: TargetParams,
  /** at_most: fewer is better (communes under N criteria). */
  direction: z.enum(['at_least', 'at_most']),
  forecast: TargetForecastSchema,
  /** Units of the approved registrations that count towards the target. */
  registeredCount: z.number().int(),
});

export const TargetsQuery = z.object({
  year: YearParam,
  unitId: z.string().min(1).max(64).optional(),
  /** The day progress and forecast are taken at; today (within the year) when absent. */
  asOf: IsoDateParam.optional(),
});
export const TargetsResponse = z.object({
  year: z.number().int(),
  asOf: z.string(),
  directives: z.array(DirectiveSchema),
  targets: z.array(TargetProgressSchema),
});
export type TargetsResponse = z.infer<typeof TargetsResponse>;

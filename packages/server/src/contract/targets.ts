import { TargetMetric } from '@ntm/core';
import { z } from 'zod';
import { YearParam } from './common';

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
});

export const TargetsQuery = z.object({ year: YearParam, unitId: z.string().min(1).max(64).optional() });
export const TargetsResponse = z.object({
  year: z.number().int(),
  directives: z.array(DirectiveSchema),
  targets: z.array(TargetProgressSchema),
});
export type TargetsResponse = z.infer<typeof TargetsResponse>;

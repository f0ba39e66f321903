import { CriteriaSet, Department, Measure } from '@ntm/core';
import { z } from 'zod';

export const CatalogProblemSchema = z.object({
  severity: z.enum(['error', 'gap']),
  code: z.string(),
  setId: z.string(),
  criterion: z.string().optional(),
  indicator: z.string().optional(),
  message: z.string(),
});

export const CriteriaSetSummary = CriteriaSet.pick({
  id: true,
  version: true,
  name: true,
  shortName: true,
  scope: true,
  provinceCode: true,
  derivedFrom: true,
  legalBasis: true,
  level: true,
  tier: true,
  period: true,
  thresholdDimension: true,
  illustrative: true,
  gaps: true,
}).extend({
  criteriaCount: z.number().int(),
  indicatorCount: z.number().int(),
  evaluable: z.boolean(),
});
export type CriteriaSetSummary = z.infer<typeof CriteriaSetSummary>;

export const CriteriaSetListResponse = z.object({ criteriaSets: z.array(CriteriaSetSummary) });
export const CriteriaSetDetailResponse = z.object({
  criteriaSet: CriteriaSet,
  evaluable: z.boolean(),
  problems: z.array(CatalogProblemSchema),
});
export const MeasureListResponse = z.object({ measures: z.array(Measure) });
export const DepartmentListResponse = z.object({ departments: z.array(Department) });
export const CriteriaSetIdParams = z.object({ id: z.string().min(1).max(100) });

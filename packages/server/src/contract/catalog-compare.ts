import { Comparator, Threshold, ThresholdCondition, ValueType } from '@ntm/core';
import { z } from 'zod';
import { CriteriaSetSummary } from './catalog';

const ItemChange = z.enum(['added', 'removed', 'changed', 'unchanged']);

const ThresholdComparisonSchema = z.object({
  key: z.string(),
  when: ThresholdCondition.nullable(),
  before: Threshold.nullable(),
  after: Threshold.nullable(),
  change: z.enum(['added', 'removed', 'tightened', 'loosened', 'changed', 'unchanged']),
});

const IndicatorOutlineSchema = z.object({
  name: z.string(),
  unit: z.string(),
  valueType: ValueType,
  comparator: Comparator,
  measure: z.string().nullable(),
  derived: z.boolean(),
});

const IndicatorComparisonSchema = z.object({
  code: z.string(),
  change: ItemChange,
  before: IndicatorOutlineSchema.nullable(),
  after: IndicatorOutlineSchema.nullable(),
  differences: z.array(z.enum(['name', 'unit', 'valueType', 'comparator', 'measure', 'formula'])),
  thresholds: z.array(ThresholdComparisonSchema),
});

const CriterionOutlineSchema = z.object({
  name: z.string(),
  group: z.string().nullable(),
  leadDepartment: z.string(),
  indicatorCount: z.number().int(),
});

const CriterionComparisonSchema = z.object({
  number: z.string(),
  change: ItemChange,
  before: CriterionOutlineSchema.nullable(),
  after: CriterionOutlineSchema.nullable(),
  differences: z.array(z.enum(['name', 'group', 'leadDepartment'])),
  /** False when one set records no indicators yet (its annex is not in the catalog). */
  indicatorsComparable: z.boolean(),
  indicators: z.array(IndicatorComparisonSchema),
});

export const CriteriaSetComparisonSchema = z.object({
  fromId: z.string(),
  toId: z.string(),
  criteria: z.array(CriterionComparisonSchema),
  counts: z.object({
    criteriaAdded: z.number().int(),
    criteriaRemoved: z.number().int(),
    criteriaRenamed: z.number().int(),
    indicatorsAdded: z.number().int(),
    indicatorsRemoved: z.number().int(),
    indicatorsRenamed: z.number().int(),
    thresholdsAdded: z.number().int(),
    thresholdsRemoved: z.number().int(),
    thresholdsTightened: z.number().int(),
    thresholdsLoosened: z.number().int(),
    thresholdsChanged: z.number().int(),
  }),
});

export const CriteriaSetComparisonQuery = z.object({
  with: z.string().min(1, 'Chọn bộ tiêu chí để so sánh').max(100),
});

export const CriteriaSetComparisonResponse = z.object({
  from: CriteriaSetSummary,
  to: CriteriaSetSummary,
  comparison: CriteriaSetComparisonSchema,
});
export type CriteriaSetComparisonResponse = z.infer<typeof CriteriaSetComparisonResponse>;

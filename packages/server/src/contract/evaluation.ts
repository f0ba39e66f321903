import { Comparator, ObservedValue, SourceRef, Tier, ValueType } from '@ntm/core';
import { z } from 'zod';
import { CriteriaSetSummary } from './catalog';
import { IsoDateParam, YearParam } from './common';
import { UnitSummary } from './units';

const Outcome = z.enum(['met', 'not_met', 'no_data']);

const SelectedThresholdSchema = z.object({
  value: z.union([z.number(), z.boolean(), z.string()]),
  source: SourceRef,
  illustrative: z.boolean(),
  selectedBy: z.string(),
});

const GapSchema = z.object({
  amount: z.number().nullable(),
  unit: z.string(),
  sentence: z.string(),
  normalised: z.number(),
});

export const IndicatorResultSchema = z.object({
  code: z.string(),
  name: z.string(),
  measure: z.string().nullable(),
  unit: z.string(),
  valueType: ValueType,
  comparator: Comparator,
  value: ObservedValue.nullable(),
  threshold: SelectedThresholdSchema.nullable(),
  outcome: Outcome,
  gap: GapSchema.nullable(),
  leadDepartment: z.string(),
  /** Where the value came from: entered for the unit, rolled up from its villages, or from merged predecessors. */
  provenance: z.enum(['own', 'children', 'predecessors', 'derived']).nullable(),
});

export const CriterionResultSchema = z.object({
  number: z.string(),
  name: z.string(),
  group: z.string().nullable(),
  leadDepartment: z.string(),
  outcome: Outcome,
  indicatorsMet: z.number().int(),
  indicatorsTotal: z.number().int(),
  indicators: z.array(IndicatorResultSchema),
});

const BandSchema = z.object({ key: z.string(), label: z.string(), min: z.number(), max: z.number() });

export const UnitEvaluationSchema = z.object({
  unitId: z.string(),
  year: z.number().int(),
  criteriaSetId: z.string(),
  criteriaSetVersion: z.number().int(),
  criteria: z.array(CriterionResultSchema),
  criteriaMet: z.number().int(),
  criteriaTotal: z.number().int(),
  criteriaNoData: z.number().int(),
  band: BandSchema,
  eligibility: z.object({
    tier: Tier,
    allCriteriaMet: z.boolean(),
    unmetPrerequisites: z.array(z.string()),
    manualConditions: z.array(z.string()),
    eligible: z.boolean(),
  }),
});

/**
 * Which values an evaluation uses: the latest entered (whatever their workflow status), or
 * only approved ones (a value under correction counts with its last approved figure).
 */
export const ValueBasis = z.enum(['latest', 'approved']);
export type ValueBasis = z.infer<typeof ValueBasis>;

export const EvaluationQuery = z.object({
  year: YearParam,
  criteriaSetId: z.string().min(1).max(100).optional(),
  tier: Tier.default('standard'),
  basis: ValueBasis.default('latest'),
});

export const RecognitionSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  tier: Tier,
  criteriaSetId: z.string().nullable(),
  status: z.enum(['registered', 'dossier', 'appraised', 'decided', 'revoked']),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  issuer: z.string().nullable(),
  revokedDate: z.string().nullable(),
  isDemo: z.boolean(),
});

export const UnitEvaluationResponse = z.object({
  unit: UnitSummary,
  criteriaSet: CriteriaSetSummary,
  evaluation: UnitEvaluationSchema,
  recognitions: z.array(RecognitionSchema),
  basis: ValueBasis,
});
export type UnitEvaluationResponse = z.infer<typeof UnitEvaluationResponse>;

export const RollupQuery = z.object({
  year: YearParam,
  basis: ValueBasis.default('latest'),
  criteriaSetId: z.string().min(1).max(100).optional(),
  date: IsoDateParam.optional(),
});

export const SubtreeRollupSchema = z.object({
  year: z.number().int(),
  criteriaSetId: z.string(),
  unitCount: z.number().int(),
  evaluatedCount: z.number().int(),
  averageCriteriaMet: z.number(),
  criteria: z.array(
    z.object({
      number: z.string(),
      name: z.string(),
      metCount: z.number().int(),
      notMetCount: z.number().int(),
      noDataCount: z.number().int(),
      metShare: z.number(),
    }),
  ),
  bands: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      min: z.number(),
      max: z.number(),
      count: z.number().int(),
    }),
  ),
  tiers: z.array(z.object({ tier: Tier, recognisedCount: z.number().int() })),
  closestToNextTier: z.array(
    z.object({ unitId: z.string(), criteriaMissing: z.number().int(), totalNormalisedGap: z.number() }),
  ),
});

export const RollupResponse = z.object({
  unit: UnitSummary,
  asOf: z.string(),
  basis: ValueBasis,
  criteriaSet: CriteriaSetSummary,
  rollup: SubtreeRollupSchema,
  communes: z.array(
    z.object({
      unitId: z.string(),
      code: z.string(),
      name: z.string(),
      parentId: z.string().nullable(),
      criteriaMet: z.number().int(),
      criteriaTotal: z.number().int(),
      criteriaNoData: z.number().int(),
      band: z.string(),
      totalNormalisedGap: z.number(),
      outcomes: z.array(Outcome),
      /** Highest tier with a decision in force at the end of the year; null when not recognised. */
      recognisedTier: Tier.nullable(),
    }),
  ),
});
export type RollupResponse = z.infer<typeof RollupResponse>;

/** The roll-up of every rural commune in the country, for the central coordination office. */
export const NationRollupResponse = RollupResponse.omit({ unit: true }).extend({
  provinceCount: z.number().int(),
});
export type NationRollupResponse = z.infer<typeof NationRollupResponse>;

export const VillageEvaluationsQuery = z.object({
  year: YearParam,
  basis: ValueBasis.default('latest'),
});

/** Every village of a commune under the village standard, in one answer (Vietnamese name order). */
export const VillageEvaluationsResponse = z.object({
  commune: UnitSummary,
  year: z.number().int(),
  basis: ValueBasis,
  villages: z.array(
    z.object({
      unit: UnitSummary,
      /** not_evaluable: no usable village set that year; `problem` says why. */
      status: z.enum(['met', 'not_met', 'no_data', 'not_evaluable']),
      criteriaSetId: z.string().nullable(),
      criteriaMet: z.number().int(),
      criteriaTotal: z.number().int(),
      criteriaNoData: z.number().int(),
      problem: z.object({ code: z.string(), message: z.string() }).nullable(),
      /** The village-standard decision in force, if any. */
      recognition: RecognitionSchema.nullable(),
    }),
  ),
});
export type VillageEvaluationsResponse = z.infer<typeof VillageEvaluationsResponse>;

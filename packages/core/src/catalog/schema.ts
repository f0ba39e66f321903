import { z } from 'zod';
import { CommuneGroup, IsoDate, Region, UnitFlag, UnitLevel } from '../units/unit';

/**
 * A public source from shared/reference/ntm-criteria.md, by its tag ("S16"), or a
 * provincial decision for provincial sets. `verified` says whether the cited source states
 * the fact; an unverified fact must be shown as such.
 */
export const SourceRef = z.object({
  ref: z.string().min(1),
  verified: z.boolean(),
  note: z.string().optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const ValueType = z.enum(['boolean', 'number', 'percent', 'level']);
export type ValueType = z.infer<typeof ValueType>;

/**
 * How observations of a measure combine across units: merged communes onto their successor
 * (lineage) and villages onto their commune (PRODUCT §6).
 */
export const RollupRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sum') }),
  z.object({
    kind: z.literal('weighted_mean'),
    weight: z.enum(['households', 'population', 'area', 'equal']),
  }),
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('any') }),
  /** yes/no observed on children → percent of children with "yes" on the parent */
  z.object({ kind: z.literal('share_true'), ofMeasure: z.string().min(1) }),
  z.object({ kind: z.literal('min') }),
  z.object({ kind: z.literal('max') }),
  z.object({ kind: z.literal('none') }),
]);
export type RollupRule = z.infer<typeof RollupRule>;

/** What a unit reports: an observation of a measure for a year, independent of any criteria set. */
export const Measure = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/, 'measure codes are snake_case'),
  name: z.string().min(1),
  unit: z.string(),
  valueType: ValueType,
  /** For `level` measures: the ordered levels, lowest first. */
  levels: z.array(z.string()).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  levelsObserved: z.array(UnitLevel).min(1),
  rollup: RollupRule,
});
export type Measure = z.infer<typeof Measure>;

export const Department = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/),
  name: z.string().min(1),
  shortName: z.string().min(1),
  /** Departments merged on 1/7/2025 end then; their successors start. */
  validFrom: IsoDate.optional(),
  validTo: IsoDate.optional(),
  successor: z.string().optional(),
  /** Why the validity dates are what they are, and whether they are verified. */
  note: z.string().optional(),
});
export type Department = z.infer<typeof Department>;

export const Comparator = z.enum(['gte', 'gt', 'lte', 'lt', 'eq', 'is_true', 'is_false', 'level_gte']);
export type Comparator = z.infer<typeof Comparator>;

export const ThresholdCondition = z.object({
  regions: z.array(Region).optional(),
  communeGroups: z.array(CommuneGroup).optional(),
  flags: z.array(UnitFlag).optional(),
});
export type ThresholdCondition = z.infer<typeof ThresholdCondition>;

/**
 * One threshold of an indicator. Without `when` it is the general value; with `when` it
 * applies to units matching every listed condition. Booleans use `value: true`.
 */
export const Threshold = z.object({
  when: ThresholdCondition.optional(),
  value: z.union([z.number(), z.boolean(), z.string()]),
  source: SourceRef,
  /** Demo-only value that stands in for an unavailable official one ("minh họa"). */
  illustrative: z.boolean().optional(),
});
export type Threshold = z.infer<typeof Threshold>;

/** Arithmetic over other indicators of the same set (or raw measures). */
export type Formula =
  | { indicator: string }
  | { measure: string }
  | { const: number }
  | { op: 'add' | 'sub' | 'mul' | 'div'; left: Formula; right: Formula };
export const Formula: z.ZodType<Formula> = z.lazy(() =>
  z.union([
    z.object({ indicator: z.string().min(1) }),
    z.object({ measure: z.string().min(1) }),
    z.object({ const: z.number() }),
    z.object({ op: z.enum(['add', 'sub', 'mul', 'div']), left: Formula, right: Formula }),
  ]),
);

export const Indicator = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  /** The measure observed; absent for derived indicators. */
  measure: z.string().optional(),
  derived: Formula.optional(),
  unit: z.string(),
  valueType: ValueType,
  comparator: Comparator,
  thresholds: z.array(Threshold),
  /** Overrides the criterion's lead department for this indicator. */
  leadDepartment: z.string().optional(),
  textSource: SourceRef,
  note: z.string().optional(),
});
export type Indicator = z.infer<typeof Indicator>;

export const Criterion = z.object({
  number: z.string().min(1),
  name: z.string().min(1),
  group: z.string().optional(),
  leadDepartment: z.string().min(1),
  leadDepartmentSource: SourceRef,
  nameSource: SourceRef,
  indicators: z.array(Indicator),
});
export type Criterion = z.infer<typeof Criterion>;

export const Tier = z.enum([
  'standard',
  'advanced',
  'model',
  'modern',
  'village_standard',
  'model_residential_area',
]);
export type Tier = z.infer<typeof Tier>;

export const tierLabels: Record<Tier, string> = {
  standard: 'Đạt chuẩn NTM',
  advanced: 'NTM nâng cao',
  model: 'NTM kiểu mẫu',
  modern: 'NTM hiện đại',
  village_standard: 'Thôn đạt chuẩn NTM',
  model_residential_area: 'Khu dân cư NTM kiểu mẫu',
};

export const Prerequisite = z.discriminatedUnion('kind', [
  /** The unit holds a decided, unrevoked recognition at this tier. */
  z.object({ kind: z.literal('recognition'), tier: Tier, source: SourceRef }),
  /** A condition that is assessed outside the indicator values; shown for a human to confirm. */
  z.object({ kind: z.literal('manual'), text: z.string().min(1), source: SourceRef }),
]);
export type Prerequisite = z.infer<typeof Prerequisite>;

export const LegalBasis = z.object({
  number: z.string().min(1),
  date: IsoDate,
  issuer: z.string().min(1),
  title: z.string().min(1),
  /** Who signed for the issuer, e.g. a Deputy Prime Minister signing for the Prime Minister. */
  signer: z.string().optional(),
  /** When the text took effect, if it differs from `date`. */
  effectiveDate: IsoDate.optional(),
  source: SourceRef,
});
export type LegalBasis = z.infer<typeof LegalBasis>;

/**
 * A versioned criteria set (bộ tiêu chí). National sets carry only what the reference
 * verifies or marks unverified; provincial sets may derive from one and fill its gaps.
 */
export const CriteriaSet = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  version: z.number().int().positive(),
  name: z.string().min(1),
  shortName: z.string().min(1),
  scope: z.enum(['national', 'provincial']),
  /** Code of the province that issued a provincial set. */
  provinceCode: z.string().optional(),
  derivedFrom: z.string().optional(),
  legalBasis: LegalBasis,
  level: UnitLevel,
  tier: Tier,
  period: z.object({ fromYear: z.number().int(), toYear: z.number().int() }),
  thresholdDimension: z.enum(['region', 'commune_group', 'none']),
  /** Units with these flags are evaluated as if they were in `useRegion` (318 Điều 1). */
  regionOverrides: z
    .array(z.object({ flags: z.array(UnitFlag).min(1), useRegion: Region, source: SourceRef }))
    .default([]),
  prerequisites: z.array(Prerequisite),
  /** True when the set contains demo or illustrative values and is not an official text. */
  illustrative: z.boolean(),
  /** Known gaps, in words; `validateCatalog` also derives the precise list. */
  gaps: z.array(z.string()).default([]),
  /** Context a user needs to read the set correctly, e.g. why the period differs from the title. */
  note: z.string().optional(),
  criteria: z.array(Criterion).min(1),
});
export type CriteriaSet = z.infer<typeof CriteriaSet>;
export type CriteriaSetInput = z.input<typeof CriteriaSet>;

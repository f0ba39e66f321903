import { z } from 'zod';
import { UnitLevel } from '../units/unit';
import { conditionKey } from './coverage';
import { type CatalogProblem, catalogError } from './problems';
import {
  CriteriaSet,
  type Criterion,
  Indicator,
  LegalBasis,
  Prerequisite,
  SourceRef,
  Threshold,
  Tier,
} from './schema';

/**
 * What a provincial set changes in the set it derives from. Everything not listed is
 * inherited, so a province that only fills missing thresholds writes only those. Strict,
 * so a misspelt key is an error rather than a silently ignored change.
 */
export const CriteriaSetOverlay = z.strictObject({
  id: CriteriaSet.shape.id,
  version: CriteriaSet.shape.version,
  name: z.string().min(1),
  shortName: z.string().min(1),
  scope: CriteriaSet.shape.scope,
  provinceCode: z.string().optional(),
  derivedFrom: z.string().min(1),
  legalBasis: LegalBasis,
  level: UnitLevel.optional(),
  tier: Tier.optional(),
  period: CriteriaSet.shape.period.optional(),
  thresholdDimension: CriteriaSet.shape.thresholdDimension.optional(),
  regionOverrides: CriteriaSet.shape.regionOverrides.unwrap().optional(),
  prerequisites: z.array(Prerequisite).optional(),
  illustrative: z.boolean(),
  /** The base's gaps and note describe the base text, so they are not inherited. */
  gaps: z.array(z.string()).default([]),
  note: z.string().optional(),
  /** The province's own assignment of criteria to departments, by criterion number. */
  leadDepartments: z
    .record(z.string(), z.object({ department: z.string().min(1), source: SourceRef }))
    .default({}),
  /** Thresholds for conditions the base leaves open, by indicator code. */
  addThresholds: z.record(z.string(), z.array(Threshold)).default({}),
  /** Thresholds that replace all of the base's for an indicator (a stricter provincial tier). */
  replaceThresholds: z.record(z.string(), z.array(Threshold)).default({}),
  /** New indicators, by criterion number. */
  addIndicators: z.record(z.string(), z.array(Indicator)).default({}),
});
export type CriteriaSetOverlay = z.infer<typeof CriteriaSetOverlay>;
export type CriteriaSetOverlayInput = z.input<typeof CriteriaSetOverlay>;

export type DeriveResult = { ok: true; set: CriteriaSet } | { ok: false; problems: CatalogProblem[] };

/** Materialises a derived set. Pure: the base is not modified. */
export function deriveCriteriaSet(base: CriteriaSet, overlay: CriteriaSetOverlay): DeriveResult {
  const at = { setId: overlay.id };
  const problems: CatalogProblem[] = [];
  if (overlay.derivedFrom !== base.id) {
    problems.push(
      catalogError(
        'overlay_base_mismatch',
        at,
        `kế thừa "${overlay.derivedFrom}" nhưng được áp dụng lên bộ tiêu chí "${base.id}".`,
      ),
    );
  }
  const criterionNumbers = new Set(base.criteria.map((c) => c.number));
  const indicatorCodes = new Set(base.criteria.flatMap((c) => c.indicators.map((i) => i.code)));
  const unknownCriteria = [...Object.keys(overlay.leadDepartments), ...Object.keys(overlay.addIndicators)];
  for (const number of unknownCriteria.filter((n) => !criterionNumbers.has(n))) {
    problems.push(
      catalogError(
        'overlay_unknown_criterion',
        { ...at, criterion: number },
        `tiêu chí ${number} không có trong bộ tiêu chí gốc "${base.id}".`,
      ),
    );
  }
  const touched = [...Object.keys(overlay.addThresholds), ...Object.keys(overlay.replaceThresholds)];
  for (const code of touched.filter((c) => !indicatorCodes.has(c))) {
    problems.push(
      catalogError(
        'overlay_unknown_indicator',
        { ...at, indicator: code },
        `chỉ tiêu ${code} không có trong bộ tiêu chí gốc "${base.id}".`,
      ),
    );
  }
  const criteria = base.criteria.map((c) => deriveCriterion(c, overlay, problems));
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    set: {
      id: overlay.id,
      version: overlay.version,
      name: overlay.name,
      shortName: overlay.shortName,
      scope: overlay.scope,
      ...(overlay.provinceCode !== undefined ? { provinceCode: overlay.provinceCode } : {}),
      derivedFrom: base.id,
      legalBasis: overlay.legalBasis,
      level: overlay.level ?? base.level,
      tier: overlay.tier ?? base.tier,
      period: overlay.period ?? base.period,
      thresholdDimension: overlay.thresholdDimension ?? base.thresholdDimension,
      regionOverrides: overlay.regionOverrides ?? base.regionOverrides,
      prerequisites: overlay.prerequisites ?? base.prerequisites,
      illustrative: overlay.illustrative || base.illustrative,
      gaps: overlay.gaps,
      ...(overlay.note !== undefined ? { note: overlay.note } : {}),
      criteria,
    },
  };
}

function deriveCriterion(
  criterion: Criterion,
  overlay: CriteriaSetOverlay,
  problems: CatalogProblem[],
): Criterion {
  const lead = overlay.leadDepartments[criterion.number];
  const indicators = criterion.indicators.map((indicator) => {
    const kept = overlay.replaceThresholds[indicator.code] ?? indicator.thresholds;
    const added = overlay.addThresholds[indicator.code] ?? [];
    const existing = new Set(kept.map((t) => conditionKey(t.when)));
    for (const t of added.filter((t) => existing.has(conditionKey(t.when)))) {
      problems.push(
        catalogError(
          'overlay_threshold_conflict',
          { setId: overlay.id, criterion: criterion.number, indicator: indicator.code },
          `ngưỡng bổ sung ${JSON.stringify(t.value)} trùng điều kiện áp dụng với ngưỡng của bộ tiêu chí gốc; muốn thay ngưỡng gốc thì dùng "replaceThresholds".`,
        ),
      );
    }
    return { ...indicator, thresholds: [...kept, ...added] };
  });
  return {
    ...criterion,
    ...(lead ? { leadDepartment: lead.department, leadDepartmentSource: lead.source } : {}),
    indicators: [...indicators, ...(overlay.addIndicators[criterion.number] ?? [])],
  };
}

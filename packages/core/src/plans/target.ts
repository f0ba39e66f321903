import { z } from 'zod';
import type { Tier } from '../catalog/schema';
import { isRecognitionInForce } from '../evaluation/recognition';
import type { Unit, UnitLevel } from '../units/unit';
import type { Recognition } from '../values/value';

/** Metrics a plan can set; each actual is computed from recognitions and evaluations, never typed. */
export const TargetMetric = z.enum([
  'communes_standard_new',
  'communes_advanced_new',
  'communes_model_new',
  'communes_modern_new',
  'model_residential_areas_new',
  'villages_standard_new',
  'scheme_villages_standard',
  'average_criteria_per_commune',
  'communes_under_criteria',
]);
export type TargetMetric = z.infer<typeof TargetMetric>;

export const targetMetricLabels: Record<TargetMetric, string> = {
  communes_standard_new: 'Số xã được công nhận đạt chuẩn NTM trong năm',
  communes_advanced_new: 'Số xã được công nhận NTM nâng cao trong năm',
  communes_model_new: 'Số xã được công nhận NTM kiểu mẫu trong năm',
  communes_modern_new: 'Số xã được công nhận NTM hiện đại trong năm (từ năm 2026)',
  model_residential_areas_new: 'Số khu dân cư được công nhận NTM kiểu mẫu trong năm',
  villages_standard_new: 'Số thôn được công nhận đạt chuẩn NTM trong năm',
  scheme_villages_standard: 'Số thôn thuộc Đề án 1385 đạt chuẩn NTM (lũy kế)',
  average_criteria_per_commune: 'Số tiêu chí đạt bình quân/xã',
  communes_under_criteria: 'Số xã đạt dưới N tiêu chí (càng ít càng tốt)',
};

/**
 * Settings some metrics need: villages may be limited to the Decision 1385 scheme ("29 of 52
 * villages in 8 communes"), and "communes under N criteria" needs its N.
 */
export const TargetParams = z.object({
  schemeOnly: z.boolean().optional(),
  belowCriteria: z.number().int().min(1).max(60).optional(),
});
export type TargetParams = z.infer<typeof TargetParams>;

/** Whether reaching the target means getting at least or at most the target value. */
export type TargetDirection = 'at_least' | 'at_most';

export function targetDirection(metric: TargetMetric): TargetDirection {
  return metric === 'communes_under_criteria' ? 'at_most' : 'at_least';
}

const newInYear: Partial<Record<TargetMetric, Tier>> = {
  communes_standard_new: 'standard',
  communes_advanced_new: 'advanced',
  communes_model_new: 'model',
  communes_modern_new: 'modern',
  model_residential_areas_new: 'model_residential_area',
  villages_standard_new: 'village_standard',
};

/** The tier a metric counts recognitions of, which is also the tier units are registered for. */
export function metricTier(metric: TargetMetric): Tier | null {
  if (metric === 'scheme_villages_standard') return 'village_standard';
  return newInYear[metric] ?? null;
}

/** The level of the units a metric counts. */
export function metricUnitLevel(metric: TargetMetric): UnitLevel {
  const tier = metricTier(metric);
  return tier === 'village_standard' || tier === 'model_residential_area' ? 'village' : 'commune';
}

/** The first year the 51/2025 "modern" tier exists. */
export const MODERN_TIER_FROM_YEAR = 2026;

/** Problems, in Vietnamese, with a target as the province sets it; empty when it can be stored. */
export function targetProblems(input: {
  metric: TargetMetric;
  year: number;
  value: number;
  params: TargetParams;
}): string[] {
  const problems: string[] = [];
  if (!Number.isFinite(input.value) || input.value < 0)
    problems.push('Giá trị mục tiêu phải là số không âm.');
  if (input.metric === 'communes_modern_new' && input.year < MODERN_TIER_FROM_YEAR) {
    problems.push(`Mức NTM hiện đại chỉ có từ năm ${MODERN_TIER_FROM_YEAR} (Quyết định 51/2025/QĐ-TTg).`);
  }
  if (input.metric === 'communes_under_criteria' && input.params.belowCriteria === undefined) {
    problems.push('Mục tiêu "số xã đạt dưới N tiêu chí" cần số tiêu chí N.');
  }
  if (input.metric !== 'communes_under_criteria' && input.params.belowCriteria !== undefined) {
    problems.push('Chỉ mục tiêu "số xã đạt dưới N tiêu chí" mới có số tiêu chí N.');
  }
  const countsVillages =
    input.metric === 'villages_standard_new' || input.metric === 'scheme_villages_standard';
  if (input.params.schemeOnly !== undefined && !countsVillages) {
    problems.push('Chỉ các mục tiêu về thôn mới giới hạn được theo Đề án 1385.');
  }
  if (
    !Number.isInteger(input.value) &&
    input.metric !== 'average_criteria_per_commune' &&
    Number.isFinite(input.value)
  ) {
    problems.push('Mục tiêu đếm số đơn vị phải là số nguyên.');
  }
  return problems;
}

/** "Số xã đạt dưới 10 tiêu chí", "Số thôn thuộc Đề án 1385 được công nhận ..." */
export function describeMetric(metric: TargetMetric, params: TargetParams = {}): string {
  if (metric === 'communes_under_criteria') {
    return `Số xã đạt dưới ${params.belowCriteria ?? 'N'} tiêu chí (càng ít càng tốt)`;
  }
  if (metric === 'villages_standard_new' && params.schemeOnly) {
    return 'Số thôn thuộc Đề án 1385 được công nhận đạt chuẩn NTM trong năm';
  }
  return targetMetricLabels[metric];
}

export interface TargetActualInput {
  metric: TargetMetric;
  year: number;
  params?: TargetParams;
  /** Decisions dated after this day are not counted yet; the year's last day by default. */
  asOf?: string;
  /** Every unit (any level) inside the target's scope during the year. */
  unitsInScope: readonly Unit[];
  recognitions: readonly Recognition[];
  /** From the roll-up of the scope for the year; null when it could not be evaluated. */
  averageCriteriaMet: number | null;
  /** Criteria met by each evaluated commune of the scope; needed by `communes_under_criteria`. */
  communeCriteriaMet?: readonly number[] | null;
}

function isSchemeVillage(unit: Unit): boolean {
  return unit.level === 'village' && unit.flags.includes('scheme_1385');
}

/** The units whose recognition at the metric's tier counts, or null for metrics that count none. */
export function countedUnits(input: TargetActualInput): Set<string> | null {
  const { metric, year } = input;
  const tier = metricTier(metric);
  if (tier === null) return null;
  const asOf = input.asOf ?? `${year}-12-31`;
  const yearStart = `${year}-01-01`;
  const cumulative = metric === 'scheme_villages_standard';
  const schemeOnly = cumulative || (metric === 'villages_standard_new' && input.params?.schemeOnly === true);
  const eligible = new Set(
    input.unitsInScope.filter((u) => !schemeOnly || isSchemeVillage(u)).map((u) => u.id),
  );
  return new Set(
    input.recognitions
      .filter(
        (r) =>
          eligible.has(r.unitId) &&
          isRecognitionInForce(r, tier, asOf) &&
          (cumulative || (r.decisionDate ?? '') >= yearStart),
      )
      .map((r) => r.unitId),
  );
}

/** Only a decision counts towards a target (PRODUCT §3). */
export function targetActual(input: TargetActualInput): number | null {
  const counted = countedUnits(input);
  if (counted !== null) return counted.size;
  switch (input.metric) {
    case 'average_criteria_per_commune':
      return input.averageCriteriaMet;
    case 'communes_under_criteria': {
      const below = input.params?.belowCriteria;
      if (below === undefined || !input.communeCriteriaMet) return null;
      return input.communeCriteriaMet.filter((met) => met < below).length;
    }
    default:
      return null;
  }
}

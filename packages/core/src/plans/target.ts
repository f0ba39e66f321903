import { z } from 'zod';
import type { Tier } from '../catalog/schema';
import type { Unit } from '../units/unit';
import type { Recognition } from '../values/value';

/** Metrics a plan can set; each actual is computed from recognitions and evaluations, never typed. */
export const TargetMetric = z.enum([
  'communes_standard_new',
  'communes_advanced_new',
  'communes_model_new',
  'model_residential_areas_new',
  'scheme_villages_standard',
  'average_criteria_per_commune',
]);
export type TargetMetric = z.infer<typeof TargetMetric>;

export const targetMetricLabels: Record<TargetMetric, string> = {
  communes_standard_new: 'Số xã được công nhận đạt chuẩn NTM trong năm',
  communes_advanced_new: 'Số xã được công nhận NTM nâng cao trong năm',
  communes_model_new: 'Số xã được công nhận NTM kiểu mẫu trong năm',
  model_residential_areas_new: 'Số khu dân cư được công nhận NTM kiểu mẫu trong năm',
  scheme_villages_standard: 'Số thôn thuộc Đề án 1385 đạt chuẩn NTM (lũy kế)',
  average_criteria_per_commune: 'Số tiêu chí đạt bình quân/xã',
};

const newInYear: Partial<Record<TargetMetric, Tier>> = {
  communes_standard_new: 'standard',
  communes_advanced_new: 'advanced',
  communes_model_new: 'model',
  model_residential_areas_new: 'model_residential_area',
};

export interface TargetActualInput {
  metric: TargetMetric;
  year: number;
  /** Every unit (any level) inside the target's scope during the year. */
  unitsInScope: readonly Unit[];
  recognitions: readonly Recognition[];
  /** From the roll-up of the scope for the year; null when it could not be evaluated. */
  averageCriteriaMet: number | null;
}

function inForce(r: Recognition, tier: Tier, onOrBefore: string): boolean {
  return (
    r.tier === tier &&
    r.decisionDate !== null &&
    r.decisionDate <= onOrBefore &&
    (r.status === 'decided' ||
      (r.status === 'revoked' && r.revokedDate !== null && r.revokedDate > onOrBefore))
  );
}

/** Only a decision counts towards a target (PRODUCT §3). */
export function targetActual(input: TargetActualInput): number | null {
  const { metric, year } = input;
  const ids = new Set(input.unitsInScope.map((u) => u.id));
  const yearStart = `${year}-01-01`;
  const yearEndDate = `${year}-12-31`;
  const tier = newInYear[metric];
  if (tier !== undefined) {
    const units = new Set(
      input.recognitions
        .filter(
          (r) => ids.has(r.unitId) && inForce(r, tier, yearEndDate) && (r.decisionDate ?? '') >= yearStart,
        )
        .map((r) => r.unitId),
    );
    return units.size;
  }
  switch (metric) {
    case 'scheme_villages_standard': {
      const schemeVillages = new Set(
        input.unitsInScope
          .filter((u) => u.level === 'village' && u.flags.includes('scheme_1385'))
          .map((u) => u.id),
      );
      return new Set(
        input.recognitions
          .filter((r) => schemeVillages.has(r.unitId) && inForce(r, 'village_standard', yearEndDate))
          .map((r) => r.unitId),
      ).size;
    }
    case 'average_criteria_per_commune':
      return input.averageCriteriaMet;
    default:
      return null;
  }
}

import { formatNumber } from '@ntm/core/format';
import type { TargetsResponse } from '@ntm/server/contract/targets';
import type { MessageKey } from '../../i18n';

export type TargetProgress = TargetsResponse['targets'][number];
type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const unitOf: Record<TargetProgress['metric'], MessageKey> = {
  communes_standard_new: 'dashboard.unitCommunes',
  communes_advanced_new: 'dashboard.unitCommunes',
  communes_model_new: 'dashboard.unitCommunes',
  communes_modern_new: 'dashboard.unitCommunes',
  model_residential_areas_new: 'dashboard.unitResidentialAreas',
  villages_standard_new: 'dashboard.unitVillages',
  scheme_villages_standard: 'dashboard.unitVillages',
  average_criteria_per_commune: 'dashboard.unitCriteriaPerCommune',
  communes_under_criteria: 'dashboard.unitCommunes',
};

export interface TargetView {
  actual: string;
  target: string;
  unit: string;
  /** Share of the target reached, 0–100 for the bar (an exceeded target fills it). */
  percent: number;
  percentText: string;
  reached: boolean;
  /** "Còn thiếu 2 xã", "Vượt 1 xã", "Đạt mục tiêu", or why there is no result. */
  status: string;
}

/** A target as the dashboard reads it: "6/8 xã (75%) — còn thiếu 2 xã". */
export function describeTarget(target: TargetProgress, t: Translate): TargetView {
  const digits = target.metric === 'average_criteria_per_commune' ? 2 : 0;
  const unit = t(unitOf[target.metric]);
  if (target.actual === null) {
    return {
      actual: '—',
      target: formatNumber(target.target, digits),
      unit,
      percent: 0,
      percentText: '—',
      reached: false,
      status: t('dashboard.targetNoResult'),
    };
  }
  const share = target.progress ?? (target.actual >= target.target ? 1 : 0);
  // For "communes under N criteria" fewer is better: being under the target is reaching it.
  const difference =
    target.direction === 'at_most' ? target.target - target.actual : target.actual - target.target;
  const amount = formatNumber(Math.abs(difference), digits);
  const status =
    target.direction === 'at_most'
      ? difference >= 0
        ? t('dashboard.targetReached')
        : // Above a ceiling: "Vượt 2 xã" says by how many communes it is exceeded.
          t('dashboard.targetExceeded', { amount, unit })
      : Math.abs(difference) < 10 ** -digits / 2
        ? t('dashboard.targetReached')
        : difference > 0
          ? t('dashboard.targetExceeded', { amount, unit })
          : t('dashboard.targetShort', { amount, unit });
  return {
    actual: formatNumber(target.actual, digits),
    target: formatNumber(target.target, digits),
    unit,
    percent:
      target.direction === 'at_most'
        ? difference >= 0
          ? 100
          : 0
        : Math.min(100, Math.max(0, Math.round(share * 100))),
    percentText: target.direction === 'at_most' ? '—' : `${formatNumber(share * 100, 0)}%`,
    reached: difference >= -(10 ** -digits) / 2,
    status,
  };
}

/** "6,5 (khoảng 6–7)": the year-end forecast with its range, or null without one. */
export function forecastText(
  target: TargetProgress,
  range: (min: string, max: string) => string,
): string | null {
  const { expected, min, max } = target.forecast;
  if (expected === null) return null;
  const digits = target.metric === 'average_criteria_per_commune' ? 2 : 1;
  const value = formatNumber(expected, digits);
  if (min === null || max === null || Math.abs(max - min) < 1e-9) return value;
  const [low, high] = min <= max ? [min, max] : [max, min];
  return `${value} (${range(formatNumber(low, digits), formatNumber(high, digits))})`;
}

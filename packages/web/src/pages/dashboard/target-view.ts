import { formatNumber } from '@ntm/core/format';
import type { TargetsResponse } from '@ntm/server/contract/targets';
import type { MessageKey } from '../../i18n';

export type TargetProgress = TargetsResponse['targets'][number];
type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const unitOf: Record<TargetProgress['metric'], MessageKey> = {
  communes_standard_new: 'dashboard.unitCommunes',
  communes_advanced_new: 'dashboard.unitCommunes',
  communes_model_new: 'dashboard.unitCommunes',
  model_residential_areas_new: 'dashboard.unitResidentialAreas',
  scheme_villages_standard: 'dashboard.unitVillages',
  average_criteria_per_commune: 'dashboard.unitCriteriaPerCommune',
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
  const difference = target.actual - target.target;
  const amount = formatNumber(Math.abs(difference), digits);
  const status =
    Math.abs(difference) < 10 ** -digits / 2
      ? t('dashboard.targetReached')
      : difference > 0
        ? t('dashboard.targetExceeded', { amount, unit })
        : t('dashboard.targetShort', { amount, unit });
  return {
    actual: formatNumber(target.actual, digits),
    target: formatNumber(target.target, digits),
    unit,
    percent: Math.min(100, Math.max(0, Math.round(share * 100))),
    percentText: `${formatNumber(share * 100, 0)}%`,
    reached: difference >= -(10 ** -digits) / 2,
    status,
  };
}

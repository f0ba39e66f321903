import { formatNumber, formatPercent } from '@ntm/core/format';
import type { UnitEvaluationResponse } from '@ntm/server/contract/evaluation';

export type CriterionResult = UnitEvaluationResponse['evaluation']['criteria'][number];
export type IndicatorResult = CriterionResult['indicators'][number];
export type ObservedValue = NonNullable<IndicatorResult['value']>;
type Shape = Pick<IndicatorResult, 'valueType' | 'unit'>;

/** How yes/no reads in the current language ("Đạt" / "Không đạt"). */
export interface YesNo {
  yes: string;
  no: string;
}

const symbols: Record<IndicatorResult['comparator'], string> = {
  gte: '≥',
  gt: '>',
  lte: '≤',
  lt: '<',
  eq: '=',
  is_true: '',
  is_false: '',
  level_gte: '≥',
};

/** 6.2 → "6,2%", 51.6 → "51,6 triệu đồng/người/năm", true → "Đạt", a level as it is named. */
export function formatObservedValue(value: ObservedValue, indicator: Shape, yesNo: YesNo): string {
  if (typeof value === 'boolean') return value ? yesNo.yes : yesNo.no;
  if (typeof value === 'string') return value;
  if (indicator.valueType === 'percent') return formatPercent(value);
  return indicator.unit ? `${formatNumber(value)} ${indicator.unit}` : formatNumber(value);
}

/** The requirement: "≥ 70%", "≤ 0 nhà", "Đạt", "≥ mức “Khá”". */
export function formatRequirement(
  comparator: IndicatorResult['comparator'],
  threshold: ObservedValue,
  indicator: Shape,
  yesNo: YesNo,
): string {
  if (comparator === 'is_true') return yesNo.yes;
  if (comparator === 'is_false') return yesNo.no;
  if (comparator === 'level_gte') return `${symbols.level_gte} “${String(threshold)}”`;
  return `${symbols[comparator]} ${formatObservedValue(threshold, indicator, yesNo)}`;
}

/**
 * The server's gap sentence starts with the indicator's name, which the scorecard already
 * shows on the line above; the rest ("77,5% — thấp hơn ngưỡng 85% là 7,5 điểm %") is kept.
 */
export function gapWithoutName(sentence: string, name: string): string {
  if (!sentence.startsWith(name)) return sentence;
  const rest = sentence.slice(name.length).replace(/^[\s:]+/, '');
  return rest.length > 0 ? rest : sentence;
}

type Translate = (
  key:
    | 'gap.met'
    | 'gap.below'
    | 'gap.above'
    | 'gap.notEqual'
    | 'gap.required'
    | 'gap.levelMet'
    | 'gap.levelShort'
    | 'gap.percentPoints',
  vars?: Record<string, string | number>,
) => string;

/**
 * The gap in English, built from the figures the API sends rather than its Vietnamese sentence
 * (which stays the reference in Vietnamese). Units from the catalog ("triệu đồng/người/năm")
 * are legal text and are kept as they are.
 */
export function englishGap(indicator: IndicatorResult, t: Translate, yesNo: YesNo): string | null {
  const { value, threshold, comparator } = indicator;
  if (value === null || threshold === null || indicator.gap === null) return null;
  const met = indicator.outcome === 'met';
  if (comparator === 'is_true' || comparator === 'is_false') {
    return met ? null : t('gap.required', { required: comparator === 'is_true' ? yesNo.yes : yesNo.no });
  }
  if (comparator === 'level_gte') {
    const vars = { value: String(value), required: String(threshold.value) };
    return met
      ? t('gap.levelMet', vars)
      : t('gap.levelShort', { ...vars, steps: Math.abs(indicator.gap.amount ?? 0) });
  }
  if (typeof value !== 'number' || typeof threshold.value !== 'number') {
    return met ? null : t('gap.required', { required: `“${String(threshold.value)}”` });
  }
  const shown = formatObservedValue(value, indicator, yesNo);
  const limit = formatObservedValue(threshold.value, indicator, yesNo);
  if (met)
    return t('gap.met', {
      value: shown,
      requirement: formatRequirement(comparator, threshold.value, indicator, yesNo),
    });
  const unit = indicator.valueType === 'percent' ? t('gap.percentPoints') : indicator.unit;
  const distance = `${formatNumber(Math.round(Math.abs(value - threshold.value) * 1e9) / 1e9)}${unit ? ` ${unit}` : ''}`;
  const vars = { value: shown, threshold: limit, distance };
  if (comparator === 'eq') return t('gap.notEqual', vars);
  return t(value > threshold.value ? 'gap.above' : 'gap.below', vars);
}

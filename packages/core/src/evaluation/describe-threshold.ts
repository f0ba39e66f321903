import type { Indicator } from '../catalog/schema';
import { formatNumber, formatPercent } from '../format/vi';
import type { SelectedThreshold } from './result';

export type ThresholdIndicator = Pick<Indicator, 'unit' | 'valueType' | 'comparator'>;

/** Shown wherever an indicator has no threshold yet (an incomplete national set). */
export const NO_OFFICIAL_THRESHOLD = 'chưa có ngưỡng chính thức';

function amount(indicator: ThresholdIndicator, value: number): string {
  if (indicator.valueType === 'percent') return formatPercent(value);
  return indicator.unit ? `${formatNumber(value)} ${indicator.unit}` : formatNumber(value);
}

/**
 * The threshold as a reader of a form or report expects it: "≥ 70%", "≤ 5%", "Đạt",
 * "mức Khá trở lên"; an illustrative (demo) threshold says so.
 */
export function describeThreshold(
  indicator: ThresholdIndicator,
  threshold: SelectedThreshold | null,
): string {
  if (threshold === null) return NO_OFFICIAL_THRESHOLD;
  const value = threshold.value;
  let text: string;
  switch (indicator.comparator) {
    case 'is_true':
      text = 'Đạt';
      break;
    case 'is_false':
      text = 'Không';
      break;
    case 'level_gte':
      text = `mức ${String(value)} trở lên`;
      break;
    case 'gte':
    case 'gt':
    case 'lte':
    case 'lt':
    case 'eq': {
      const symbol = { gte: '≥', gt: '>', lte: '≤', lt: '<', eq: '=' }[indicator.comparator];
      text =
        typeof value === 'number' ? `${symbol} ${amount(indicator, value)}` : `${symbol} ${String(value)}`;
      break;
    }
  }
  return threshold.illustrative ? `${text} (minh họa)` : text;
}

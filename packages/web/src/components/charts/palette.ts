import { outcomeColors } from '../OutcomeTag';

/** From all criteria met (dark green) to the lowest band (red), one colour per standard band, highest first. */
export const bandColors = ['#1f7a4d', '#52b47a', '#f0b429', '#e8803a', '#d9534f'] as const;

/** The commune ladder, darker for higher tiers; "none" is the no-data grey. */
export const tierColors = {
  none: outcomeColors.no_data,
  standard: '#9fd4b4',
  advanced: '#2e9d5b',
  model: '#135e3a',
  modern: '#0b3d26',
} as const;

export function bandColor(index: number): string {
  return bandColors[Math.min(index, bandColors.length - 1)] ?? bandColors[0];
}

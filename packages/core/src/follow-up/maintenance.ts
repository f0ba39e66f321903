import type { Outcome } from '../evaluation/result';

export type SlipKind = 'not_met' | 'no_data';

export interface MaintenanceInput {
  /** Outcomes by indicator code the last time this unit and year were looked at; null the first time. */
  sameYear: ReadonlyMap<string, Outcome> | null;
  /** Outcomes of the year before, the baseline when the year has not been looked at yet. */
  previousYear: ReadonlyMap<string, Outcome> | null;
  current: ReadonlyMap<string, Outcome>;
  /** Indicators with an alert still open or acknowledged. */
  active: ReadonlySet<string>;
}

export interface MaintenanceChanges {
  raise: { indicatorCode: string; kind: SlipKind }[];
  /** Active alerts whose indicator is met again. */
  resolve: string[];
}

/**
 * What a recognised unit's new evaluation means for its maintenance alerts: an indicator that
 * was met and is now not met, or has lost its data, raises one; an active one whose indicator
 * is met again is resolved. "Was met" is the outcome when this year was last looked at; before
 * that, last year's outcome — but a year that has just begun has no data yet, so against last
 * year only a value that is now entered and falls short counts, not missing data.
 */
export function maintenanceChanges(input: MaintenanceInput): MaintenanceChanges {
  const raise: MaintenanceChanges['raise'] = [];
  const resolve: string[] = [];
  for (const [code, outcome] of input.current) {
    if (outcome === 'met') {
      if (input.active.has(code)) resolve.push(code);
      continue;
    }
    if (input.active.has(code)) continue;
    const sameYear = input.sameYear?.get(code);
    if (sameYear !== undefined) {
      if (sameYear === 'met') raise.push({ indicatorCode: code, kind: outcome });
    } else if (input.previousYear?.get(code) === 'met' && outcome === 'not_met') {
      raise.push({ indicatorCode: code, kind: 'not_met' });
    }
  }
  return { raise, resolve };
}

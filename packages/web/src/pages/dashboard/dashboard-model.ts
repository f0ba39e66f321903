import { problemDetail } from '../../api/client';
import type { CommuneRow, Rollup, TrendYear } from '../../api/dashboard';
import type { TierCode } from '../catalog/labels';

/** Commune tiers from the lowest rung up; a commune counts once, at its highest decision in force. */
export const communeTiers = [
  'standard',
  'advanced',
  'model',
  'modern',
] as const satisfies readonly TierCode[];
export type CommuneTier = (typeof communeTiers)[number];

export interface TierShare {
  tier: CommuneTier | 'none';
  count: number;
}

export function tierDistribution(communes: readonly CommuneRow[]): TierShare[] {
  const counts = new Map<CommuneTier | 'none', number>([
    ['none', 0],
    ...communeTiers.map((t) => [t, 0] as const),
  ]);
  for (const commune of communes) {
    const tier = (communeTiers as readonly string[]).includes(commune.recognisedTier ?? '')
      ? (commune.recognisedTier as CommuneTier)
      : 'none';
    counts.set(tier, (counts.get(tier) ?? 0) + 1);
  }
  return [...counts]
    .map(([tier, count]) => ({ tier, count }))
    .filter((s) => s.tier !== 'modern' || s.count > 0);
}

export interface ClosestCommune {
  rank: number;
  unitId: string;
  name: string;
  districtName: string | null;
  criteriaMissing: number;
  /** Numbers of the criteria not met or without data, in set order. */
  missing: string[];
  totalGap: number;
}

/** The roll-up's ranking of communes closest to the set's tier, with names and the criteria they still miss. */
export function closestCommunes(
  rollup: Rollup,
  districtNames: ReadonlyMap<string, string>,
): ClosestCommune[] {
  const rows = new Map(rollup.communes.map((c) => [c.unitId, c]));
  const numbers = rollup.rollup.criteria.map((c) => c.number);
  return rollup.rollup.closestToNextTier.flatMap((entry, index) => {
    const row = rows.get(entry.unitId);
    if (!row) return [];
    return [
      {
        rank: index + 1,
        unitId: entry.unitId,
        name: row.name,
        districtName: row.parentId === null ? null : (districtNames.get(row.parentId) ?? null),
        criteriaMissing: entry.criteriaMissing,
        missing: numbers.filter((_, i) => row.outcomes[i] !== 'met'),
        totalGap: entry.totalNormalisedGap,
      },
    ];
  });
}

export interface TrendPoint {
  year: number;
  averageCriteriaMet: number;
  criteriaTotal: number;
  setName: string;
  recognised: Record<'standard' | 'advanced' | 'model', number>;
}

export interface TrendGap {
  year: number;
  reason: string;
}

/**
 * Years with an evaluation become points; the others are listed with the reason (no usable
 * criteria set, the area did not exist, no data entered), never drawn as a zero.
 */
export function trendSeries(
  years: readonly TrendYear[],
  noDataReason: string,
): { points: TrendPoint[]; gaps: TrendGap[] } {
  const points: TrendPoint[] = [];
  const gaps: TrendGap[] = [];
  for (const y of years) {
    if (y.isPending) continue;
    const rollup = y.rollup;
    if (!rollup) {
      if (y.error) gaps.push({ year: y.year, reason: problemDetail(y.error) });
      continue;
    }
    const criteria = rollup.rollup.criteria;
    const noData = criteria.every((c) => c.noDataCount === rollup.rollup.evaluatedCount);
    if (rollup.rollup.evaluatedCount === 0 || noData) {
      gaps.push({ year: y.year, reason: noDataReason });
      continue;
    }
    const count = (tier: string) => rollup.rollup.tiers.find((t) => t.tier === tier)?.recognisedCount ?? 0;
    points.push({
      year: y.year,
      averageCriteriaMet: rollup.rollup.averageCriteriaMet,
      criteriaTotal: criteria.length,
      setName: rollup.criteriaSet.shortName,
      recognised: { standard: count('standard'), advanced: count('advanced'), model: count('model') },
    });
  }
  return { points, gaps };
}

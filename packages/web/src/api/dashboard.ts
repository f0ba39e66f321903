import type { RollupResponse } from '@ntm/server/contract/evaluation';
import type { UnitListResponse } from '@ntm/server/contract/units';
import { usePrefetchQuery, useQueries } from '@tanstack/react-query';
import { yearEndDate } from '../scope';
import { apiGet } from './client';
import { useProvinceOfYear } from './province';
import { queryKeys, rootUnitsQuery, targetsQuery, useChildUnits, useUnit } from './queries';

export type Rollup = RollupResponse;
export type CommuneRow = RollupResponse['communes'][number];

function fetchRollup(unitId: string, year: number, signal: AbortSignal) {
  return apiGet<RollupResponse>(`/units/${encodeURIComponent(unitId)}/rollup`, { year }, signal);
}

export interface Area {
  /** The unit whose subtree is shown: the chosen one, or the province of the year. */
  areaId: string | undefined;
  areaName: string | undefined;
  province: UnitListResponse['units'][number] | undefined;
  /** Districts of the province at the end of the year (none after the 2025 reorganisation). */
  districts: UnitListResponse['units'];
  /** The chosen unit did not exist at the end of the year, so the province is shown instead. */
  chosenOutOfDate: boolean;
  isPending: boolean;
  error: unknown;
  refetch(): void;
}

/** The area a page shows for a year: `?dv=` when that unit exists at the end of the year, else the province. */
export function useArea(year: number, unitId: string | undefined): Area {
  const date = yearEndDate(year);
  const roots = useProvinceOfYear(year);
  const chosen = useUnit(unitId);
  const districts = useChildUnits(roots.province?.id, date);
  const unit = chosen.data?.unit;
  const outOfDate =
    unit !== undefined && (unit.validFrom > date || (unit.validTo !== null && unit.validTo < date));
  const useChosen = unitId !== undefined && !outOfDate && !chosen.isError;
  return {
    areaId: useChosen ? unitId : roots.province?.id,
    areaName: useChosen ? unit?.name : roots.province?.name,
    province: roots.province,
    districts: (districts.data?.units ?? []).filter((u) => u.level === 'district'),
    chosenOutOfDate: unitId !== undefined && (outOfDate || chosen.isError),
    isPending: roots.isPending,
    error: roots.error,
    refetch: () => void roots.refetch(),
  };
}

export interface TrendYear {
  year: number;
  rollup: RollupResponse | undefined;
  /** Why the year has no roll-up (the area did not exist, no usable criteria set …). */
  error: unknown;
  isPending: boolean;
}

/**
 * The roll-up of an area for several years. Without a chosen unit, each year uses the province
 * of that year, so the trend runs across the 2025 reorganisation. Keys are the roll-up keys,
 * so the dashboard's own roll-up is shared and a value write refreshes the trend too.
 */
export function useRollupTrend(
  unitId: string | undefined,
  years: readonly number[],
  /** False holds the requests back, so the figures on screen first are computed first. */
  enabled = true,
): TrendYear[] {
  const roots = useQueries({
    queries: years.map((year) => ({
      queryKey: queryKeys.roots(yearEndDate(year)),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiGet<UnitListResponse>('/units', { date: yearEndDate(year) }, signal),
      enabled: enabled && unitId === undefined,
    })),
  });
  const ids = years.map((_, i) => unitId ?? roots[i]?.data?.units[0]?.id);
  const rollups = useQueries({
    queries: years.map((year, i) => ({
      queryKey: queryKeys.rollup(ids[i] ?? '', year),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchRollup(ids[i] ?? '', year, signal),
      enabled: enabled && ids[i] !== undefined,
      retry: false,
    })),
  });
  return years.map((year, i) => ({
    year,
    rollup: rollups[i]?.data,
    error: rollups[i]?.error ?? roots[i]?.error ?? null,
    isPending:
      ids[i] === undefined
        ? (roots[i]?.isPending ?? false) && unitId === undefined
        : (rollups[i]?.isPending ?? false),
  }));
}

/**
 * Starts the requests behind the dashboard's first figures while the page renders, instead of
 * after its first commit; the same keys as useTargets and useRootUnits, so nothing is fetched twice.
 */
export function usePrefetchFirstFigures(year: number): void {
  usePrefetchQuery(targetsQuery(year));
  usePrefetchQuery(rootUnitsQuery(yearEndDate(year)));
}

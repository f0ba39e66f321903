import type { UnitEvaluationResponse, VillageEvaluationsResponse } from '@ntm/server/contract/evaluation';
import type { UnitTrendResponse } from '@ntm/server/contract/trend';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from './client';
import { queryKeys } from './queries';

export type Tier = UnitEvaluationResponse['criteriaSet']['tier'];

/**
 * Keys start with the evaluation key, so the invalidation that follows a value write
 * (useWriteValues) refreshes the scorecard, its trend and its villages too.
 */
export const scorecardKeys = {
  evaluation: (id: string, year: number, tier: Tier) => [...queryKeys.evaluation(id, year), tier] as const,
  trend: (id: string, fromYear: number, toYear: number, tier: Tier) =>
    ['evaluation', 'trend', id, fromYear, toYear, tier] as const,
};

function fetchEvaluation(id: string, year: number, tier: Tier, signal: AbortSignal) {
  return apiGet<UnitEvaluationResponse>(
    `/units/${encodeURIComponent(id)}/evaluation`,
    { year, tier },
    signal,
  );
}

/** A unit's evaluation for a tier (villages: village_standard; communes: standard, advanced, model). */
export function useTierEvaluation(id: string | undefined, year: number, tier: Tier) {
  return useQuery({
    queryKey: scorecardKeys.evaluation(id ?? '', year, tier),
    queryFn: ({ signal }) => fetchEvaluation(id ?? '', year, tier, signal),
    enabled: id !== undefined,
    retry: false,
  });
}

export function useUnitTrend(id: string | undefined, fromYear: number, toYear: number, tier: Tier) {
  return useQuery({
    queryKey: scorecardKeys.trend(id ?? '', fromYear, toYear, tier),
    queryFn: ({ signal }) =>
      apiGet<UnitTrendResponse>(
        `/units/${encodeURIComponent(id ?? '')}/trend`,
        { fromYear, toYear, tier },
        signal,
      ),
    enabled: id !== undefined,
    retry: false,
  });
}

/** Every village of a commune under the village standard, evaluated by the server in one request. */
export function useVillageEvaluations(communeId: string, year: number) {
  return useQuery({
    queryKey: [...queryKeys.evaluation(communeId, year), 'villages'] as const,
    queryFn: ({ signal }) =>
      apiGet<VillageEvaluationsResponse>(
        `/units/${encodeURIComponent(communeId)}/villages/evaluation`,
        { year },
        signal,
      ),
    retry: false,
  });
}

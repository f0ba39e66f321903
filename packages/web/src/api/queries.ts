import type { CriteriaSetDetailResponse, CriteriaSetListResponse } from '@ntm/server/contract/catalog';
import type { RollupResponse, UnitEvaluationResponse } from '@ntm/server/contract/evaluation';
import type { TargetsResponse } from '@ntm/server/contract/targets';
import type { UnitDetailResponse, UnitListResponse } from '@ntm/server/contract/units';
import type {
  BulkValueWriteRequest,
  BulkValueWriteResponse,
  UnitValuesResponse,
} from '@ntm/server/contract/values';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiGet, apiSend } from './client';

type Infer<T extends z.ZodType> = z.infer<T>;
export type CriteriaSetList = Infer<typeof CriteriaSetListResponse>;
export type CriteriaSetDetail = Infer<typeof CriteriaSetDetailResponse>;

/** Stable query keys: one place, so invalidation after a write cannot miss a view. */
export const queryKeys = {
  roots: (date: string) => ['units', 'roots', date] as const,
  children: (id: string, date: string) => ['units', 'children', id, date] as const,
  unit: (id: string) => ['units', 'detail', id] as const,
  search: (q: string, date: string) => ['units', 'search', q, date] as const,
  evaluation: (id: string, year: number, setId?: string) => ['evaluation', id, year, setId ?? null] as const,
  rollup: (id: string, year: number, setId?: string) => ['rollup', id, year, setId ?? null] as const,
  values: (id: string, year: number) => ['values', id, year] as const,
  targets: (year: number) => ['targets', year] as const,
  criteriaSets: () => ['criteria-sets'] as const,
  criteriaSet: (id: string) => ['criteria-sets', id] as const,
};

export function rootUnitsQuery(date: string) {
  return queryOptions({
    queryKey: queryKeys.roots(date),
    queryFn: ({ signal }) => apiGet<UnitListResponse>('/units', { date }, signal),
  });
}

export function useRootUnits(date: string) {
  return useQuery(rootUnitsQuery(date));
}

export function useChildUnits(id: string | undefined, date: string) {
  return useQuery({
    queryKey: queryKeys.children(id ?? '', date),
    queryFn: ({ signal }) =>
      apiGet<UnitListResponse>(`/units/${encodeURIComponent(id ?? '')}/children`, { date }, signal),
    enabled: id !== undefined,
  });
}

export function useUnit(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.unit(id ?? ''),
    queryFn: ({ signal }) => apiGet<UnitDetailResponse>(`/units/${encodeURIComponent(id ?? '')}`, {}, signal),
    enabled: id !== undefined,
  });
}

export function useUnitSearch(q: string, date: string) {
  return useQuery({
    queryKey: queryKeys.search(q, date),
    queryFn: ({ signal }) => apiGet<UnitListResponse>('/units/search', { q, date, limit: 20 }, signal),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

export function useUnitEvaluation(id: string | undefined, year: number, criteriaSetId?: string) {
  return useQuery({
    queryKey: queryKeys.evaluation(id ?? '', year, criteriaSetId),
    queryFn: ({ signal }) =>
      apiGet<UnitEvaluationResponse>(
        `/units/${encodeURIComponent(id ?? '')}/evaluation`,
        { year, criteriaSetId },
        signal,
      ),
    enabled: id !== undefined,
    retry: false,
  });
}

export function rollupQuery(id: string, year: number, criteriaSetId?: string) {
  return queryOptions({
    queryKey: queryKeys.rollup(id, year, criteriaSetId),
    queryFn: ({ signal }) =>
      apiGet<RollupResponse>(`/units/${encodeURIComponent(id)}/rollup`, { year, criteriaSetId }, signal),
    retry: false,
  });
}

export function useRollup(id: string | undefined, year: number, criteriaSetId?: string) {
  return useQuery({
    ...rollupQuery(id ?? '', year, criteriaSetId),
    enabled: id !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useUnitValues(id: string | undefined, year: number) {
  return useQuery({
    queryKey: queryKeys.values(id ?? '', year),
    queryFn: ({ signal }) =>
      apiGet<UnitValuesResponse>(`/units/${encodeURIComponent(id ?? '')}/values`, { year }, signal),
    enabled: id !== undefined,
  });
}

export function targetsQuery(year: number) {
  return queryOptions({
    queryKey: queryKeys.targets(year),
    queryFn: ({ signal }) => apiGet<TargetsResponse>('/targets', { year }, signal),
  });
}

export function useTargets(year: number) {
  return useQuery(targetsQuery(year));
}

export function useCriteriaSets() {
  return useQuery({
    queryKey: queryKeys.criteriaSets(),
    queryFn: ({ signal }) => apiGet<CriteriaSetList>('/criteria-sets', {}, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useCriteriaSet(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.criteriaSet(id ?? ''),
    queryFn: ({ signal }) =>
      apiGet<CriteriaSetDetail>(`/criteria-sets/${encodeURIComponent(id ?? '')}`, {}, signal),
    enabled: id !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A value write changes evaluations, roll-ups and targets: all of them are refetched. */
export function useWriteValues() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: BulkValueWriteRequest) =>
      apiSend<BulkValueWriteResponse>('PUT', '/values', request),
    onSuccess: async () => {
      await Promise.all(
        ['values', 'evaluation', 'rollup', 'targets'].map((key) =>
          client.invalidateQueries({ queryKey: [key] }),
        ),
      );
    },
  });
}

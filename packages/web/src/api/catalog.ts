import type { DepartmentListResponse, MeasureListResponse } from '@ntm/server/contract/catalog';
import type { CriteriaSetComparisonResponse } from '@ntm/server/contract/catalog-compare';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiGet } from './client';

export type MeasureList = z.infer<typeof MeasureListResponse>;
export type Measure = MeasureList['measures'][number];
export type DepartmentList = z.infer<typeof DepartmentListResponse>;

/** The catalog ships with the server, so it never goes stale while the page is open. */
export const catalogKeys = {
  measures: () => ['catalog', 'measures'] as const,
  departments: () => ['catalog', 'departments'] as const,
  comparison: (fromId: string, toId: string) => ['catalog', 'comparison', fromId, toId] as const,
};

export function useMeasures() {
  return useQuery({
    queryKey: catalogKeys.measures(),
    queryFn: ({ signal }) => apiGet<MeasureList>('/measures', {}, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useDepartments() {
  return useQuery({
    queryKey: catalogKeys.departments(),
    queryFn: ({ signal }) => apiGet<DepartmentList>('/departments', {}, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useCriteriaSetComparison(fromId: string | undefined, toId: string | undefined) {
  return useQuery({
    queryKey: catalogKeys.comparison(fromId ?? '', toId ?? ''),
    queryFn: ({ signal }) =>
      apiGet<CriteriaSetComparisonResponse>(
        `/criteria-sets/${encodeURIComponent(fromId ?? '')}/comparison`,
        { with: toId },
        signal,
      ),
    enabled: fromId !== undefined && toId !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

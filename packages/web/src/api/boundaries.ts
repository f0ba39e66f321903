import type {
  BoundariesResponse,
  BoundaryUploadRequest,
  BoundaryUploadResponse,
} from '@ntm/server/contract/boundaries';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend, apiUrl } from './client';

export type Boundaries = BoundariesResponse;
export type BoundaryFeature = BoundariesResponse['features'][number];
/** The request as the client sends it: the server fills the defaults. */
export type BoundaryUpload = Omit<BoundaryUploadRequest, 'codeProperty' | 'ignoreUnknownCodes'> &
  Partial<Pick<BoundaryUploadRequest, 'codeProperty' | 'ignoreUnknownCodes'>>;

export const boundaryKeys = {
  all: ['boundaries'] as const,
  subtree: (id: string, date: string) => ['boundaries', id, date] as const,
};

/** Boundaries change rarely (an upload), so they stay fresh until one happens in this tab. */
export function useBoundaries(unitId: string | undefined, date: string) {
  return useQuery({
    queryKey: boundaryKeys.subtree(unitId ?? '', date),
    queryFn: ({ signal }) =>
      apiGet<BoundariesResponse>(`/units/${encodeURIComponent(unitId ?? '')}/boundaries`, { date }, signal),
    enabled: unitId !== undefined,
    staleTime: 10 * 60_000,
  });
}

/** Where the boundaries shown can be downloaded as a GeoJSON file (the same answer as the map's). */
export function boundariesDownloadUrl(unitId: string, date: string): string {
  return apiUrl(`/units/${encodeURIComponent(unitId)}/boundaries`, { date });
}

export function useUploadBoundaries() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (request: BoundaryUpload) => apiSend<BoundaryUploadResponse>('PUT', '/boundaries', request),
    onSuccess: () => client.invalidateQueries({ queryKey: boundaryKeys.all }),
  });
}

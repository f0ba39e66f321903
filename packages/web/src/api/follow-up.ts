import type { AttachmentRef } from '@ntm/server/contract/attachments';
import type {
  AlertListResponse,
  MaintenanceAlert,
  ObstacleCommentCreate,
  ObstacleCreate,
  ObstacleDetail,
  ObstacleListResponse,
  ObstacleTransitionRequest,
  ReminderRunResponse,
  ReminderSettings,
  ReminderSettingsResponse,
  ResponsibilityResponse,
  ResponsibilityUpdate,
  WorklistResponse,
} from '@ntm/server/contract/follow-up';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiGet, apiSend, apiUrl, csrfToken } from './client';

export const followUpKeys = {
  responsibility: (year: number) => ['responsibility', year] as const,
  worklist: (params: WorklistParams) => ['worklist', params] as const,
  obstacles: (params: ObstacleParams) => ['obstacles', 'list', params] as const,
  obstacle: (id: string) => ['obstacles', 'detail', id] as const,
  alerts: (params: AlertParams) => ['alerts', params] as const,
};

export function useResponsibility(year: number) {
  return useQuery({
    queryKey: followUpKeys.responsibility(year),
    queryFn: ({ signal }) => apiGet<ResponsibilityResponse>('/responsibility', { year }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUpdateResponsibility() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Omit<ResponsibilityUpdate, 'indicatorCode'> & { indicatorCode: string | null }) =>
      apiSend<ResponsibilityResponse>('PUT', '/responsibility', body),
    onSuccess: (data) => {
      client.setQueryData(followUpKeys.responsibility(data.year), data);
      void client.invalidateQueries({ queryKey: ['worklist'] });
    },
  });
}

export interface WorklistParams {
  year: number;
  department?: string | undefined;
  criterion?: string | undefined;
  districtId?: string | undefined;
  status?: 'not_met' | 'no_data' | undefined;
}

export function useWorklist(params: WorklistParams, enabled: boolean) {
  return useQuery({
    queryKey: followUpKeys.worklist(params),
    queryFn: ({ signal }) => apiGet<WorklistResponse>('/worklist', { ...params }, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export interface ObstacleParams {
  year?: number | undefined;
  unitId?: string | undefined;
  department?: string | undefined;
  status?: string | undefined;
  overdue?: 'true' | undefined;
  mine?: 'true' | undefined;
}

export function useObstacles(params: ObstacleParams) {
  return useQuery({
    queryKey: followUpKeys.obstacles(params),
    queryFn: ({ signal }) => apiGet<ObstacleListResponse>('/obstacles', { ...params }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useObstacle(id: string | undefined) {
  return useQuery({
    queryKey: followUpKeys.obstacle(id ?? ''),
    queryFn: ({ signal }) => apiGet<ObstacleDetail>(`/obstacles/${encodeURIComponent(id ?? '')}`, {}, signal),
    enabled: id !== undefined,
  });
}

/** After any change to an obstacle: its detail is the answer; lists, worklists and the inbox follow. */
function useObstacleUpdated() {
  const client = useQueryClient();
  return (detail: ObstacleDetail) => {
    client.setQueryData(followUpKeys.obstacle(detail.id), detail);
    void client.invalidateQueries({ queryKey: ['obstacles', 'list'] });
    void client.invalidateQueries({ queryKey: ['worklist'] });
    void client.invalidateQueries({ queryKey: ['auth'] });
  };
}

export function useRaiseObstacle() {
  const updated = useObstacleUpdated();
  return useMutation({
    mutationFn: (
      body: Partial<ObstacleCreate> & Omit<ObstacleCreate, 'severity' | 'indicatorCode' | 'attachmentIds'>,
    ) => apiSend<ObstacleDetail>('POST', '/obstacles', body),
    onSuccess: updated,
  });
}

export function useCommentObstacle(id: string) {
  const updated = useObstacleUpdated();
  return useMutation({
    mutationFn: (body: ObstacleCommentCreate) =>
      apiSend<ObstacleDetail>('POST', `/obstacles/${encodeURIComponent(id)}/comments`, body),
    onSuccess: updated,
  });
}

export function useMoveObstacle(id: string) {
  const updated = useObstacleUpdated();
  return useMutation({
    mutationFn: (body: ObstacleTransitionRequest) =>
      apiSend<ObstacleDetail>('POST', `/obstacles/${encodeURIComponent(id)}/transition`, body),
    onSuccess: updated,
  });
}

export interface AlertParams {
  year?: number | undefined;
  status?: 'open' | 'acknowledged' | 'resolved' | 'active' | 'all';
  unitId?: string | undefined;
}

export function useAlerts(params: AlertParams) {
  return useQuery({
    queryKey: followUpKeys.alerts(params),
    queryFn: ({ signal }) => apiGet<AlertListResponse>('/alerts', { ...params }, signal),
  });
}

export function useAcknowledgeAlert() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      apiSend<MaintenanceAlert>('POST', `/alerts/${encodeURIComponent(id)}/acknowledge`, { reason }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['alerts'] }),
  });
}

/** Uploads one file for a unit; the comment or obstacle then refers to it by id. */
export async function uploadAttachment(file: File, unitId: string): Promise<AttachmentRef> {
  const form = new FormData();
  form.append('file', file, file.name);
  const csrf = csrfToken();
  const response = await fetch(apiUrl('/attachments', { unitId }), {
    method: 'POST',
    headers: csrf ? { 'x-csrf-token': csrf } : {},
    body: form,
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { code?: string; detail?: string };
    throw new ApiError(
      response.status,
      body.code ?? 'http_error',
      body.detail ?? `Máy chủ trả lời lỗi ${response.status}.`,
    );
  }
  return (await response.json()) as AttachmentRef;
}

export function attachmentUrl(id: string): string {
  return apiUrl(`/attachments/${encodeURIComponent(id)}`);
}

export function useReminderSettings(enabled: boolean) {
  return useQuery({
    queryKey: ['reminders', 'settings'],
    queryFn: ({ signal }) => apiGet<ReminderSettingsResponse>('/reminders/settings', {}, signal),
    enabled,
  });
}

export function useSaveReminderSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReminderSettings) =>
      apiSend<ReminderSettingsResponse>('PUT', '/reminders/settings', body),
    onSuccess: (data) => client.setQueryData(['reminders', 'settings'], data),
  });
}

export function useRunReminders() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend<ReminderRunResponse>('POST', '/reminders/run'),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['auth'] });
      void client.invalidateQueries({ queryKey: ['alerts'] });
    },
  });
}

export function useReminderEmail() {
  return useQuery({
    queryKey: ['reminders', 'email'],
    queryFn: ({ signal }) => apiGet<{ email: string | null }>('/reminders/email', {}, signal),
  });
}

export function useSaveReminderEmail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (email: string | null) =>
      apiSend<{ email: string | null }>('PUT', '/reminders/email', { email }),
    onSuccess: (data) => client.setQueryData(['reminders', 'email'], data),
  });
}

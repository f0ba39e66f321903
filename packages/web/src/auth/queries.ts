import type { AuditPage, AuditQuery } from '@ntm/server/contract/audit';
import type {
  CreateUserRequest,
  ResetPasswordRequest,
  UpdateUserRequest,
  UserListResponse,
  UserSummary,
} from '@ntm/server/contract/users';
import type {
  InboxResponse,
  NotificationListResponse,
  ValueHistoryResponse,
  WorkflowRequest,
  WorkflowResponse,
} from '@ntm/server/contract/workflow';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend, type QueryParams } from '../api/client';

export type WorkflowAction = WorkflowResponse['action'];
export type { UserSummary };

export const accountKeys = {
  users: () => ['users'] as const,
  inbox: (year: number | undefined) => ['inbox', year ?? null] as const,
  notifications: () => ['notifications'] as const,
  audit: (filter: Partial<AuditQuery>) => ['audit', filter] as const,
  unitHistory: (unitId: string) => ['audit', 'unit', unitId] as const,
  valueHistory: (unitId: string, year: number, measure?: string) =>
    ['values', 'history', unitId, year, measure ?? null] as const,
};

export function useUsers() {
  return useQuery({
    queryKey: accountKeys.users(),
    queryFn: ({ signal }) => apiGet<UserListResponse>('/users', {}, signal),
  });
}

export function useSaveUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (
      change:
        | { kind: 'create'; request: CreateUserRequest }
        | { kind: 'update'; id: string; request: UpdateUserRequest }
        | { kind: 'password'; id: string; request: ResetPasswordRequest },
    ) => {
      switch (change.kind) {
        case 'create':
          return apiSend<UserSummary>('POST', '/users', change.request);
        case 'update':
          return apiSend<UserSummary>('PATCH', `/users/${encodeURIComponent(change.id)}`, change.request);
        case 'password':
          return apiSend<UserSummary>(
            'POST',
            `/users/${encodeURIComponent(change.id)}/password`,
            change.request,
          );
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: accountKeys.users() }),
  });
}

export function useInbox(year: number | undefined) {
  return useQuery({
    queryKey: accountKeys.inbox(year),
    queryFn: ({ signal }) => apiGet<InboxResponse>('/inbox', { year }, signal),
  });
}

export function useNotifications() {
  return useQuery({
    queryKey: accountKeys.notifications(),
    queryFn: ({ signal }) => apiGet<NotificationListResponse>('/notifications', {}, signal),
    refetchInterval: 60_000,
  });
}

export function useMarkNotificationsRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids?: number[]) =>
      apiSend<NotificationListResponse>('POST', '/notifications/read', ids ? { ids } : {}),
    onSuccess: (data) => client.setQueryData(accountKeys.notifications(), data),
  });
}

export function useAuditLog(filter: Partial<AuditQuery>) {
  return useQuery({
    queryKey: accountKeys.audit(filter),
    queryFn: ({ signal }) => apiGet<AuditPage>('/audit', filter as QueryParams, signal),
    placeholderData: keepPreviousData,
  });
}

export function useUnitHistory(unitId: string | undefined) {
  return useQuery({
    queryKey: accountKeys.unitHistory(unitId ?? ''),
    queryFn: ({ signal }) =>
      apiGet<AuditPage>(`/units/${encodeURIComponent(unitId ?? '')}/history`, { limit: 100 }, signal),
    enabled: unitId !== undefined,
  });
}

export function useValueHistory(unitId: string | undefined, year: number, measure?: string) {
  return useQuery({
    queryKey: accountKeys.valueHistory(unitId ?? '', year, measure),
    queryFn: ({ signal }) =>
      apiGet<ValueHistoryResponse>(
        `/units/${encodeURIComponent(unitId ?? '')}/values/history`,
        { year, measure },
        signal,
      ),
    enabled: unitId !== undefined,
  });
}

/** A step changes statuses, evaluations on the approved basis, inboxes and histories: all are refetched. */
export function useWorkflowStep() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, request }: { action: WorkflowAction; request: WorkflowRequest }) =>
      apiSend<WorkflowResponse>('POST', `/workflow/${action}`, request),
    onSettled: async () => {
      await Promise.all(
        ['values', 'evaluation', 'rollup', 'inbox', 'notifications', 'audit'].map((key) =>
          client.invalidateQueries({ queryKey: [key] }),
        ),
      );
    },
  });
}

import type { AttachmentRef } from '@ntm/server/contract/attachments';
import type {
  DirectiveDetailResponse,
  DirectiveListResponse,
  DirectiveWriteRequest,
  TaskListResponse,
  TaskReportRequest,
  TaskUpdateRequest,
  TaskWriteRequest,
} from '@ntm/server/contract/directives';
import type {
  ComparisonResponse,
  PlanProgressResponse,
  StoredTarget,
  TargetUpdateRequest,
  TargetWriteRequest,
} from '@ntm/server/contract/plans';
import type {
  CandidatesResponse,
  RegistrationDetailResponse,
  RegistrationItemsRequest,
  RegistrationListResponse,
  RegistrationReviewRequest,
} from '@ntm/server/contract/registrations';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiGet, apiSend, apiUrl, csrfToken } from './client';

/** Input types as the client sends them: fields with a server default may be left out. */
type Input<T, Optional extends keyof T> = Omit<T, Optional> & Partial<Pick<T, Optional>>;
export type TargetInput = Input<TargetWriteRequest, 'params' | 'directiveId' | 'note'>;
export type TaskInput = Input<TaskWriteRequest, 'status'>;
export type ReportInput = Input<TaskReportRequest, 'progressPercent' | 'attachmentIds'>;
export type ItemInput = Input<RegistrationItemsRequest['items'][number], 'note'>;

export const planKeys = {
  progress: (year: number, unitId?: string, asOf?: string) =>
    ['plans', 'progress', year, unitId ?? null, asOf ?? null] as const,
  comparison: (year: number, targetId: string, asOf?: string) =>
    ['plans', 'comparison', year, targetId, asOf ?? null] as const,
  registrations: (year: number) => ['registrations', 'list', year] as const,
  registration: (id: string) => ['registrations', 'detail', id] as const,
  candidates: (year: number, tier: string, unitId: string) =>
    ['registrations', 'candidates', year, tier, unitId] as const,
  directives: () => ['directives', 'list'] as const,
  directive: (id: string) => ['directives', 'detail', id] as const,
  tasks: (overdue: boolean, mine: boolean) => ['directives', 'tasks', overdue, mine] as const,
};

export function usePlanProgress(year: number, unitId: string | undefined, asOf: string | undefined) {
  return useQuery({
    queryKey: planKeys.progress(year, unitId, asOf),
    queryFn: ({ signal }) => apiGet<PlanProgressResponse>('/plans/progress', { year, unitId, asOf }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useComparison(year: number, targetId: string | undefined, asOf: string | undefined) {
  return useQuery({
    queryKey: planKeys.comparison(year, targetId ?? '', asOf),
    queryFn: ({ signal }) =>
      apiGet<ComparisonResponse>('/plans/comparison', { year, targetId, asOf }, signal),
    enabled: targetId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** Every view of targets (the plan page, the dashboard card) reads them again after a write. */
function useInvalidatePlans() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: ['plans'] });
    void client.invalidateQueries({ queryKey: ['targets'] });
  };
}

export function useCreateTarget() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (body: TargetInput) => apiSend<StoredTarget>('POST', '/targets', body),
    onSuccess: invalidate,
  });
}

export function useUpdateTarget() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: ({
      id,
      body,
    }: {
      id: string;
      body: Input<TargetUpdateRequest, 'params' | 'directiveId' | 'note'>;
    }) => apiSend<StoredTarget>('PUT', `/targets/${encodeURIComponent(id)}`, body),
    onSuccess: invalidate,
  });
}

export function useDeleteTarget() {
  const invalidate = useInvalidatePlans();
  return useMutation({
    mutationFn: (id: string) => apiSend<{ id: string }>('DELETE', `/targets/${encodeURIComponent(id)}`),
    onSuccess: invalidate,
  });
}

export function useRegistrations(year: number) {
  return useQuery({
    queryKey: planKeys.registrations(year),
    queryFn: ({ signal }) => apiGet<RegistrationListResponse>('/registrations', { year }, signal),
  });
}

export function useRegistration(id: string | undefined) {
  return useQuery({
    queryKey: planKeys.registration(id ?? ''),
    queryFn: ({ signal }) =>
      apiGet<RegistrationDetailResponse>(`/registrations/${encodeURIComponent(id ?? '')}`, {}, signal),
    enabled: id !== undefined,
  });
}

export function useCandidates(year: number, tier: string, unitId: string | undefined) {
  return useQuery({
    queryKey: planKeys.candidates(year, tier, unitId ?? ''),
    queryFn: ({ signal }) =>
      apiGet<CandidatesResponse>('/candidates', { year, tier, unitId, limit: 30 }, signal),
    enabled: unitId !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** A registration write answers the registration; lists, candidates and progress are read again. */
function useRegistrationWrite<V>(send: (variables: V) => Promise<RegistrationDetailResponse>) {
  const client = useQueryClient();
  const invalidatePlans = useInvalidatePlans();
  return useMutation({
    mutationFn: send,
    onSuccess: (detail) => {
      client.setQueryData(planKeys.registration(detail.registration.id), detail);
      void client.invalidateQueries({ queryKey: ['registrations', 'list'] });
      void client.invalidateQueries({ queryKey: ['registrations', 'candidates'] });
      invalidatePlans();
    },
  });
}

export function useCreateRegistration() {
  return useRegistrationWrite((body: { year: number; unitId: string }) =>
    apiSend<RegistrationDetailResponse>('POST', '/registrations', body),
  );
}

export function useSaveRegistrationItems() {
  return useRegistrationWrite(({ id, items }: { id: string; items: ItemInput[] }) =>
    apiSend<RegistrationDetailResponse>('PUT', `/registrations/${encodeURIComponent(id)}/items`, { items }),
  );
}

export function useRegistrationStep() {
  return useRegistrationWrite(({ id, step }: { id: string; step: 'submit' | 'revise' }) =>
    apiSend<RegistrationDetailResponse>('POST', `/registrations/${encodeURIComponent(id)}/${step}`),
  );
}

export function useReviewRegistration() {
  return useRegistrationWrite(({ id, body }: { id: string; body: RegistrationReviewRequest }) =>
    apiSend<RegistrationDetailResponse>('POST', `/registrations/${encodeURIComponent(id)}/review`, body),
  );
}

export function useDirectives() {
  return useQuery({
    queryKey: planKeys.directives(),
    queryFn: ({ signal }) => apiGet<DirectiveListResponse>('/directives', {}, signal),
  });
}

export function useDirective(id: string | undefined) {
  return useQuery({
    queryKey: planKeys.directive(id ?? ''),
    queryFn: ({ signal }) =>
      apiGet<DirectiveDetailResponse>(`/directives/${encodeURIComponent(id ?? '')}`, {}, signal),
    enabled: id !== undefined,
  });
}

export function useTasks(overdue: boolean, mine: boolean) {
  return useQuery({
    queryKey: planKeys.tasks(overdue, mine),
    queryFn: ({ signal }) =>
      apiGet<TaskListResponse>(
        '/tasks',
        { overdue: overdue ? 'true' : undefined, mine: mine ? 'true' : undefined },
        signal,
      ),
  });
}

function useDirectiveWrite<V>(send: (variables: V) => Promise<DirectiveDetailResponse>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (detail) => {
      client.setQueryData(planKeys.directive(detail.directive.id), detail);
      void client.invalidateQueries({ queryKey: ['directives', 'list'] });
      void client.invalidateQueries({ queryKey: ['directives', 'tasks'] });
      void client.invalidateQueries({ queryKey: ['notifications'] });
    },
  });
}

export function useCreateDirective() {
  return useDirectiveWrite((body: Input<DirectiveWriteRequest, 'text'>) =>
    apiSend<DirectiveDetailResponse>('POST', '/directives', body),
  );
}

export function useCreateTask() {
  return useDirectiveWrite(({ directiveId, body }: { directiveId: string; body: TaskInput }) =>
    apiSend<DirectiveDetailResponse>('POST', `/directives/${encodeURIComponent(directiveId)}/tasks`, body),
  );
}

export function useUpdateTask() {
  return useDirectiveWrite(({ id, body }: { id: string; body: TaskUpdateRequest }) =>
    apiSend<DirectiveDetailResponse>('PUT', `/tasks/${encodeURIComponent(id)}`, body),
  );
}

export function useReportTask() {
  return useDirectiveWrite(({ id, body }: { id: string; body: ReportInput }) =>
    apiSend<DirectiveDetailResponse>('POST', `/tasks/${encodeURIComponent(id)}/reports`, body),
  );
}

/**
 * Uploads one file for a task report. A department's task has no unit, so unlike the obstacle
 * upload the unit is optional here.
 */
export async function uploadReportFile(file: File, unitId: string | undefined): Promise<AttachmentRef> {
  const form = new FormData();
  form.append('file', file, file.name);
  const csrf = csrfToken();
  let response: Response;
  try {
    response = await fetch(apiUrl('/attachments', { unitId }), {
      method: 'POST',
      headers: csrf ? { 'x-csrf-token': csrf } : {},
      body: form,
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Không kết nối được tới máy chủ. Tệp chưa được tải lên.');
  }
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

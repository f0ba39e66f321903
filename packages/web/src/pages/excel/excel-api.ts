import type {
  ConfirmImportRequest,
  DiffKind,
  ImportDiffResponse,
  ImportListResponse,
  ImportSummary,
} from '@ntm/server/contract/excel';
import type { ReportFormat, ReportName } from '@ntm/server/contract/reports';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiGet, apiSend, apiUrl, csrfToken } from '../../api/client';

export type { DiffKind, ImportSummary, ReportFormat, ReportName };

export const excelKeys = {
  imports: ['excel-imports'] as const,
  diff: (id: string, kind: DiffKind, page: number) => ['excel-imports', id, 'diff', kind, page] as const,
};

export const DIFF_PAGE_SIZE = 50;

export function templateUrl(unitId: string, year: number, criteriaSetId: string): string {
  return apiUrl('/excel/template', { unitId, year, criteriaSetId });
}

export function reportUrl(name: ReportName, unitId: string, year: number, format: ReportFormat): string {
  return apiUrl(`/reports/${name}`, { unitId, year, format });
}

export function useImports() {
  return useQuery({
    queryKey: excelKeys.imports,
    queryFn: ({ signal }) => apiGet<ImportListResponse>('/excel/imports', { limit: 10 }, signal),
  });
}

export function useImportDiff(id: string | undefined, kind: DiffKind, page: number) {
  return useQuery({
    queryKey: excelKeys.diff(id ?? '', kind, page),
    queryFn: ({ signal }) =>
      apiGet<ImportDiffResponse>(
        `/excel/imports/${encodeURIComponent(id ?? '')}/diff`,
        { kind, offset: (page - 1) * DIFF_PAGE_SIZE, limit: DIFF_PAGE_SIZE },
        signal,
      ),
    enabled: id !== undefined,
    placeholderData: keepPreviousData,
  });
}

/** What a diff export fetches at most: a larger import is checked in the file itself. */
export const DIFF_EXPORT_LIMIT = 20_000;

/** Every entry of one kind of a staged import's diff, page by page, up to DIFF_EXPORT_LIMIT. */
export async function fetchWholeDiff(id: string, kind: DiffKind): Promise<ImportDiffResponse['entries']> {
  const entries: ImportDiffResponse['entries'] = [];
  for (let offset = 0; offset < DIFF_EXPORT_LIMIT; offset += 500) {
    const page = await apiGet<ImportDiffResponse>(`/excel/imports/${encodeURIComponent(id)}/diff`, {
      kind,
      offset,
      limit: 500,
    });
    entries.push(...page.entries);
    if (entries.length >= page.total || page.entries.length === 0) break;
  }
  return entries.slice(0, DIFF_EXPORT_LIMIT);
}

function parseProblem(status: number, text: string): ApiError {
  try {
    const body = JSON.parse(text) as { code?: string; detail?: string; title?: string };
    return new ApiError(status, body.code ?? 'http_error', body.detail ?? body.title ?? `Lỗi ${status}`);
  } catch {
    return new ApiError(status, 'http_error', `Máy chủ trả lời lỗi ${status}.`);
  }
}

/**
 * Uploads with XMLHttpRequest because fetch reports no upload progress, and a 20 MB file on a
 * commune's connection takes long enough to need a progress bar.
 */
export function uploadWorkbook(
  file: File,
  options: { criteriaSetId?: string | undefined; scopeUnitId?: string | undefined },
  onProgress: (percent: number) => void,
): Promise<ImportSummary> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', apiUrl('/excel/imports', options));
    request.setRequestHeader('accept', 'application/json');
    const csrf = csrfToken();
    if (csrf) request.setRequestHeader('x-csrf-token', csrf);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((100 * event.loaded) / event.total));
    };
    request.onload = () => {
      if (request.status === 201) resolve(JSON.parse(request.responseText) as ImportSummary);
      else reject(parseProblem(request.status, request.responseText));
    };
    request.onerror = () =>
      reject(new ApiError(0, 'network_error', 'Không kết nối được tới máy chủ; tệp chưa được tải lên.'));
    const form = new FormData();
    form.append('file', file, file.name);
    request.send(form);
  });
}

/** A write changes values, evaluations and everything computed from them. */
function useImportStep<T>(run: (id: string, body: T) => Promise<ImportSummary>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: T }) => run(id, body),
    onSuccess: async () => {
      await Promise.all(
        ['excel-imports', 'values', 'evaluation', 'rollup', 'targets'].map((key) =>
          client.invalidateQueries({ queryKey: [key] }),
        ),
      );
    },
  });
}

export function useConfirmImport() {
  return useImportStep((id, body: Partial<ConfirmImportRequest>) =>
    apiSend<ImportSummary>('POST', `/excel/imports/${encodeURIComponent(id)}/confirm`, body),
  );
}

export function useRevertImport() {
  return useImportStep((id, body: { reason?: string }) =>
    apiSend<ImportSummary>('POST', `/excel/imports/${encodeURIComponent(id)}/revert`, body),
  );
}

export function useDiscardImport() {
  return useImportStep((id, _body: Record<string, never>) =>
    apiSend<ImportSummary>('POST', `/excel/imports/${encodeURIComponent(id)}/discard`, {}),
  );
}

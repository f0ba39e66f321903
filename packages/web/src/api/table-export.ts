import type { TableExportRequest } from '@ntm/server/contract/reports';
import { ApiError, apiUrl, csrfToken } from './client';

async function problem(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as { code?: string; detail?: string; title?: string };
    return new ApiError(response.status, body.code ?? 'http_error', body.detail ?? body.title ?? '');
  } catch {
    return new ApiError(response.status, 'http_error', `Máy chủ trả lời lỗi ${response.status}.`);
  }
}

/** Saves a table the page shows as .xlsx, through the server so numbers and dates keep their type. */
export async function downloadTable(request: TableExportRequest, fileName: string): Promise<void> {
  const csrf = csrfToken();
  let response: Response;
  try {
    response = await fetch(apiUrl('/reports/table'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      body: JSON.stringify(request),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Không kết nối được tới máy chủ. Kiểm tra mạng và thử lại.');
  }
  if (!response.ok) throw await problem(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

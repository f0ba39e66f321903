/** A problem+json answer from the API, with its Vietnamese detail and per-row problems. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly rows: { row: number; field: string; message: string }[] = [],
    readonly problems: unknown[] = [],
  ) {
    super(detail);
    this.name = 'ApiError';
  }
}

interface ProblemBody {
  code?: string;
  detail?: string;
  title?: string;
  rows?: { row: number; field: string; message: string }[];
  problems?: unknown[];
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: ProblemBody = {};
  try {
    body = (await response.json()) as ProblemBody;
  } catch {
    // A proxy or a crashed server may answer without JSON; the status still tells the user something.
  }
  return new ApiError(
    response.status,
    body.code ?? 'http_error',
    body.detail ?? body.title ?? `Máy chủ trả lời lỗi ${response.status}.`,
    body.rows ?? [],
    body.problems ?? [],
  );
}

export type QueryParams = Record<string, string | number | boolean | undefined | null>;

export function apiUrl(path: string, params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return `/api${path}${query ? `?${query}` : ''}`;
}

export async function apiGet<T>(path: string, params: QueryParams = {}, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, params), { headers: { accept: 'application/json' }, signal: signal ?? null });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', 'Không kết nối được tới máy chủ. Kiểm tra mạng và thử lại.');
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}

export async function apiSend<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path), {
      method,
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Không kết nối được tới máy chủ. Dữ liệu chưa được lưu.');
  }
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}

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

/** What to tell the user about a failed call: the API's own Vietnamese detail when there is one. */
export function problemDetail(error: unknown): string {
  return error instanceof ApiError ? error.detail : String(error);
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

let onUnauthenticated: () => void = () => {};

/** What to do when the server answers 401: the session has ended (or never began). */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

/** The session's anti-forgery token, which the server set as a cookie the page may read. */
export function csrfToken(): string | undefined {
  const cookie = document.cookie.split('; ').find((c) => c.startsWith('ntm_csrf='));
  return cookie ? decodeURIComponent(cookie.slice('ntm_csrf='.length)) : undefined;
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
    response = await fetch(apiUrl(path, params), {
      headers: { accept: 'application/json' },
      signal: signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', 'Không kết nối được tới máy chủ. Kiểm tra mạng và thử lại.');
  }
  if (response.status === 401) onUnauthenticated();
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}

export async function apiSend<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
): Promise<T> {
  let response: Response;
  const csrf = csrfToken();
  try {
    response = await fetch(apiUrl(path), {
      method,
      headers: {
        accept: 'application/json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
      },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network_error', 'Không kết nối được tới máy chủ. Dữ liệu chưa được lưu.');
  }
  if (response.status === 401 && path !== '/auth/login') onUnauthenticated();
  if (!response.ok) throw await toApiError(response);
  return (await response.json()) as T;
}

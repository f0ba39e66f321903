import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { DEMO_PASSWORD } from '../src/features/users/demo-accounts';

export { DEMO_PASSWORD };

/** The demo accounts seeded with Tỉnh Demo (see features/users/demo-accounts.ts). */
export const demoUsers = {
  admin: 'tinh.admin',
  leader: 'lanhdao',
  department: 'so.gtvt',
  district: 'huyen.songxanh',
} as const;

export interface Reply<T> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

/** A signed-in client: every request carries the session cookie, and every write the CSRF token. */
export interface Session {
  username: string;
  cookie: string;
  csrfToken: string;
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  get<T>(url: string): Promise<Reply<T>>;
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<Reply<T>>;
}

function reply<T>(response: LightMyRequestResponse): Reply<T> {
  return {
    status: response.statusCode,
    body: (response.body === '' ? null : response.json()) as T,
    headers: response.headers,
  };
}

export async function signIn(
  app: FastifyInstance,
  username: string,
  password = DEMO_PASSWORD,
): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
  const session = response.cookies.find((c) => c.name === 'ntm_session');
  const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
  if (!session) throw new Error('no session cookie');
  const cookie = `ntm_session=${session.value}`;
  const inject = (options: InjectOptions) =>
    app.inject({
      ...options,
      headers: {
        cookie,
        ...(options.method && options.method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
        ...options.headers,
      },
    });
  return {
    username,
    cookie,
    csrfToken,
    inject,
    get: async (url) => reply(await inject({ method: 'GET', url })),
    send: async (method, url, body) =>
      reply(await inject({ method, url, ...(body === undefined ? {} : { payload: body as object }) })),
  };
}

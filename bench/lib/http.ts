import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DatabaseHandle } from '../../packages/server/src/db/database';
import type { Database } from '../../packages/server/src/db/schema';
import { createAdmin } from '../../packages/server/src/features/users/create-admin';
import { buildApp } from '../../packages/server/src/http/app';

export interface Timed {
  ms: number;
  status: number;
  bytes: number;
  body: string;
}

/** A signed-in client: the session cookie on every request, the CSRF token on every write. */
export interface Session {
  cookie: string;
  csrfToken: string;
}

const BENCH_USER = 'bench.admin';
const BENCH_PASSWORD = 'bench-2026-national';

/** The benchmark's province admin, made (or reset) the way `npm run ntm -- create-admin` makes one. */
export async function ensureBenchAdmin(db: Kysely<Database>): Promise<void> {
  await createAdmin(db, {
    username: BENCH_USER,
    displayName: 'Đo hiệu năng',
    password: BENCH_PASSWORD,
    reset: true,
  });
}

/** Sessions are kept in the database: one sign-in serves every app and process on it. */
export async function signIn(baseUrl: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: BENCH_USER, password: BENCH_PASSWORD }),
  });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`đăng nhập: HTTP ${response.status} ${text}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('ntm_session='));
  if (!cookie) throw new Error('đăng nhập: không có cookie phiên');
  return { cookie, csrfToken: (JSON.parse(text) as { csrfToken: string }).csrfToken };
}

/** One request over a kept-alive connection, timed until the last byte of the body. */
export async function timedGet(url: string, session: Session): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie: session.cookie } });
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, bytes: Buffer.byteLength(body), body };
}

export async function timedPut(url: string, session: Session, payload: unknown): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'PUT',
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
    },
    body: JSON.stringify(payload),
  });
  const body = await response.text();
  return { ms: performance.now() - started, status: response.status, bytes: Buffer.byteLength(body), body };
}

export function expectOk(t: Timed, what: string): Timed {
  if (t.status !== 200) throw new Error(`${what}: HTTP ${t.status} ${t.body.slice(0, 500)}`);
  return t;
}

/** The product's app on a real socket in this process. */
export async function listen(database: DatabaseHandle): Promise<{ app: FastifyInstance; url: string }> {
  const app = await buildApp({ database });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, url: address };
}

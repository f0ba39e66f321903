import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialect } from './harness';
import { DEMO_PASSWORD, demoUsers } from './sessions';

/**
 * Users who outgrow one machine run several server processes on one database. Each process
 * caches evaluations; this starts two real processes (`src/main.ts`, as `npm start` does) on one
 * database — a throw-away PostgreSQL schema, or one SQLite file — writes through one and reads
 * the roll-up through the other straight away.
 */

const serverDir = path.resolve(import.meta.dirname, '..');

interface Server {
  url: string;
  child: ChildProcess;
}

function startServer(env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', INIT_CWD: serverDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /http:\/\/localhost:(\d+)\//.exec(output)?.[1];
      if (port) resolve({ url: `http://127.0.0.1:${port}`, child });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

function stopServer(server: Server | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!server || server.child.exitCode !== null) return resolve();
    server.child.once('exit', () => resolve());
    server.child.kill('SIGTERM');
  });
}

/** Sessions live in the database, so one sign-in serves both processes. */
interface Session {
  cookie: string;
  csrfToken: string;
}

async function signIn(server: Server): Promise<Session> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: demoUsers.admin, password: DEMO_PASSWORD }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] as string)
    .find((c) => c.startsWith('ntm_session='));
  if (!cookie) throw new Error('no session cookie');
  return { cookie, csrfToken: ((await response.json()) as { csrfToken: string }).csrfToken };
}

async function getJson<T>(server: Server, url: string): Promise<T> {
  const response = await fetch(server.url + url, { headers: { cookie: session.cookie } });
  expect(response.status, `GET ${url}: ${await response.clone().text()}`).toBe(200);
  return (await response.json()) as T;
}

async function putValue(server: Server, unitId: string, year: number, value: number): Promise<void> {
  const response = await fetch(`${server.url}/api/values`, {
    method: 'PUT',
    headers: {
      'content-type': 'application/json',
      cookie: session.cookie,
      'x-csrf-token': session.csrfToken,
    },
    body: JSON.stringify({ values: [{ unitId, year, measure: 'income_per_capita', value }] }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

interface Rollup {
  criteriaSet: { id: string };
  communes: { unitId: string; criteriaMet: number; outcomes: string[] }[];
}

let database: { env: Record<string, string>; dispose(): Promise<void> };
let session: Session;
let first: Server | undefined;
let second: Server | undefined;

async function createDatabase(): Promise<typeof database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntm-multi-'));
    return {
      env: { DATA_DIR: dir, DATABASE_URL: '' },
      dispose: async () => fs.rmSync(dir, { recursive: true }),
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  return {
    env: { DATABASE_URL: scoped.toString() },
    async dispose() {
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`drop schema ${schema} cascade`);
      await cleanup.end();
    },
  };
}

beforeAll(async () => {
  database = await createDatabase();
  // One after the other: the first migrates and seeds the demo province.
  first = await startServer(database.env);
  second = await startServer(database.env);
  session = await signIn(second);
});

afterAll(async () => {
  await stopServer(first);
  await stopServer(second);
  await database?.dispose();
});

describe(`two server processes on one ${testDialect} database`, () => {
  it('a write through one process shows in the roll-up read through the other at once', async () => {
    const a = first as Server;
    const b = second as Server;
    const year = 2021;
    const { units } = await getJson<{ units: { id: string }[] }>(b, `/api/units?date=${year}-12-31`);
    const province = units[0]?.id as string;
    const rollupUrl = `/api/units/${encodeURIComponent(province)}/rollup?year=${year}`;

    // Both processes evaluate the province first, so both hold it in their caches.
    const before = await getJson<Rollup>(b, rollupUrl);
    expect(await getJson<Rollup>(a, rollupUrl)).toEqual(before);
    const { criteriaSet } = await getJson<{
      criteriaSet: { criteria: { indicators: { measure: string | null }[] }[] };
    }>(b, `/api/criteria-sets/${before.criteriaSet.id}`);
    const income = criteriaSet.criteria.findIndex((c) =>
      c.indicators.some((i) => i.measure === 'income_per_capita'),
    );
    // A commune meeting it on a draft income figure: verified and approved figures are locked.
    let commune: Rollup['communes'][number] | undefined;
    for (const candidate of before.communes.filter((c) => c.outcomes[income] === 'met')) {
      const { values } = await getJson<{ values: { measure: string; status: string }[] }>(
        b,
        `/api/units/${encodeURIComponent(candidate.unitId)}/values?year=${year}`,
      );
      if (values.some((v) => v.measure === 'income_per_capita' && v.status === 'draft')) {
        commune = candidate;
        break;
      }
    }
    if (!commune)
      throw new Error('the demo province has no commune meeting the income criterion on an open figure');
    // The commune's scorecard is cached too, in both processes.
    const scorecardUrl = `/api/units/${encodeURIComponent(commune.unitId)}/evaluation?year=${year}`;
    const criteriaMetIn = async (server: Server) =>
      (await getJson<{ evaluation: { criteriaMet: number } }>(server, scorecardUrl)).evaluation.criteriaMet;
    expect(await criteriaMetIn(a)).toBe(commune.criteriaMet);
    expect(await criteriaMetIn(b)).toBe(commune.criteriaMet);

    await putValue(a, commune.unitId, year, 0);
    expect(await criteriaMetIn(b)).toBe(commune.criteriaMet - 1);
    const afterWrite = await getJson<Rollup>(b, rollupUrl);
    const changed = afterWrite.communes.find((c) => c.unitId === commune.unitId);
    expect(changed?.outcomes[income]).toBe('not_met');
    expect(changed?.criteriaMet).toBe(commune.criteriaMet - 1);

    // And back, written through the other process and read through the first.
    const stored = await getJson<{ values: { measure: string; value: number }[] }>(
      b,
      `/api/units/${encodeURIComponent(commune.unitId)}/values?year=${year}`,
    );
    expect(stored.values.find((v) => v.measure === 'income_per_capita')?.value).toBe(0);
    const original = (await getJson<Rollup>(a, rollupUrl)).communes.find((c) => c.unitId === commune.unitId);
    expect(original?.outcomes[income]).toBe('not_met');
    await putValue(b, commune.unitId, year, 1000);
    const restored = (await getJson<Rollup>(a, rollupUrl)).communes.find((c) => c.unitId === commune.unitId);
    expect(restored?.outcomes[income]).toBe('met');
    expect(restored?.criteriaMet).toBe(commune.criteriaMet);
    expect(await criteriaMetIn(a)).toBe(commune.criteriaMet);
  });

  it('a sign-out through one process ends the session in the other at once', async () => {
    const a = first as Server;
    const b = second as Server;
    const signedIn = await signIn(a);
    const units = () => fetch(`${b.url}/api/units`, { headers: { cookie: signedIn.cookie } });
    // Twice, so that the second answer comes from the session process b has already checked.
    expect((await units()).status).toBe(200);
    expect((await units()).status).toBe(200);
    const out = await fetch(`${a.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: signedIn.cookie, 'x-csrf-token': signedIn.csrfToken },
    });
    expect(out.status).toBe(200);
    expect((await units()).status).toBe(401);
  });
});

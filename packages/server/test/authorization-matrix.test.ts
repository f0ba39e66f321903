import { hasPermission, type Permission, type Role } from '@ntm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessRule, RouteEntry } from '../src/http/access';
import { communeOutside, demoAccountsOf } from './demo-accounts';
import { createTestApp, type TestApp, testDialect } from './harness';
import { type Session, signIn } from './sessions';

/**
 * Every /api route × every role (and the public) × a unit inside and outside the role's area,
 * generated from the route table the server collects: a route without an access rule, or
 * without a sample request below, fails here.
 */

type Who = 'public' | Role;
const everyone: readonly Who[] = ['public', 'province_admin', 'leader', 'department', 'district', 'commune'];

interface Sample {
  /** Path parameters other than the unit (which the matrix fills in). */
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** The status an allowed request gets; bodies of writes are left incomplete so nothing changes. */
  ok: number | 'any';
  /** Ends the session that sends it: sent from a throw-away session. */
  endsSession?: boolean;
}

let t: TestApp;
let sessions: Map<Who, Session>;
let units: Map<Who, { inside: string; outside: string }>;
let someUserId: string;

const unitBody = (list: string) => (unitId: string) => ({ [list]: [{ unitId }] });

/** One sample per route; the unit id is passed where the route's rule locates it. */
const samples: Record<string, (unitId: string) => Sample> = {
  'GET /api/units': () => ({ query: { date: '2021-12-31' }, ok: 200 }),
  'GET /api/units/search': () => ({ query: { q: 'xa', date: '2021-12-31' }, ok: 200 }),
  'GET /api/units/:id': () => ({ ok: 200 }),
  'GET /api/units/:id/children': () => ({ query: { date: '2021-12-31' }, ok: 200 }),
  'GET /api/criteria-sets': () => ({ ok: 200 }),
  'GET /api/criteria-sets/:id': () => ({ params: { id: 'demo-2016-2020-commune-standard' }, ok: 200 }),
  'GET /api/measures': () => ({ ok: 200 }),
  'GET /api/departments': () => ({ ok: 200 }),
  'GET /api/units/:id/values': () => ({ query: { year: '2021' }, ok: 200 }),
  'PUT /api/values': (u) => ({ body: unitBody('values')(u), ok: 422 }),
  'GET /api/units/:id/evaluation': () => ({ query: { year: '2021' }, ok: 200 }),
  'GET /api/units/:id/rollup': () => ({ query: { year: '2021' }, ok: 200 }),
  'GET /api/rollup': () => ({ query: { year: '2021' }, ok: 200 }),
  'GET /api/units/:id/villages/evaluation': () => ({ query: { year: '2021' }, ok: 200 }),
  'GET /api/units/:id/recognitions': () => ({ ok: 200 }),
  'GET /api/targets': () => ({ query: { year: '2021' }, ok: 200 }),
  'POST /api/attachments': () => ({ ok: 400 }),
  'GET /api/attachments/:id': () => ({ params: { id: 'khong-co' }, ok: 404 }),
  'POST /api/auth/login': () => ({ body: {}, ok: 422 }),
  'GET /api/auth/me': () => ({ ok: 200 }),
  'POST /api/auth/logout': () => ({ ok: 200, endsSession: true }),
  'POST /api/auth/logout-all': () => ({ ok: 200, endsSession: true }),
  'PUT /api/auth/password': () => ({ body: {}, ok: 422 }),
  'GET /api/users': () => ({ ok: 200 }),
  'POST /api/users': () => ({ body: {}, ok: 422 }),
  'PATCH /api/users/:userId': () => ({ params: { userId: someUserId }, body: {}, ok: 422 }),
  'POST /api/users/:userId/password': () => ({ params: { userId: someUserId }, body: {}, ok: 422 }),
  'POST /api/workflow/submit': (u) => ({ body: unitBody('items')(u), ok: 422 }),
  'POST /api/workflow/verify': (u) => ({ body: unitBody('items')(u), ok: 422 }),
  'POST /api/workflow/approve': (u) => ({ body: unitBody('items')(u), ok: 422 }),
  'POST /api/workflow/return': (u) => ({ body: unitBody('items')(u), ok: 422 }),
  'GET /api/units/:id/values/history': () => ({ query: { year: '2021' }, ok: 200 }),
  'GET /api/inbox': () => ({ query: { year: '2021' }, ok: 200 }),
  'GET /api/notifications': () => ({ ok: 200 }),
  'POST /api/notifications/read': () => ({ body: { ids: [] }, ok: 200 }),
  'GET /api/audit': () => ({ query: { limit: '5' }, ok: 200 }),
  'GET /api/units/:id/history': () => ({ ok: 200 }),
  'GET /api/units/:id/trend': () => ({ query: { fromYear: '2020', toYear: '2021' }, ok: 200 }),
  'GET /api/units/:id/boundaries': () => ({ query: { date: '2021-12-31', level: 'village' }, ok: 200 }),
  'PUT /api/boundaries': () => ({ body: {}, ok: 422 }),
  'GET /api/criteria-sets/:id/comparison': () => ({
    params: { id: 'demo-2016-2020-commune-standard' },
    query: { with: 'demo-2026-2030-commune-standard' },
    ok: 200,
  }),
  'GET /api/excel/template': (u) => ({
    query: { unitId: u, year: '2021', criteriaSetId: 'demo-2016-2020-commune-standard' },
    ok: 200,
  }),
  'POST /api/excel/imports': () => ({ body: {}, ok: 'any' }),
  'GET /api/excel/imports': () => ({ ok: 200 }),
  'GET /api/excel/imports/:id': () => ({ params: { id: 'khong-co' }, ok: 404 }),
  'GET /api/excel/imports/:id/diff': () => ({
    params: { id: 'khong-co' },
    query: { kind: 'changed' },
    ok: 404,
  }),
  'POST /api/excel/imports/:id/confirm': () => ({ params: { id: 'khong-co' }, ok: 404 }),
  'POST /api/excel/imports/:id/revert': () => ({ params: { id: 'khong-co' }, ok: 404 }),
  'POST /api/excel/imports/:id/discard': () => ({ params: { id: 'khong-co' }, ok: 404 }),
  'GET /api/reports/:name': (u) => ({
    params: { name: 'scorecard' },
    query: { unitId: u, year: '2021' },
    ok: 200,
  }),
  'POST /api/reports/table': () => ({ body: {}, ok: 422 }),
  'GET /api/responsibility': () => ({ query: { year: '2021' }, ok: 200 }),
  'PUT /api/responsibility': () => ({ body: {}, ok: 422 }),
  'GET /api/worklist': () => ({ query: { year: '2021', department: 'transport' }, ok: 200 }),
  'GET /api/obstacles': (u) => ({ query: { unitId: u }, ok: 200 }),
  'POST /api/obstacles': () => ({ body: {}, ok: 422 }),
  'GET /api/obstacles/:obstacleId': () => ({ params: { obstacleId: 'khong-co' }, ok: 404 }),
  'POST /api/obstacles/:obstacleId/comments': () => ({
    params: { obstacleId: 'khong-co' },
    body: {},
    ok: 422,
  }),
  'POST /api/obstacles/:obstacleId/transition': () => ({
    params: { obstacleId: 'khong-co' },
    body: {},
    ok: 422,
  }),
  'GET /api/alerts': (u) => ({ query: { unitId: u, year: '2021' }, ok: 200 }),
  'POST /api/alerts/:alertId/acknowledge': () => ({ params: { alertId: 'khong-co' }, body: {}, ok: 422 }),
  'GET /api/reminders/settings': () => ({ ok: 200 }),
  'PUT /api/reminders/settings': () => ({ body: {}, ok: 422 }),
  'POST /api/reminders/run': () => ({ ok: 200 }),
  'GET /api/reminders/email': () => ({ ok: 200 }),
  'PUT /api/reminders/email': () => ({ body: {}, ok: 422 }),
  'GET /api/plans/progress': () => ({ query: { year: '2021' }, ok: 200 }),
  'GET /api/plans/comparison': () => ({
    query: { year: '2021', targetId: 'demo:target:2021:communes_standard_new' },
    ok: 200,
  }),
  'POST /api/targets': () => ({ body: {}, ok: 422 }),
  'PUT /api/targets/:targetId': () => ({ params: { targetId: 'khong-co' }, body: {}, ok: 422 }),
  'DELETE /api/targets/:targetId': () => ({ params: { targetId: 'khong-co' }, ok: 404 }),
  'GET /api/registrations': () => ({ query: { year: '2021' }, ok: 200 }),
  'POST /api/registrations': () => ({ body: {}, ok: 422 }),
  'GET /api/registrations/:registrationId': () => ({ params: { registrationId: 'khong-co' }, ok: 404 }),
  'PUT /api/registrations/:registrationId/items': () => ({
    params: { registrationId: 'khong-co' },
    body: { items: [] },
    ok: 404,
  }),
  'POST /api/registrations/:registrationId/submit': () => ({
    params: { registrationId: 'khong-co' },
    ok: 404,
  }),
  'POST /api/registrations/:registrationId/review': () => ({
    params: { registrationId: 'khong-co' },
    body: { decisions: [] },
    ok: 404,
  }),
  'POST /api/registrations/:registrationId/revise': () => ({
    params: { registrationId: 'khong-co' },
    ok: 404,
  }),
  'GET /api/candidates': (u) => ({ query: { year: '2021', tier: 'standard', unitId: u }, ok: 200 }),
  'GET /api/directives': () => ({ ok: 200 }),
  'POST /api/directives': () => ({ body: {}, ok: 422 }),
  'GET /api/directives/:directiveId': () => ({ params: { directiveId: 'demo:directive:2021-06' }, ok: 200 }),
  'PUT /api/directives/:directiveId': () => ({ params: { directiveId: 'khong-co' }, body: {}, ok: 422 }),
  'POST /api/directives/:directiveId/tasks': () => ({
    params: { directiveId: 'khong-co' },
    body: {},
    ok: 422,
  }),
  'PUT /api/tasks/:taskId': () => ({ params: { taskId: 'khong-co' }, body: {}, ok: 422 }),
  'POST /api/tasks/:taskId/reports': () => ({ params: { taskId: 'khong-co' }, body: {}, ok: 422 }),
  'GET /api/tasks': () => ({ query: { overdue: 'true' }, ok: 200 }),
};

const reads = (who: Who) => who === 'province_admin' || who === 'leader' || who === 'department';

/** The rules of PRODUCT §2 restated independently of the server: 'allow', or the refusal status. */
function expected(rule: AccessRule, who: Who, inside: boolean): 'allow' | 401 | 403 {
  if (rule.kind !== 'public' && who === 'public') return 401;
  switch (rule.kind) {
    case 'public':
      return 'allow';
    case 'signed-in':
      return 'allow';
    case 'admin':
      return who === 'province_admin' ? 'allow' : 403;
    case 'read':
      return !rule.unit || reads(who) || inside ? 'allow' : 403;
    case 'write': {
      if (who === 'public' || !hasPermission(who, rule.permission)) return 403;
      if (!rule.unit) return 'allow';
      const everywhere: Record<Permission, boolean> = {
        enter_values: who === 'province_admin' || who === 'department',
        review_values: who === 'province_admin' || who === 'department',
        approve_values: true,
        // Obstacle, alert and responsibility routes locate no unit: their services check the area.
        raise_obstacles: true,
        handle_obstacles: true,
        acknowledge_alerts: true,
        manage_responsibility: true,
        // Plan, registration and task routes locate no unit either: their services check the area.
        manage_plans: true,
        propose_registrations: true,
        review_registrations: true,
        report_task_progress: true,
      };
      return everywhere[rule.permission] || inside ? 'allow' : 403;
    }
  }
}

interface Case {
  route: RouteEntry;
  who: Who;
  inside: boolean;
}

function casesOf(routes: readonly RouteEntry[]): Case[] {
  const cases = routes.flatMap((route) =>
    everyone.flatMap((who) =>
      route.access && 'unit' in route.access && route.access.unit
        ? [
            { route, who, inside: true },
            { route, who, inside: false },
          ]
        : [{ route, who, inside: true }],
    ),
  );
  // Signing out everywhere would end the shared sessions of the cases after it.
  const last = (c: Case) => (c.route.url === '/api/auth/logout-all' ? 1 : 0);
  return cases.sort((a, b) => last(a) - last(b));
}

function urlOf(route: RouteEntry, unitId: string, sample: Sample): string {
  const params: Record<string, string> = { id: unitId, ...sample.params };
  const path = route.url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  const query = new URLSearchParams(sample.query ?? {}).toString();
  return `${path.replace('*', 'index.html')}${query ? `?${query}` : ''}`;
}

async function send(c: Case) {
  const unitId = units.get(c.who)?.[c.inside ? 'inside' : 'outside'] ?? '';
  // The documentation pages are the only routes without a sample (checked by the test above).
  const sample: Sample = samples[`${c.route.method} ${c.route.url}`]?.(unitId) ?? { ok: 'any' };
  const options = {
    method: c.route.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: urlOf(c.route, unitId, sample),
    ...(sample.body === undefined ? {} : { payload: sample.body as object }),
  };
  if (c.who === 'public') return { sample, response: await t.app.inject(options) };
  const account = (sessions.get(c.who) as Session).username;
  const session = sample.endsSession ? await signIn(t.app, account) : (sessions.get(c.who) as Session);
  return { sample, response: await session.inject(options) };
}

beforeAll(async () => {
  t = await createTestApp({ seed: true, auth: { loginRateLimit: 10_000 } });
  const accounts = await demoAccountsOf(t);
  const districtId = accounts.district.unitId as string;
  const ownCommune = accounts.commune.unitId as string;
  const otherDistrict = await communeOutside(t, districtId);
  const sibling = await t.database.db
    .selectFrom('units')
    .select('id')
    .where('parent_id', '=', districtId)
    .where('kind', '=', 'xa')
    .where('id', '!=', ownCommune)
    .orderBy('code')
    .executeTakeFirstOrThrow();
  units = new Map(
    everyone.map((who) => [
      who,
      who === 'commune'
        ? { inside: ownCommune, outside: sibling.id }
        : { inside: ownCommune, outside: otherDistrict },
    ]),
  );
  sessions = new Map();
  for (const [who, account] of [
    ['province_admin', accounts.admin],
    ['leader', accounts.leader],
    ['department', accounts.department],
    ['district', accounts.district],
    ['commune', accounts.commune],
  ] as const) {
    sessions.set(who, await signIn(t.app, account.username));
  }
  someUserId = accounts.commune2026.id;
});
afterAll(async () => {
  await t.close();
});

describe(`authorisation matrix on ${testDialect}`, () => {
  it('has an access rule and a sample request for every /api route', () => {
    const routes = t.app.accessRoutes;
    expect(routes.length).toBeGreaterThan(30);
    const withoutRule = routes.filter((r) => !r.access).map((r) => `${r.method} ${r.url}`);
    expect(withoutRule, 'routes without config.access').toEqual([]);
    const withoutSample = routes
      .filter((r) => !r.url.startsWith('/api/docs') && !samples[`${r.method} ${r.url}`])
      .map((r) => `${r.method} ${r.url}`);
    expect(withoutSample, 'routes without a sample request in this test').toEqual([]);
  });

  it('allows and refuses every endpoint × role × in-scope / out-of-scope unit as the rules say', async () => {
    const cases = casesOf(t.app.accessRoutes.filter((r) => r.access));
    const failures: string[] = [];
    for (const c of cases) {
      const rule = c.route.access as AccessRule;
      const want = expected(rule, c.who, c.inside);
      const { sample, response } = await send(c);
      const label = `${c.route.method} ${c.route.url} as ${c.who} (${c.inside ? 'in' : 'out of'} scope)`;
      const body = response.headers['content-type']?.toString().includes('json') ? response.json() : {};
      if (want === 'allow') {
        const ok =
          sample.ok === 'any' ? ![401, 403].includes(response.statusCode) : response.statusCode === sample.ok;
        if (!ok)
          failures.push(
            `${label}: expected ${sample.ok}, got ${response.statusCode} ${response.body.slice(0, 200)}`,
          );
      } else if (
        response.statusCode !== want ||
        body.code !== (want === 401 ? 'unauthenticated' : 'forbidden') ||
        typeof body.detail !== 'string' ||
        body.detail.length < 20
      ) {
        failures.push(
          `${label}: expected ${want}, got ${response.statusCode} ${response.body.slice(0, 200)}`,
        );
      }
    }
    expect(failures).toEqual([]);
    process.stdout.write(
      `authorisation matrix: ${t.app.accessRoutes.length} endpoints, ${cases.length} endpoint × role × scope cases on ${testDialect}\n`,
    );
  });
});

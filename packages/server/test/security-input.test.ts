import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccountsOf } from './demo-accounts';
import { createTestApp, type TestApp, testDialect } from './harness';
import { type Session, signIn } from './sessions';

let t: TestApp;
let admin: Session;
let commune: Session;
let district: Session;
let communeId: string;

const markup = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
const sql = `x' OR '1'='1'; DROP TABLE users; --%_\\`;

beforeAll(async () => {
  t = await createTestApp({ seed: true, auth: { loginRateLimit: 1000 } });
  const accounts = await demoAccountsOf(t);
  admin = await signIn(t.app, accounts.admin.username);
  commune = await signIn(t.app, accounts.commune.username);
  district = await signIn(t.app, accounts.district.username);
  communeId = accounts.commune.unitId as string;
});
afterAll(async () => {
  await t.close();
});

describe(`hostile input on ${testDialect}`, () => {
  it('keeps markup in names, sources and reasons as data, served only as JSON', async () => {
    const created = await admin.send<{ displayName: string }>('POST', '/api/users', {
      username: 'xss.test',
      displayName: markup,
      role: 'leader',
      password: 'Mat-khau-2026',
    });
    expect(created.status).toBe(200);
    expect(created.body.displayName).toBe(markup);
    const written = await commune.send('PUT', '/api/values', {
      values: [{ unitId: communeId, year: 2024, measure: 'income_per_capita', value: 41, source: markup }],
      reason: markup,
    });
    expect(written.status).toBe(200);
    expect(
      (
        await commune.send('POST', '/api/workflow/submit', {
          items: [{ unitId: communeId, year: 2024, measure: 'income_per_capita', version: 1 }],
        })
      ).status,
    ).toBe(200);
    const returned = await district.send('POST', '/api/workflow/return', {
      items: [{ unitId: communeId, year: 2024, measure: 'income_per_capita', version: 2 }],
      reason: markup,
    });
    expect(returned.status).toBe(200);
    for (const url of ['/api/users', `/api/units/${communeId}/values?year=2024`, '/api/audit?limit=20']) {
      const response = await admin.inject({ method: 'GET', url });
      expect(response.headers['content-type']).toContain('application/json');
      expect(response.body).toContain(JSON.stringify(markup).slice(1, -1));
    }
    const notices = await commune.get<{ notifications: { message: string }[] }>('/api/notifications');
    expect(notices.body.notifications[0]?.message).toContain(markup);
  });

  it('treats SQL metacharacters as plain text in searches and filters', async () => {
    const usersBefore = await t.database.db.selectFrom('users').select('id').execute();
    for (const url of [
      `/api/units/search?q=${encodeURIComponent(sql)}`,
      `/api/audit?actor=${encodeURIComponent(sql)}&entityId=${encodeURIComponent(sql)}&unitId=${encodeURIComponent(sql)}`,
      `/api/units/${communeId}/values/history?year=2024&measure=${encodeURIComponent(sql.slice(0, 60))}`,
    ]) {
      const response = await admin.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      const body = response.json() as { units?: unknown[]; entries?: unknown[]; versions?: unknown[] };
      expect(body.units ?? body.entries ?? body.versions).toEqual([]);
    }
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: `tinh.admin' --`, password: `' OR '1'='1` },
    });
    expect(login.statusCode).toBe(401);
    const unknownUnit = await admin.inject({
      method: 'GET',
      url: `/api/units/${encodeURIComponent(sql.slice(0, 60))}`,
    });
    expect(unknownUnit.statusCode).toBe(404);
    expect((await t.database.db.selectFrom('users').select('id').execute()).length).toBe(usersBefore.length);
  });
});

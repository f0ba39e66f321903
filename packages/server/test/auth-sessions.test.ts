import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashSessionId } from '../src/features/auth/auth.service';
import { buildApp } from '../src/http/app';
import { createTestApp, type TestApp, testDialect } from './harness';
import { DEMO_PASSWORD, demoUsers, signIn } from './sessions';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ seed: true, auth: { loginRateLimit: 1000 } });
});
afterAll(async () => {
  await t.close();
});

async function login(username: string, password: string) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  return {
    status: response.statusCode,
    body: response.json() as { code?: string; detail?: string },
    response,
  };
}

describe(`sign-in and sessions on ${testDialect}`, () => {
  it('signs in with an argon2id password and sets a session cookie the page script cannot read', async () => {
    const { status, response } = await login(demoUsers.district, DEMO_PASSWORD);
    expect(status).toBe(200);
    const body = response.json() as {
      user: { role: string; unitName: string; area: string };
      csrfToken: string;
    };
    expect(body.user).toMatchObject({ role: 'district', unitName: 'Huyện Sông Xanh' });
    expect(body.user.area).toContain('Huyện Sông Xanh');
    const session = response.cookies.find((c) => c.name === 'ntm_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session?.secure).toBeUndefined();
    const csrf = response.cookies.find((c) => c.name === 'ntm_csrf');
    expect(csrf?.value).toBe(body.csrfToken);
    expect(csrf?.httpOnly).toBeUndefined();

    const row = await t.database.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', demoUsers.district)
      .executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    const stored = await t.database.db.selectFrom('sessions').select('id_hash').execute();
    expect(stored.map((s) => s.id_hash)).not.toContain(session?.value);
  });

  it('marks cookies Secure when configured for HTTPS', async () => {
    const secure = await buildApp({ database: t.database, auth: { cookieSecure: true } });
    const response = await secure.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: demoUsers.leader, password: DEMO_PASSWORD },
    });
    expect(response.cookies.every((c) => c.secure === true)).toBe(true);
    await secure.close();
  });

  it('answers a wrong password and an unknown user with the same message', async () => {
    const wrong = await login(demoUsers.leader, 'sai-mat-khau-1');
    const unknown = await login('khong-co-ai', 'sai-mat-khau-1');
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('login_failed');
    expect(unknown.body).toEqual(wrong.body);
    expect(wrong.body.detail).toContain('không đúng');
  });

  it('keeps sessions in the database, so another server process accepts them', async () => {
    const session = await signIn(t.app, demoUsers.leader);
    const other = await buildApp({ database: t.database });
    const me = await other.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: session.cookie },
    });
    expect((me.json() as { user: { username: string } }).user.username).toBe(demoUsers.leader);
    await other.close();
  });

  it('ends a session deleted from the database by hand at once, in a process that has just checked it', async () => {
    const session = await signIn(t.app, demoUsers.leader);
    expect((await session.get('/api/units')).status).toBe(200);
    expect((await session.get('/api/units')).status).toBe(200);
    await t.database.db
      .deleteFrom('sessions')
      .where('id_hash', '=', hashSessionId(session.cookie.slice(session.cookie.indexOf('=') + 1)))
      .execute();
    expect((await session.get('/api/units')).status).toBe(401);
  });

  it('refuses anonymous requests to non-public data with 401, and serves public aggregates', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/units' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'unauthenticated' });
    const catalogue = await t.app.inject({ method: 'GET', url: '/api/criteria-sets' });
    expect(catalogue.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(me.json()).toEqual({ user: null, csrfToken: null });
  });

  it('refuses a write without the CSRF token of the session', async () => {
    const session = await signIn(t.app, demoUsers.admin);
    const body = { values: [] };
    const missing = await t.app.inject({
      method: 'PUT',
      url: '/api/values',
      headers: { cookie: session.cookie },
      payload: body,
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ code: 'csrf_failed' });
    const other = await signIn(t.app, demoUsers.leader);
    const foreign = await t.app.inject({
      method: 'PUT',
      url: '/api/values',
      headers: { cookie: session.cookie, 'x-csrf-token': other.csrfToken },
      payload: body,
    });
    expect(foreign.statusCode).toBe(403);
    const right = await session.send('PUT', '/api/values', body);
    expect(right.status).toBe(422);
  });

  it('logs out one session, and everywhere', async () => {
    const a = await signIn(t.app, demoUsers.department);
    const b = await signIn(t.app, demoUsers.department);
    const c = await signIn(t.app, demoUsers.department);
    expect((await a.send('POST', '/api/auth/logout')).status).toBe(200);
    expect((await a.get('/api/units')).status).toBe(401);
    expect((await b.get('/api/units')).status).toBe(200);
    const everywhere = await b.send<{ endedSessions: number }>('POST', '/api/auth/logout-all');
    expect(everywhere.body.endedSessions).toBeGreaterThanOrEqual(2);
    expect((await b.get('/api/units')).status).toBe(401);
    expect((await c.get('/api/units')).status).toBe(401);
  });

  it('changes the password with the current one, ending the other sessions', async () => {
    const username = demoUsers.leader;
    const current = await signIn(t.app, username);
    const other = await signIn(t.app, username);
    const wrong = await current.send<{ code: string }>('PUT', '/api/auth/password', {
      currentPassword: 'khong-dung-1',
      newPassword: 'Mat-khau-moi-2026',
    });
    expect(wrong.status).toBe(422);
    const weak = await current.send<{ detail: string }>('PUT', '/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'ngan',
    });
    expect(weak.status).toBe(422);
    expect(weak.body.detail).toContain('ít nhất');
    const changed = await current.send('PUT', '/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'Mat-khau-moi-2026',
    });
    expect(changed.status).toBe(200);
    expect((await current.get('/api/units')).status).toBe(200);
    expect((await other.get('/api/units')).status).toBe(401);
    expect((await login(username, DEMO_PASSWORD)).status).toBe(401);
    expect((await login(username, 'Mat-khau-moi-2026')).status).toBe(200);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity', '=', 'user')
      .where('entity_id', '=', username)
      .where('action', '=', 'update')
      .execute();
    expect(audit.length).toBe(1);
    expect(audit[0]?.after_json).not.toContain('argon2');
  });
});

describe(`lockout and rate limiting on ${testDialect}`, () => {
  it('locks an account after repeated wrong passwords, says until when, and the admin can unlock it', async () => {
    const target = await t.database.db
      .selectFrom('users')
      .select(['id', 'username', 'version'])
      .where('role', '=', 'commune')
      .orderBy('username')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 4; i++) expect((await login(target.username, `sai-${i}-mat-khau`)).status).toBe(401);
    const locked = await login(target.username, 'sai-lan-cuoi-9');
    expect(locked.status).toBe(423);
    expect(locked.body.code).toBe('account_locked');
    expect(locked.body.detail).toMatch(/tạm khóa.*thử lại sau \d+ phút/);
    const stillLocked = await login(target.username, DEMO_PASSWORD);
    expect(stillLocked.status).toBe(423);
    const lockEntry = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', target.username)
      .where('action', '=', 'lock')
      .execute();
    expect(lockEntry).toHaveLength(1);

    const admin = await signIn(t.app, demoUsers.admin);
    const current = await t.database.db
      .selectFrom('users')
      .select('version')
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    const unlocked = await admin.send('PATCH', `/api/users/${target.id}`, {
      expectedVersion: current.version,
      unlock: true,
      reason: 'Người dùng xác nhận qua điện thoại',
    });
    expect(unlocked.status).toBe(200);
    expect((await login(target.username, DEMO_PASSWORD)).status).toBe(200);
  });

  it('limits login attempts per address', async () => {
    const limited = await buildApp({ database: t.database, auth: { loginRateLimit: 3 } });
    const attempt = () =>
      limited.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'ai-do', password: 'x1234567' },
      });
    for (let i = 0; i < 3; i++) expect((await attempt()).statusCode).toBe(401);
    const refused = await attempt();
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'rate_limited' });
    expect((refused.json() as { detail: string }).detail).toContain('giây');
    await limited.close();
  });
});

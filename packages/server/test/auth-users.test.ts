import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccountsOf } from './demo-accounts';
import { createTestApp, type TestApp, testDialect } from './harness';
import { type Session, signIn } from './sessions';

let t: TestApp;
let admin: Session;
let accounts: Awaited<ReturnType<typeof demoAccountsOf>>;

interface UserSummary {
  id: string;
  username: string;
  role: string;
  unitName: string | null;
  departmentName: string | null;
  version: number;
  active: boolean;
}

interface Problem {
  code: string;
  detail: string;
  rows?: { field: string; message: string }[];
  current?: UserSummary[];
}

beforeAll(async () => {
  t = await createTestApp({ seed: true, auth: { loginRateLimit: 1000 } });
  accounts = await demoAccountsOf(t);
  admin = await signIn(t.app, accounts.admin.username);
});
afterAll(async () => {
  await t.close();
});

describe(`user management on ${testDialect}`, () => {
  it('lists every account with its role and scope', async () => {
    const list = await admin.get<{ users: UserSummary[] }>('/api/users');
    expect(list.status).toBe(200);
    expect(new Set(list.body.users.map((u) => u.role))).toEqual(
      new Set(['province_admin', 'leader', 'department', 'district', 'commune']),
    );
    expect(list.body.users.find((u) => u.role === 'department')?.departmentName).toBe(
      'Sở Giao thông vận tải',
    );
    expect(JSON.stringify(list.body)).not.toContain('argon2');
  });

  it('creates a district account tied to a district, refusing a wrong attachment, a weak password and a taken name', async () => {
    const base = { username: 'huyen.phudien', displayName: 'Cán bộ Huyện Phú Điền', role: 'district' };
    const noUnit = await admin.send<Problem>('POST', '/api/users', { ...base, password: 'Mat-khau-2026' });
    expect(noUnit.status).toBe(422);
    expect(noUnit.body.rows?.[0]?.field).toBe('unitId');
    const communeAsDistrict = await admin.send<Problem>('POST', '/api/users', {
      ...base,
      unitId: accounts.commune.unitId,
      password: 'Mat-khau-2026',
    });
    expect(communeAsDistrict.status).toBe(422);
    const weak = await admin.send<Problem>('POST', '/api/users', {
      ...base,
      unitId: 'demo:old:99004',
      password: 'abc',
    });
    expect(weak.status).toBe(422);
    expect(weak.body.detail).toContain('ít nhất');
    const created = await admin.send<UserSummary>('POST', '/api/users', {
      ...base,
      unitId: 'demo:old:99004',
      password: 'Mat-khau-2026',
      reason: 'Cán bộ mới nhận nhiệm vụ',
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ role: 'district', unitName: 'Huyện Phú Điền', version: 1 });
    const taken = await admin.send<Problem>('POST', '/api/users', {
      ...base,
      unitId: 'demo:old:99004',
      password: 'Mat-khau-2026',
    });
    expect(taken.status).toBe(409);
    const district = await signIn(t.app, 'huyen.phudien', 'Mat-khau-2026');
    const own = await district.get<{ units: { id: string }[] }>(
      '/api/units/demo:old:99004/children?date=2021-12-31',
    );
    expect(own.status).toBe(200);
    expect(own.body.units.length).toBeGreaterThan(0);
  });

  it('answers an edit based on a stale version with 409 and the account as it is now', async () => {
    const list = await admin.get<{ users: UserSummary[] }>('/api/users');
    const leader = list.body.users.find((u) => u.role === 'leader') as UserSummary;
    const renamed = await admin.send<UserSummary>('PATCH', `/api/users/${leader.id}`, {
      expectedVersion: leader.version,
      displayName: 'Phó Chủ tịch UBND tỉnh',
    });
    expect(renamed.status).toBe(200);
    const stale = await admin.send<Problem>('PATCH', `/api/users/${leader.id}`, {
      expectedVersion: leader.version,
      displayName: 'Chủ tịch UBND tỉnh',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    expect(stale.body.current?.[0]).toMatchObject({
      displayName: 'Phó Chủ tịch UBND tỉnh',
      version: leader.version + 1,
    });
  });

  it('deactivating an account ends its sessions at once; an admin cannot deactivate themselves', async () => {
    const leaderSession = await signIn(t.app, accounts.leader.username);
    expect((await leaderSession.get('/api/units')).status).toBe(200);
    const list = await admin.get<{ users: UserSummary[] }>('/api/users');
    const leader = list.body.users.find((u) => u.username === accounts.leader.username) as UserSummary;
    const off = await admin.send('PATCH', `/api/users/${leader.id}`, {
      expectedVersion: leader.version,
      active: false,
    });
    expect(off.status).toBe(200);
    expect((await leaderSession.get('/api/units')).status).toBe(401);
    const self = list.body.users.find((u) => u.username === accounts.admin.username) as UserSummary;
    const selfOff = await admin.send<Problem>('PATCH', `/api/users/${self.id}`, {
      expectedVersion: self.version,
      active: false,
    });
    expect(selfOff.status).toBe(403);
  });

  it('narrows a signed-in user at once when the admin moves their account to another area', async () => {
    const districtSession = await signIn(t.app, accounts.district.username);
    const ownCommune = await t.database.db
      .selectFrom('units')
      .select('id')
      .where('parent_id', '=', accounts.district.unitId as string)
      .where('kind', '=', 'xa')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const otherDistrict = await t.database.db
      .selectFrom('units')
      .select('id')
      .where('level', '=', 'district')
      .where('id', '!=', accounts.district.unitId as string)
      .where('valid_to', '=', '2025-06-30')
      .orderBy('code')
      .executeTakeFirstOrThrow();
    const url = `/api/units/${encodeURIComponent(ownCommune.id)}/evaluation?year=2021`;
    // Read twice: the second request is served by the session this process has already checked.
    expect((await districtSession.get(url)).status).toBe(200);
    expect((await districtSession.get(url)).status).toBe(200);
    const list = await admin.get<{ users: UserSummary[] }>('/api/users');
    const target = list.body.users.find((u) => u.username === accounts.district.username) as UserSummary;
    const moved = await admin.send('PATCH', `/api/users/${target.id}`, {
      expectedVersion: target.version,
      unitId: otherDistrict.id,
      reason: 'Điều chuyển cán bộ',
    });
    expect(moved.status).toBe(200);
    expect((await districtSession.get<Problem>(url)).body.code).toBe('forbidden');
  });

  it('resets a password, ending the sessions opened with the old one', async () => {
    const before = await signIn(t.app, accounts.commune2026.username);
    expect((await before.get('/api/units')).status).toBe(200);
    const list = await admin.get<{ users: UserSummary[] }>('/api/users');
    const target = list.body.users.find((u) => u.username === accounts.commune2026.username) as UserSummary;
    const reset = await admin.send('POST', `/api/users/${target.id}/password`, {
      expectedVersion: target.version,
      newPassword: 'Xa-moi-2026',
    });
    expect(reset.status).toBe(200);
    expect((await before.get('/api/units')).status).toBe(401);
    expect((await signIn(t.app, accounts.commune2026.username, 'Xa-moi-2026')).username).toBe(
      accounts.commune2026.username,
    );
  });

  it('audits account changes without passwords, and lets only the admin manage or browse them', async () => {
    const audit = await admin.get<{
      entries: { action: string; entity: string; actor: string; after: unknown }[];
    }>('/api/audit?entity=user&limit=50');
    expect(audit.status).toBe(200);
    expect(audit.body.entries.some((e) => e.action === 'create' && e.actor === accounts.admin.username)).toBe(
      true,
    );
    expect(JSON.stringify(audit.body)).not.toMatch(/argon2|Mat-khau-2026|Xa-moi-2026/);
    const district = await signIn(t.app, accounts.district.username);
    for (const [method, url] of [
      ['GET', '/api/users'],
      ['GET', '/api/audit'],
    ] as const) {
      const refused = await district.inject({ method, url });
      expect(refused.statusCode).toBe(403);
      expect((refused.json() as Problem).detail).toContain('quản trị tỉnh');
    }
  });
});

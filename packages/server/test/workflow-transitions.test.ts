import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoAccountRow, demoAccountsOf } from './demo-accounts';
import { createTestApp, type TestApp, testDialect } from './harness';
import { type Session, signIn } from './sessions';

let t: TestApp;
let accounts: Awaited<ReturnType<typeof demoAccountsOf>>;
let commune: Session;
let district: Session;
let admin: Session;
let communeId: string;

const YEAR = 2024;

interface StoredValue {
  measure: string;
  value: unknown;
  status: string;
  version: number;
  approvedValue: unknown;
  returnReason: string | null;
  locked: boolean;
}

interface Problem {
  code: string;
  detail: string;
  rows: { row: number; field: string; message: string }[];
  current?: { measure: string; value: unknown; version: number }[];
}

async function stored(measure: string, unitId = communeId): Promise<StoredValue> {
  const response = await admin.get<{ values: StoredValue[] }>(`/api/units/${unitId}/values?year=${YEAR}`);
  const value = response.body.values.find((v) => v.measure === measure);
  if (!value) throw new Error(`no ${measure}`);
  return value;
}

function item(measure: string, version: number, unitId = communeId) {
  return { unitId, year: YEAR, measure, version };
}

async function step<T = Problem>(session: Session, action: string, items: unknown[], reason?: string) {
  return session.send<T>('POST', `/api/workflow/${action}`, { items, ...(reason ? { reason } : {}) });
}

beforeAll(async () => {
  t = await createTestApp({ seed: true, auth: { loginRateLimit: 1000 } });
  accounts = await demoAccountsOf(t);
  communeId = accounts.commune.unitId as string;
  commune = await signIn(t.app, accounts.commune.username);
  district = await signIn(t.app, accounts.district.username);
  admin = await signIn(t.app, accounts.admin.username);
  const written = await commune.send('PUT', '/api/values', {
    values: [
      { unitId: communeId, year: YEAR, measure: 'income_per_capita', value: 40, expectedVersion: 0 },
      {
        unitId: communeId,
        year: YEAR,
        measure: 'multidimensional_poverty_rate',
        value: 4.5,
        expectedVersion: 0,
      },
    ],
  });
  expect(written.status).toBe(200);
});
afterAll(async () => {
  await t.close();
});

describe(`value workflow on ${testDialect}`, () => {
  it('goes draft → submitted → returned with a reason → fixed → submitted → verified → approved', async () => {
    expect(await stored('income_per_capita')).toMatchObject({ status: 'draft', version: 1, locked: false });

    const submitted = await step(commune, 'submit', [item('income_per_capita', 1)]);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ changed: 1, items: [{ status: 'submitted', version: 2 }] });

    const noReason = await step(district, 'return', [item('income_per_capita', 2)]);
    expect(noReason.status).toBe(422);
    expect(noReason.body.code).toBe('reason_required');

    const returned = await step(
      district,
      'return',
      [item('income_per_capita', 2)],
      'Thu nhập thấp bất thường, kiểm tra lại',
    );
    expect(returned.status).toBe(200);
    expect(await stored('income_per_capita')).toMatchObject({
      status: 'draft',
      version: 3,
      returnReason: 'Thu nhập thấp bất thường, kiểm tra lại',
    });
    const notices = await commune.get<{ unread: number; notifications: { message: string }[] }>(
      '/api/notifications',
    );
    expect(notices.body.unread).toBe(1);
    expect(notices.body.notifications[0]?.message).toContain('Thu nhập thấp bất thường');
    const inbox = await commune.get<{
      groups: { kind: string; unitId: string; year: number; reasons: string[] }[];
    }>(`/api/inbox?year=${YEAR}`);
    expect(inbox.body.groups).toContainEqual(
      expect.objectContaining({
        kind: 'returned',
        unitId: communeId,
        reasons: ['Thu nhập thấp bất thường, kiểm tra lại'],
      }),
    );

    const fixed = await commune.send('PUT', '/api/values', {
      values: [
        { unitId: communeId, year: YEAR, measure: 'income_per_capita', value: 52.5, expectedVersion: 3 },
      ],
    });
    expect(fixed.status).toBe(200);
    expect((await step(commune, 'submit', [item('income_per_capita', 4)])).status).toBe(200);
    const districtInbox = await district.get<{ groups: { kind: string; unitId: string }[] }>(
      `/api/inbox?year=${YEAR}`,
    );
    expect(districtInbox.body.groups).toContainEqual(
      expect.objectContaining({ kind: 'to_verify', unitId: communeId }),
    );

    expect((await step(district, 'verify', [item('income_per_capita', 5)])).status).toBe(200);
    const adminInbox = await admin.get<{ groups: { kind: string; unitId: string }[] }>(
      `/api/inbox?year=${YEAR}`,
    );
    expect(adminInbox.body.groups).toContainEqual(
      expect.objectContaining({ kind: 'to_approve', unitId: communeId }),
    );
    expect((await step(admin, 'approve', [item('income_per_capita', 6)])).status).toBe(200);
    expect(await stored('income_per_capita')).toMatchObject({
      status: 'approved',
      version: 7,
      value: 52.5,
      approvedValue: 52.5,
      returnReason: null,
      locked: true,
    });

    const history = await commune.get<{
      versions: { version: number; action: string; actor: string; reason: string | null }[];
    }>(`/api/units/${communeId}/values/history?year=${YEAR}&measure=income_per_capita`);
    expect(history.body.versions.map((v) => `${v.version}:${v.action}`)).toEqual([
      '7:approve',
      '6:verify',
      '5:submit',
      '4:update',
      '3:return',
      '2:submit',
      '1:create',
    ]);
    expect(history.body.versions.find((v) => v.action === 'return')).toMatchObject({
      actor: accounts.district.username,
      reason: 'Thu nhập thấp bất thường, kiểm tra lại',
    });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['actor', 'action'])
      .where('entity_id', '=', `${communeId}|${YEAR}|income_per_capita`)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => `${a.action}:${a.actor}`)).toEqual([
      `create:${accounts.commune.username}`,
      `submit:${accounts.commune.username}`,
      `return:${accounts.district.username}`,
      `update:${accounts.commune.username}`,
      `submit:${accounts.commune.username}`,
      `verify:${accounts.district.username}`,
      `approve:${accounts.admin.username}`,
    ]);
  });

  it('refuses every step from a status it does not start from, and to roles that may not take it', async () => {
    const poverty = await stored('multidimensional_poverty_rate');
    expect(poverty.status).toBe('draft');
    const verifyDraft = await step(district, 'verify', [
      item('multidimensional_poverty_rate', poverty.version),
    ]);
    expect(verifyDraft.status).toBe(409);
    expect(verifyDraft.body.code).toBe('invalid_transition');
    expect(verifyDraft.body.rows[0]?.message).toContain('Nháp');
    const approveDraft = await step(admin, 'approve', [
      item('multidimensional_poverty_rate', poverty.version),
    ]);
    expect(approveDraft.body.code).toBe('invalid_transition');

    const communeVerifies = await step(commune, 'verify', [
      item('multidimensional_poverty_rate', poverty.version),
    ]);
    expect(communeVerifies.status).toBe(403);
    expect(communeVerifies.body.detail).toContain('không được');
    const districtApproves = await step(district, 'approve', [
      item('multidimensional_poverty_rate', poverty.version),
    ]);
    expect(districtApproves.status).toBe(403);

    expect(
      (await step(commune, 'submit', [item('multidimensional_poverty_rate', poverty.version)])).status,
    ).toBe(200);
    const again = await step(commune, 'submit', [item('multidimensional_poverty_rate', poverty.version + 1)]);
    expect(again.body.code).toBe('invalid_transition');
    const approveSubmitted = await step(admin, 'approve', [
      item('multidimensional_poverty_rate', poverty.version + 1),
    ]);
    expect(approveSubmitted.body.code).toBe('invalid_transition');
    expect(await stored('multidimensional_poverty_rate')).toMatchObject({
      status: 'submitted',
      version: poverty.version + 1,
    });
  });

  it('does not let the submitter verify their own entry', async () => {
    const villageLess = 'alley_roads_clean_share';
    const written = await district.send('PUT', '/api/values', {
      values: [{ unitId: communeId, year: YEAR, measure: villageLess, value: 80, expectedVersion: 0 }],
    });
    expect(written.status).toBe(200);
    expect((await step(district, 'submit', [item(villageLess, 1)])).status).toBe(200);
    const own = await step(district, 'verify', [item(villageLess, 2)]);
    expect(own.status).toBe(403);
    expect(own.body.rows[0]?.message).toContain('không tự xác minh');
    expect((await step(admin, 'verify', [item(villageLess, 2)])).status).toBe(200);
  });

  it('locks verified and approved values; a correction after approval is a new version through the workflow', async () => {
    const verified = await stored('alley_roads_clean_share');
    expect(verified.status).toBe('verified');
    const editVerified = await commune.send<Problem>('PUT', '/api/values', {
      values: [{ unitId: communeId, year: YEAR, measure: 'alley_roads_clean_share', value: 81 }],
    });
    expect(editVerified.status).toBe(409);
    expect(editVerified.body.code).toBe('invalid_transition');

    const locked = await commune.send<Problem>('PUT', '/api/values', {
      values: [
        { unitId: communeId, year: YEAR, measure: 'income_per_capita', value: 55, expectedVersion: 7 },
      ],
    });
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('invalid_transition');
    expect(locked.body.detail).toContain('đính chính');
    const noReason = await commune.send<Problem>('PUT', '/api/values', {
      correction: true,
      values: [
        { unitId: communeId, year: YEAR, measure: 'income_per_capita', value: 55, expectedVersion: 7 },
      ],
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body.code).toBe('reason_required');
    expect(await stored('income_per_capita')).toMatchObject({ value: 52.5, version: 7, status: 'approved' });

    const corrected = await commune.send('PUT', '/api/values', {
      correction: true,
      reason: 'Điều tra thu nhập bổ sung quý IV',
      values: [
        { unitId: communeId, year: YEAR, measure: 'income_per_capita', value: 55, expectedVersion: 7 },
      ],
    });
    expect(corrected.status).toBe(200);
    expect(await stored('income_per_capita')).toMatchObject({
      value: 55,
      version: 8,
      status: 'draft',
      approvedValue: 52.5,
    });
    const history = await admin.get<{
      versions: { version: number; action: string; reason: string | null }[];
    }>(`/api/units/${communeId}/values/history?year=${YEAR}&measure=income_per_capita`);
    expect(history.body.versions[0]).toMatchObject({
      version: 8,
      action: 'correct',
      reason: 'Điều tra thu nhập bổ sung quý IV',
    });
  });

  it('evaluates on approved values only or on the latest values, and says which', async () => {
    const income = async (basis: string) => {
      const response = await commune.get<{
        basis: string;
        evaluation: { criteria: { indicators: { measure: string | null; value: unknown }[] }[] };
      }>(
        `/api/units/${communeId}/evaluation?year=${YEAR}&criteriaSetId=demo-2016-2020-commune-standard&basis=${basis}`,
      );
      expect(response.status).toBe(200);
      const indicator = response.body.evaluation.criteria
        .flatMap((c) => c.indicators)
        .find((i) => i.measure === 'income_per_capita');
      return { basis: response.body.basis, value: indicator?.value };
    };
    expect(await income('latest')).toEqual({ basis: 'latest', value: 55 });
    expect(await income('approved')).toEqual({ basis: 'approved', value: 52.5 });
    const rollup = await commune.get<{ basis: string }>(
      `/api/units/${communeId}/rollup?year=${YEAR}&basis=approved&criteriaSetId=demo-2016-2020-commune-standard`,
    );
    expect(rollup.body.basis).toBe('approved');
  });

  it('answers a write based on a stale version with 409 and the current value, writing nothing', async () => {
    const stale = await district.send<Problem>('PUT', '/api/values', {
      values: [
        { unitId: communeId, year: YEAR, measure: 'income_per_capita', value: 60, expectedVersion: 7 },
      ],
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    expect(stale.body.current).toEqual([
      expect.objectContaining({ measure: 'income_per_capita', value: 55, version: 8 }),
    ]);
    expect((await stored('income_per_capita')).value).toBe(55);

    const staleStep = await step(commune, 'submit', [item('income_per_capita', 7)]);
    expect(staleStep.status, JSON.stringify(staleStep.body)).toBe(409);
    expect(staleStep.body.code).toBe('stale_version');
    expect(staleStep.body.current?.[0]).toMatchObject({ version: 8 });
  });

  it('refuses a bulk step as a whole when one row is refused, naming the row', async () => {
    const before = await stored('multidimensional_poverty_rate');
    const mixed = await step(district, 'verify', [
      item('multidimensional_poverty_rate', before.version),
      item('income_per_capita', 8),
    ]);
    expect(mixed.status).toBe(409);
    expect(mixed.body.rows).toEqual([expect.objectContaining({ row: 1, field: 'status' })]);
    expect(await stored('multidimensional_poverty_rate')).toMatchObject({
      status: 'submitted',
      version: before.version,
    });
  });

  it('keeps a department to the criteria it leads', async () => {
    const department = await signIn(t.app, accounts.department.username);
    const own = await department.send('PUT', '/api/values', {
      values: [
        { unitId: communeId, year: YEAR, measure: 'field_roads_share', value: 70, expectedVersion: 0 },
      ],
    });
    expect(own.status).toBe(200);
    const other = await department.send<Problem>('PUT', '/api/values', {
      values: [{ unitId: communeId, year: YEAR, measure: 'income_per_capita', value: 1, expectedVersion: 8 }],
    });
    expect(other.status).toBe(403);
    expect(other.body.rows[0]?.message).toContain('Sở Giao thông vận tải');
    const poverty = await stored('multidimensional_poverty_rate');
    const verifyOther = await step(department, 'verify', [
      item('multidimensional_poverty_rate', poverty.version),
    ]);
    expect(verifyOther.status).toBe(403);
    expect((await step(commune, 'submit', [item('field_roads_share', 1)])).status).toBe(200);
    expect((await step(department, 'verify', [item('field_roads_share', 2)])).status).toBe(200);
  });

  it('audits every step under the name of the user who took it', async () => {
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['actor', 'unit_id'])
      .where('entity', '=', 'measure_value')
      .where('entity_id', 'like', `${communeId}|${YEAR}|%`)
      .execute();
    const actors = new Set(rows.map((r) => r.actor));
    const names = (list: DemoAccountRow[]) => list.map((a) => a.username);
    expect([...actors].sort()).toEqual(
      names([accounts.admin, accounts.commune, accounts.department, accounts.district]).sort(),
    );
    expect(rows.every((r) => r.unit_id === communeId)).toBe(true);
  });
});

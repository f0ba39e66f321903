import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComparisonResponse, PlanProgressResponse } from '../src/contract/plans';
import type { CandidatesResponse, RegistrationDetailResponse } from '../src/contract/registrations';
import type { TargetsResponse } from '../src/contract/targets';
import { communeOutside, demoAccountsOf } from './demo-accounts';
import { createTestApp, type TestApp, testDialect } from './harness';
import { type Session, signIn } from './sessions';

interface Problem {
  code: string;
  detail: string;
}

let t: TestApp;
let admin: Session;
let district: Session;
let commune: Session;
let districtId: string;
let outsideCommune: string;
let candidates: CandidatesResponse['candidates'];

async function registeredCount(): Promise<number> {
  const targets = await admin.get<TargetsResponse>('/api/targets?year=2021');
  return targets.body.targets.find((x) => x.metric === 'communes_advanced_new')?.registeredCount ?? -1;
}

async function auditCount(): Promise<number> {
  const row = await t.database.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await createTestApp({ seed: true, auth: { loginRateLimit: 1000 } });
  const accounts = await demoAccountsOf(t);
  districtId = accounts.district.unitId as string;
  outsideCommune = await communeOutside(t, districtId);
  admin = await signIn(t.app, accounts.admin.username);
  district = await signIn(t.app, accounts.district.username);
  commune = await signIn(t.app, accounts.commune.username);
});
afterAll(async () => {
  await t.close();
});

describe(`registration workflow on ${testDialect}`, () => {
  let registration: RegistrationDetailResponse;
  let before: number;

  it('ranks candidate communes of the district closest to advanced', async () => {
    const result = await district.get<CandidatesResponse>(
      `/api/candidates?year=2021&tier=advanced&unitId=${encodeURIComponent(districtId)}`,
    );
    expect(result.status).toBe(200);
    candidates = result.body.candidates;
    expect(candidates.length).toBeGreaterThanOrEqual(2);
    const missing = candidates.map((c) => c.criteriaMissing);
    expect(missing).toEqual([...missing].sort((a, b) => a - b));
    const outside = await district.get<Problem>(
      `/api/candidates?year=2021&tier=advanced&unitId=${encodeURIComponent(outsideCommune)}`,
    );
    expect(outside.status).toBe(403);
  });

  it('lets the district open its registration, not another unit’s', async () => {
    before = await registeredCount();
    const other = await district.send<Problem>('POST', '/api/registrations', {
      year: 2021,
      unitId: outsideCommune,
    });
    expect(other.status).toBe(403);
    const created = await district.send<RegistrationDetailResponse>('POST', '/api/registrations', {
      year: 2021,
      unitId: districtId,
    });
    expect(created.status).toBe(200);
    registration = created.body;
    expect(registration.registration.status).toBe('draft');
    expect(registration.canEdit).toBe(true);
    const again = await district.send<Problem>('POST', '/api/registrations', {
      year: 2021,
      unitId: districtId,
    });
    expect(again.status).toBe(409);
  });

  it('refuses a unit outside the district with 422 and writes nothing', async () => {
    const audits = await auditCount();
    const [a] = candidates;
    const result = await district.send<Problem>(
      'PUT',
      `/api/registrations/${registration.registration.id}/items`,
      {
        items: [
          { unitId: a?.unitId, tier: 'advanced', expectedMonth: 9 },
          { unitId: outsideCommune, tier: 'advanced', expectedMonth: 10 },
        ],
      },
    );
    expect(result.status).toBe(422);
    expect(result.body.code).toBe('unit_outside_registration');
    expect(result.body.detail).toContain('không thuộc địa bàn');
    const detail = await district.get<RegistrationDetailResponse>(
      `/api/registrations/${registration.registration.id}`,
    );
    expect(detail.body.versions[0]?.items).toEqual([]);
    expect(await auditCount()).toBe(audits);
  });

  it('refuses a village tier for a commune and a month out of range', async () => {
    const [a] = candidates;
    const tier = await district.send<Problem>(
      'PUT',
      `/api/registrations/${registration.registration.id}/items`,
      {
        items: [{ unitId: a?.unitId, tier: 'village_standard', expectedMonth: 9 }],
      },
    );
    expect(tier.status).toBe(422);
    const month = await district.send<Problem>(
      'PUT',
      `/api/registrations/${registration.registration.id}/items`,
      {
        items: [{ unitId: a?.unitId, tier: 'advanced', expectedMonth: 13 }],
      },
    );
    expect(month.status).toBe(422);
  });

  it('saves two candidates, submits, and locks the draft', async () => {
    const [a, b] = candidates;
    const saved = await district.send<RegistrationDetailResponse>(
      'PUT',
      `/api/registrations/${registration.registration.id}/items`,
      {
        items: [
          { unitId: a?.unitId, tier: 'advanced', expectedMonth: 9 },
          { unitId: b?.unitId, tier: 'advanced', expectedMonth: 11, note: 'Phấn đấu cuối năm' },
        ],
      },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.versions[0]?.items.map((i) => i.unitId)).toEqual([a?.unitId, b?.unitId]);
    const early = await admin.send<Problem>(
      'POST',
      `/api/registrations/${registration.registration.id}/review`,
      {
        decisions: [],
      },
    );
    expect(early.status).toBe(409);
    const submitted = await district.send<RegistrationDetailResponse>(
      'POST',
      `/api/registrations/${registration.registration.id}/submit`,
    );
    expect(submitted.status).toBe(200);
    expect(submitted.body.registration.status).toBe('submitted');
    const locked = await district.send<Problem>(
      'PUT',
      `/api/registrations/${registration.registration.id}/items`,
      {
        items: [],
      },
    );
    expect(locked.status).toBe(409);
    expect(locked.body.code).toBe('invalid_transition');
  });

  it('lets only the province review, and a rejection needs a reason', async () => {
    const [a, b] = candidates;
    const byDistrict = await district.send<Problem>(
      'POST',
      `/api/registrations/${registration.registration.id}/review`,
      {
        decisions: [],
      },
    );
    expect(byDistrict.status).toBe(403);
    const noReason = await admin.send<Problem>(
      'POST',
      `/api/registrations/${registration.registration.id}/review`,
      {
        decisions: [
          { unitId: a?.unitId, decision: 'accepted' },
          { unitId: b?.unitId, decision: 'rejected', reason: ' ' },
        ],
      },
    );
    expect(noReason.status).toBe(422);
    expect(noReason.body.code).toBe('reason_required');
    const still = await admin.get<RegistrationDetailResponse>(
      `/api/registrations/${registration.registration.id}`,
    );
    expect(still.body.registration.status).toBe('submitted');
    expect(still.body.versions[0]?.items.every((i) => i.decision === null)).toBe(true);
  });

  it('approves one and rejects one; progress counts only the approved unit', async () => {
    const [a, b] = candidates;
    const reviewed = await admin.send<RegistrationDetailResponse>(
      'POST',
      `/api/registrations/${registration.registration.id}/review`,
      {
        decisions: [
          { unitId: a?.unitId, decision: 'accepted' },
          { unitId: b?.unitId, decision: 'rejected', reason: 'Còn thiếu nhiều tiêu chí' },
        ],
      },
    );
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.registration.status).toBe('approved');
    expect(reviewed.body.registration.approvedVersion).toBe(1);
    expect(reviewed.body.versions[0]?.items.map((i) => i.decision)).toEqual(['accepted', 'rejected']);
    expect(await registeredCount()).toBe(before + 1);

    const progress = await admin.get<PlanProgressResponse>('/api/plans/progress?year=2021');
    const advanced = progress.body.targets.find((x) => x.target.metric === 'communes_advanced_new');
    const ids = advanced?.registered.map((r) => r.unitId) ?? [];
    expect(ids).toContain(a?.unitId);
    expect(ids).not.toContain(b?.unitId);
    expect(advanced?.forecast.assumptions.length).toBeGreaterThan(0);

    const notices = await district.get<{ notifications: { kind: string; message: string }[] }>(
      '/api/notifications',
    );
    const notice = notices.body.notifications.find((n) => n.kind === 'registration_reviewed');
    expect(notice?.message).toContain('Còn thiếu nhiều tiêu chí');
  });

  it('keeps the approved version readable while a revision shows what changed', async () => {
    const [a, b] = candidates;
    const revised = await district.send<RegistrationDetailResponse>(
      'POST',
      `/api/registrations/${registration.registration.id}/revise`,
    );
    expect(revised.status).toBe(200);
    expect(revised.body.versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'approved'],
      [2, 'draft'],
    ]);
    expect(revised.body.versions[1]?.items.map((i) => i.unitId)).toEqual([a?.unitId]);
    const edited = await district.send<RegistrationDetailResponse>(
      'PUT',
      `/api/registrations/${registration.registration.id}/items`,
      {
        items: [
          { unitId: a?.unitId, tier: 'advanced', expectedMonth: 12 },
          { unitId: b?.unitId, tier: 'advanced', expectedMonth: 12 },
        ],
      },
    );
    const changes = edited.body.versions[1]?.changes.map((c) => [c.kind, c.unitId]);
    expect(changes).toEqual([
      ['changed', a?.unitId],
      ['added', b?.unitId],
    ]);
    // Until the province reviews version 2, progress still counts version 1.
    expect(await registeredCount()).toBe(before + 1);
  });

  it('hides the district registration from a commune account', async () => {
    const read = await commune.get<Problem>(`/api/registrations/${registration.registration.id}`);
    expect(read.status).toBe(403);
  });
});

describe(`targets on ${testDialect}`, () => {
  it('refuses an unknown metric with 422 and a stable code, writing nothing', async () => {
    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('targets')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const result = await admin.send<Problem>('POST', '/api/targets', {
      year: 2021,
      scopeUnitId: districtId,
      metric: 'communes_happiest',
      value: 3,
      label: 'Không có loại này',
    });
    expect(result.status).toBe(422);
    expect(result.body.code).toBe('unknown_target_metric');
    expect(result.body.detail).toContain('communes_happiest');
    expect(await count()).toBe(before);
  });

  it('allocates a target to a district, compares districts, edits with a version and deletes', async () => {
    const byDistrict = await district.send<Problem>('POST', '/api/targets', {
      year: 2021,
      scopeUnitId: districtId,
      metric: 'communes_standard_new',
      value: 2,
      label: 'Huyện thêm 2 xã đạt chuẩn',
    });
    expect(byDistrict.status).toBe(403);
    const created = await admin.send<{ id: string; version: number }>('POST', '/api/targets', {
      year: 2021,
      scopeUnitId: districtId,
      metric: 'communes_standard_new',
      value: 2,
      label: 'Huyện thêm 2 xã đạt chuẩn',
    });
    expect(created.status).toBe(200);
    const comparison = await admin.get<ComparisonResponse>(
      '/api/plans/comparison?year=2021&targetId=demo:target:2021:communes_standard_new',
    );
    expect(comparison.status).toBe(200);
    const row = comparison.body.rows.find((r) => r.unitId === districtId);
    expect(row?.allocated).toBe(2);
    const sum = comparison.body.rows.reduce((s, r) => s + (r.actual ?? 0), 0);
    const province = await admin.get<TargetsResponse>('/api/targets?year=2021');
    expect(sum).toBe(
      province.body.targets.find((x) => x.id === 'demo:target:2021:communes_standard_new')?.actual,
    );

    const body = { value: 3, label: 'Huyện thêm 3 xã', params: {}, directiveId: null, note: null };
    const updated = await admin.send<{ version: number; value: number }>(
      'PUT',
      `/api/targets/${created.body.id}`,
      {
        ...body,
        expectedVersion: 1,
      },
    );
    expect(updated.body).toMatchObject({ version: 2, value: 3 });
    const stale = await admin.send<Problem>('PUT', `/api/targets/${created.body.id}`, {
      ...body,
      expectedVersion: 1,
    });
    expect(stale.status).toBe(409);
    const deleted = await admin.send('DELETE', `/api/targets/${created.body.id}`);
    expect(deleted.status).toBe(200);
  });

  it('refuses the modern tier before 2026 and a missing N', async () => {
    const modern = await admin.send<Problem>('POST', '/api/targets', {
      year: 2021,
      scopeUnitId: districtId,
      metric: 'communes_modern_new',
      value: 1,
      label: 'Hiện đại',
    });
    expect(modern.status).toBe(422);
    const under = await admin.send<Problem>('POST', '/api/targets', {
      year: 2021,
      scopeUnitId: districtId,
      metric: 'communes_under_criteria',
      value: 1,
      label: 'Dưới N',
    });
    expect(under.status).toBe(422);
    expect(under.body.detail).toContain('N');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccountsOf } from './demo-accounts';
import { createTestApp, type TestApp, testDialect } from './harness';
import { type Session, signIn } from './sessions';

interface Villages {
  villages: {
    unit: { id: string; name: string };
    status: string;
    criteriaMet: number;
    criteriaTotal: number;
    recognition: { decisionNumber: string | null } | null;
  }[];
}

interface Evaluation {
  evaluation: {
    criteriaMet: number;
    criteriaTotal: number;
    criteriaNoData: number;
    eligibility: { allCriteriaMet: boolean };
  };
}

let t: TestApp;
let commune: Session;
let communeId: string;
let siblingId: string;
let districtId: string;

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const accounts = await demoAccountsOf(t);
  commune = await signIn(t.app, accounts.commune.username);
  communeId = accounts.commune.unitId as string;
  const db = t.database.db;
  const own = await db
    .selectFrom('units')
    .select('parent_id')
    .where('id', '=', communeId)
    .executeTakeFirstOrThrow();
  districtId = own.parent_id as string;
  siblingId = (
    await db
      .selectFrom('units')
      .select('id')
      .where('parent_id', '=', districtId)
      .where('kind', '=', 'xa')
      .where('id', '!=', communeId)
      .orderBy('code')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await t?.close();
});

describe(`all villages of a commune in one request on ${testDialect}`, () => {
  it('judges every village of the commune as its own evaluation does', async () => {
    const batch = await commune.get<Villages>(
      `/api/units/${encodeURIComponent(communeId)}/villages/evaluation?year=2021`,
    );
    expect(batch.status).toBe(200);
    const children = await t.database.db
      .selectFrom('units')
      .select('id')
      .where('parent_id', '=', communeId)
      .where('level', '=', 'village')
      .where('valid_from', '<=', '2021-12-31')
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', '2021-12-31')]))
      .execute();
    expect(children.length).toBeGreaterThan(1);
    expect(new Set(batch.body.villages.map((v) => v.unit.id))).toEqual(new Set(children.map((c) => c.id)));
    const names = batch.body.villages.map((v) => v.unit.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('vi').compare));
    for (const village of batch.body.villages) {
      const one = await commune.get<Evaluation>(
        `/api/units/${encodeURIComponent(village.unit.id)}/evaluation?year=2021&tier=village_standard`,
      );
      expect(one.status).toBe(200);
      const e = one.body.evaluation;
      const status =
        e.criteriaNoData === e.criteriaTotal ? 'no_data' : e.eligibility.allCriteriaMet ? 'met' : 'not_met';
      expect([village.status, village.criteriaMet, village.criteriaTotal], village.unit.name).toEqual([
        status,
        e.criteriaMet,
        e.criteriaTotal,
      ]);
    }
  });

  it("refuses another commune's villages, and an area that is not a commune", async () => {
    const sibling = await commune.get<{ code: string }>(
      `/api/units/${encodeURIComponent(siblingId)}/villages/evaluation?year=2021`,
    );
    expect([sibling.status, sibling.body.code]).toEqual([403, 'forbidden']);
    const admin = await signIn(t.app, 'tinh.admin');
    const district = await admin.get<{ code: string }>(
      `/api/units/${encodeURIComponent(districtId)}/villages/evaluation?year=2021`,
    );
    expect([district.status, district.body.code]).toEqual([422, 'unit_not_evaluable']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UnitEvaluationResponse } from '../src/contract/evaluation';
import type { AlertListResponse, MaintenanceAlert } from '../src/contract/follow-up';
import { demoAccountsOf } from './demo-accounts';
import { createTestApp, type TestApp, testDialect } from './harness';
import { type Session, signIn } from './sessions';

let t: TestApp;
let department: Session;
let district: Session;
let commune: Session;
let districtId = '';
let communeId = '';

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const accounts = await demoAccountsOf(t);
  department = await signIn(t.app, accounts.department.username);
  district = await signIn(t.app, accounts.district.username);
  commune = await signIn(t.app, accounts.commune.username);
  districtId = accounts.district.unitId as string;
  communeId = accounts.commune.unitId as string;
});

afterAll(async () => {
  await t?.close();
});

/** A commune of the demo district recognised in 2021, and a numeric indicator it meets with an approved value. */
async function recognisedCommuneWithMetIndicator() {
  const recognised = await t.database.db
    .selectFrom('units')
    .innerJoin('recognitions', 'recognitions.unit_id', 'units.id')
    .select(['units.id'])
    .where('units.parent_id', '=', districtId)
    .where('units.kind', '=', 'xa')
    .where('recognitions.status', '=', 'decided')
    .where('recognitions.decision_date', '<=', '2021-12-31')
    .orderBy('units.code')
    .execute();
  for (const { id } of recognised) {
    const evaluation = (
      await t.inject({ method: 'GET', url: `/api/units/${id}/evaluation?year=2021` })
    ).json() as UnitEvaluationResponse;
    const values = await t.database.db
      .selectFrom('measure_values')
      .select(['measure_code', 'status', 'value_json', 'version'])
      .where('unit_id', '=', id)
      .where('year', '=', 2021)
      .execute();
    for (const criterion of evaluation.evaluation.criteria) {
      for (const indicator of criterion.indicators) {
        const stored = values.find((v) => v.measure_code === indicator.measure);
        const threshold = indicator.threshold?.value;
        if (
          indicator.outcome === 'met' &&
          stored?.status === 'approved' &&
          indicator.comparator === 'gte' &&
          typeof threshold === 'number' &&
          threshold > 0
        ) {
          return { unitId: id, criterion: criterion.number, indicator, stored, threshold };
        }
      }
    }
  }
  throw new Error('no recognised commune with a met, approved numeric indicator in the demo district');
}

const alerts = async (session: Session | TestApp, query: string) => {
  const response =
    'get' in session
      ? await session.get<AlertListResponse>(`/api/alerts?${query}`)
      : {
          status: 200,
          body: (
            await session.inject({ method: 'GET', url: `/api/alerts?${query}` })
          ).json() as AlertListResponse,
        };
  return response.body.alerts;
};

describe(`maintenance alerts (${testDialect})`, () => {
  it('seeds a demo alert on a recognised commune', async () => {
    const open = await alerts(t, 'year=2021');
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((a) => a.isDemo && a.status === 'open' && a.recognisedTier !== '')).toBe(true);
  });

  it('raises an alert when a met indicator of a recognised commune falls short, for its district and lead department', async () => {
    const { unitId, indicator, stored, threshold } = await recognisedCommuneWithMetIndicator();
    const write = await t.inject({
      method: 'PUT',
      url: '/api/values',
      payload: {
        values: [
          {
            unitId,
            year: 2021,
            measure: indicator.measure,
            value: threshold / 2,
            expectedVersion: stored.version,
          },
        ],
        correction: true,
        reason: 'Kiểm tra lại: chỉ tiêu không còn đạt',
      },
    });
    expect(write.statusCode).toBe(200);

    const forDistrict = await alerts(district, 'year=2021');
    const alert = forDistrict.find(
      (a) => a.unitId === unitId && a.indicatorCode === indicator.code,
    ) as MaintenanceAlert;
    expect(alert).toMatchObject({
      kind: 'not_met',
      status: 'open',
      year: 2021,
      canAcknowledge: true,
      isDemo: false,
    });
    expect(alert.gapSentence).toContain('thấp hơn ngưỡng');
    // A commune user sees only the alerts of its own commune; the district is told in its inbox.
    expect((await alerts(commune, 'year=2021')).some((a) => a.id === alert.id)).toBe(unitId === communeId);
    const inbox = await district.get<{ notifications: { kind: string; unitId: string | null }[] }>(
      '/api/notifications',
    );
    expect(inbox.body.notifications.some((n) => n.kind === 'maintenance_alert' && n.unitId === unitId)).toBe(
      true,
    );

    // Read again: judged once, not raised twice.
    expect(
      (await alerts(t, 'year=2021&status=all')).filter(
        (a) => a.unitId === unitId && a.indicatorCode === indicator.code,
      ),
    ).toHaveLength(1);

    if (alert.departmentCode !== 'transport') {
      const refused = await department.send<{ code: string }>('POST', `/api/alerts/${alert.id}/acknowledge`, {
        reason: 'Sở không phụ trách chỉ tiêu này',
      });
      expect(refused.status).toBe(403);
    }
    const short = await district.send<{ code: string }>('POST', `/api/alerts/${alert.id}/acknowledge`, {
      reason: 'ok',
    });
    expect(short.status).toBe(422);
    const acknowledged = await district.send<MaintenanceAlert>(
      'POST',
      `/api/alerts/${alert.id}/acknowledge`,
      {
        reason: 'Xã đã có kế hoạch khắc phục trong quý III, huyện theo dõi.',
      },
    );
    expect(acknowledged.body).toMatchObject({ status: 'acknowledged', acknowledgedBy: 'huyen.songxanh' });
    expect((await alerts(district, 'year=2021')).some((a) => a.id === alert.id)).toBe(false);
    expect((await alerts(district, 'year=2021&status=active')).some((a) => a.id === alert.id)).toBe(true);
    const again = await district.send<{ code: string }>('POST', `/api/alerts/${alert.id}/acknowledge`, {
      reason: 'Ghi nhận lần hai cho chắc chắn.',
    });
    expect(again.status).toBe(409);

    const current = await t.database.db
      .selectFrom('measure_values')
      .select('version')
      .where('unit_id', '=', unitId)
      .where('year', '=', 2021)
      .where('measure_code', '=', indicator.measure as string)
      .executeTakeFirstOrThrow();
    const restored = await t.inject({
      method: 'PUT',
      url: '/api/values',
      payload: {
        values: [
          {
            unitId,
            year: 2021,
            measure: indicator.measure,
            value: threshold,
            expectedVersion: current.version,
          },
        ],
        reason: 'Số liệu sau khắc phục',
      },
    });
    expect(restored.statusCode).toBe(200);
    const after = (await alerts(t, 'year=2021&status=all')).find((a) => a.id === alert.id);
    expect(after).toMatchObject({ status: 'resolved' });
    expect(after?.resolvedAt).not.toBeNull();
  });

  it('does not alert on a commune that is not recognised', async () => {
    const before = (await alerts(t, 'year=2021&status=all')).length;
    const editable = await t.database.db
      .selectFrom('measure_values')
      .innerJoin('units', 'units.id', 'measure_values.unit_id')
      .select([
        'measure_values.unit_id',
        'measure_values.measure_code',
        'measure_values.version',
        'measure_values.value_json',
      ])
      .where('units.kind', '=', 'xa')
      .where('measure_values.year', '=', 2021)
      .where('measure_values.status', 'in', ['draft', 'submitted'])
      .where('units.id', 'not in', t.database.db.selectFrom('recognitions').select('unit_id'))
      .orderBy('units.code')
      .executeTakeFirstOrThrow();
    const write = await t.inject({
      method: 'PUT',
      url: '/api/values',
      payload: {
        values: [
          {
            unitId: editable.unit_id,
            year: 2021,
            measure: editable.measure_code,
            value:
              typeof JSON.parse(editable.value_json) === 'boolean' ? !JSON.parse(editable.value_json) : 0,
            expectedVersion: editable.version,
          },
        ],
      },
    });
    expect(write.statusCode, write.body).toBe(200);
    expect((await alerts(t, 'year=2021&status=all')).length).toBe(before);
  });
});

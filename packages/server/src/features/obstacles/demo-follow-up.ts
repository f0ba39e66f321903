import {
  addDays,
  departmentsByCode,
  evaluateUnit,
  highestTierInForce,
  measuresByCode,
  yearEnd,
} from '@ntm/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { syncMaintenanceAlerts } from '../alerts/alerts.service';
import { appendAudit } from '../audit/audit.repository';
import { systemViewer, type Viewer } from '../auth/viewer';
import { chooseCriteriaSet, isRuralCommune } from '../evaluation/evaluation.service';
import { resolveValuesFor } from '../evaluation/resolved-values';
import { allRecognitions } from '../recognitions/recognitions.repository';
import { upsertOverride } from '../responsibility/responsibility.repository';
import { getUnitDirectory } from '../units/unit-directory';
import { writeValues } from '../values/values.service';
import { commentOnObstacle, moveObstacle, raiseObstacle } from './obstacles.service';

const DEMO_YEAR = 2021;
const DEMO_SET = 'demo-2016-2020-commune-standard';

/** Named contacts of the demo departments: invented names, labelled demo. */
const demoContacts: { criterion: string; department: string; name: string; phone: string }[] = [
  { criterion: '2', department: 'transport', name: 'Trần Văn Giao (dữ liệu demo)', phone: '0200 3800 102' },
  { criterion: '5', department: 'education', name: 'Lê Thị Học (dữ liệu demo)', phone: '0200 3800 105' },
  {
    criterion: '10',
    department: 'agriculture',
    name: 'Nguyễn Văn Nông (dữ liệu demo)',
    phone: '0200 3800 110',
  },
  { criterion: '15', department: 'health', name: 'Phạm Thị Yến (dữ liệu demo)', phone: '0200 3800 115' },
];

async function viewerOf(db: Kysely<Database>, username: string): Promise<Viewer | null> {
  const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  if (!row) return null;
  return {
    kind: 'user',
    user: {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role as 'commune',
      unitId: row.unit_id,
      departmentCode: row.department_code,
    },
    // The seed acts for the demo accounts without signing in; no request carries this session.
    session: { idHash: 'seed-demo', csrfToken: 'seed-demo' },
  };
}

/**
 * Makes a recognised demo commune slip on one indicator in the demo year, the way a new
 * survey would: the value goes through the ordinary write path and the alert follows from it.
 */
async function slipOneRecognisedCommune(db: Kysely<Database>, at: Date): Promise<void> {
  const directory = await getUnitDirectory(db);
  const recognitions = await allRecognitions(db);
  const recognised = [...directory.treeOn(yearEnd(DEMO_YEAR)).byId.values()]
    .filter(isRuralCommune)
    .filter(
      (u) =>
        highestTierInForce(
          recognitions.filter((r) => r.unitId === u.id),
          yearEnd(DEMO_YEAR),
        ) !== null,
    )
    .sort((a, b) => a.code.localeCompare(b.code));
  const statuses = new Map(
    (
      await db
        .selectFrom('measure_values')
        .select(['unit_id', 'measure_code', 'status'])
        .where('year', '=', DEMO_YEAR)
        .where(
          'unit_id',
          'in',
          recognised.map((u) => u.id),
        )
        .execute()
    ).map((r) => [`${r.unit_id}|${r.measure_code}`, r.status]),
  );
  const resolved = await resolveValuesFor(db, directory, recognised, DEMO_YEAR);
  for (const unit of recognised) {
    const set = chooseCriteriaSet(directory, unit, DEMO_YEAR, 'standard');
    const evaluation = evaluateUnit({
      set,
      unit,
      year: DEMO_YEAR,
      values: resolved.get(unit.id)?.values ?? new Map(),
      recognitions: recognitions.filter((r) => r.unitId === unit.id),
      measures: measuresByCode,
    });
    for (const criterion of evaluation.criteria) {
      for (const indicator of criterion.indicators) {
        const status = statuses.get(`${unit.id}|${indicator.measure}`);
        if (
          indicator.outcome !== 'met' ||
          indicator.measure === null ||
          (status !== 'approved' && status !== 'draft')
        )
          continue;
        const threshold = indicator.threshold?.value;
        if (typeof threshold !== 'number' || !['gte', 'gt'].includes(indicator.comparator) || threshold <= 0)
          continue;
        await writeValues(
          db,
          systemViewer('seed-demo'),
          {
            values: [
              {
                unitId: unit.id,
                year: DEMO_YEAR,
                measure: indicator.measure,
                value: Math.round(threshold * 0.8 * 10) / 10,
                source: 'Số liệu rà soát giữa năm (dữ liệu demo: minh họa cảnh báo duy trì)',
              },
            ],
            reason: 'Dữ liệu demo: rà soát giữa năm cho thấy chỉ tiêu không còn đạt',
            ...(status === 'approved' ? { correction: true } : {}),
          },
          () => at,
        );
        return;
      }
    }
  }
}

/**
 * The follow-up part of "Tỉnh Demo": contacts of some departments, obstacles in every state
 * raised by the demo commune and handled by the demo department, and a maintenance alert on a
 * recognised commune. Deterministic: the same accounts, units and dates on every seed.
 */
export async function seedFollowUpDemo(db: Kysely<Database>, at: Date): Promise<void> {
  const stamp = at.toISOString();
  for (const contact of demoContacts) {
    if (!departmentsByCode.has(contact.department)) continue;
    await upsertOverride(db, {
      criteria_set_id: DEMO_SET,
      year: DEMO_YEAR,
      criterion_number: contact.criterion,
      indicator_code: '',
      department_code: contact.department,
      contact_name: contact.name,
      contact_phone: contact.phone,
      contact_email: null,
      is_demo: 1,
      updated_at: stamp,
      updated_by: 'seed-demo',
    });
  }
  await appendAudit(
    db,
    [
      {
        actor: 'seed-demo',
        action: 'import',
        entity: 'responsibility',
        entityId: `${DEMO_SET}|${DEMO_YEAR}`,
        before: null,
        after: demoContacts,
        reason: 'Nạp người liên hệ minh họa (dữ liệu demo)',
      },
    ],
    stamp,
  );

  // The values as seeded are the baseline; only changes after it raise alerts.
  await syncMaintenanceAlerts(db, { now: at, isDemo: true });

  const commune = await viewerOf(db, 'xa.thinhthanh');
  const department = await viewerOf(db, 'so.gtvt');
  const communeUnit = commune?.kind === 'user' ? commune.user.unitId : null;
  if (commune && department && communeUnit) {
    const day = (offset: number) => new Date(Date.parse(`${addDays(stamp, offset)}T02:00:00Z`));
    const raise = (
      offset: number,
      criterionNumber: string,
      severity: 'low' | 'normal' | 'high' | 'urgent',
      title: string,
      description: string,
    ) =>
      raiseObstacle(
        db,
        commune,
        {
          unitId: communeUnit,
          year: DEMO_YEAR,
          criterionNumber,
          indicatorCode: null,
          severity,
          title,
          description,
          attachmentIds: [],
        },
        { now: day(offset), isDemo: true },
      );
    await raise(
      -2,
      '2',
      'normal',
      'Thiếu vốn cứng hóa đường trục thôn (dữ liệu demo)',
      'Còn 2,4 km đường trục thôn Đông chưa được cứng hóa; xã đã huy động nhân dân đóng góp nhưng còn thiếu vốn đối ứng.',
    );
    const started = await raise(
      -20,
      '2',
      'high',
      'Chưa có thiết kế mẫu cầu dân sinh (dữ liệu demo)',
      'Xã cần thiết kế mẫu cho 3 cầu dân sinh nhỏ để lập hồ sơ, đề nghị Sở hướng dẫn.',
    );
    await moveObstacle(
      db,
      department,
      started.id,
      { action: 'start', text: '', expectedVersion: started.version },
      day(-18),
    );
    await commentOnObstacle(
      db,
      department,
      started.id,
      { body: 'Sở đang rà soát thiết kế mẫu, dự kiến gửi xã trong tháng (dữ liệu demo).', attachmentIds: [] },
      day(-18),
    );
    const overdue = await raise(
      -45,
      '2',
      'urgent',
      'Sạt lở đường liên xã sau mưa lũ (dữ liệu demo)',
      'Đoạn đường liên xã dài 300 m bị sạt lở, cần hỗ trợ khắc phục khẩn cấp để giữ tiêu chí giao thông.',
    );
    await moveObstacle(
      db,
      department,
      overdue.id,
      { action: 'start', text: '', expectedVersion: overdue.version },
      day(-44),
    );
    const resolved = await raise(
      -60,
      '2',
      'low',
      'Biển báo giao thông thôn Bắc bị hư hỏng (dữ liệu demo)',
      'Một số biển báo trên đường thôn Bắc bị hư hỏng, cần hướng dẫn nguồn kinh phí thay thế.',
    );
    await moveObstacle(
      db,
      department,
      resolved.id,
      {
        action: 'resolve',
        text: 'Đã bố trí kinh phí bảo trì năm 2021 để thay biển báo (dữ liệu demo).',
        expectedVersion: resolved.version,
      },
      day(-40),
    );
    const rejected = await raise(
      -30,
      '2',
      'normal',
      'Đề nghị hỗ trợ xây trường mầm non (dữ liệu demo)',
      'Xã đề nghị hỗ trợ vốn xây dựng điểm trường mầm non thôn Nam.',
    );
    await moveObstacle(
      db,
      department,
      rejected.id,
      {
        action: 'reject',
        text: 'Nội dung thuộc tiêu chí 5 Trường học do Sở Giáo dục và Đào tạo phụ trách; đề nghị xã nêu lại đúng tiêu chí (dữ liệu demo).',
        expectedVersion: rejected.version,
      },
      day(-28),
    );
  }

  await slipOneRecognisedCommune(db, at);
  await syncMaintenanceAlerts(db, { now: at, isDemo: true });
  // The demo's history happened before anyone signs in: its notifications are already read, so
  // each demo inbox starts empty and shows only what the visitor does.
  await db.updateTable('notifications').set({ read_at: stamp }).where('read_at', 'is', null).execute();
}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { DemoDataset } from '../../demo';
import { insertReports, insertTasks } from '../directives/directives.repository';
import { insertRegistration, insertVersion } from '../registrations/registrations.repository';

const SEEDER = 'seed-demo';

/** The directive's tasks with their reports, and the districts' registrations with every version. */
export async function seedDemoPlans(db: Kysely<Database>, demo: DemoDataset): Promise<void> {
  await insertTasks(
    db,
    demo.tasks.map((t) => ({
      id: t.id,
      directive_id: t.directiveId,
      number: t.number,
      content: t.content,
      assignee_department: t.assigneeDepartment,
      assignee_unit_id: t.assigneeUnitId,
      deadline: t.deadline,
      status: t.status,
      completed_on: t.completedOn,
      overdue_notified_at: null,
      is_demo: 1,
      version: 1,
      created_at: `${demo.directive.date}T02:00:00.000Z`,
      created_by: SEEDER,
      updated_at: `${t.reports.at(-1)?.reportedOn ?? demo.directive.date}T02:00:00.000Z`,
      updated_by: SEEDER,
    })),
  );
  await insertReports(
    db,
    demo.tasks.flatMap((t) =>
      t.reports.map((r) => ({
        id: r.id,
        task_id: t.id,
        reported_on: r.reportedOn,
        content: r.content,
        progress_percent: r.progressPercent,
        status_after: r.statusAfter,
        is_demo: 1,
        created_at: `${r.reportedOn}T09:00:00.000Z`,
        created_by: SEEDER,
      })),
    ),
  );
  for (const registration of demo.registrations) {
    const last = registration.versions.at(-1);
    const first = registration.versions[0];
    if (!last || !first) continue;
    const approved = [...registration.versions].reverse().find((v) => v.status === 'approved');
    const items = (v: (typeof registration.versions)[number]) =>
      v.items.map((item, seq) => ({
        registration_id: registration.id,
        version: v.version,
        seq,
        unit_id: item.unitId,
        tier: item.tier,
        expected_month: item.expectedMonth,
        note: item.note,
        decision: item.decision,
        decision_reason: item.reason,
        approved_tier: item.approvedTier,
        approved_month: item.approvedMonth,
      }));
    const version = (v: (typeof registration.versions)[number]) => ({
      registration_id: registration.id,
      version: v.version,
      status: v.status,
      created_at: v.submittedAt,
      created_by: SEEDER,
      submitted_at: v.submittedAt,
      submitted_by: SEEDER,
      reviewed_at: v.reviewedAt,
      reviewed_by: v.reviewedAt ? SEEDER : null,
      note: null,
    });
    await insertRegistration(
      db,
      {
        id: registration.id,
        year: registration.year,
        unit_id: registration.unitId,
        status: last.status,
        current_version: last.version,
        approved_version: approved?.version ?? null,
        is_demo: 1,
        created_at: first.submittedAt,
        created_by: SEEDER,
        updated_at: last.reviewedAt ?? last.submittedAt,
        updated_by: SEEDER,
      },
      version(first),
      items(first),
    );
    for (const v of registration.versions.slice(1)) {
      await insertVersion(db, version(v));
      await db.insertInto('registration_items').values(items(v)).execute();
    }
  }
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectiveDetailResponse, TaskListResponse } from '../src/contract/directives';
import { runReminders } from '../src/features/reminders/reminders.service';
import { demoAccountsOf } from './demo-accounts';
import { createTestApp, type TestApp, testDialect } from './harness';
import { type Session, signIn } from './sessions';

interface Problem {
  code: string;
  detail: string;
}
interface Notifications {
  notifications: { kind: string; message: string }[];
}

const DIRECTIVE = 'demo:directive:2021-06';

let t: TestApp;
let admin: Session;
let district: Session;
let department: Session;
let districtId: string;

async function taskCount(): Promise<number> {
  const row = await t.database.db
    .selectFrom('directive_tasks')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await createTestApp({ seed: true, auth: { loginRateLimit: 1000 } });
  const accounts = await demoAccountsOf(t);
  districtId = accounts.district.unitId as string;
  admin = await signIn(t.app, accounts.admin.username);
  district = await signIn(t.app, accounts.district.username);
  department = await signIn(t.app, accounts.department.username);
});
afterAll(async () => {
  await t.close();
});

describe(`directive tasks and deadlines on ${testDialect}`, () => {
  let taskId: string;

  it('shows the seeded directive with its tasks, the unregistered district’s one overdue', async () => {
    const detail = await district.get<DirectiveDetailResponse>(
      `/api/directives/${encodeURIComponent(DIRECTIVE)}`,
    );
    expect(detail.status).toBe(200);
    expect(detail.body.directive.number).toBe('06/CT-UBND');
    const agriculture = detail.body.tasks.find((x) => x.number === '1');
    expect(agriculture).toMatchObject({ deadline: '2021-03-31', status: 'done', overdue: false });
    const own = detail.body.tasks.find((x) => x.assignee.kind === 'unit' && x.assignee.unitId === districtId);
    expect(own).toMatchObject({ status: 'open', overdue: true, canReport: true });
    expect(detail.body.tasks.filter((x) => x.canReport).map((x) => x.id)).toEqual([own?.id]);
  });

  it('refuses a deadline before the directive with 422, writing nothing', async () => {
    const before = await taskCount();
    const result = await admin.send<Problem>(
      'POST',
      `/api/directives/${encodeURIComponent(DIRECTIVE)}/tasks`,
      {
        number: '7',
        content: 'Nhiệm vụ có hạn sai',
        assignee: { kind: 'unit', unitId: districtId },
        deadline: '2021-03-01',
      },
    );
    expect(result.status).toBe(422);
    expect(result.body.code).toBe('deadline_before_directive');
    expect(result.body.detail).toContain('12/03/2021');
    expect(await taskCount()).toBe(before);
  });

  it('refuses an unknown department and a write by a non-admin', async () => {
    const unknown = await admin.send<Problem>(
      'POST',
      `/api/directives/${encodeURIComponent(DIRECTIVE)}/tasks`,
      {
        number: '7',
        content: 'Nhiệm vụ',
        assignee: { kind: 'department', departmentCode: 'khong-co' },
        deadline: '2021-05-01',
      },
    );
    expect(unknown.status).toBe(422);
    const byDistrict = await district.send<Problem>(
      'POST',
      `/api/directives/${encodeURIComponent(DIRECTIVE)}/tasks`,
      {
        number: '7',
        content: 'Nhiệm vụ',
        assignee: { kind: 'unit', unitId: districtId },
        deadline: '2021-05-01',
      },
    );
    expect(byDistrict.status).toBe(403);
  });

  it('tells the assignee of a new task, and once that it is overdue', async () => {
    const created = await admin.send<DirectiveDetailResponse>(
      'POST',
      `/api/directives/${encodeURIComponent(DIRECTIVE)}/tasks`,
      {
        number: '7',
        content: 'Báo cáo kết quả rà soát tiêu chí môi trường của các xã',
        assignee: { kind: 'unit', unitId: districtId },
        deadline: '2021-05-20',
      },
    );
    expect(created.status).toBe(200);
    const task = created.body.tasks.find((x) => x.number === '7');
    taskId = task?.id ?? '';
    expect(task).toMatchObject({ overdue: true, status: 'open' });

    await district.get<TaskListResponse>('/api/tasks?overdue=true');
    const overdue = await district.get<TaskListResponse>('/api/tasks?overdue=true&mine=true');
    expect(overdue.body.tasks.map((x) => x.id)).toContain(taskId);
    expect(overdue.body.tasks.every((x) => x.overdue)).toBe(true);

    const notices = await district.get<Notifications>('/api/notifications');
    const about = notices.body.notifications.filter((n) => n.message.includes('tiêu chí môi trường'));
    expect(about.map((n) => n.kind).sort()).toEqual(['task_assigned', 'task_overdue']);
    // The seeded task of the district is overdue too, and told once however often tasks are read.
    const seeded = notices.body.notifications.filter((n) => n.kind === 'task_overdue');
    expect(seeded).toHaveLength(2);
  });

  it('tells the assignee of an overdue task from the reminder job, when nobody reads the tasks', async () => {
    const tomorrow = new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10);
    const created = await admin.send<DirectiveDetailResponse>(
      'POST',
      `/api/directives/${encodeURIComponent(DIRECTIVE)}/tasks`,
      {
        number: '8',
        content: 'Tổng hợp kiến nghị của các xã về tiêu chí thủy lợi',
        assignee: { kind: 'unit', unitId: districtId },
        deadline: tomorrow,
      },
    );
    expect(created.status).toBe(200);
    const overdueNotices = async () =>
      (
        await t.database.db
          .selectFrom('notifications')
          .select('message')
          .where('kind', '=', 'task_overdue')
          .execute()
      ).filter((n) => n.message.includes('tiêu chí thủy lợi'));
    expect(await overdueNotices()).toHaveLength(0);
    // Three days on, the job that runs in the server process finds it overdue; a second run tells no one again.
    const later = new Date(Date.now() + 3 * 24 * 3600 * 1000);
    const run = await runReminders(t.database.db, { now: later });
    expect(run.notifications).toBeGreaterThan(0);
    expect(await overdueNotices()).toHaveLength(1);
    await runReminders(t.database.db, { now: later });
    expect(await overdueNotices()).toHaveLength(1);
  });

  it('lets only the assignee report, on a date from the directive to today, and clears the overdue flag', async () => {
    const byDepartment = await department.send<Problem>(
      'POST',
      `/api/tasks/${encodeURIComponent(taskId)}/reports`,
      {
        reportedOn: '2021-05-15',
        content: 'Không phải việc của sở',
        status: 'in_progress',
      },
    );
    expect(byDepartment.status).toBe(403);
    const tooEarly = await district.send<Problem>(
      'POST',
      `/api/tasks/${encodeURIComponent(taskId)}/reports`,
      {
        reportedOn: '2021-01-15',
        content: 'Báo cáo trước chỉ thị',
        status: 'in_progress',
      },
    );
    expect(tooEarly.status).toBe(422);
    const missingFile = await district.send<Problem>(
      'POST',
      `/api/tasks/${encodeURIComponent(taskId)}/reports`,
      {
        reportedOn: '2021-05-15',
        content: 'Có tệp không tồn tại',
        status: 'in_progress',
        attachmentIds: ['khong-co'],
      },
    );
    expect(missingFile.status).toBe(422);
    const done = await district.send<DirectiveDetailResponse>(
      'POST',
      `/api/tasks/${encodeURIComponent(taskId)}/reports`,
      {
        reportedOn: '2021-05-18',
        content: 'Đã gửi báo cáo rà soát',
        progressPercent: 100,
        status: 'done',
      },
    );
    expect(done.status).toBe(200);
    const task = done.body.tasks.find((x) => x.id === taskId);
    expect(task).toMatchObject({ status: 'done', completedOn: '2021-05-18', overdue: false });
    expect(task?.reports.map((r) => r.content)).toEqual(['Đã gửi báo cáo rà soát']);
  });

  it('edits a task with its version and tells a new assignee', async () => {
    const current = await admin.get<DirectiveDetailResponse>(
      `/api/directives/${encodeURIComponent(DIRECTIVE)}`,
    );
    const task = current.body.tasks.find((x) => x.id === taskId);
    const body = {
      number: '7',
      content: 'Báo cáo kết quả rà soát tiêu chí môi trường của các xã',
      assignee: { kind: 'department', departmentCode: 'transport' },
      deadline: '2021-06-30',
      status: 'open',
    };
    const updated = await admin.send<DirectiveDetailResponse>(
      'PUT',
      `/api/tasks/${encodeURIComponent(taskId)}`,
      {
        ...body,
        expectedVersion: task?.version,
      },
    );
    expect(updated.status).toBe(200);
    const stale = await admin.send<Problem>('PUT', `/api/tasks/${encodeURIComponent(taskId)}`, {
      ...body,
      expectedVersion: task?.version,
    });
    expect(stale.status).toBe(409);
    const early = await admin.send<Problem>('PUT', `/api/tasks/${encodeURIComponent(taskId)}`, {
      ...body,
      deadline: '2020-12-31',
      expectedVersion: (task?.version ?? 0) + 1,
    });
    expect(early.body.code).toBe('deadline_before_directive');
    const notices = await department.get<Notifications>('/api/notifications');
    expect(
      notices.body.notifications.some((n) => n.kind === 'task_assigned' && n.message.includes('môi trường')),
    ).toBe(true);
  });

  it('refuses moving the directive after a task deadline', async () => {
    const result = await admin.send<Problem>('PUT', `/api/directives/${encodeURIComponent(DIRECTIVE)}`, {
      number: '06/CT-UBND',
      date: '2021-05-01',
      issuer: 'Ủy ban nhân dân Tỉnh Demo',
      title: 'Chỉ thị (dữ liệu demo)',
      text: '',
    });
    expect(result.status).toBe(422);
    expect(result.body.code).toBe('deadline_before_directive');
  });
});

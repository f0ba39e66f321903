import { randomUUID } from 'node:crypto';
import {
  daysOverdue,
  departmentsByCode,
  formatDate,
  isTaskOverdue,
  TaskStatus,
  taskStatusLabels,
} from '@ntm/core';
import type { Kysely } from 'kysely';
import type {
  DirectiveDetailResponse,
  DirectiveListResponse,
  DirectiveWriteRequest,
  TaskReportRequest,
  TaskSchema,
  TaskUpdateRequest,
  TaskWriteRequest,
} from '../../contract/directives';
import type { Database, DirectivesTable } from '../../db/schema';
import { AppError } from '../../errors';
import { requireAttachments } from '../attachments/attachments.service';
import { appendAudit } from '../audit/audit.repository';
import { type AccessScope, scopeOf } from '../auth/access-scope';
import { actorName, type Viewer } from '../auth/viewer';
import { insertNotifications } from '../notifications/notifications.repository';
import type { DirectiveTasksTable } from '../plans/plans.tables';
import { vietnamToday } from '../plans/vietnam-day';
import { getUnitDirectory, type UnitDirectory } from '../units/unit-directory';
import {
  allDirectives,
  attachmentsOfReports,
  claimOverdueNotice,
  directiveById,
  insertDirective,
  insertReports,
  insertTasks,
  linkAttachments,
  overdueUnnotified,
  reportsOf,
  taskById,
  tasksOf,
  updateDirectiveRow,
  updateTaskRow,
} from './directives.repository';

type Assignee = TaskSchema['assignee'];

function assigneeOf(row: DirectiveTasksTable): Assignee {
  return row.assignee_department !== null
    ? { kind: 'department', departmentCode: row.assignee_department }
    : { kind: 'unit', unitId: row.assignee_unit_id ?? '' };
}

function assigneeName(directory: UnitDirectory, assignee: Assignee): string {
  return assignee.kind === 'department'
    ? (departmentsByCode.get(assignee.departmentCode)?.name ?? assignee.departmentCode)
    : (directory.byId.get(assignee.unitId)?.name ?? assignee.unitId);
}

/** The assignee reports on its task; the coordination office may report for anyone. */
function mayReport(scope: AccessScope, row: DirectiveTasksTable): boolean {
  if (!scope.has('report_task_progress')) return false;
  const viewer = scope.viewer;
  if (viewer.kind === 'system') return true;
  if (viewer.kind !== 'user') return false;
  const user = viewer.user;
  if (user.role === 'province_admin') return true;
  if (row.assignee_department !== null)
    return user.role === 'department' && user.departmentCode === row.assignee_department;
  return user.unitId !== null && user.unitId === row.assignee_unit_id;
}

function isAssignedTo(scope: AccessScope, row: DirectiveTasksTable): boolean {
  const viewer = scope.viewer;
  if (viewer.kind !== 'user') return false;
  const user = viewer.user;
  return row.assignee_department !== null
    ? user.role === 'department' && user.departmentCode === row.assignee_department
    : user.unitId !== null && user.unitId === row.assignee_unit_id;
}

function presentTask(
  directory: UnitDirectory,
  scope: AccessScope,
  directive: DirectivesTable | undefined,
  row: DirectiveTasksTable,
  today: string,
  last: { reportedOn: string; progressPercent: number | null } | null,
): TaskSchema {
  const status = TaskStatus.parse(row.status);
  const assignee = assigneeOf(row);
  return {
    id: row.id,
    directiveId: row.directive_id,
    directiveNumber: directive?.number ?? '',
    number: row.number,
    content: row.content,
    assignee,
    assigneeName: assigneeName(directory, assignee),
    deadline: row.deadline,
    status,
    completedOn: row.completed_on,
    overdue: isTaskOverdue({ status, deadline: row.deadline }, today),
    daysOverdue: daysOverdue({ status, deadline: row.deadline }, today),
    version: row.version,
    isDemo: row.is_demo === 1,
    canReport: mayReport(scope, row),
    lastReport: last,
  };
}

async function accountsOfAssignee(
  db: Kysely<Database>,
  row: Pick<DirectiveTasksTable, 'assignee_department' | 'assignee_unit_id'>,
): Promise<string[]> {
  let query = db.selectFrom('users').select('id').where('active', '=', 1);
  query =
    row.assignee_department !== null
      ? query.where('role', '=', 'department').where('department_code', '=', row.assignee_department)
      : query.where('unit_id', '=', row.assignee_unit_id ?? '');
  return (await query.execute()).map((r) => r.id);
}

/**
 * Tells each assignee, once, that a task of theirs is overdue. Run by the reminder job and whenever
 * tasks are read: a deadline passes without any write, and the claim on each task keeps two
 * processes from both telling.
 */
export async function notifyOverdueTasks(db: Kysely<Database>, now: Date = new Date()): Promise<number> {
  const today = vietnamToday(now);
  const due = await overdueUnnotified(db, today);
  if (due.length === 0) return 0;
  const directives = new Map((await allDirectives(db)).map((d) => [d.id, d]));
  const at = now.toISOString();
  let told = 0;
  for (const task of due) {
    await db.transaction().execute(async (trx) => {
      if (!(await claimOverdueNotice(trx, task.id, at))) return;
      const directive = directives.get(task.directive_id);
      await notifyAssignee(trx, task, {
        kind: 'task_overdue',
        message: `Nhiệm vụ ${task.number} của Chỉ thị ${directive?.number ?? ''} đã quá hạn (hạn ${formatDate(task.deadline)}): ${task.content}`,
        actor: 'system',
        at,
      });
      told += 1;
    });
  }
  return told;
}

function summarise(directive: DirectivesTable, tasks: readonly DirectiveTasksTable[], today: string) {
  const own = tasks.filter((t) => t.directive_id === directive.id);
  return {
    id: directive.id,
    number: directive.number,
    date: directive.date,
    issuer: directive.issuer,
    title: directive.title,
    text: directive.summary,
    isDemo: directive.is_demo === 1,
    taskCount: own.length,
    doneCount: own.filter((t) => t.status === 'done').length,
    overdueCount: own.filter((t) =>
      isTaskOverdue({ status: TaskStatus.parse(t.status), deadline: t.deadline }, today),
    ).length,
  };
}

export async function listDirectives(
  db: Kysely<Database>,
  viewer: Viewer,
  now: Date = new Date(),
): Promise<DirectiveListResponse> {
  await notifyOverdueTasks(db, now);
  const today = vietnamToday(now);
  const [directives, tasks, directory] = await Promise.all([
    allDirectives(db),
    tasksOf(db),
    getUnitDirectory(db),
  ]);
  return {
    directives: directives.map((d) => summarise(d, tasks, today)),
    canManage: scopeOf(directory, viewer).has('manage_plans'),
  };
}

async function requireDirective(db: Kysely<Database>, id: string): Promise<DirectivesTable> {
  const row = await directiveById(db, id);
  if (!row) throw new AppError('not_found', `Không tìm thấy chỉ thị "${id}".`);
  return row;
}

export async function directiveDetail(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  now: Date = new Date(),
): Promise<DirectiveDetailResponse> {
  await notifyOverdueTasks(db, now);
  const today = vietnamToday(now);
  const directive = await requireDirective(db, id);
  const [tasks, directory] = await Promise.all([tasksOf(db, [id]), getUnitDirectory(db)]);
  const scope = scopeOf(directory, viewer);
  const reports = await reportsOf(
    db,
    tasks.map((t) => t.id),
  );
  const files = await attachmentsOfReports(
    db,
    reports.map((r) => r.id),
  );
  return {
    directive: summarise(directive, tasks, today),
    tasks: tasks.map((task) => {
      const own = reports.filter((r) => r.task_id === task.id);
      const last = own.at(-1);
      return {
        ...presentTask(
          directory,
          scope,
          directive,
          task,
          today,
          last ? { reportedOn: last.reported_on, progressPercent: last.progress_percent } : null,
        ),
        reports: own.map((r) => ({
          id: r.id,
          taskId: r.task_id,
          reportedOn: r.reported_on,
          content: r.content,
          progressPercent: r.progress_percent,
          statusAfter: TaskStatus.parse(r.status_after),
          createdAt: r.created_at,
          createdBy: r.created_by,
          isDemo: r.is_demo === 1,
          attachments: files
            .filter((f) => f.report_id === r.id)
            .map((f) => ({
              id: f.id,
              fileName: f.file_name,
              mediaType: f.media_type,
              sizeBytes: Number(f.size_bytes),
            })),
        })),
      };
    }),
    canManage: scope.has('manage_plans'),
    today,
  };
}

export async function listTasks(
  db: Kysely<Database>,
  viewer: Viewer,
  query: { overdue?: 'true' | 'false'; mine?: 'true' | 'false' },
  now: Date = new Date(),
) {
  await notifyOverdueTasks(db, now);
  const today = vietnamToday(now);
  const [directives, tasks, directory] = await Promise.all([
    allDirectives(db),
    tasksOf(db),
    getUnitDirectory(db),
  ]);
  const scope = scopeOf(directory, viewer);
  const byId = new Map(directives.map((d) => [d.id, d]));
  const reports = await reportsOf(
    db,
    tasks.map((t) => t.id),
  );
  const lastOf = new Map(
    reports.map((r) => [r.task_id, { reportedOn: r.reported_on, progressPercent: r.progress_percent }]),
  );
  const presented = tasks
    .filter((t) => query.mine !== 'true' || isAssignedTo(scope, t))
    .map((t) => presentTask(directory, scope, byId.get(t.directive_id), t, today, lastOf.get(t.id) ?? null))
    .filter((t) => query.overdue !== 'true' || t.overdue)
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.deadline.localeCompare(b.deadline));
  return { today, tasks: presented };
}

function directiveFields(request: DirectiveWriteRequest) {
  return {
    number: request.number,
    date: request.date,
    issuer: request.issuer,
    title: request.title,
    summary: request.text,
  };
}

export async function createDirective(
  db: Kysely<Database>,
  viewer: Viewer,
  request: DirectiveWriteRequest,
  now: Date = new Date(),
): Promise<DirectiveDetailResponse> {
  const row: DirectivesTable = { id: `directive:${randomUUID()}`, ...directiveFields(request), is_demo: 0 };
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    await insertDirective(trx, row);
    await appendAudit(
      trx,
      [
        {
          actor: actorName(viewer),
          action: 'create',
          entity: 'directive',
          entityId: row.id,
          before: null,
          after: row,
        },
      ],
      at,
    );
  });
  return directiveDetail(db, viewer, row.id, now);
}

function deadlineBeforeDirective(
  directive: Pick<DirectivesTable, 'number' | 'date'>,
  deadline: string,
  task: string,
): AppError {
  return new AppError(
    'deadline_before_directive',
    `Thời hạn ${formatDate(deadline)} của nhiệm vụ ${task} trước ngày ban hành Chỉ thị ${directive.number} (${formatDate(directive.date)}); thời hạn phải từ ngày ban hành trở đi.`,
  );
}

export async function updateDirective(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  request: DirectiveWriteRequest,
  now: Date = new Date(),
): Promise<DirectiveDetailResponse> {
  await db.transaction().execute(async (trx) => {
    const before = await requireDirective(trx, id);
    const fields = directiveFields(request);
    const early = (await tasksOf(trx, [id])).find((t) => t.deadline < fields.date);
    if (early) throw deadlineBeforeDirective({ ...before, ...fields }, early.deadline, early.number);
    await updateDirectiveRow(trx, id, fields);
    await appendAudit(
      trx,
      [
        {
          actor: actorName(viewer),
          action: 'update',
          entity: 'directive',
          entityId: id,
          before,
          after: { ...before, ...fields },
        },
      ],
      now.toISOString(),
    );
  });
  return directiveDetail(db, viewer, id, now);
}

async function checkAssignee(db: Kysely<Database>, assignee: Assignee): Promise<void> {
  if (assignee.kind === 'department') {
    if (!departmentsByCode.has(assignee.departmentCode)) {
      throw new AppError(
        'validation_failed',
        `Không có sở, ngành mã "${assignee.departmentCode}" để giao nhiệm vụ.`,
      );
    }
    return;
  }
  const unit = (await getUnitDirectory(db)).byId.get(assignee.unitId);
  if (!unit || (unit.level !== 'district' && unit.level !== 'commune')) {
    throw new AppError(
      'validation_failed',
      unit
        ? `Chỉ giao nhiệm vụ cho sở, ngành, huyện hoặc xã; ${unit.name} không phải huyện hay xã.`
        : `Không tìm thấy đơn vị "${assignee.unitId}" để giao nhiệm vụ.`,
    );
  }
}

/** A notice to every account of a task's assignee, filed under the task's unit and deadline year. */
async function notifyAssignee(
  db: Kysely<Database>,
  task: DirectiveTasksTable,
  notice: { kind: string; message: string; actor: string; at: string },
): Promise<void> {
  const recipients = await accountsOfAssignee(db, task);
  await insertNotifications(
    db,
    recipients.map((userId) => ({
      user_id: userId,
      at: notice.at,
      kind: notice.kind,
      message: notice.message,
      unit_id: task.assignee_unit_id,
      year: Number(task.deadline.slice(0, 4)),
      actor: notice.actor,
      read_at: null,
    })),
  );
}

async function notifyAssigned(
  db: Kysely<Database>,
  viewer: Viewer,
  directive: DirectivesTable,
  task: DirectiveTasksTable,
  at: string,
): Promise<void> {
  await notifyAssignee(db, task, {
    kind: 'task_assigned',
    message: `Được giao nhiệm vụ ${task.number} của Chỉ thị ${directive.number}, hạn ${formatDate(task.deadline)}: ${task.content}`,
    actor: actorName(viewer),
    at,
  });
}

export async function createTask(
  db: Kysely<Database>,
  viewer: Viewer,
  directiveId: string,
  request: TaskWriteRequest,
  now: Date = new Date(),
): Promise<DirectiveDetailResponse> {
  const directive = await requireDirective(db, directiveId);
  if (request.deadline < directive.date)
    throw deadlineBeforeDirective(directive, request.deadline, request.number);
  await checkAssignee(db, request.assignee);
  const at = now.toISOString();
  const actor = actorName(viewer);
  const row: DirectiveTasksTable = {
    id: `task:${randomUUID()}`,
    directive_id: directiveId,
    number: request.number,
    content: request.content,
    assignee_department: request.assignee.kind === 'department' ? request.assignee.departmentCode : null,
    assignee_unit_id: request.assignee.kind === 'unit' ? request.assignee.unitId : null,
    deadline: request.deadline,
    status: request.status,
    completed_on: request.status === 'done' ? vietnamToday(now) : null,
    overdue_notified_at: null,
    is_demo: 0,
    version: 1,
    created_at: at,
    created_by: actor,
    updated_at: at,
    updated_by: actor,
  };
  await db.transaction().execute(async (trx) => {
    await insertTasks(trx, [row]);
    await appendAudit(
      trx,
      [{ actor, action: 'create', entity: 'directive_task', entityId: row.id, before: null, after: row }],
      at,
    );
    await notifyAssigned(trx, viewer, directive, row, at);
  });
  return directiveDetail(db, viewer, directiveId, now);
}

async function requireTask(db: Kysely<Database>, id: string): Promise<DirectiveTasksTable> {
  const row = await taskById(db, id);
  if (!row) throw new AppError('not_found', `Không tìm thấy nhiệm vụ "${id}".`);
  return row;
}

export async function updateTask(
  db: Kysely<Database>,
  viewer: Viewer,
  taskId: string,
  request: TaskUpdateRequest,
  now: Date = new Date(),
): Promise<DirectiveDetailResponse> {
  const before = await requireTask(db, taskId);
  const directive = await requireDirective(db, before.directive_id);
  if (request.deadline < directive.date)
    throw deadlineBeforeDirective(directive, request.deadline, request.number);
  await checkAssignee(db, request.assignee);
  const at = now.toISOString();
  const actor = actorName(viewer);
  const changes = {
    number: request.number,
    content: request.content,
    assignee_department: request.assignee.kind === 'department' ? request.assignee.departmentCode : null,
    assignee_unit_id: request.assignee.kind === 'unit' ? request.assignee.unitId : null,
    deadline: request.deadline,
    status: request.status,
    completed_on: request.status === 'done' ? (before.completed_on ?? vietnamToday(now)) : null,
    // A new deadline or a reopened task may become overdue again, and its assignee is told again.
    overdue_notified_at:
      request.deadline !== before.deadline || request.status !== before.status
        ? null
        : before.overdue_notified_at,
    updated_at: at,
    updated_by: actor,
  };
  const reassigned =
    changes.assignee_department !== before.assignee_department ||
    changes.assignee_unit_id !== before.assignee_unit_id;
  await db.transaction().execute(async (trx) => {
    if (!(await updateTaskRow(trx, taskId, request.expectedVersion, changes))) {
      throw new AppError('stale_version', 'Nhiệm vụ vừa được người khác sửa; hãy tải lại rồi sửa tiếp.');
    }
    const after = { ...before, ...changes, version: request.expectedVersion + 1 };
    await appendAudit(
      trx,
      [{ actor, action: 'update', entity: 'directive_task', entityId: taskId, before, after }],
      at,
    );
    if (reassigned) await notifyAssigned(trx, viewer, directive, after, at);
  });
  return directiveDetail(db, viewer, before.directive_id, now);
}

export async function reportTask(
  db: Kysely<Database>,
  viewer: Viewer,
  taskId: string,
  request: TaskReportRequest,
  now: Date = new Date(),
): Promise<DirectiveDetailResponse> {
  const task = await requireTask(db, taskId);
  const directive = await requireDirective(db, task.directive_id);
  const directory = await getUnitDirectory(db);
  const scope = scopeOf(directory, viewer);
  if (!mayReport(scope, task)) {
    throw new AppError(
      'forbidden',
      `Chỉ ${assigneeName(directory, assigneeOf(task))} (đơn vị được giao) hoặc Văn phòng Điều phối được báo cáo tiến độ nhiệm vụ ${task.number}.`,
    );
  }
  const today = vietnamToday(now);
  if (request.reportedOn < directive.date || request.reportedOn > today) {
    throw new AppError(
      'validation_failed',
      `Ngày báo cáo ${formatDate(request.reportedOn)} phải từ ngày ban hành chỉ thị (${formatDate(directive.date)}) đến hôm nay (${formatDate(today)}).`,
    );
  }
  if (request.status === 'done' && request.progressPercent !== null && request.progressPercent < 100) {
    throw new AppError('validation_failed', `Nhiệm vụ "${taskStatusLabels.done}" thì tiến độ phải là 100%.`);
  }
  await requireAttachments(db, request.attachmentIds, scope);
  const at = now.toISOString();
  const actor = actorName(viewer);
  const report = {
    id: `task-report:${randomUUID()}`,
    task_id: taskId,
    reported_on: request.reportedOn,
    content: request.content,
    progress_percent: request.progressPercent,
    status_after: request.status,
    is_demo: 0,
    created_at: at,
    created_by: actor,
  };
  await db.transaction().execute(async (trx) => {
    await insertReports(trx, [report]);
    await linkAttachments(trx, report.id, [...new Set(request.attachmentIds)]);
    const changes = {
      status: request.status,
      completed_on: request.status === 'done' ? request.reportedOn : null,
      updated_at: at,
      updated_by: actor,
    };
    if (!(await updateTaskRow(trx, taskId, task.version, changes))) {
      throw new AppError(
        'stale_version',
        'Nhiệm vụ vừa được người khác cập nhật; hãy tải lại rồi báo cáo lại.',
      );
    }
    await appendAudit(
      trx,
      [
        {
          actor,
          action: 'create',
          entity: 'task_report',
          entityId: report.id,
          before: { status: task.status },
          after: { ...report, attachmentIds: request.attachmentIds },
          unitId: task.assignee_unit_id,
        },
      ],
      at,
    );
  });
  return directiveDetail(db, viewer, task.directive_id, now);
}

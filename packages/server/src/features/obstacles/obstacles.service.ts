import { randomUUID } from 'node:crypto';
import {
  type CriteriaSet,
  canHandleObstacle,
  deadlineState,
  formatDate,
  isObstacleClosed,
  type ObstacleActor,
  type ObstacleSeverity,
  type ObstacleStatus,
  obstacleDueDate,
  obstacleSeverityLabels,
  obstacleStatusLabels,
  transitionObstacle,
  type Unit,
} from '@ntm/core';
import type { Kysely } from 'kysely';
import type { AttachmentRef } from '../../contract/attachments';
import type {
  ObstacleCommentCreate,
  ObstacleCreate,
  ObstacleDetail,
  ObstacleListQuery,
  ObstacleListResponse,
  ObstacleSummary,
  ObstacleTransitionRequest,
} from '../../contract/follow-up';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { attachmentsByIds } from '../attachments/attachments.repository';
import { appendAudit } from '../audit/audit.repository';
import { type AccessScope, requireReadableUnit, scopeOf } from '../auth/access-scope';
import { actorName, type Viewer } from '../auth/viewer';
import { requireCriteriaSet } from '../catalog/catalog.service';
import { chooseCriteriaSet } from '../evaluation/evaluation.service';
import { insertNotifications } from '../notifications/notifications.repository';
import { areaUserIds, departmentUserIds, provinceAdminIds } from '../reminders/recipients';
import { readReminderSettings } from '../reminders/reminders.repository';
import { departmentName, lineageOf, resolverFor } from '../responsibility/responsibility.service';
import { getUnitDirectory, requireUnit, type UnitDirectory } from '../units/unit-directory';
import { usersByUsernames } from '../users/users.repository';
import {
  commentsOf,
  findObstacle,
  findObstacles,
  insertComment,
  insertObstacle,
  type ObstacleRow,
  updateObstacle,
} from './obstacles.repository';

/** The calendar day in Vietnam (UTC+7, no daylight saving): deadlines are days there, not in UTC. */
export function vietnamToday(now: Date): string {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

function signedInUser(viewer: Viewer) {
  if (viewer.kind !== 'user')
    throw new AppError('unauthenticated', 'Vướng mắc chỉ dành cho người dùng đã đăng nhập.');
  return viewer.user;
}

function actorOf(viewer: Viewer, scope: AccessScope, obstacle: ObstacleRow): ObstacleActor {
  const user = signedInUser(viewer);
  const local = (user.role === 'district' || user.role === 'commune') && scope.canWrite(obstacle.unit_id);
  return {
    role: user.role,
    departmentCodes: user.departmentCode ? lineageOf(user.departmentCode) : new Set(),
    coversUnit: local || obstacle.raised_by === user.username,
  };
}

function districtName(directory: UnitDirectory, unit: Unit | undefined): string | null {
  const parent = unit?.parentId ? directory.byId.get(unit.parentId) : undefined;
  return parent && parent.level === 'district' ? parent.name : null;
}

/** The set an obstacle's criterion numbers refer to: the set that judges the unit that year. */
function setFor(directory: UnitDirectory, unit: Unit, year: number): CriteriaSet {
  if (unit.level === 'commune') return chooseCriteriaSet(directory, unit, year, 'standard');
  if (unit.level === 'village') return chooseCriteriaSet(directory, unit, year, 'village_standard');
  throw new AppError(
    'validation_failed',
    `Vướng mắc được nêu cho một xã hoặc một thôn; ${unit.name} là đơn vị cấp ${unit.level === 'district' ? 'huyện' : 'tỉnh'}.`,
  );
}

function criterionNameOf(setId: string, number: string): string {
  try {
    return requireCriteriaSet(setId).criteria.find((c) => c.number === number)?.name ?? number;
  } catch {
    return number;
  }
}

async function namesOf(db: Kysely<Database>, usernames: readonly string[]): Promise<Map<string, string>> {
  const users = await usersByUsernames(db, [...new Set(usernames)]);
  return new Map(users.map((u) => [u.username, u.display_name]));
}

function summarise(
  directory: UnitDirectory,
  row: ObstacleRow,
  names: ReadonlyMap<string, string>,
  today: string,
  warnDays: number,
): ObstacleSummary {
  const unit = directory.byId.get(row.unit_id);
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: unit?.name ?? row.unit_id,
    districtName: districtName(directory, unit),
    year: row.year,
    criteriaSetId: row.criteria_set_id,
    criterionNumber: row.criterion_number,
    criterionName: criterionNameOf(row.criteria_set_id, row.criterion_number),
    indicatorCode: row.indicator_code,
    departmentCode: row.department_code,
    departmentName: departmentName(row.department_code),
    severity: row.severity as ObstacleSeverity,
    status: row.status as ObstacleStatus,
    title: row.title,
    raisedBy: row.raised_by,
    raisedByName: names.get(row.raised_by) ?? row.raised_by,
    raisedAt: row.raised_at,
    dueDate: row.due_date,
    deadline: deadlineState({ status: row.status as ObstacleStatus, dueDate: row.due_date }, today, warnDays),
    version: row.version,
    isDemo: row.is_demo === 1,
  };
}

export async function listObstacles(
  db: Kysely<Database>,
  viewer: Viewer,
  query: ObstacleListQuery,
  now = new Date(),
): Promise<ObstacleListResponse> {
  const user = signedInUser(viewer);
  const directory = await getUnitDirectory(db);
  const scope = scopeOf(directory, viewer);
  if (query.unitId) requireReadableUnit(directory, scope, query.unitId);
  const today = vietnamToday(now);
  const mine = query.mine === 'true';
  const department = query.department ?? (mine && user.departmentCode ? user.departmentCode : undefined);
  const rows = await findObstacles(db, {
    ...(query.year !== undefined ? { year: query.year } : {}),
    ...(query.unitId ? { unitIds: [query.unitId] } : {}),
    ...(department ? { departmentCodes: [...lineageOf(department)] } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.criterion ? { criterion: query.criterion } : {}),
    ...(query.overdue === 'true' ? { dueBefore: today } : {}),
  });
  const visible = rows.filter((r) => scope.readsEverything || scope.canRead(r.unit_id));
  const { dueSoonDays } = await readReminderSettings(db);
  const names = await namesOf(
    db,
    visible.map((r) => r.raised_by),
  );
  const obstacles = visible.map((r) => summarise(directory, r, names, today, dueSoonDays));
  return {
    obstacles,
    counts: {
      open: obstacles.filter((o) => o.deadline !== 'closed').length,
      overdue: obstacles.filter((o) => o.deadline === 'overdue').length,
    },
  };
}

/** The obstacle with the directory and the viewer's scope it was checked under; 404 or 403 otherwise. */
async function requireObstacle(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
): Promise<{ directory: UnitDirectory; scope: AccessScope; row: ObstacleRow }> {
  const directory = await getUnitDirectory(db);
  const scope = scopeOf(directory, viewer);
  const row = await findObstacle(db, id);
  if (!row) throw new AppError('not_found', `Không tìm thấy vướng mắc "${id}".`);
  if (!scope.readsEverything && !scope.canRead(row.unit_id)) {
    throw new AppError(
      'forbidden',
      `Vướng mắc này thuộc đơn vị nằm ngoài phạm vi được giao (${scope.area}).`,
    );
  }
  return { directory, scope, row };
}

function availableActions(
  actor: ObstacleActor,
  row: ObstacleRow,
  canComment: boolean,
): ObstacleDetail['actions'] {
  const status = row.status as ObstacleStatus;
  const actions: ObstacleDetail['actions'] = canComment ? ['comment'] : [];
  if (canHandleObstacle(actor, row.department_code)) {
    if (status === 'open') actions.push('start');
    if (!isObstacleClosed(status)) actions.push('resolve', 'reject');
  }
  if (
    isObstacleClosed(status) &&
    (actor.role === 'province_admin' || actor.coversUnit || canHandleObstacle(actor, row.department_code))
  )
    actions.push('reopen');
  return actions;
}

function mayComment(actor: ObstacleActor, row: ObstacleRow): boolean {
  return actor.coversUnit || canHandleObstacle(actor, row.department_code);
}

export async function obstacleDetail(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  now = new Date(),
): Promise<ObstacleDetail> {
  const { directory, scope, row } = await requireObstacle(db, viewer, id);
  const { comments, attachments } = await commentsOf(db, id);
  const refs = new Map(
    (await attachmentsByIds(db, [...attachments.values()].flat())).map((a) => [a.id, a] as const),
  );
  const names = await namesOf(db, [row.raised_by]);
  const { dueSoonDays } = await readReminderSettings(db);
  const actor = actorOf(viewer, scope, row);
  const indicatorName =
    row.indicator_code === null
      ? null
      : (requireCriteriaSet(row.criteria_set_id)
          .criteria.flatMap((c) => c.indicators)
          .find((i) => i.code === row.indicator_code)?.name ?? null);
  const canComment = scope.has('raise_obstacles') && mayComment(actor, row);
  return {
    ...summarise(directory, row, names, vietnamToday(now), dueSoonDays),
    description: row.description,
    indicatorName,
    resolution: row.resolution,
    rejectionReason: row.rejection_reason,
    closedBy: row.closed_by,
    closedAt: row.closed_at,
    comments: comments.map((c) => ({
      id: Number(c.id),
      at: c.at,
      author: c.author,
      authorName: c.author_name,
      kind: c.kind as ObstacleDetail['comments'][number]['kind'],
      body: c.body,
      attachments: (attachments.get(Number(c.id)) ?? []).flatMap((a) => refs.get(a) ?? []),
    })),
    actions: scope.has('raise_obstacles') ? availableActions(actor, row, canComment) : [],
  };
}

/** The files a comment refers to: they must exist and be the commenter's own uploads about this unit (or none). */
async function requireAttachments(
  db: Kysely<Database>,
  ids: readonly string[],
  uploader: string,
  unitId: string,
): Promise<AttachmentRef[]> {
  const unique = [...new Set(ids)];
  const found = await attachmentsByIds(db, unique);
  const byId = new Map(found.map((a) => [a.id, a]));
  for (const id of unique) {
    const ref = byId.get(id);
    if (!ref)
      throw new AppError('validation_failed', `Không tìm thấy tệp đính kèm "${id}"; hãy tải tệp lên lại.`);
    if (ref.uploadedBy !== uploader || (ref.unitId !== null && ref.unitId !== unitId)) {
      throw new AppError('forbidden', `Tệp "${ref.fileName}" không phải tệp bạn tải lên cho đơn vị này.`);
    }
  }
  return found;
}

function notification(
  userIds: readonly string[],
  row: ObstacleRow,
  kind: string,
  message: string,
  actor: string,
  at: string,
) {
  return [...new Set(userIds)].map((user_id) => ({
    user_id,
    at,
    kind,
    message,
    unit_id: row.unit_id,
    year: row.year,
    actor,
    read_at: null,
  }));
}

/** The lead department's accounts, or the program office when the department has none. */
async function handlerIds(db: Kysely<Database>, departmentCode: string): Promise<string[]> {
  const ids = await departmentUserIds(db, departmentCode);
  return ids.length > 0 ? ids : provinceAdminIds(db);
}

export async function raiseObstacle(
  db: Kysely<Database>,
  viewer: Viewer,
  request: ObstacleCreate,
  options: { now?: Date; isDemo?: boolean } = {},
): Promise<ObstacleDetail> {
  const user = signedInUser(viewer);
  const now = options.now ?? new Date();
  const directory = await getUnitDirectory(db);
  const scope = scopeOf(directory, viewer);
  const unit = requireUnit(directory, request.unitId);
  if (!scope.canWrite(unit.id) || !scope.has('raise_obstacles')) {
    throw new AppError(
      'forbidden',
      `Bạn không được nêu vướng mắc cho ${unit.name}: đơn vị nằm ngoài phạm vi được giao (${scope.area}).`,
    );
  }
  const set = setFor(directory, unit, request.year);
  const resolver = await resolverFor(db, set, request.year);
  const responsibility = resolver.route(request.criterionNumber, request.indicatorCode);
  if (!responsibility) {
    throw new AppError(
      'validation_failed',
      request.indicatorCode === null
        ? `Bộ tiêu chí ${set.shortName} không có tiêu chí số ${request.criterionNumber}.`
        : `Tiêu chí ${request.criterionNumber} của bộ ${set.shortName} không có chỉ tiêu ${request.indicatorCode}.`,
    );
  }
  const actor = actorName(viewer);
  await requireAttachments(db, request.attachmentIds, actor, unit.id);
  const at = now.toISOString();
  const row: ObstacleRow = {
    id: randomUUID(),
    unit_id: unit.id,
    year: request.year,
    criteria_set_id: set.id,
    criterion_number: request.criterionNumber,
    indicator_code: request.indicatorCode,
    department_code: responsibility.departmentCode,
    severity: request.severity,
    status: 'open',
    title: request.title,
    description: request.description,
    raised_by: actor,
    raised_at: at,
    due_date: obstacleDueDate(vietnamToday(now), request.severity),
    resolution: null,
    rejection_reason: null,
    closed_by: null,
    closed_at: null,
    version: 1,
    updated_at: at,
    is_demo: options.isDemo ? 1 : 0,
  };
  const criterionName = criterionNameOf(set.id, row.criterion_number);
  await db.transaction().execute(async (trx) => {
    await insertObstacle(trx, row);
    await insertComment(
      trx,
      {
        obstacle_id: row.id,
        at,
        author: actor,
        author_name: user.displayName,
        kind: 'raise',
        body: request.description,
      },
      request.attachmentIds,
    );
    await insertNotifications(
      trx,
      notification(
        await handlerIds(trx, row.department_code),
        row,
        'obstacle_raised',
        `${unit.name} nêu vướng mắc về tiêu chí ${row.criterion_number} ${criterionName} (mức ${obstacleSeverityLabels[request.severity].toLowerCase()}, hạn xử lý ${formatDate(row.due_date)}): ${row.title}`,
        actor,
        at,
      ),
    );
    await appendAudit(
      trx,
      [
        {
          actor,
          action: 'create',
          entity: 'obstacle',
          entityId: row.id,
          before: null,
          after: row,
          unitId: unit.id,
        },
      ],
      at,
    );
  });
  return obstacleDetail(db, viewer, row.id, now);
}

export async function commentOnObstacle(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  request: ObstacleCommentCreate,
  now = new Date(),
): Promise<ObstacleDetail> {
  const user = signedInUser(viewer);
  const { directory, scope, row } = await requireObstacle(db, viewer, id);
  const actor = actorOf(viewer, scope, row);
  if (!mayComment(actor, row)) {
    throw new AppError(
      'forbidden',
      'Chỉ đơn vị đã nêu vướng mắc, sở, ngành phụ trách và Văn phòng Điều phối mới trao đổi được về vướng mắc này.',
    );
  }
  await requireAttachments(db, request.attachmentIds, user.username, row.unit_id);
  const at = now.toISOString();
  const handler = canHandleObstacle(actor, row.department_code);
  await db.transaction().execute(async (trx) => {
    const commentId = await insertComment(
      trx,
      {
        obstacle_id: id,
        at,
        author: user.username,
        author_name: user.displayName,
        kind: 'comment',
        body: request.body,
      },
      request.attachmentIds,
    );
    const recipients = handler
      ? await raiserIds(trx, directory, row)
      : await handlerIds(trx, row.department_code);
    await insertNotifications(
      trx,
      notification(
        recipients.filter((r) => r !== user.id),
        row,
        'obstacle_comment',
        `${user.displayName} trao đổi về vướng mắc "${row.title}": ${request.body.slice(0, 200)}`,
        user.username,
        at,
      ),
    );
    await appendAudit(
      trx,
      [
        {
          actor: user.username,
          action: 'create',
          entity: 'obstacle_comment',
          entityId: String(commentId),
          before: null,
          after: { obstacleId: id, body: request.body, attachmentIds: request.attachmentIds },
          unitId: row.unit_id,
        },
      ],
      at,
    );
  });
  return obstacleDetail(db, viewer, id, now);
}

/** Whoever raised it, and the accounts of its unit and district. */
async function raiserIds(
  db: Kysely<Database>,
  directory: UnitDirectory,
  row: ObstacleRow,
): Promise<string[]> {
  const raiser = await usersByUsernames(db, [row.raised_by]);
  return [...raiser.map((u) => u.id), ...(await areaUserIds(db, directory, row.unit_id))];
}

const stepLabels: Record<ObstacleTransitionRequest['action'], string> = {
  start: 'đã tiếp nhận xử lý',
  resolve: 'đã giải quyết',
  reject: 'không tiếp nhận',
  reopen: 'đã mở lại',
};

export async function moveObstacle(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  request: ObstacleTransitionRequest,
  now = new Date(),
): Promise<ObstacleDetail> {
  const user = signedInUser(viewer);
  const { directory, scope, row } = await requireObstacle(db, viewer, id);
  const action =
    request.action === 'start'
      ? { kind: 'start' as const }
      : request.action === 'resolve'
        ? { kind: 'resolve' as const, resolution: request.text }
        : { kind: request.action, reason: request.text };
  const result = transitionObstacle(
    { status: row.status as ObstacleStatus, departmentCode: row.department_code },
    action,
    actorOf(viewer, scope, row),
  );
  if (!result.ok) throw new AppError(result.code, result.message);
  if (row.version !== request.expectedVersion) {
    throw new AppError(
      'stale_version',
      `Vướng mắc vừa được ${row.closed_by ?? 'người khác'} cập nhật (trạng thái "${obstacleStatusLabels[row.status as ObstacleStatus]}"); hãy tải lại rồi thử lại.`,
    );
  }
  const at = now.toISOString();
  const closing = result.status === 'resolved' || result.status === 'rejected';
  const changes = {
    status: result.status,
    updated_at: at,
    ...(request.action === 'resolve' ? { resolution: request.text } : {}),
    ...(request.action === 'reject' ? { rejection_reason: request.text } : {}),
    ...(closing ? { closed_by: user.username, closed_at: at } : {}),
    ...(request.action === 'reopen' ? { closed_by: null, closed_at: null } : {}),
  };
  await db.transaction().execute(async (trx) => {
    if (!(await updateObstacle(trx, id, row.version, changes))) {
      throw new AppError('stale_version', 'Vướng mắc vừa được người khác cập nhật; hãy tải lại rồi thử lại.');
    }
    await insertComment(
      trx,
      {
        obstacle_id: id,
        at,
        author: user.username,
        author_name: user.displayName,
        kind: request.action,
        body: request.text || stepLabels[request.action],
      },
      [],
    );
    const recipients =
      request.action === 'reopen'
        ? await handlerIds(trx, row.department_code)
        : await raiserIds(trx, directory, row);
    await insertNotifications(
      trx,
      notification(
        recipients.filter((r) => r !== user.id),
        row,
        `obstacle_${request.action}`,
        `${user.displayName} ${stepLabels[request.action]} vướng mắc "${row.title}"${request.text ? `: ${request.text.slice(0, 300)}` : '.'}`,
        user.username,
        at,
      ),
    );
    await appendAudit(
      trx,
      [
        {
          actor: user.username,
          action: 'update',
          entity: 'obstacle',
          entityId: id,
          before: { status: row.status, version: row.version },
          after: { ...changes, version: row.version + 1 },
          reason: request.text || null,
          unitId: row.unit_id,
        },
      ],
      at,
    );
  });
  return obstacleDetail(db, viewer, id, now);
}

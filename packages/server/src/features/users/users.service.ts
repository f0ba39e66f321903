import { randomUUID } from 'node:crypto';
import { departmentsByCode, passwordProblem, type Role, roleLabels, roleUnitLevel } from '@ntm/core';
import type { Kysely } from 'kysely';
import type {
  CreateUserRequest,
  ResetPasswordRequest,
  UpdateUserRequest,
  UserListResponse,
  UserSummary,
} from '../../contract/users';
import type { Database } from '../../db/schema';
import { AppError, type RowProblem } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { forbidden } from '../auth/access-scope';
import { hashPassword } from '../auth/password-hasher';
import { deleteUserSessions } from '../auth/sessions.repository';
import { actorName, type Viewer } from '../auth/viewer';
import { getUnitDirectory, type UnitDirectory } from '../units/unit-directory';
import { presentUser } from './present-user';
import {
  findUserById,
  findUserByUsername,
  insertUser,
  listUserRows,
  type UserRow,
  updateUser,
} from './users.repository';

function requireAdmin(viewer: Viewer): void {
  if (viewer.kind === 'system') return;
  if (viewer.kind === 'user' && viewer.user.role === 'province_admin') return;
  throw forbidden('Chỉ quản trị tỉnh được quản lý tài khoản người dùng.');
}

interface Attachment {
  unitId: string | null;
  departmentCode: string | null;
}

/** A district or commune account belongs to a unit of that level; a department account to a department. */
function checkAttachment(directory: UnitDirectory, role: Role, attachment: Attachment): RowProblem[] {
  const problems: RowProblem[] = [];
  const level = roleUnitLevel[role];
  if (level !== null) {
    const unit = attachment.unitId === null ? undefined : directory.byId.get(attachment.unitId);
    if (!unit || unit.level !== level) {
      problems.push({
        row: -1,
        field: 'unitId',
        value: attachment.unitId,
        message: `Tài khoản ${roleLabels[role]} cần gắn với một đơn vị cấp ${level === 'district' ? 'huyện' : 'xã'}.`,
      });
    }
  }
  if (role === 'department' && !departmentsByCode.has(attachment.departmentCode ?? '')) {
    problems.push({
      row: -1,
      field: 'departmentCode',
      value: attachment.departmentCode,
      message: 'Tài khoản sở, ngành cần chọn một sở, ngành trong danh mục.',
    });
  }
  return problems;
}

function normalised(role: Role, attachment: Attachment): Attachment {
  return {
    unitId: roleUnitLevel[role] === null ? null : attachment.unitId,
    departmentCode: role === 'department' ? attachment.departmentCode : null,
  };
}

function rejectIfAny(problems: RowProblem[]): void {
  if (problems.length > 0) {
    throw new AppError('validation_failed', problems.map((p) => p.message).join(' '), { rows: problems });
  }
}

function passwordRows(password: string, username: string): RowProblem[] {
  const problem = passwordProblem(password, username);
  return problem === null ? [] : [{ row: -1, field: 'password', value: null, message: problem }];
}

/** What the audit log keeps of an account: never the password hash. */
function auditView(row: UserRow) {
  return {
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    unitId: row.unit_id,
    departmentCode: row.department_code,
    active: row.active === 1,
  };
}

export async function listUsers(
  db: Kysely<Database>,
  viewer: Viewer,
  now = new Date(),
): Promise<UserListResponse> {
  requireAdmin(viewer);
  const directory = await getUnitDirectory(db);
  return { users: (await listUserRows(db)).map((row) => presentUser(directory, row, now)) };
}

export async function createUser(
  db: Kysely<Database>,
  viewer: Viewer,
  request: CreateUserRequest,
  now = new Date(),
): Promise<UserSummary> {
  requireAdmin(viewer);
  const directory = await getUnitDirectory(db);
  const attachment = normalised(request.role, {
    unitId: request.unitId ?? null,
    departmentCode: request.departmentCode ?? null,
  });
  rejectIfAny([
    ...checkAttachment(directory, request.role, attachment),
    ...passwordRows(request.password, request.username),
  ]);
  if (await findUserByUsername(db, request.username)) {
    throw new AppError('conflict', `Tên đăng nhập "${request.username}" đã có người dùng.`);
  }
  const at = now.toISOString();
  const row: UserRow = {
    id: randomUUID(),
    username: request.username,
    display_name: request.displayName,
    role: request.role,
    unit_id: attachment.unitId,
    department_code: attachment.departmentCode,
    password_hash: await hashPassword(request.password),
    active: 1,
    is_demo: 0,
    failed_attempts: 0,
    locked_until: null,
    version: 1,
    created_at: at,
    updated_at: at,
    password_changed_at: at,
  };
  await db.transaction().execute(async (trx) => {
    await insertUser(trx, row);
    await appendAudit(
      trx,
      [
        {
          actor: actorName(viewer),
          action: 'create',
          entity: 'user',
          entityId: row.username,
          before: null,
          after: auditView(row),
          reason: request.reason ?? null,
          unitId: row.unit_id,
        },
      ],
      at,
    );
  });
  return presentUser(directory, row, now);
}

async function requireCurrent(
  db: Kysely<Database>,
  directory: UnitDirectory,
  id: string,
  expectedVersion: number,
  now: Date,
): Promise<UserRow> {
  const row = await findUserById(db, id);
  if (!row) throw new AppError('not_found', `Không có tài khoản "${id}".`);
  if (row.version !== expectedVersion) {
    throw new AppError(
      'stale_version',
      `Tài khoản ${row.username} vừa được người khác thay đổi (phiên bản ${row.version}, bạn sửa từ phiên bản ${expectedVersion}); hãy xem lại rồi thử lại.`,
      { current: [presentUser(directory, row, now)] },
    );
  }
  return row;
}

async function save(
  db: Kysely<Database>,
  viewer: Viewer,
  before: UserRow,
  changes: Partial<UserRow>,
  options: { endSessions: boolean; reason: string | null; at: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await updateUser(trx, before.id, before.version, { ...changes, updated_at: options.at }))) {
      throw new AppError(
        'stale_version',
        `Tài khoản ${before.username} vừa được người khác thay đổi; hãy thử lại.`,
      );
    }
    if (options.endSessions) await deleteUserSessions(trx, before.id);
    const after = { ...before, ...changes };
    await appendAudit(
      trx,
      [
        {
          actor: actorName(viewer),
          action: 'update',
          entity: 'user',
          entityId: before.username,
          before: auditView(before),
          after: {
            ...auditView(after),
            ...('password_hash' in changes ? { passwordReset: true } : {}),
            ...(changes.locked_until === null && before.locked_until !== null ? { unlocked: true } : {}),
          },
          reason: options.reason,
          unitId: after.unit_id,
        },
      ],
      options.at,
    );
  });
}

export async function updateUserAccount(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  request: UpdateUserRequest,
  now = new Date(),
): Promise<UserSummary> {
  requireAdmin(viewer);
  const directory = await getUnitDirectory(db);
  const row = await requireCurrent(db, directory, id, request.expectedVersion, now);
  const role = request.role ?? (row.role as Role);
  const attachment = normalised(role, {
    unitId: request.unitId === undefined ? row.unit_id : request.unitId,
    departmentCode: request.departmentCode === undefined ? row.department_code : request.departmentCode,
  });
  rejectIfAny(checkAttachment(directory, role, attachment));
  const active = request.active ?? row.active === 1;
  if (viewer.kind === 'user' && viewer.user.id === row.id && (!active || role !== 'province_admin')) {
    throw forbidden(
      'Bạn không thể tự vô hiệu hóa hoặc tự bỏ quyền quản trị của mình; hãy nhờ một quản trị khác.',
    );
  }
  const changes: Partial<UserRow> = {
    display_name: request.displayName ?? row.display_name,
    role,
    unit_id: attachment.unitId,
    department_code: attachment.departmentCode,
    active: active ? 1 : 0,
    ...(request.unlock ? { failed_attempts: 0, locked_until: null } : {}),
  };
  await save(db, viewer, row, changes, {
    endSessions: !active,
    reason: request.reason ?? null,
    at: now.toISOString(),
  });
  return presentUser(
    directory,
    { ...row, ...changes, version: row.version + 1, updated_at: now.toISOString() },
    now,
  );
}

/** Sets a new password chosen by the admin, unlocks the account and ends its sessions. */
export async function resetPassword(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  request: ResetPasswordRequest,
  now = new Date(),
): Promise<UserSummary> {
  requireAdmin(viewer);
  const directory = await getUnitDirectory(db);
  const row = await requireCurrent(db, directory, id, request.expectedVersion, now);
  rejectIfAny(passwordRows(request.newPassword, row.username));
  const at = now.toISOString();
  const changes: Partial<UserRow> = {
    password_hash: await hashPassword(request.newPassword),
    password_changed_at: at,
    failed_attempts: 0,
    locked_until: null,
  };
  await save(db, viewer, row, changes, { endSessions: true, reason: request.reason ?? null, at });
  return presentUser(directory, { ...row, ...changes, version: row.version + 1, updated_at: at }, now);
}

import { departmentsByCode, hasPermission, Permission, Role, roleLabels } from '@ntm/core';
import type { CurrentUser } from '../../contract/auth';
import type { UserSummary } from '../../contract/users';
import { scopeOf } from '../auth/access-scope';
import type { SessionUserRow } from '../auth/sessions.repository';
import type { SessionUser } from '../auth/viewer';
import type { UnitDirectory } from '../units/unit-directory';
import type { UserRow } from './users.repository';

export function sessionUserOf(row: SessionUserRow): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: Role.parse(row.role),
    unitId: row.unit_id,
    departmentCode: row.department_code,
  };
}

function names(directory: UnitDirectory, row: UserRow) {
  return {
    unitName: row.unit_id === null ? null : (directory.byId.get(row.unit_id)?.name ?? null),
    departmentName:
      row.department_code === null ? null : (departmentsByCode.get(row.department_code)?.name ?? null),
  };
}

export function presentUser(directory: UnitDirectory, row: UserRow, now: Date): UserSummary {
  const role = Role.parse(row.role);
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role,
    roleLabel: roleLabels[role],
    unitId: row.unit_id,
    departmentCode: row.department_code,
    ...names(directory, row),
    active: row.active === 1,
    lockedUntil: row.locked_until !== null && row.locked_until > now.toISOString() ? row.locked_until : null,
    isDemo: row.is_demo === 1,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    passwordChangedAt: row.password_changed_at,
  };
}

export function presentCurrentUser(
  directory: UnitDirectory,
  row: UserRow,
  sessionIdHash: string,
): CurrentUser {
  const user = sessionUserOf(row);
  const scope = scopeOf(directory, { kind: 'user', user, session: { idHash: sessionIdHash, csrfToken: '' } });
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: user.role,
    roleLabel: roleLabels[user.role],
    unitId: row.unit_id,
    departmentCode: row.department_code,
    ...names(directory, row),
    area: scope.area,
    permissions: Permission.options.filter((p) => hasPermission(user.role, p)),
    isDemo: row.is_demo === 1,
  };
}

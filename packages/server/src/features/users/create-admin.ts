import { randomUUID } from 'node:crypto';
import { passwordProblem } from '@ntm/core';
import type { Kysely } from 'kysely';
import { Username } from '../../contract/auth';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { hashPassword } from '../auth/password-hasher';
import { deleteUserSessions } from '../auth/sessions.repository';
import { findUserByUsername, insertUser, updateUser } from './users.repository';

export interface CreateAdminRequest {
  username: string;
  displayName: string;
  password: string;
  /** Allowed to set a new password (and unlock) for an existing account: recovery when every admin is locked out. */
  reset: boolean;
}

/** The first province admin of a deployment, or a recovered one; run from the command line only. */
export async function createAdmin(
  db: Kysely<Database>,
  request: CreateAdminRequest,
  now: Date = new Date(),
): Promise<'created' | 'reset'> {
  const parsed = Username.safeParse(request.username);
  if (!parsed.success)
    throw new AppError('validation_failed', parsed.error.issues[0]?.message ?? 'Tên đăng nhập không hợp lệ.');
  const username = parsed.data;
  const problem = passwordProblem(request.password, username);
  if (problem !== null) throw new AppError('validation_failed', problem);
  const passwordHash = await hashPassword(request.password);
  const at = now.toISOString();
  const existing = await findUserByUsername(db, username);
  if (existing && !request.reset) {
    throw new AppError(
      'conflict',
      `Đã có tài khoản "${username}"; dùng --reset để đặt lại mật khẩu và quyền quản trị.`,
    );
  }
  return db.transaction().execute(async (trx) => {
    if (existing) {
      const changes = {
        role: 'province_admin',
        unit_id: null,
        department_code: null,
        active: 1,
        password_hash: passwordHash,
        password_changed_at: at,
        failed_attempts: 0,
        locked_until: null,
        updated_at: at,
      };
      if (!(await updateUser(trx, existing.id, existing.version, changes))) {
        throw new AppError('stale_version', 'Tài khoản vừa được thay đổi; hãy chạy lại lệnh.');
      }
      await deleteUserSessions(trx, existing.id);
      await appendAudit(
        trx,
        [
          {
            actor: 'cli',
            action: 'update',
            entity: 'user',
            entityId: username,
            before: { role: existing.role, active: existing.active === 1 },
            after: { role: 'province_admin', active: true, passwordReset: true },
            reason: 'create-admin --reset',
          },
        ],
        at,
      );
      return 'reset' as const;
    }
    await insertUser(trx, {
      id: randomUUID(),
      username,
      display_name: request.displayName,
      role: 'province_admin',
      unit_id: null,
      department_code: null,
      password_hash: passwordHash,
      active: 1,
      is_demo: 0,
      failed_attempts: 0,
      locked_until: null,
      version: 1,
      created_at: at,
      updated_at: at,
      password_changed_at: at,
    });
    await appendAudit(
      trx,
      [
        {
          actor: 'cli',
          action: 'create',
          entity: 'user',
          entityId: username,
          before: null,
          after: { username, displayName: request.displayName, role: 'province_admin' },
          reason: 'create-admin',
        },
      ],
      at,
    );
    return 'created' as const;
  });
}

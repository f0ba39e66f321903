import { createHash, randomBytes } from 'node:crypto';
import { afterFailedLogin, isLocked, lockoutPolicy, passwordProblem, unlocked } from '@ntm/core';
import type { Kysely } from 'kysely';
import type {
  ChangePasswordRequest,
  CurrentUser,
  LoginRequest,
  LogoutResponse,
  SessionResponse,
} from '../../contract/auth';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { kept } from '../../kept';
import { appendAudit } from '../audit/audit.repository';
import { getUnitDirectory } from '../units/unit-directory';
import { presentCurrentUser, sessionUserOf } from '../users/present-user';
import {
  findUserById,
  findUserByUsername,
  setLoginThrottle,
  type UserRow,
  updateUser,
} from '../users/users.repository';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './password-hasher';
import {
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findLiveSession,
  insertSession,
  touchSession,
} from './sessions.repository';
import type { Viewer } from './viewer';

/** A session ends after 8 hours without use, and after 7 days in any case. */
const IDLE_MS = 8 * 3600_000;
const MAX_MS = 7 * 24 * 3600_000;
/** Sliding the expiry costs a write; once every few minutes is precise enough. */
const TOUCH_EVERY_MS = 5 * 60_000;
export const SESSION_MAX_AGE_SECONDS = MAX_MS / 1000;

const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('hex');
}

const clock = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  hour: '2-digit',
  minute: '2-digit',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

function lockedError(lockedUntil: string, now: Date): AppError {
  const minutes = Math.max(1, Math.ceil((Date.parse(lockedUntil) - now.getTime()) / 60_000));
  return new AppError(
    'account_locked',
    `Tài khoản tạm khóa do nhập sai mật khẩu ${lockoutPolicy.maxFailures} lần liên tiếp. Hãy thử lại sau ${minutes} phút (lúc ${clock.format(new Date(lockedUntil))}), hoặc nhờ quản trị tỉnh mở khóa.`,
  );
}

const wrongCredentials = () =>
  new AppError(
    'login_failed',
    `Tên đăng nhập hoặc mật khẩu không đúng. Sau ${lockoutPolicy.maxFailures} lần sai liên tiếp, tài khoản bị tạm khóa ${lockoutPolicy.lockMinutes} phút.`,
  );

/** Counts a wrong password against the account, locking it (and auditing the lock) at the limit. */
async function recordFailure(db: Kysely<Database>, user: UserRow, now: Date): Promise<AppError> {
  const state = afterFailedLogin(
    { failedAttempts: user.failed_attempts, lockedUntil: user.locked_until },
    now,
  );
  await db.transaction().execute(async (trx) => {
    await setLoginThrottle(trx, user.id, state);
    if (state.lockedUntil !== null) {
      await appendAudit(
        trx,
        [
          {
            actor: user.username,
            action: 'lock',
            entity: 'user',
            entityId: user.username,
            before: null,
            after: { lockedUntil: state.lockedUntil },
            reason: `Nhập sai mật khẩu ${lockoutPolicy.maxFailures} lần liên tiếp`,
          },
        ],
        now.toISOString(),
      );
    }
  });
  return state.lockedUntil !== null ? lockedError(state.lockedUntil, now) : wrongCredentials();
}

export interface LoginResult {
  sessionId: string;
  csrfToken: string;
  user: CurrentUser;
}

export async function login(
  db: Kysely<Database>,
  request: LoginRequest,
  meta: { ip: string | null; userAgent: string | null },
  now: Date = new Date(),
): Promise<LoginResult> {
  const user = await findUserByUsername(db, request.username);
  if (!user) {
    await verifyAgainstDecoy(request.password);
    throw wrongCredentials();
  }
  const throttle = { failedAttempts: user.failed_attempts, lockedUntil: user.locked_until };
  if (isLocked(throttle, now)) throw lockedError(user.locked_until as string, now);
  if (!(await verifyPassword(user.password_hash, request.password))) throw await recordFailure(db, user, now);
  if (user.active !== 1) {
    throw new AppError('login_failed', 'Tài khoản đã bị vô hiệu hóa; hãy liên hệ quản trị tỉnh.');
  }

  const sessionId = newToken();
  const csrfToken = newToken();
  const idHash = hashSessionId(sessionId);
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    if (user.failed_attempts !== 0 || user.locked_until !== null)
      await setLoginThrottle(trx, user.id, unlocked);
    await deleteExpiredSessions(trx, at);
    await insertSession(trx, {
      id_hash: idHash,
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: at,
      last_seen_at: at,
      expires_at: new Date(now.getTime() + IDLE_MS).toISOString(),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    });
  });
  return { sessionId, csrfToken, user: presentCurrentUser(await getUnitDirectory(db), user, idHash) };
}

type UserViewer = Extract<Viewer, { kind: 'user' }>;

interface CheckedSession {
  viewer: UserViewer;
  /** The `accounts` data version it was checked under; any change of sessions or accounts moves it. */
  accounts: number;
  /** Until when it may be used without a look at the database: its expiry, or its next slide if sooner. */
  until: number;
}

const checkedByDatabase = new WeakMap<Kysely<Database>, Map<string, CheckedSession>>();
/** Sessions checked and not yet ended, per process; beyond this the least recently checked go. */
const MAX_CHECKED = 10_000;

/**
 * The signed-in viewer a session cookie stands for, sliding its expiry; null for none or an
 * expired one. A session checked in the database is used again without a query while the
 * `accounts` version read for this request (`accounts`) is the one it was checked under, it has
 * not expired and its expiry needs no slide: the session lookup was half of a cached
 * dashboard request. Ending a session or changing an account moves that version (migration
 * 0010), so a sign-out or a disabled account holds at once in every process.
 */
export async function viewerFromSession(
  db: Kysely<Database>,
  sessionId: string | undefined,
  accounts: number,
  now: Date = new Date(),
): Promise<Viewer | null> {
  if (sessionId === undefined || !SESSION_ID.test(sessionId)) return null;
  const checked = kept(checkedByDatabase, db, () => new Map<string, CheckedSession>());
  const known = checked.get(sessionId);
  if (known && known.accounts === accounts && now.getTime() < known.until) return known.viewer;
  checked.delete(sessionId);
  const idHash = hashSessionId(sessionId);
  const session = await findLiveSession(db, idHash, now.toISOString());
  if (!session) return null;
  let expiresAt = Date.parse(session.expires_at);
  let lastSeenAt = Date.parse(session.last_seen_at);
  if (now.getTime() - lastSeenAt > TOUCH_EVERY_MS) {
    expiresAt = Math.min(Date.parse(session.created_at) + MAX_MS, now.getTime() + IDLE_MS);
    lastSeenAt = now.getTime();
    await touchSession(db, idHash, now.toISOString(), new Date(expiresAt).toISOString());
  }
  const viewer: UserViewer = {
    kind: 'user',
    user: sessionUserOf(session.user),
    session: { idHash, csrfToken: session.csrf_token },
  };
  if (checked.size >= MAX_CHECKED) {
    const oldest = checked.keys().next().value;
    if (oldest !== undefined) checked.delete(oldest);
  }
  checked.set(sessionId, { viewer, accounts, until: Math.min(expiresAt, lastSeenAt + TOUCH_EVERY_MS) });
  return viewer;
}

export async function describeSession(db: Kysely<Database>, viewer: Viewer): Promise<SessionResponse> {
  if (viewer.kind !== 'user') return { user: null, csrfToken: null };
  const row = await findUserById(db, viewer.user.id);
  if (!row) return { user: null, csrfToken: null };
  return {
    user: presentCurrentUser(await getUnitDirectory(db), row, viewer.session.idHash),
    csrfToken: viewer.session.csrfToken,
  };
}

function signedIn(viewer: Viewer): Extract<Viewer, { kind: 'user' }> {
  if (viewer.kind !== 'user') throw new AppError('unauthenticated', 'Bạn chưa đăng nhập.');
  return viewer;
}

export async function logout(db: Kysely<Database>, viewer: Viewer): Promise<LogoutResponse> {
  const { session } = signedIn(viewer);
  await deleteSession(db, session.idHash);
  return { endedSessions: 1 };
}

/** Ends every session of the user, on every device and every server process. */
export async function logoutEverywhere(
  db: Kysely<Database>,
  viewer: Viewer,
  now: Date = new Date(),
): Promise<LogoutResponse> {
  const { user } = signedIn(viewer);
  return db.transaction().execute(async (trx) => {
    const ended = await deleteUserSessions(trx, user.id);
    await appendAudit(
      trx,
      [
        {
          actor: user.username,
          action: 'delete',
          entity: 'session',
          entityId: user.username,
          before: { sessions: ended },
          after: null,
          reason: 'Đăng xuất khỏi mọi thiết bị',
        },
      ],
      now.toISOString(),
    );
    return { endedSessions: ended };
  });
}

/** Needs the current password; ends the user's other sessions, which may have been opened with the old one. */
export async function changePassword(
  db: Kysely<Database>,
  viewer: Viewer,
  request: ChangePasswordRequest,
  now: Date = new Date(),
): Promise<LogoutResponse> {
  const { user, session } = signedIn(viewer);
  const row = await findUserById(db, user.id);
  if (!row) throw new AppError('unauthenticated', 'Tài khoản không còn tồn tại.');
  if (isLocked({ failedAttempts: row.failed_attempts, lockedUntil: row.locked_until }, now)) {
    throw lockedError(row.locked_until as string, now);
  }
  if (!(await verifyPassword(row.password_hash, request.currentPassword))) {
    const error = await recordFailure(db, row, now);
    if (error.code === 'account_locked') throw error;
    throw new AppError('validation_failed', 'Mật khẩu hiện tại không đúng.', {
      rows: [{ row: -1, field: 'currentPassword', value: null, message: 'Mật khẩu hiện tại không đúng.' }],
    });
  }
  const problem =
    passwordProblem(request.newPassword, row.username) ??
    (request.newPassword === request.currentPassword ? 'Mật khẩu mới phải khác mật khẩu hiện tại.' : null);
  if (problem !== null) {
    throw new AppError('validation_failed', problem, {
      rows: [{ row: -1, field: 'newPassword', value: null, message: problem }],
    });
  }
  const passwordHash = await hashPassword(request.newPassword);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const updated = await updateUser(trx, row.id, row.version, {
      password_hash: passwordHash,
      password_changed_at: at,
      updated_at: at,
      failed_attempts: 0,
      locked_until: null,
    });
    if (!updated) {
      throw new AppError('stale_version', 'Tài khoản vừa được thay đổi ở nơi khác; hãy thử lại.');
    }
    const ended = await deleteUserSessions(trx, row.id, session.idHash);
    await appendAudit(
      trx,
      [
        {
          actor: row.username,
          action: 'update',
          entity: 'user',
          entityId: row.username,
          before: { passwordChangedAt: row.password_changed_at },
          after: { passwordChangedAt: at, otherSessionsEnded: ended },
          reason: 'Người dùng đổi mật khẩu',
        },
      ],
      at,
    );
    return { endedSessions: ended };
  });
}

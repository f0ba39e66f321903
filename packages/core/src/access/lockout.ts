/** Consecutive failed logins that lock an account, and for how long. */
export const lockoutPolicy = { maxFailures: 5, lockMinutes: 15 } as const;

export interface LoginThrottle {
  failedAttempts: number;
  /** ISO timestamp; null when not locked. */
  lockedUntil: string | null;
}

export function isLocked(state: LoginThrottle, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil > now.toISOString();
}

/** The state after a wrong password: one more failure, or a lock once the limit is reached. */
export function afterFailedLogin(
  state: LoginThrottle,
  now: Date,
  policy: { maxFailures: number; lockMinutes: number } = lockoutPolicy,
): LoginThrottle {
  // A lock that has run out starts a fresh count.
  const expired = state.lockedUntil !== null && !isLocked(state, now);
  const failures = (expired ? 0 : state.failedAttempts) + 1;
  if (failures >= policy.maxFailures) {
    return {
      failedAttempts: 0,
      lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000).toISOString(),
    };
  }
  return { failedAttempts: failures, lockedUntil: null };
}

export const unlocked: LoginThrottle = { failedAttempts: 0, lockedUntil: null };

import { describe, expect, it } from 'vitest';
import { afterFailedLogin, isLocked, lockoutPolicy, unlocked } from './lockout';
import { passwordProblem } from './password-policy';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 8, minute));

describe('login lockout', () => {
  it('locks after the allowed number of consecutive failures, for the set time', () => {
    let state = unlocked;
    for (let i = 1; i < lockoutPolicy.maxFailures; i++) {
      state = afterFailedLogin(state, at(0));
      expect(isLocked(state, at(0))).toBe(false);
    }
    state = afterFailedLogin(state, at(0));
    expect(isLocked(state, at(0))).toBe(true);
    expect(isLocked(state, at(lockoutPolicy.lockMinutes - 1))).toBe(true);
    expect(isLocked(state, at(lockoutPolicy.lockMinutes))).toBe(false);
  });

  it('starts a fresh count once a lock has run out', () => {
    let state = unlocked;
    for (let i = 0; i < lockoutPolicy.maxFailures; i++) state = afterFailedLogin(state, at(0));
    state = afterFailedLogin(state, at(30));
    expect(state).toEqual({ failedAttempts: 1, lockedUntil: null });
  });
});

describe('password policy', () => {
  it('asks for length, letters and digits, and not the username', () => {
    expect(passwordProblem('ngan1', 'a')).toContain('ít nhất');
    expect(passwordProblem('chỉcóchữcái', 'a')).toContain('chữ và số');
    expect(passwordProblem('12345678', 'a')).toContain('chữ và số');
    expect(passwordProblem('Admin2026', 'admin2026')).toContain('trùng');
    expect(passwordProblem('Mật khẩu 2026', 'admin')).toBeNull();
  });
});

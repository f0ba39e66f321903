export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;

/** Why a new password is refused, in Vietnamese, or null when it is acceptable. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Mật khẩu tối đa ${MAX_PASSWORD_LENGTH} ký tự.`;
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password)) return 'Mật khẩu cần có cả chữ và số.';
  if (password.trim().toLowerCase() === username.trim().toLowerCase())
    return 'Mật khẩu không được trùng tên đăng nhập.';
  return null;
}

import { Permission, Role } from '@ntm/core';
import { z } from 'zod';

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9._-]{3,64}$/,
    'Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới',
  );

export const LoginRequest = z.object({
  username: z.string().trim().min(1, 'Nhập tên đăng nhập').max(64),
  password: z.string().min(1, 'Nhập mật khẩu').max(200),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const CurrentUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  roleLabel: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  departmentCode: z.string().nullable(),
  departmentName: z.string().nullable(),
  /** The area in words: "Huyện Sông Xanh và các đơn vị trực thuộc". */
  area: z.string(),
  permissions: z.array(Permission),
  isDemo: z.boolean(),
});
export type CurrentUser = z.infer<typeof CurrentUser>;

export const SessionResponse = z.object({
  user: CurrentUser.nullable(),
  /** Echo it in the X-CSRF-Token header of every request that changes data. */
  csrfToken: z.string().nullable(),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

export const ChangePasswordRequest = z.object({
  currentPassword: z.string().min(1, 'Nhập mật khẩu hiện tại').max(200),
  newPassword: z.string().max(200),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const LogoutResponse = z.object({ endedSessions: z.number().int() });
export type LogoutResponse = z.infer<typeof LogoutResponse>;

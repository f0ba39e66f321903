import { Role } from '@ntm/core';
import { z } from 'zod';
import { Username } from './auth';

export const UserSummary = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: Role,
  roleLabel: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  departmentCode: z.string().nullable(),
  departmentName: z.string().nullable(),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  isDemo: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  passwordChangedAt: z.string(),
});
export type UserSummary = z.infer<typeof UserSummary>;

export const UserListResponse = z.object({ users: z.array(UserSummary) });
export type UserListResponse = z.infer<typeof UserListResponse>;

const DisplayName = z.string().trim().min(1, 'Nhập họ tên').max(200);
const Reason = z.string().trim().max(1000).optional();

export const CreateUserRequest = z.object({
  username: Username,
  displayName: DisplayName,
  role: Role,
  unitId: z.string().min(1).max(64).nullable().optional(),
  departmentCode: z.string().min(1).max(64).nullable().optional(),
  password: z.string().max(200),
  reason: Reason,
});
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;

/** Fields left out stay as they are; `expectedVersion` is the version the change is based on. */
export const UpdateUserRequest = z.object({
  expectedVersion: z.number().int().min(1),
  displayName: DisplayName.optional(),
  role: Role.optional(),
  unitId: z.string().min(1).max(64).nullable().optional(),
  departmentCode: z.string().min(1).max(64).nullable().optional(),
  active: z.boolean().optional(),
  unlock: z.boolean().optional(),
  reason: Reason,
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;

export const ResetPasswordRequest = z.object({
  expectedVersion: z.number().int().min(1),
  newPassword: z.string().max(200),
  reason: Reason,
});
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequest>;

export const UserIdParams = z.object({ userId: z.string().min(1).max(64) });

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import {
  CreateUserRequest,
  ResetPasswordRequest,
  UpdateUserRequest,
  UserIdParams,
  UserListResponse,
  UserSummary,
} from '../../contract/users';
import type { RouteDeps } from '../../http/app';
import { createUser, listUsers, resetPassword, updateUserAccount } from './users.service';

export const userRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database }) => {
  const tags = ['Quản lý người dùng'];
  const access = { kind: 'admin' } as const;
  app.get(
    '/users',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Danh sách tài khoản',
        response: { 200: UserListResponse, ...errorResponses },
      },
    },
    async (request) => listUsers(database.db, request.viewer),
  );
  app.post(
    '/users',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Tạo tài khoản với vai trò và phạm vi (đơn vị hoặc sở, ngành)',
        body: CreateUserRequest,
        response: { 200: UserSummary, ...errorResponses },
      },
    },
    async (request) => createUser(database.db, request.viewer, request.body),
  );
  app.patch(
    '/users/:userId',
    {
      config: { access },
      schema: {
        tags,
        summary:
          'Sửa tài khoản: họ tên, vai trò, phạm vi, vô hiệu hóa, mở khóa (409 nếu đã có người sửa trước)',
        params: UserIdParams,
        body: UpdateUserRequest,
        response: { 200: UserSummary, ...errorResponses },
      },
    },
    async (request) => updateUserAccount(database.db, request.viewer, request.params.userId, request.body),
  );
  app.post(
    '/users/:userId/password',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Đặt lại mật khẩu cho người dùng; mở khóa và kết thúc mọi phiên của tài khoản',
        params: UserIdParams,
        body: ResetPasswordRequest,
        response: { 200: UserSummary, ...errorResponses },
      },
    },
    async (request) => resetPassword(database.db, request.viewer, request.params.userId, request.body),
  );
};

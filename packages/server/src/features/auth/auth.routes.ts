import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChangePasswordRequest, LoginRequest, LogoutResponse, SessionResponse } from '../../contract/auth';
import { errorResponses, Problem } from '../../contract/common';
import type { RouteDeps } from '../../http/app';
import {
  changePassword,
  describeSession,
  login,
  logout,
  logoutEverywhere,
  SESSION_MAX_AGE_SECONDS,
} from './auth.service';
import { CSRF_COOKIE, csrfCookieOptions, SESSION_COOKIE, sessionCookieOptions } from './session-cookie';

export const authRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database, auth }) => {
  const tags = ['Tài khoản'];
  app.post(
    '/auth/login',
    {
      config: {
        access: { kind: 'public' },
        rateLimit: { max: auth.loginRateLimit, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary:
          'Đăng nhập bằng tên và mật khẩu; đặt cookie phiên (HttpOnly) và trả mã chống giả mạo (CSRF) để gửi kèm mọi yêu cầu thay đổi dữ liệu',
        body: LoginRequest,
        response: { 200: SessionResponse, ...errorResponses, 423: Problem, 429: Problem },
      },
    },
    async (request, reply) => {
      const result = await login(database.db, request.body, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      });
      reply.setCookie(
        SESSION_COOKIE,
        result.sessionId,
        sessionCookieOptions(auth.cookieSecure, SESSION_MAX_AGE_SECONDS),
      );
      reply.setCookie(
        CSRF_COOKIE,
        result.csrfToken,
        csrfCookieOptions(auth.cookieSecure, SESSION_MAX_AGE_SECONDS),
      );
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );
  app.get(
    '/auth/me',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags,
        summary: 'Người dùng của phiên hiện tại (null khi chưa đăng nhập) và mã chống giả mạo (CSRF)',
        response: { 200: SessionResponse },
      },
    },
    async (request) => describeSession(database.db, request.viewer),
  );
  const clearCookies = (reply: { clearCookie(name: string, options: object): unknown }) => {
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
  };
  app.post(
    '/auth/logout',
    {
      config: { access: { kind: 'signed-in' } },
      schema: { tags, summary: 'Đăng xuất phiên này', response: { 200: LogoutResponse, ...errorResponses } },
    },
    async (request, reply) => {
      const result = await logout(database.db, request.viewer);
      clearCookies(reply);
      return result;
    },
  );
  app.post(
    '/auth/logout-all',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        tags,
        summary: 'Đăng xuất khỏi mọi thiết bị (kết thúc mọi phiên của tài khoản)',
        response: { 200: LogoutResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const result = await logoutEverywhere(database.db, request.viewer);
      clearCookies(reply);
      return result;
    },
  );
  app.put(
    '/auth/password',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        tags,
        summary: 'Đổi mật khẩu (cần mật khẩu hiện tại); các phiên khác của tài khoản bị kết thúc',
        body: ChangePasswordRequest,
        response: { 200: LogoutResponse, ...errorResponses, 423: Problem },
      },
    },
    async (request) => changePassword(database.db, request.viewer, request.body),
  );
};

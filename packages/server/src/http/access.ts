import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { type Permission, permissionLabels, roleLabels } from '@ntm/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { DatabaseHandle } from '../db/database';
import { AppError } from '../errors';
import { type AccessScope, scopeOf } from '../features/auth/access-scope';
import { viewerFromSession } from '../features/auth/auth.service';
import { SESSION_COOKIE } from '../features/auth/session-cookie';
import { publicViewer, type Viewer } from '../features/auth/viewer';
import { type DataVersions, readDataVersions } from '../features/data-versions';
import { getUnitDirectory } from '../features/units/unit-directory';

/**
 * Where a route finds the unit it is about: a path or query parameter, or a field of every
 * element of a list in the body. `navigate` asks only to find one's way to the unit (tree,
 * breadcrumbs); otherwise reading needs the unit in the reader's area, and a write needs it
 * where the permission applies.
 */
export type UnitLocator =
  | { in: 'params' | 'query'; key: string; navigate?: boolean }
  | { in: 'body'; list: string; key: string };

/**
 * The one access rule every /api route declares in `config.access`:
 * - `public`: anyone, signed in or not; the service returns aggregates or the catalogue only,
 *   and drops per-unit rows the viewer may not read;
 * - `signed-in`: any signed-in user, about their own account or their own inbox;
 * - `read`: a signed-in user, and the unit (if any) in their area;
 * - `write`: a signed-in user whose role has the permission, the unit (if any) in their area;
 * - `admin`: the province admin only.
 * The gate below refuses early; the services enforce the same scope on every row they return
 * or change.
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'signed-in' }
  | { kind: 'read'; unit?: UnitLocator }
  | { kind: 'write'; permission: Permission; unit?: UnitLocator }
  | { kind: 'admin' };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
  interface FastifyRequest {
    viewer: Viewer;
    /**
     * The data versions read when an /api request arrived: its session is checked against them,
     * and the reads that serve it from caches may take them instead of reading again.
     */
    dataVersions: DataVersions;
  }
  interface FastifyInstance {
    /** Every /api route with its access rule, in registration order. */
    accessRoutes: readonly RouteEntry[];
  }
}

export interface AuthOptions {
  /** Mark cookies Secure; set when the application is served over HTTPS. */
  cookieSecure: boolean;
  /** Login attempts per minute from one address. */
  loginRateLimit: number;
}

export const defaultAuthOptions: AuthOptions = { cookieSecure: false, loginRateLimit: 10 };

export interface RouteEntry {
  method: string;
  url: string;
  access: AccessRule | undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-csrf-token';

function unitIdsOf(request: FastifyRequest, locator: UnitLocator): string[] {
  if (locator.in === 'body') {
    const list = (request.body as Record<string, unknown> | null | undefined)?.[locator.list];
    if (!Array.isArray(list)) return [];
    return [
      ...new Set(
        list.flatMap((row: unknown) => {
          const id = (row as Record<string, unknown> | null)?.[locator.key];
          return typeof id === 'string' ? [id] : [];
        }),
      ),
    ];
  }
  const source = (locator.in === 'params' ? request.params : request.query) as Record<string, unknown>;
  const id = source?.[locator.key];
  return typeof id === 'string' ? [id] : [];
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function unauthenticated(): AppError {
  return new AppError('unauthenticated', 'Bạn cần đăng nhập để xem hoặc thay đổi nội dung này.');
}

function outsideArea(scope: AccessScope, name: string, doing: string): AppError {
  return new AppError(
    'forbidden',
    `Bạn không có quyền ${doing} ${name}: đơn vị này nằm ngoài phạm vi được giao (${scope.area}).`,
  );
}

async function checkUnits(
  database: DatabaseHandle,
  request: FastifyRequest,
  locator: UnitLocator,
  permission: Permission | null,
): Promise<void> {
  const ids = unitIdsOf(request, locator);
  if (ids.length === 0) return;
  const directory = await getUnitDirectory(database.db, request.dataVersions);
  const scope = scopeOf(directory, request.viewer);
  for (const id of ids) {
    const unit = directory.byId.get(id);
    // An unknown unit is the service's to report (404, or a row problem), not a refusal.
    if (!unit) continue;
    if (permission === null) {
      const navigate = locator.in !== 'body' && locator.navigate === true;
      if (scope.readsEverything || scope.canRead(id) || (navigate && scope.canNavigate(id))) continue;
      throw outsideArea(scope, unit.name, 'xem');
    }
    if (permission === 'enter_values' && !scope.canWrite(id))
      throw outsideArea(scope, unit.name, 'nhập số liệu cho');
    if (permission === 'review_values' && !scope.canVerify(id))
      throw outsideArea(scope, unit.name, 'xác minh số liệu của');
  }
}

/** A signed-in viewer, whose writes carry the CSRF token of their session; 401 or 403 otherwise. */
function signedIn(request: FastifyRequest): Extract<Viewer, { kind: 'user' }> {
  const viewer = request.viewer;
  if (viewer.kind !== 'user') throw unauthenticated();
  if (!SAFE_METHODS.has(request.method)) {
    const token = request.headers[CSRF_HEADER];
    if (typeof token !== 'string' || !sameToken(token, viewer.session.csrfToken)) {
      throw new AppError(
        'csrf_failed',
        'Yêu cầu thay đổi dữ liệu thiếu mã chống giả mạo (CSRF) hợp lệ; hãy tải lại trang rồi thử lại.',
      );
    }
  }
  return viewer;
}

async function enforceRule(
  database: DatabaseHandle,
  request: FastifyRequest,
  rule: AccessRule,
): Promise<void> {
  switch (rule.kind) {
    case 'public':
      return;
    case 'signed-in':
      signedIn(request);
      return;
    case 'admin': {
      const { role } = signedIn(request).user;
      if (role !== 'province_admin') {
        throw new AppError(
          'forbidden',
          `Chỉ quản trị tỉnh (Văn phòng Điều phối NTM) được làm việc này; vai trò của bạn là ${roleLabels[role]}.`,
        );
      }
      return;
    }
    case 'read':
      signedIn(request);
      if (rule.unit) await checkUnits(database, request, rule.unit, null);
      return;
    case 'write': {
      const viewer = signedIn(request);
      const scope = scopeOf(await getUnitDirectory(database.db, request.dataVersions), viewer);
      if (!scope.has(rule.permission)) {
        throw new AppError(
          'forbidden',
          `Vai trò ${roleLabels[viewer.user.role]} không được ${permissionLabels[rule.permission]}.`,
        );
      }
      if (rule.unit) await checkUnits(database, request, rule.unit, rule.permission);
      return;
    }
  }
}

/**
 * Sessions, CSRF and the access gate. Must be registered before the routes: it collects every
 * /api route with its rule (the authorisation matrix test is generated from this table) and
 * refuses a request whose route declares no rule.
 */
export async function registerAccessControl(app: FastifyInstance, database: DatabaseHandle): Promise<void> {
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError(
        'rate_limited',
        `Có quá nhiều lần thử đăng nhập từ địa chỉ này; hãy chờ khoảng ${Math.ceil(context.ttl / 1000)} giây rồi thử lại.`,
      ),
  });
  // Set on every request by the onRequest hook below.
  app.decorateRequest('viewer');
  app.decorateRequest('dataVersions');
  const table: RouteEntry[] = [];
  app.decorate('accessRoutes', table);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api')) return;
    // The documentation plugin's own pages are as public as the document they show.
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, access: { kind: 'public' } };
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') table.push({ method, url: route.url, access: route.config?.access });
    }
  });

  app.addHook('onRequest', async (request) => {
    request.viewer = publicViewer;
    if (!request.url.startsWith('/api')) return;
    request.dataVersions = await readDataVersions(database.db);
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie === undefined) return;
    request.viewer =
      (await viewerFromSession(database.db, cookie, request.dataVersions.accounts)) ?? publicViewer;
  });
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.url === undefined || !request.routeOptions.url.startsWith('/api')) return;
    const rule = request.routeOptions.config.access;
    if (!rule) {
      throw new AppError('forbidden', 'Đường dẫn này chưa khai báo quy tắc truy cập nên bị từ chối.');
    }
    await enforceRule(database, request, rule);
  });
}

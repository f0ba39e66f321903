import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPage, AuditQuery, UnitHistoryQuery } from '../../contract/audit';
import { errorResponses } from '../../contract/common';
import { UnitIdParams } from '../../contract/units';
import type { RouteDeps } from '../../http/app';
import { browseAudit, unitHistory } from './audit.service';

export const auditRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database }) => {
  const tags = ['Nhật ký thay đổi'];
  app.get(
    '/audit',
    {
      config: { access: { kind: 'admin' } },
      schema: {
        tags,
        summary:
          'Nhật ký mọi thay đổi (ai, lúc nào, trước và sau, lý do), lọc theo người, hành động, đối tượng, đơn vị, ngày; mới nhất trước',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errorResponses },
      },
    },
    async (request) => browseAudit(database.db, request.viewer, request.query),
  );
  app.get(
    '/units/:id/history',
    {
      config: { access: { kind: 'read', unit: { in: 'params', key: 'id' } } },
      schema: {
        tags,
        summary:
          'Lịch sử thay đổi liên quan đến một đơn vị (số liệu, quy trình duyệt, tài khoản), mới nhất trước',
        params: UnitIdParams,
        querystring: UnitHistoryQuery,
        response: { 200: AuditPage, ...errorResponses },
      },
    },
    async (request) => unitHistory(database.db, request.viewer, request.params.id, request.query),
  );
};

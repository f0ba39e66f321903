import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import { ResponsibilityQuery, ResponsibilityResponse, ResponsibilityUpdate } from '../../contract/follow-up';
import type { RouteDeps } from '../../http/app';
import { responsibilityMatrixFor, updateResponsibility } from './responsibility.service';

export const responsibilityRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database }) => {
  const tags = ['Trách nhiệm'];
  app.get(
    '/responsibility',
    {
      config: { access: { kind: 'read' } },
      schema: {
        tags,
        summary:
          'Ma trận trách nhiệm: sở, ngành phụ trách từng tiêu chí (và chỉ tiêu) trong năm, kèm người liên hệ',
        querystring: ResponsibilityQuery,
        response: { 200: ResponsibilityResponse, ...errorResponses },
      },
    },
    async (request) => responsibilityMatrixFor(database.db, request.viewer, request.query),
  );
  app.put(
    '/responsibility',
    {
      config: { access: { kind: 'write', permission: 'manage_responsibility' } },
      schema: {
        tags,
        summary:
          'Tỉnh phân công sở, ngành phụ trách một tiêu chí (hoặc chỉ tiêu) trong năm; departmentCode null: trở về mặc định',
        body: ResponsibilityUpdate,
        response: { 200: ResponsibilityResponse, ...errorResponses },
      },
    },
    async (request) => updateResponsibility(database.db, request.viewer, request.body),
  );
};

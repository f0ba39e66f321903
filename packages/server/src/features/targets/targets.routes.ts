import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import { TargetsQuery, TargetsResponse } from '../../contract/targets';
import type { RouteDeps } from '../../http/app';
import { targetProgress } from './targets.service';

export const targetRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database }) => {
  app.get(
    '/targets',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags: ['Kế hoạch và mục tiêu'],
        summary: 'Mục tiêu của năm và kết quả thực hiện tính trực tiếp từ các quyết định công nhận',
        querystring: TargetsQuery,
        response: { 200: TargetsResponse, ...errorResponses },
      },
    },
    async (request) =>
      targetProgress(database.db, {
        year: request.query.year,
        ...(request.query.unitId ? { unitId: request.query.unitId } : {}),
        ...(request.query.asOf ? { asOf: request.query.asOf } : {}),
      }),
  );
};

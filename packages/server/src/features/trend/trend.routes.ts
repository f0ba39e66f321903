import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import { UnitTrendQuery, UnitTrendResponse } from '../../contract/trend';
import { UnitIdParams } from '../../contract/units';
import type { RouteDeps } from '../../http/app';
import { unitTrend } from './trend.service';

export const trendRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database }) => {
  app.get(
    '/units/:id/trend',
    {
      config: { access: { kind: 'read', unit: { in: 'params', key: 'id' } } },
      schema: {
        tags: ['Đánh giá'],
        summary:
          'Diễn biến qua các năm của một đơn vị: số tiêu chí đạt, kết quả từng tiêu chí và giá trị từng chỉ tiêu, mỗi năm theo bộ tiêu chí áp dụng năm đó',
        params: UnitIdParams,
        querystring: UnitTrendQuery,
        response: { 200: UnitTrendResponse, ...errorResponses },
      },
    },
    async (request) => unitTrend(database.db, request.viewer, request.params.id, request.query),
  );
};

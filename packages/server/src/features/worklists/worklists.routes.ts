import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import { WorklistQuery, WorklistResponse } from '../../contract/follow-up';
import type { RouteDeps } from '../../http/app';
import { worklistFor } from './worklists.service';

export const worklistRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database }) => {
  app.get(
    '/worklist',
    {
      config: { access: { kind: 'read' } },
      schema: {
        tags: ['Việc cần làm'],
        summary:
          'Việc cần làm của một sở, ngành: các xã chưa đạt (hoặc chưa có số liệu) ở tiêu chí sở phụ trách, kèm khoảng cách, xu hướng, vướng mắc và đăng ký; tỷ lệ xã đạt năm nay so với năm trước',
        querystring: WorklistQuery,
        response: { 200: WorklistResponse, ...errorResponses },
      },
    },
    async (request) => worklistFor(database.db, request.viewer, request.query),
  );
};

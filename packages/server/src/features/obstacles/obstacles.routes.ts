import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import {
  ObstacleCommentCreate,
  ObstacleCreate,
  ObstacleDetail,
  ObstacleIdParams,
  ObstacleListQuery,
  ObstacleListResponse,
  ObstacleTransitionRequest,
} from '../../contract/follow-up';
import type { RouteDeps } from '../../http/app';
import {
  commentOnObstacle,
  listObstacles,
  moveObstacle,
  obstacleDetail,
  raiseObstacle,
} from './obstacles.service';

export const obstacleRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database }) => {
  const tags = ['Vướng mắc'];
  app.get(
    '/obstacles',
    {
      config: { access: { kind: 'read', unit: { in: 'query', key: 'unitId' } } },
      schema: {
        tags,
        summary: 'Vướng mắc trong phạm vi của tôi (lọc theo năm, đơn vị, sở phụ trách, trạng thái, quá hạn)',
        querystring: ObstacleListQuery,
        response: { 200: ObstacleListResponse, ...errorResponses },
      },
    },
    async (request) => listObstacles(database.db, request.viewer, request.query),
  );
  app.post(
    '/obstacles',
    {
      config: { access: { kind: 'write', permission: 'raise_obstacles' } },
      schema: {
        tags,
        summary:
          'Nêu vướng mắc về một tiêu chí (hoặc chỉ tiêu) của một đơn vị; tự chuyển tới sở, ngành phụ trách',
        body: ObstacleCreate,
        response: { 200: ObstacleDetail, ...errorResponses },
      },
    },
    async (request) => raiseObstacle(database.db, request.viewer, request.body),
  );
  app.get(
    '/obstacles/:obstacleId',
    {
      config: { access: { kind: 'read' } },
      schema: {
        tags,
        summary: 'Chi tiết vướng mắc, trao đổi, tệp đính kèm và các thao tác tôi được làm',
        params: ObstacleIdParams,
        response: { 200: ObstacleDetail, ...errorResponses },
      },
    },
    async (request) => obstacleDetail(database.db, request.viewer, request.params.obstacleId),
  );
  app.post(
    '/obstacles/:obstacleId/comments',
    {
      config: { access: { kind: 'write', permission: 'raise_obstacles' } },
      schema: {
        tags,
        summary: 'Trao đổi về vướng mắc (kèm tệp đã tải lên qua /api/attachments)',
        params: ObstacleIdParams,
        body: ObstacleCommentCreate,
        response: { 200: ObstacleDetail, ...errorResponses },
      },
    },
    async (request) =>
      commentOnObstacle(database.db, request.viewer, request.params.obstacleId, request.body),
  );
  app.post(
    '/obstacles/:obstacleId/transition',
    {
      config: { access: { kind: 'write', permission: 'raise_obstacles' } },
      schema: {
        tags,
        summary: 'Tiếp nhận, giải quyết (kèm kết quả), không tiếp nhận (kèm lý do) hoặc mở lại vướng mắc',
        params: ObstacleIdParams,
        body: ObstacleTransitionRequest,
        response: { 200: ObstacleDetail, ...errorResponses },
      },
    },
    async (request) => moveObstacle(database.db, request.viewer, request.params.obstacleId, request.body),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  BoundariesQuery,
  BoundariesResponse,
  BoundaryUploadRequest,
  BoundaryUploadResponse,
} from '../../contract/boundaries';
import { errorResponses } from '../../contract/common';
import { UnitIdParams } from '../../contract/units';
import type { RouteDeps } from '../../http/app';
import { actorName } from '../auth/viewer';
import { boundariesOfSubtree, uploadBoundaries } from './boundaries.service';

export const boundaryRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database }) => {
  const tags = ['Bản đồ'];
  app.get(
    '/units/:id/boundaries',
    {
      // Administrative boundaries are public geography, like the unit names on any map.
      config: { access: { kind: 'public' } },
      schema: {
        tags,
        summary:
          'Ranh giới (GeoJSON, WGS 84) các đơn vị một cấp trong một địa bàn vào ngày cho trước, kèm ranh giới cấp trên và danh sách đơn vị chưa có ranh giới',
        params: UnitIdParams,
        querystring: BoundariesQuery,
        response: { 200: BoundariesResponse, ...errorResponses },
      },
    },
    async (request) =>
      boundariesOfSubtree(database.db, request.params.id, {
        level: request.query.level,
        ...(request.query.date ? { date: request.query.date } : {}),
      }),
  );
  app.put(
    '/boundaries',
    {
      config: { access: { kind: 'admin' } },
      schema: {
        tags,
        summary:
          'Tải lên ranh giới từ một GeoJSON FeatureCollection: mã đơn vị được đối chiếu với các đơn vị có hiệu lực vào ngày cho trước; mã không khớp được liệt kê (422) hoặc bỏ qua nếu chọn ignoreUnknownCodes',
        body: BoundaryUploadRequest,
        response: { 200: BoundaryUploadResponse, ...errorResponses },
      },
    },
    async (request) => uploadBoundaries(database.db, request.body, actorName(request.viewer)),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../contract/common';
import { RecognitionSchema } from '../../contract/evaluation';
import { UnitIdParams } from '../../contract/units';
import type { RouteDeps } from '../../http/app';
import { unitRecognitions } from './recognitions.service';

export const recognitionRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database }) => {
  app.get(
    '/units/:id/recognitions',
    {
      config: { access: { kind: 'read', unit: { in: 'params', key: 'id' } } },
      schema: {
        tags: ['Công nhận'],
        summary: 'Các quyết định công nhận (và thu hồi) của một đơn vị',
        params: UnitIdParams,
        response: { 200: z.object({ recognitions: z.array(RecognitionSchema) }), ...errorResponses },
      },
    },
    async (request) => unitRecognitions(database.db, request.viewer, request.params.id),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../contract/common';
import { RecognitionSchema } from '../../contract/evaluation';
import { UnitIdParams } from '../../contract/units';
import type { RouteDeps } from '../../http/app';
import { getUnitDirectory, requireUnit } from '../units/unit-directory';
import { recognitionsForUnits } from './recognitions.repository';

export const recognitionRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database }) => {
  app.get(
    '/units/:id/recognitions',
    {
      schema: {
        tags: ['Công nhận'],
        summary: 'Các quyết định công nhận (và thu hồi) của một đơn vị',
        params: UnitIdParams,
        response: { 200: z.object({ recognitions: z.array(RecognitionSchema) }), ...errorResponses },
      },
    },
    async (request) => {
      requireUnit(await getUnitDirectory(database.db), request.params.id);
      return { recognitions: await recognitionsForUnits(database.db, [request.params.id]) };
    },
  );
};

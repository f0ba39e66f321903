import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import {
  EvaluationQuery,
  RollupQuery,
  RollupResponse,
  UnitEvaluationResponse,
} from '../../contract/evaluation';
import { UnitIdParams } from '../../contract/units';
import type { RouteDeps } from '../../http/app';
import { evaluateOneUnit, rollUpSubtree } from './evaluation.service';

export const evaluationRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database }) => {
  const tags = ['Đánh giá'];
  app.get(
    '/units/:id/evaluation',
    {
      schema: {
        tags,
        summary:
          'Đánh giá một đơn vị trong một năm: từng tiêu chí, chỉ tiêu, giá trị, ngưỡng (nguồn, đã kiểm chứng hay chưa), đạt/không đạt và khoảng cách',
        params: UnitIdParams,
        querystring: EvaluationQuery,
        response: { 200: UnitEvaluationResponse, ...errorResponses },
      },
    },
    async (request) =>
      evaluateOneUnit(database.db, request.params.id, {
        year: request.query.year,
        tier: request.query.tier,
        ...(request.query.criteriaSetId ? { criteriaSetId: request.query.criteriaSetId } : {}),
      }),
  );
  app.get(
    '/units/:id/rollup',
    {
      schema: {
        tags,
        summary:
          'Tổng hợp trực tiếp cho một địa bàn và một năm: số xã đạt từng tiêu chí, nhóm theo số tiêu chí đạt, số xã theo mức công nhận, bình quân tiêu chí/xã',
        params: UnitIdParams,
        querystring: RollupQuery,
        response: { 200: RollupResponse, ...errorResponses },
      },
    },
    async (request) =>
      rollUpSubtree(database.db, request.params.id, {
        year: request.query.year,
        ...(request.query.criteriaSetId ? { criteriaSetId: request.query.criteriaSetId } : {}),
        ...(request.query.date ? { date: request.query.date } : {}),
      }),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import {
  EvaluationQuery,
  NationRollupResponse,
  RollupQuery,
  RollupResponse,
  UnitEvaluationResponse,
  VillageEvaluationsQuery,
  VillageEvaluationsResponse,
} from '../../contract/evaluation';
import { UnitIdParams } from '../../contract/units';
import type { RouteDeps } from '../../http/app';
import { sendEncodedOnce } from '../../http/encoded-once';
import { evaluateUnitFor, evaluateVillagesFor, rollUpFor, rollUpNationFor } from './scoped-evaluation';

export const evaluationRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database }) => {
  const tags = ['Đánh giá'];
  app.get(
    '/units/:id/evaluation',
    {
      config: { access: { kind: 'read', unit: { in: 'params', key: 'id' } } },
      schema: {
        tags,
        summary:
          'Đánh giá một đơn vị trong một năm: từng tiêu chí, chỉ tiêu, giá trị, ngưỡng (nguồn, đã kiểm chứng hay chưa), đạt/không đạt và khoảng cách; basis=approved chỉ dùng số liệu đã phê duyệt',
        params: UnitIdParams,
        querystring: EvaluationQuery,
        response: { 200: UnitEvaluationResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendEncodedOnce(
        request,
        reply,
        UnitEvaluationResponse,
        await evaluateUnitFor(
          database.db,
          request.viewer,
          request.params.id,
          {
            year: request.query.year,
            tier: request.query.tier,
            basis: request.query.basis,
            ...(request.query.criteriaSetId ? { criteriaSetId: request.query.criteriaSetId } : {}),
          },
          request.dataVersions,
        ),
      ),
  );
  app.get(
    '/units/:id/rollup',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags,
        summary:
          'Tổng hợp trực tiếp cho một địa bàn và một năm: số xã đạt từng tiêu chí, nhóm theo số tiêu chí đạt, số xã theo mức công nhận, bình quân tiêu chí/xã',
        params: UnitIdParams,
        querystring: RollupQuery,
        response: { 200: RollupResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendEncodedOnce(
        request,
        reply,
        RollupResponse,
        await rollUpFor(
          database.db,
          request.viewer,
          request.params.id,
          {
            year: request.query.year,
            basis: request.query.basis,
            ...(request.query.criteriaSetId ? { criteriaSetId: request.query.criteriaSetId } : {}),
            ...(request.query.date ? { date: request.query.date } : {}),
          },
          request.dataVersions,
        ),
      ),
  );
  app.get(
    '/units/:id/villages/evaluation',
    {
      config: { access: { kind: 'read', unit: { in: 'params', key: 'id' } } },
      schema: {
        tags,
        summary:
          'Đánh giá mọi thôn của một xã theo bộ tiêu chí thôn đạt chuẩn NTM trong một năm, trong một lần gọi: đạt/chưa đạt, số tiêu chí đạt, quyết định công nhận',
        params: UnitIdParams,
        querystring: VillageEvaluationsQuery,
        response: { 200: VillageEvaluationsResponse, ...errorResponses },
      },
    },
    async (request) =>
      evaluateVillagesFor(database.db, request.viewer, request.params.id, {
        year: request.query.year,
        basis: request.query.basis,
      }),
  );
  app.get(
    '/rollup',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags,
        summary:
          'Tổng hợp trực tiếp toàn quốc cho một năm: mọi xã của mọi tỉnh có hiệu lực vào ngày cuối năm (hoặc ngày cho trước)',
        querystring: RollupQuery,
        response: { 200: NationRollupResponse, ...errorResponses },
      },
    },
    async (request, reply) =>
      sendEncodedOnce(
        request,
        reply,
        NationRollupResponse,
        await rollUpNationFor(
          database.db,
          request.viewer,
          {
            year: request.query.year,
            basis: request.query.basis,
            ...(request.query.criteriaSetId ? { criteriaSetId: request.query.criteriaSetId } : {}),
            ...(request.query.date ? { date: request.query.date } : {}),
          },
          request.dataVersions,
        ),
      ),
  );
};

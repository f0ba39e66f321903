import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CriteriaSetIdParams } from '../../contract/catalog';
import { CriteriaSetComparisonQuery, CriteriaSetComparisonResponse } from '../../contract/catalog-compare';
import { errorResponses } from '../../contract/common';
import type { RouteDeps } from '../../http/app';
import { compareSets } from './catalog-compare.service';

export const catalogCompareRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app) => {
  app.get(
    '/criteria-sets/:id/comparison',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags: ['Bộ tiêu chí'],
        summary:
          'So sánh hai bộ tiêu chí: tiêu chí, chỉ tiêu thêm, bỏ, đổi tên; ngưỡng nâng lên (chặt hơn) hay hạ xuống, theo từng vùng',
        params: CriteriaSetIdParams,
        querystring: CriteriaSetComparisonQuery,
        response: { 200: CriteriaSetComparisonResponse, ...errorResponses },
      },
    },
    async (request) => compareSets(request.params.id, request.query.with),
  );
};

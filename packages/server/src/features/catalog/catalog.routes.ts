import { departments, measures } from '@ntm/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CriteriaSetDetailResponse,
  CriteriaSetIdParams,
  CriteriaSetListResponse,
  DepartmentListResponse,
  MeasureListResponse,
} from '../../contract/catalog';
import { errorResponses } from '../../contract/common';
import type { RouteDeps } from '../../http/app';
import { allCriteriaSets, evaluabilityOf, requireCriteriaSet, summariseSet } from './catalog.service';

export const catalogRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app) => {
  const tags = ['Bộ tiêu chí'];
  app.get(
    '/criteria-sets',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags,
        summary: 'Các bộ tiêu chí và căn cứ pháp lý',
        response: { 200: CriteriaSetListResponse },
      },
    },
    async () => ({ criteriaSets: allCriteriaSets().map(summariseSet) }),
  );
  app.get(
    '/criteria-sets/:id',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags,
        summary: 'Một bộ tiêu chí đầy đủ: tiêu chí, chỉ tiêu, ngưỡng (nguồn, đã kiểm chứng hay chưa)',
        params: CriteriaSetIdParams,
        response: { 200: CriteriaSetDetailResponse, ...errorResponses },
      },
    },
    async (request) => {
      const set = requireCriteriaSet(request.params.id);
      const { evaluable, problems } = evaluabilityOf(set);
      return { criteriaSet: set, evaluable, problems };
    },
  );
  app.get(
    '/measures',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags,
        summary: 'Các đại lượng đo (số liệu xã báo cáo)',
        response: { 200: MeasureListResponse },
      },
    },
    async () => ({ measures: [...measures] }),
  );
  app.get(
    '/departments',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags,
        summary: 'Các sở, ngành phụ trách tiêu chí',
        response: { 200: DepartmentListResponse },
      },
    },
    async () => ({ departments: [...departments] }),
  );
};

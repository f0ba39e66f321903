import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import { UnitIdParams } from '../../contract/units';
import {
  BulkValueWriteRequest,
  BulkValueWriteResponse,
  UnitValuesQuery,
  UnitValuesResponse,
} from '../../contract/values';
import type { RouteDeps } from '../../http/app';
import { getUnitValues, writeValues } from './values.service';

export const valueRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database }) => {
  const tags = ['Số liệu'];
  app.get(
    '/units/:id/values',
    {
      config: { access: { kind: 'read', unit: { in: 'params', key: 'id' } } },
      schema: {
        tags,
        summary: 'Số liệu các đại lượng của một đơn vị trong một năm',
        params: UnitIdParams,
        querystring: UnitValuesQuery,
        response: { 200: UnitValuesResponse, ...errorResponses },
      },
    },
    async (request) => getUnitValues(database.db, request.viewer, request.params.id, request.query.year),
  );
  app.put(
    '/values',
    {
      config: {
        access: {
          kind: 'write',
          permission: 'enter_values',
          unit: { in: 'body', list: 'values', key: 'unitId' },
        },
      },
      schema: {
        tags,
        summary:
          'Ghi hàng loạt số liệu: kiểm tra từng dòng, ghi tất cả hoặc không ghi gì (422 liệt kê từng dòng lỗi)',
        body: BulkValueWriteRequest,
        response: { 200: BulkValueWriteResponse, ...errorResponses },
      },
    },
    async (request) => writeValues(database.db, request.viewer, request.body),
  );
};

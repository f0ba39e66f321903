import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import {
  UnitDetailResponse,
  UnitIdParams,
  UnitListResponse,
  UnitSearchQuery,
  UnitsAtDateQuery,
} from '../../contract/units';
import type { RouteDeps } from '../../http/app';
import { getUnitDetail, listChildUnits, listRootUnits, searchUnitsOn, today } from './units.service';

export const unitRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database }) => {
  const tags = ['Đơn vị hành chính'];
  app.get(
    '/units',
    {
      config: { access: { kind: 'read' } },
      schema: {
        tags,
        summary: 'Các đơn vị cấp cao nhất (tỉnh) có hiệu lực vào ngày cho trước',
        querystring: UnitsAtDateQuery,
        response: { 200: UnitListResponse, ...errorResponses },
      },
    },
    async (request) => listRootUnits(database.db, request.viewer, request.query.date ?? today()),
  );
  app.get(
    '/units/search',
    {
      config: { access: { kind: 'read' } },
      schema: {
        tags,
        summary: 'Tìm đơn vị theo tên hoặc mã, không phân biệt dấu',
        querystring: UnitSearchQuery,
        response: { 200: UnitListResponse, ...errorResponses },
      },
    },
    async (request) =>
      searchUnitsOn(database.db, request.viewer, {
        q: request.query.q,
        date: request.query.date ?? today(),
        limit: request.query.limit,
        ...(request.query.level ? { level: request.query.level } : {}),
      }),
  );
  app.get(
    '/units/:id',
    {
      config: { access: { kind: 'read', unit: { in: 'params', key: 'id', navigate: true } } },
      schema: {
        tags,
        summary: 'Chi tiết một đơn vị, cấp trên, đơn vị tiền thân và kế thừa',
        params: UnitIdParams,
        response: { 200: UnitDetailResponse, ...errorResponses },
      },
    },
    async (request) => getUnitDetail(database.db, request.viewer, request.params.id),
  );
  app.get(
    '/units/:id/children',
    {
      config: { access: { kind: 'read', unit: { in: 'params', key: 'id', navigate: true } } },
      schema: {
        tags,
        summary: 'Các đơn vị trực thuộc vào ngày cho trước',
        params: UnitIdParams,
        querystring: UnitsAtDateQuery,
        response: { 200: UnitListResponse, ...errorResponses },
      },
    },
    async (request) =>
      listChildUnits(database.db, request.viewer, request.params.id, request.query.date ?? today()),
  );
};

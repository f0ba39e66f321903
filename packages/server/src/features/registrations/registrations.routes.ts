import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import {
  CandidatesQuery,
  CandidatesResponse,
  RegistrationCreateRequest,
  RegistrationDetailResponse,
  RegistrationIdParams,
  RegistrationItemsRequest,
  RegistrationListQuery,
  RegistrationListResponse,
  RegistrationReviewRequest,
} from '../../contract/registrations';
import type { RouteDeps } from '../../http/app';
import {
  createRegistration,
  listRegistrations,
  registrationCandidates,
  registrationDetail,
  reviewRegistration,
  reviseRegistration,
  saveItems,
  submitRegistration,
} from './registrations.service';

export const registrationRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database }) => {
  const tags = ['Đăng ký mục tiêu'];
  const detail = { 200: RegistrationDetailResponse, ...errorResponses };
  app.get(
    '/registrations',
    {
      config: { access: { kind: 'read' } },
      schema: {
        tags,
        summary: 'Các bản đăng ký của năm trong phạm vi người dùng',
        querystring: RegistrationListQuery,
        response: { 200: RegistrationListResponse, ...errorResponses },
      },
    },
    async (request) => listRegistrations(database.db, request.viewer, request.query.year),
  );
  app.post(
    '/registrations',
    {
      config: { access: { kind: 'write', permission: 'propose_registrations' } },
      schema: {
        tags,
        summary: 'Lập bản đăng ký của một huyện (hoặc xã) cho năm: một bản mỗi đơn vị mỗi năm',
        body: RegistrationCreateRequest,
        response: detail,
      },
    },
    async (request) => createRegistration(database.db, request.viewer, request.body),
  );
  app.get(
    '/registrations/:registrationId',
    {
      config: { access: { kind: 'read' } },
      schema: {
        tags,
        summary: 'Một bản đăng ký với mọi phiên bản, quyết định của tỉnh và các thay đổi giữa các phiên bản',
        params: RegistrationIdParams,
        response: detail,
      },
    },
    async (request) => registrationDetail(database.db, request.viewer, request.params.registrationId),
  );
  app.put(
    '/registrations/:registrationId/items',
    {
      config: { access: { kind: 'write', permission: 'propose_registrations' } },
      schema: {
        tags,
        summary:
          'Thay danh sách đơn vị của bản đang soạn; đơn vị ngoài địa bàn, sai cấp hoặc đã được công nhận trả 422, không ghi gì',
        params: RegistrationIdParams,
        body: RegistrationItemsRequest,
        response: detail,
      },
    },
    async (request) => saveItems(database.db, request.viewer, request.params.registrationId, request.body),
  );
  app.post(
    '/registrations/:registrationId/submit',
    {
      config: { access: { kind: 'write', permission: 'propose_registrations' } },
      schema: {
        tags,
        summary: 'Gửi bản đang soạn để tỉnh duyệt',
        params: RegistrationIdParams,
        response: detail,
      },
    },
    async (request) => submitRegistration(database.db, request.viewer, request.params.registrationId),
  );
  app.post(
    '/registrations/:registrationId/review',
    {
      config: { access: { kind: 'write', permission: 'review_registrations' } },
      schema: {
        tags,
        summary:
          'Tỉnh duyệt từng đơn vị: chấp thuận, điều chỉnh (mức hoặc tháng) hoặc không chấp thuận, kèm lý do; phiên bản được duyệt là căn cứ tính tiến độ',
        params: RegistrationIdParams,
        body: RegistrationReviewRequest,
        response: detail,
      },
    },
    async (request) =>
      reviewRegistration(database.db, request.viewer, request.params.registrationId, request.body),
  );
  app.post(
    '/registrations/:registrationId/revise',
    {
      config: { access: { kind: 'write', permission: 'propose_registrations' } },
      schema: {
        tags,
        summary:
          'Lập phiên bản điều chỉnh từ bản đã duyệt; bản đã duyệt vẫn có hiệu lực đến khi tỉnh duyệt bản mới',
        params: RegistrationIdParams,
        response: detail,
      },
    },
    async (request) => reviseRegistration(database.db, request.viewer, request.params.registrationId),
  );
  app.get(
    '/candidates',
    {
      config: { access: { kind: 'read', unit: { in: 'query', key: 'unitId' } } },
      schema: {
        tags,
        summary:
          'Các đơn vị gần đạt một mức nhất trong một địa bàn: ít tiêu chí còn thiếu, tổng khoảng cách chuẩn hóa nhỏ, đủ điều kiện tiên quyết',
        querystring: CandidatesQuery,
        response: { 200: CandidatesResponse, ...errorResponses },
      },
    },
    async (request) => registrationCandidates(database.db, request.viewer, request.query),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import {
  DirectiveDetailResponse,
  DirectiveIdParams,
  DirectiveListResponse,
  DirectiveWriteRequest,
  TaskIdParams,
  TaskListQuery,
  TaskListResponse,
  TaskReportRequest,
  TaskUpdateRequest,
  TaskWriteRequest,
} from '../../contract/directives';
import type { RouteDeps } from '../../http/app';
import {
  createDirective,
  createTask,
  directiveDetail,
  listDirectives,
  listTasks,
  reportTask,
  updateDirective,
  updateTask,
} from './directives.service';

export const directiveRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database }) => {
  const tags = ['Chỉ thị và nhiệm vụ'];
  const detail = { 200: DirectiveDetailResponse, ...errorResponses };
  app.get(
    '/directives',
    {
      config: { access: { kind: 'read' } },
      schema: {
        tags,
        summary: 'Các chỉ thị với số nhiệm vụ, số đã hoàn thành và số quá hạn',
        response: { 200: DirectiveListResponse, ...errorResponses },
      },
    },
    async (request) => listDirectives(database.db, request.viewer),
  );
  app.post(
    '/directives',
    {
      config: { access: { kind: 'write', permission: 'manage_plans' } },
      schema: { tags, summary: 'Ban hành (nhập) một chỉ thị', body: DirectiveWriteRequest, response: detail },
    },
    async (request) => createDirective(database.db, request.viewer, request.body),
  );
  app.get(
    '/directives/:directiveId',
    {
      config: { access: { kind: 'read' } },
      schema: {
        tags,
        summary: 'Một chỉ thị với các nhiệm vụ, báo cáo tiến độ và tệp đính kèm',
        params: DirectiveIdParams,
        response: detail,
      },
    },
    async (request) => directiveDetail(database.db, request.viewer, request.params.directiveId),
  );
  app.put(
    '/directives/:directiveId',
    {
      config: { access: { kind: 'write', permission: 'manage_plans' } },
      schema: {
        tags,
        summary: 'Sửa số hiệu, ngày, cơ quan ban hành, trích yếu hoặc nội dung của chỉ thị',
        params: DirectiveIdParams,
        body: DirectiveWriteRequest,
        response: detail,
      },
    },
    async (request) => updateDirective(database.db, request.viewer, request.params.directiveId, request.body),
  );
  app.post(
    '/directives/:directiveId/tasks',
    {
      config: { access: { kind: 'write', permission: 'manage_plans' } },
      schema: {
        tags,
        summary:
          'Giao một nhiệm vụ cho sở, ngành, huyện hoặc xã; thời hạn trước ngày ban hành chỉ thị trả 422. Đơn vị được giao nhận thông báo',
        params: DirectiveIdParams,
        body: TaskWriteRequest,
        response: detail,
      },
    },
    async (request) => createTask(database.db, request.viewer, request.params.directiveId, request.body),
  );
  app.put(
    '/tasks/:taskId',
    {
      config: { access: { kind: 'write', permission: 'manage_plans' } },
      schema: {
        tags,
        summary:
          'Sửa nhiệm vụ (kèm phiên bản đang xem); giao lại cho đơn vị khác thì đơn vị mới nhận thông báo',
        params: TaskIdParams,
        body: TaskUpdateRequest,
        response: detail,
      },
    },
    async (request) => updateTask(database.db, request.viewer, request.params.taskId, request.body),
  );
  app.post(
    '/tasks/:taskId/reports',
    {
      config: { access: { kind: 'write', permission: 'report_task_progress' } },
      schema: {
        tags,
        summary: 'Báo cáo tiến độ nhiệm vụ (đơn vị được giao), kèm tệp đã tải lên qua /api/attachments',
        params: TaskIdParams,
        body: TaskReportRequest,
        response: detail,
      },
    },
    async (request) => reportTask(database.db, request.viewer, request.params.taskId, request.body),
  );
  app.get(
    '/tasks',
    {
      config: { access: { kind: 'read' } },
      schema: {
        tags,
        summary: 'Nhiệm vụ của mọi chỉ thị; lọc quá hạn, hoặc chỉ nhiệm vụ giao cho mình',
        querystring: TaskListQuery,
        response: { 200: TaskListResponse, ...errorResponses },
      },
    },
    async (request) => listTasks(database.db, request.viewer, request.query),
  );
};

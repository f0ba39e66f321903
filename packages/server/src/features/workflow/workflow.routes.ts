import type { WorkflowAction } from '@ntm/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import { UnitIdParams } from '../../contract/units';
import {
  InboxQuery,
  InboxResponse,
  ValueHistoryQuery,
  ValueHistoryResponse,
  WorkflowRequest,
  WorkflowResponse,
} from '../../contract/workflow';
import type { RouteDeps } from '../../http/app';
import { valueHistory } from './history.service';
import { inbox } from './inbox.service';
import { transitionValues } from './workflow.service';

const steps: {
  action: WorkflowAction;
  permission: 'enter_values' | 'review_values' | 'approve_values';
  summary: string;
}[] = [
  {
    action: 'submit',
    permission: 'enter_values',
    summary: 'Gửi số liệu nháp đi xác minh (hàng loạt; mỗi dòng kèm phiên bản đang xem)',
  },
  {
    action: 'verify',
    permission: 'review_values',
    summary: 'Xác minh số liệu đã gửi (cấp huyện cho đơn vị trực thuộc, sở phụ trách cho tiêu chí của sở)',
  },
  {
    action: 'approve',
    permission: 'approve_values',
    summary: 'Phê duyệt số liệu đã xác minh (cấp tỉnh); số liệu được khóa',
  },
  {
    action: 'return',
    permission: 'review_values',
    summary: 'Trả lại số liệu để sửa, bắt buộc ghi lý do; người gửi nhận thông báo',
  },
];

export const workflowRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database }) => {
  const tags = ['Quy trình duyệt số liệu'];
  for (const { action, permission, summary } of steps) {
    app.post(
      `/workflow/${action}`,
      {
        config: { access: { kind: 'write', permission, unit: { in: 'body', list: 'items', key: 'unitId' } } },
        schema: {
          tags,
          summary: `${summary}. Tất cả hoặc không: dòng bị từ chối được liệt kê kèm lý do; 409 kèm giá trị hiện tại nếu phiên bản đã cũ`,
          body: WorkflowRequest,
          response: { 200: WorkflowResponse, ...errorResponses },
        },
      },
      async (request) => transitionValues(database.db, request.viewer, action, request.body),
    );
  }
  app.get(
    '/units/:id/values/history',
    {
      config: { access: { kind: 'read', unit: { in: 'params', key: 'id' } } },
      schema: {
        tags,
        summary:
          'Các phiên bản số liệu của một đơn vị trong một năm (hoặc của một đại lượng): nhập, gửi, xác minh, trả lại, phê duyệt, đính chính',
        params: UnitIdParams,
        querystring: ValueHistoryQuery,
        response: { 200: ValueHistoryResponse, ...errorResponses },
      },
    },
    async (request) =>
      valueHistory(database.db, request.viewer, request.params.id, {
        year: request.query.year,
        ...(request.query.measure ? { measure: request.query.measure } : {}),
      }),
  );
  app.get(
    '/inbox',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        tags,
        summary:
          'Việc đang chờ tôi: số liệu cần xác minh, cần phê duyệt, bị trả lại hoặc còn nháp, theo đơn vị và năm',
        querystring: InboxQuery,
        response: { 200: InboxResponse, ...errorResponses },
      },
    },
    async (request) =>
      inbox(
        database.db,
        request.viewer,
        request.query.year !== undefined ? { year: request.query.year } : {},
      ),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../contract/common';
import {
  ComparisonQuery,
  ComparisonResponse,
  PlanProgressQuery,
  PlanProgressResponse,
  StoredTarget,
  TargetIdParams,
  TargetUpdateRequest,
  TargetWriteRequest,
} from '../../contract/plans';
import type { RouteDeps } from '../../http/app';
import { createTarget, deleteTarget, planProgress, targetComparison, updateTarget } from './plans.service';

export const planRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database }) => {
  const tags = ['Kế hoạch và mục tiêu'];
  app.get(
    '/plans/progress',
    {
      config: { access: { kind: 'read' } },
      schema: {
        tags,
        summary:
          'Kế hoạch của năm theo phạm vi: mục tiêu, kết quả tính trực tiếp, các đơn vị đã đăng ký được duyệt với khoảng cách còn lại, và dự báo cuối năm kèm giả định',
        querystring: PlanProgressQuery,
        response: { 200: PlanProgressResponse, ...errorResponses },
      },
    },
    async (request) => planProgress(database.db, request.viewer, request.query),
  );
  app.get(
    '/plans/comparison',
    {
      config: { access: { kind: 'read' } },
      schema: {
        tags,
        summary:
          'So sánh một mục tiêu giữa các huyện (hoặc các xã): chỉ tiêu được giao, kết quả, số đăng ký, dự báo',
        querystring: ComparisonQuery,
        response: { 200: ComparisonResponse, ...errorResponses },
      },
    },
    async (request) => targetComparison(database.db, request.viewer, request.query),
  );
  app.post(
    '/targets',
    {
      config: { access: { kind: 'write', permission: 'manage_plans' } },
      schema: {
        tags,
        summary:
          'Đặt một mục tiêu của kế hoạch năm (tỉnh, hoặc giao cho huyện/xã); loại mục tiêu không tồn tại trả 422',
        body: TargetWriteRequest,
        response: { 200: StoredTarget, ...errorResponses },
      },
    },
    async (request) => createTarget(database.db, request.viewer, request.body),
  );
  app.put(
    '/targets/:targetId',
    {
      config: { access: { kind: 'write', permission: 'manage_plans' } },
      schema: {
        tags,
        summary: 'Sửa giá trị, tên, tham số hoặc ghi chú của một mục tiêu (kèm phiên bản đang xem)',
        params: TargetIdParams,
        body: TargetUpdateRequest,
        response: { 200: StoredTarget, ...errorResponses },
      },
    },
    async (request) => updateTarget(database.db, request.viewer, request.params.targetId, request.body),
  );
  app.delete(
    '/targets/:targetId',
    {
      config: { access: { kind: 'write', permission: 'manage_plans' } },
      schema: {
        tags,
        summary: 'Xóa một mục tiêu (ghi vào nhật ký)',
        params: TargetIdParams,
        response: { 200: z.object({ id: z.string() }), ...errorResponses },
      },
    },
    async (request) => {
      await deleteTarget(database.db, request.viewer, request.params.targetId);
      return { id: request.params.targetId };
    },
  );
};

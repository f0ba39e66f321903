import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import { MarkReadRequest, NotificationListResponse } from '../../contract/workflow';
import type { RouteDeps } from '../../http/app';
import { listNotifications, readNotifications } from './notifications.service';

export const notificationRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database }) => {
  const tags = ['Thông báo'];
  app.get(
    '/notifications',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        tags,
        summary: 'Thông báo của tôi (ví dụ: số liệu bị trả lại kèm lý do), mới nhất trước',
        response: { 200: NotificationListResponse, ...errorResponses },
      },
    },
    async (request) => listNotifications(database.db, request.viewer),
  );
  app.post(
    '/notifications/read',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        tags,
        summary: 'Đánh dấu đã đọc (các thông báo chỉ định, hoặc tất cả)',
        body: MarkReadRequest,
        response: { 200: NotificationListResponse, ...errorResponses },
      },
    },
    async (request) => readNotifications(database.db, request.viewer, request.body),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import {
  AlertAcknowledgeRequest,
  AlertIdParams,
  AlertListQuery,
  AlertListResponse,
  MaintenanceAlert,
} from '../../contract/follow-up';
import type { RouteDeps } from '../../http/app';
import { acknowledgeMaintenanceAlert, listAlerts } from './alerts.service';

export const alertRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database }) => {
  const tags = ['Cảnh báo duy trì'];
  app.get(
    '/alerts',
    {
      config: { access: { kind: 'read', unit: { in: 'query', key: 'unitId' } } },
      schema: {
        tags,
        summary:
          'Cảnh báo duy trì: xã đã được công nhận có chỉ tiêu từng đạt nay không đạt (hoặc mất số liệu), trong phạm vi của tôi',
        querystring: AlertListQuery,
        response: { 200: AlertListResponse, ...errorResponses },
      },
    },
    async (request) => listAlerts(database.db, request.viewer, request.query),
  );
  app.post(
    '/alerts/:alertId/acknowledge',
    {
      config: { access: { kind: 'write', permission: 'acknowledge_alerts' } },
      schema: {
        tags,
        summary: 'Ghi nhận cảnh báo kèm lý do (cảnh báo thôi hiện trên trang tổng quan)',
        params: AlertIdParams,
        body: AlertAcknowledgeRequest,
        response: { 200: MaintenanceAlert, ...errorResponses },
      },
    },
    async (request) =>
      acknowledgeMaintenanceAlert(database.db, request.viewer, request.params.alertId, request.body.reason),
  );
};

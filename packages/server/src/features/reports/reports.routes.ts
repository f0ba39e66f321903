import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import { ReportParams, ReportQuery, TableExportRequest } from '../../contract/reports';
import type { RouteDeps } from '../../http/app';
import { sendFile } from '../../http/download';
import { exportTable, standardReport } from './reports.service';

export const reportRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database }) => {
  const tags = ['Báo cáo'];
  app.get(
    '/reports/:name',
    {
      config: { access: { kind: 'read', unit: { in: 'query', key: 'unitId' } } },
      schema: {
        tags,
        summary:
          'Báo cáo chuẩn (.xlsx hoặc PDF khổ A4): criteria-results — số xã đạt từng tiêu chí; bands — xã theo nhóm số tiêu chí đạt và theo mức công nhận; commune-list — danh sách xã với tiêu chí đạt, chưa đạt; targets — mục tiêu và kết quả; scorecard — phiếu đánh giá một xã',
        params: ReportParams,
        querystring: ReportQuery,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const file = await standardReport(database.db, request.viewer, request.params.name, request.query);
      return sendFile(reply, file, file.contentType);
    },
  );
  app.post(
    '/reports/table',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        tags,
        summary: 'Xuất một bảng đang hiển thị trên giao diện ra tệp .xlsx',
        body: TableExportRequest,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const file = await exportTable(request.body);
      return sendFile(reply, file, file.contentType);
    },
  );
};

import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import {
  ConfirmImportRequest,
  ImportDiffQuery,
  ImportDiffResponse,
  ImportIdParams,
  ImportListQuery,
  ImportListResponse,
  ImportSummary,
  ImportUploadQuery,
  RevertImportRequest,
  TemplateQuery,
} from '../../contract/excel';
import type { RouteDeps } from '../../http/app';
import { sendFile, XLSX_TYPE } from '../../http/download';
import { readSingleUpload } from '../../http/upload';
import { scopeFor } from '../auth/access-scope';
import { actorName } from '../auth/viewer';
import {
  confirmImport,
  discardImport,
  getVisibleImport,
  importDiff,
  listImports,
  previewImport,
  revertImport,
} from './excel-import.service';
import { exportTemplate } from './excel-template.service';
import { defaultXlsxLimits, tooLarge } from './xlsx-safety';

function readUpload(request: FastifyRequest) {
  return readSingleUpload(request, {
    what: 'tệp Excel',
    action: 'tải lên',
    defaultName: 'tep-tai-len.xlsx',
    tooLarge: () => tooLarge(),
  });
}

export const excelRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database }) => {
  // Registered here, not globally: only this feature accepts uploads, and only this large.
  await app.register(multipart, {
    limits: { fileSize: defaultXlsxLimits.maxBytes, files: 1, fields: 5, parts: 6 },
  });
  const tags = ['Nhập, xuất Excel'];

  app.get(
    '/excel/template',
    {
      config: { access: { kind: 'read', unit: { in: 'query', key: 'unitId' } } },
      schema: {
        tags,
        summary:
          'Tải biểu mẫu nhập liệu .xlsx cho một địa bàn, một năm và một bộ tiêu chí: mỗi dòng một đơn vị, mỗi cột một chỉ tiêu, kèm ngưỡng, kiểm tra dữ liệu, số liệu hiện có và trang hướng dẫn',
        querystring: TemplateQuery,
        response: errorResponses,
      },
    },
    async (request, reply) =>
      sendFile(reply, await exportTemplate(database.db, request.viewer, request.query), XLSX_TYPE),
  );

  app.post(
    '/excel/imports',
    {
      config: { access: { kind: 'write', permission: 'enter_values' } },
      schema: {
        tags,
        summary:
          'Tải lên tệp Excel (biểu mẫu hoặc bảng danh sách Mã đơn vị, Mã chỉ tiêu, Năm, Giá trị): kiểm tra toàn bộ tệp, trả về báo cáo lỗi và bản xem trước; chưa ghi gì',
        consumes: ['multipart/form-data'],
        querystring: ImportUploadQuery,
        response: { 201: ImportSummary, ...errorResponses },
      },
    },
    async (request, reply) => {
      const upload = await readUpload(request);
      const scope = await scopeFor(database.db, request.viewer);
      const summary = await previewImport(
        database.db,
        upload,
        request.query,
        actorName(request.viewer),
        scope,
      );
      return reply.status(201).send(summary);
    },
  );

  app.get(
    '/excel/imports',
    {
      config: { access: { kind: 'write', permission: 'enter_values' } },
      schema: {
        tags,
        summary: 'Các lần nhập Excel gần đây',
        querystring: ImportListQuery,
        response: { 200: ImportListResponse, ...errorResponses },
      },
    },
    async (request) => listImports(database.db, request.query.limit, request.viewer),
  );

  app.get(
    '/excel/imports/:id',
    {
      config: { access: { kind: 'write', permission: 'enter_values' } },
      schema: {
        tags,
        summary: 'Một lần nhập: trạng thái, số giá trị mới/thay đổi/không đổi, báo cáo lỗi',
        params: ImportIdParams,
        response: { 200: ImportSummary, ...errorResponses },
      },
    },
    async (request) => getVisibleImport(database.db, request.params.id, request.viewer),
  );

  app.get(
    '/excel/imports/:id/diff',
    {
      config: { access: { kind: 'write', permission: 'enter_values' } },
      schema: {
        tags,
        summary: 'Xem trước từng giá trị của một lần nhập: mới, thay đổi (cũ → mới) hoặc không đổi',
        params: ImportIdParams,
        querystring: ImportDiffQuery,
        response: { 200: ImportDiffResponse, ...errorResponses },
      },
    },
    async (request) => importDiff(database.db, request.params.id, request.query, request.viewer),
  );

  app.post(
    '/excel/imports/:id/confirm',
    {
      config: { access: { kind: 'write', permission: 'enter_values' } },
      schema: {
        tags,
        summary:
          'Xác nhận ghi một lần nhập đã xem trước, trong một giao dịch, như một bộ thay đổi có lưu vết; tệp có lỗi chỉ được ghi khi chọn chỉ nhập các dòng hợp lệ',
        params: ImportIdParams,
        body: ConfirmImportRequest.nullish(),
        response: { 200: ImportSummary, ...errorResponses },
      },
    },
    async (request) =>
      confirmImport(
        database.db,
        request.params.id,
        request.body ?? { onlyValidRows: false, correction: false },
        actorName(request.viewer),
        await scopeFor(database.db, request.viewer),
      ),
  );

  app.post(
    '/excel/imports/:id/revert',
    {
      config: { access: { kind: 'write', permission: 'enter_values' } },
      schema: {
        tags,
        summary: 'Hoàn tác toàn bộ một lần nhập đã ghi (từ chối nếu số liệu đã bị sửa sau đó)',
        params: ImportIdParams,
        body: RevertImportRequest.nullish(),
        response: { 200: ImportSummary, ...errorResponses },
      },
    },
    async (request) =>
      revertImport(
        database.db,
        request.params.id,
        request.body ?? {},
        actorName(request.viewer),
        await scopeFor(database.db, request.viewer),
      ),
  );

  app.post(
    '/excel/imports/:id/discard',
    {
      config: { access: { kind: 'write', permission: 'enter_values' } },
      schema: {
        tags,
        summary: 'Hủy một lần nhập đang chờ xác nhận',
        params: ImportIdParams,
        response: { 200: ImportSummary, ...errorResponses },
      },
    },
    async (request) =>
      discardImport(database.db, request.params.id, await scopeFor(database.db, request.viewer)),
  );
};

import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AttachmentIdParams, AttachmentRef, AttachmentUploadQuery } from '../../contract/attachments';
import { errorResponses } from '../../contract/common';
import { AppError } from '../../errors';
import type { RouteDeps } from '../../http/app';
import { sendFile } from '../../http/download';
import { readSingleUpload } from '../../http/upload';
import { scopeFor } from '../auth/access-scope';
import { MAX_ATTACHMENT_BYTES } from './attachment-types';
import { downloadAttachment, uploadAttachment } from './attachments.service';

export const attachmentRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database }) => {
  await app.register(multipart, {
    limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 2, parts: 3 },
  });
  const tags = ['Tệp đính kèm'];

  app.post(
    '/attachments',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        tags,
        summary:
          'Tải lên một tệp đính kèm (PDF, Word, Excel, ảnh; tối đa 10 MB) để gắn vào báo cáo tiến độ hoặc vướng mắc',
        consumes: ['multipart/form-data'],
        querystring: AttachmentUploadQuery,
        response: { 201: AttachmentRef, ...errorResponses },
      },
    },
    async (request, reply) => {
      const upload = await readSingleUpload(request, {
        what: 'tệp',
        action: 'đính kèm',
        defaultName: 'tep-dinh-kem',
        tooLarge: () => new AppError('file_too_large', 'Tệp đính kèm lớn hơn 10 MB; hãy nén hoặc tách nhỏ.'),
      });
      const scope = await scopeFor(database.db, request.viewer);
      const ref = await uploadAttachment(
        database.db,
        upload,
        request.query.unitId === undefined ? {} : { unitId: request.query.unitId },
        scope,
      );
      return reply.status(201).send(ref);
    },
  );

  app.get(
    '/attachments/:id',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        tags,
        summary: 'Tải về một tệp đính kèm',
        params: AttachmentIdParams,
        response: errorResponses,
      },
    },
    async (request, reply) => {
      const scope = await scopeFor(database.db, request.viewer);
      const file = await downloadAttachment(database.db, request.params.id, scope);
      reply.header('x-content-type-options', 'nosniff');
      return sendFile(reply, { fileName: file.fileName, bytes: file.content }, file.mediaType);
    },
  );
};

import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Sends a generated file as a download; names are ASCII by construction, the UTF-8 form is for safety. */
export function sendFile(reply: FastifyReply, file: { fileName: string; bytes: Buffer }, type: string) {
  return reply
    .type(type)
    .header(
      'content-disposition',
      `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .send(file.bytes);
}

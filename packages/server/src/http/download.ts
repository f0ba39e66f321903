import { foldDiacritics } from '@ntm/core/format';
import type { FastifyReply } from 'fastify';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends a file as a download. Header values must be ASCII, so `filename` carries a folded
 * copy of the name and `filename*` the exact UTF-8 one that browsers prefer.
 */
export function sendFile(reply: FastifyReply, file: { fileName: string; bytes: Buffer }, type: string) {
  const ascii = foldDiacritics(file.fileName).replace(/[^\x20-\x7e]|["\\]/g, '_');
  return reply
    .type(type)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .send(file.bytes);
}

import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';

export interface Upload {
  fileName: string;
  bytes: Buffer;
}

/**
 * The one file of a multipart request (field "file"), for a route whose plugin registered
 * @fastify/multipart with its own size limit. `what` names the file in the messages ("tệp
 * Excel"), `action` what the user was doing ("tải lên").
 */
export async function readSingleUpload(
  request: FastifyRequest,
  options: { what: string; action: string; defaultName: string; tooLarge: () => AppError },
): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new AppError('bad_request', `Hãy gửi ${options.what} dạng multipart/form-data (trường "file").`);
  }
  let part: MultipartFile | undefined;
  try {
    part = await request.file();
    if (!part) {
      throw new AppError(
        'bad_request',
        `Yêu cầu không kèm tệp nào; hãy chọn ${options.what} để ${options.action}.`,
      );
    }
    return { fileName: part.filename || options.defaultName, bytes: await part.toBuffer() };
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw options.tooLarge();
    throw new AppError('bad_request', 'Không nhận được trọn vẹn tệp tải lên; hãy thử lại.');
  }
}

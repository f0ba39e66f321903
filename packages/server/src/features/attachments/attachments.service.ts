import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AttachmentRef } from '../../contract/attachments';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import type { Upload } from '../../http/upload';
import { appendAudit } from '../audit/audit.repository';
import type { AccessScope } from '../auth/access-scope';
import { actorName } from '../auth/viewer';
import { allowedExtensions, cleanFileName, MAX_ATTACHMENT_BYTES, mediaTypeOf } from './attachment-types';
import { attachmentsByIds, attachmentWithContent, insertAttachment } from './attachments.repository';

export async function uploadAttachment(
  db: Kysely<Database>,
  upload: Upload,
  options: { unitId?: string; isDemo?: boolean; at?: Date },
  scope: AccessScope,
): Promise<AttachmentRef> {
  const fileName = cleanFileName(upload.fileName);
  const mediaType = mediaTypeOf(fileName);
  if (mediaType === null) {
    throw new AppError(
      'validation_failed',
      `Không nhận tệp "${fileName}": chỉ đính kèm được tệp ${allowedExtensions.join(', ')}.`,
    );
  }
  if (upload.bytes.length === 0) throw new AppError('validation_failed', `Tệp "${fileName}" rỗng.`);
  if (upload.bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new AppError('file_too_large', `Tệp "${fileName}" lớn hơn 10 MB; hãy nén hoặc tách nhỏ.`);
  }
  if (options.unitId !== undefined && !scope.canRead(options.unitId)) {
    throw new AppError('forbidden', `Đơn vị ${options.unitId} nằm ngoài địa bàn của bạn (${scope.area}).`);
  }
  const at = (options.at ?? new Date()).toISOString();
  const actor = actorName(scope.viewer);
  const row = {
    id: randomUUID(),
    file_name: fileName,
    media_type: mediaType,
    size_bytes: upload.bytes.length,
    sha256: createHash('sha256').update(upload.bytes).digest('hex'),
    content: upload.bytes,
    unit_id: options.unitId ?? null,
    uploaded_by: actor,
    uploaded_at: at,
    is_demo: options.isDemo ? 1 : 0,
  };
  await db.transaction().execute(async (trx) => {
    await insertAttachment(trx, row);
    await appendAudit(
      trx,
      [
        {
          actor,
          action: 'create',
          entity: 'attachment',
          entityId: row.id,
          before: null,
          after: { fileName, mediaType, sizeBytes: row.size_bytes, sha256: row.sha256 },
          unitId: row.unit_id,
        },
      ],
      at,
    );
  });
  const [ref] = await attachmentsByIds(db, [row.id]);
  if (!ref) throw new AppError('internal', 'Không đọc lại được tệp vừa lưu.');
  return ref;
}

function assertReadable(ref: AttachmentRef, scope: AccessScope): void {
  if (ref.unitId !== null && !scope.canRead(ref.unitId)) {
    throw new AppError(
      'forbidden',
      `Tệp "${ref.fileName}" thuộc đơn vị ngoài địa bàn của bạn (${scope.area}).`,
    );
  }
}

export async function downloadAttachment(
  db: Kysely<Database>,
  id: string,
  scope: AccessScope,
): Promise<AttachmentRef & { content: Buffer }> {
  const attachment = await attachmentWithContent(db, id);
  if (!attachment) throw new AppError('not_found', 'Không tìm thấy tệp đính kèm.');
  assertReadable(attachment, scope);
  return attachment;
}

/**
 * For a feature that links files to a record: every id must exist and be readable by the
 * one linking it, or nothing is linked.
 */
export async function requireAttachments(
  db: Kysely<Database>,
  ids: readonly string[],
  scope: AccessScope,
): Promise<AttachmentRef[]> {
  const refs = await attachmentsByIds(db, ids);
  const found = new Set(refs.map((r) => r.id));
  const missing = [...new Set(ids)].filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw new AppError('validation_failed', `Không tìm thấy tệp đính kèm: ${missing.join(', ')}.`);
  }
  for (const ref of refs) assertReadable(ref, scope);
  return refs;
}

import type { Kysely } from 'kysely';
import type { AttachmentRef } from '../../contract/attachments';
import type { Database } from '../../db/schema';
import type { AttachmentsTable } from './attachments.table';

const refColumns = [
  'id',
  'file_name',
  'media_type',
  'size_bytes',
  'uploaded_by',
  'uploaded_at',
  'unit_id',
  'is_demo',
] as const;

type RefRow = Pick<AttachmentsTable, (typeof refColumns)[number]>;

function toRef(row: RefRow): AttachmentRef {
  return {
    id: row.id,
    fileName: row.file_name,
    mediaType: row.media_type,
    sizeBytes: Number(row.size_bytes),
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at,
    unitId: row.unit_id,
    isDemo: Number(row.is_demo) === 1,
  };
}

export async function insertAttachment(db: Kysely<Database>, row: AttachmentsTable): Promise<void> {
  await db.insertInto('attachments').values(row).execute();
}

/** Metadata only: the content is read when a file is downloaded, never with a list. */
export async function attachmentsByIds(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<AttachmentRef[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('attachments')
    .select([...refColumns])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, toRef(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function attachmentWithContent(
  db: Kysely<Database>,
  id: string,
): Promise<(AttachmentRef & { content: Buffer }) | undefined> {
  const row = await db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? { ...toRef(row), content: Buffer.from(row.content) } : undefined;
}

import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema';
import type { ObstacleCommentsTable, ObstaclesTable } from './follow-up.tables';

export type ObstacleRow = Selectable<ObstaclesTable>;
export type CommentRow = Selectable<ObstacleCommentsTable>;

export interface ObstacleFilter {
  year?: number;
  unitIds?: readonly string[];
  departmentCodes?: readonly string[];
  status?: string;
  criterion?: string;
  /** Open or in progress with a due date before this day. */
  dueBefore?: string;
}

export async function findObstacles(db: Kysely<Database>, filter: ObstacleFilter): Promise<ObstacleRow[]> {
  let query = db.selectFrom('obstacles').selectAll().orderBy('raised_at', 'desc').orderBy('id');
  if (filter.year !== undefined) query = query.where('year', '=', filter.year);
  if (filter.unitIds !== undefined) {
    if (filter.unitIds.length === 0) return [];
    query = query.where('unit_id', 'in', [...filter.unitIds]);
  }
  if (filter.departmentCodes !== undefined) {
    if (filter.departmentCodes.length === 0) return [];
    query = query.where('department_code', 'in', [...filter.departmentCodes]);
  }
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.criterion !== undefined) query = query.where('criterion_number', '=', filter.criterion);
  if (filter.dueBefore !== undefined) {
    query = query.where('status', 'in', ['open', 'in_progress']).where('due_date', '<', filter.dueBefore);
  }
  return query.execute();
}

export async function findObstacle(db: Kysely<Database>, id: string): Promise<ObstacleRow | undefined> {
  return db.selectFrom('obstacles').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertObstacle(db: Kysely<Database>, row: Insertable<ObstaclesTable>): Promise<void> {
  await db.insertInto('obstacles').values(row).execute();
}

/** Changes the obstacle only if it is still at `version`; false when someone changed it meanwhile. */
export async function updateObstacle(
  db: Kysely<Database>,
  id: string,
  version: number,
  changes: Partial<Omit<ObstaclesTable, 'id' | 'version'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('obstacles')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertComment(
  db: Kysely<Database>,
  row: Insertable<ObstacleCommentsTable>,
  attachmentIds: readonly string[],
): Promise<number> {
  const inserted = await db
    .insertInto('obstacle_comments')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(inserted.id);
  if (attachmentIds.length > 0) {
    await db
      .insertInto('obstacle_comment_attachments')
      .values(attachmentIds.map((attachment_id) => ({ comment_id: id, attachment_id })))
      .execute();
  }
  return id;
}

export async function commentsOf(
  db: Kysely<Database>,
  obstacleId: string,
): Promise<{ comments: CommentRow[]; attachments: Map<number, string[]> }> {
  const comments = await db
    .selectFrom('obstacle_comments')
    .selectAll()
    .where('obstacle_id', '=', obstacleId)
    .orderBy('id')
    .execute();
  const attachments = new Map<number, string[]>();
  if (comments.length > 0) {
    const links = await db
      .selectFrom('obstacle_comment_attachments')
      .select(['comment_id', 'attachment_id'])
      .where(
        'comment_id',
        'in',
        comments.map((c) => Number(c.id)),
      )
      .orderBy('attachment_id')
      .execute();
    for (const link of links) {
      const list = attachments.get(Number(link.comment_id)) ?? [];
      list.push(link.attachment_id);
      attachments.set(Number(link.comment_id), list);
    }
  }
  return { comments, attachments };
}

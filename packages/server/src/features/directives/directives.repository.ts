import type { Kysely } from 'kysely';
import type { Database, DirectivesTable } from '../../db/schema';
import type { DirectiveTasksTable, TaskReportsTable } from '../plans/plans.tables';

export async function allDirectives(db: Kysely<Database>): Promise<DirectivesTable[]> {
  return db.selectFrom('directives').selectAll().orderBy('date', 'desc').orderBy('id').execute();
}

export async function directiveById(db: Kysely<Database>, id: string): Promise<DirectivesTable | undefined> {
  return db.selectFrom('directives').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertDirective(db: Kysely<Database>, row: DirectivesTable): Promise<void> {
  await db.insertInto('directives').values(row).execute();
}

export async function updateDirectiveRow(
  db: Kysely<Database>,
  id: string,
  changes: Pick<DirectivesTable, 'number' | 'date' | 'issuer' | 'title' | 'summary'>,
): Promise<void> {
  await db.updateTable('directives').set(changes).where('id', '=', id).execute();
}

const byNumber = new Intl.Collator('vi', { numeric: true });

export async function tasksOf(
  db: Kysely<Database>,
  directiveIds?: readonly string[],
): Promise<DirectiveTasksTable[]> {
  let query = db.selectFrom('directive_tasks').selectAll();
  if (directiveIds !== undefined) {
    if (directiveIds.length === 0) return [];
    query = query.where('directive_id', 'in', [...directiveIds]);
  }
  const rows = await query.execute();
  // "2.10" comes after "2.9", as a reader numbers tasks.
  return rows.sort(
    (a, b) =>
      a.directive_id.localeCompare(b.directive_id) ||
      byNumber.compare(a.number, b.number) ||
      a.id.localeCompare(b.id),
  );
}

export async function taskById(db: Kysely<Database>, id: string): Promise<DirectiveTasksTable | undefined> {
  return db.selectFrom('directive_tasks').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertTasks(db: Kysely<Database>, rows: readonly DirectiveTasksTable[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('directive_tasks')
      .values([...rows])
      .execute();
}

/** Writes only when the stored version is still `expectedVersion`; returns whether it did. */
export async function updateTaskRow(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  changes: Partial<
    Omit<DirectiveTasksTable, 'id' | 'directive_id' | 'version' | 'created_at' | 'created_by'>
  >,
): Promise<boolean> {
  const result = await db
    .updateTable('directive_tasks')
    .set({ ...changes, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks the task notified unless another process did; true for the one that marked it. */
export async function claimOverdueNotice(db: Kysely<Database>, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('directive_tasks')
    .set({ overdue_notified_at: at })
    .where('id', '=', id)
    .where('overdue_notified_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function overdueUnnotified(db: Kysely<Database>, today: string): Promise<DirectiveTasksTable[]> {
  return db
    .selectFrom('directive_tasks')
    .selectAll()
    .where('status', '!=', 'done')
    .where('deadline', '<', today)
    .where('overdue_notified_at', 'is', null)
    .execute();
}

export async function reportsOf(
  db: Kysely<Database>,
  taskIds: readonly string[],
): Promise<TaskReportsTable[]> {
  if (taskIds.length === 0) return [];
  return db
    .selectFrom('task_reports')
    .selectAll()
    .where('task_id', 'in', [...taskIds])
    .orderBy('task_id')
    .orderBy('reported_on')
    .orderBy('created_at')
    .execute();
}

export async function insertReports(db: Kysely<Database>, rows: readonly TaskReportsTable[]): Promise<void> {
  if (rows.length > 0)
    await db
      .insertInto('task_reports')
      .values([...rows])
      .execute();
}

export async function linkAttachments(
  db: Kysely<Database>,
  reportId: string,
  attachmentIds: readonly string[],
) {
  if (attachmentIds.length === 0) return;
  await db
    .insertInto('task_report_attachments')
    .values(attachmentIds.map((attachment_id) => ({ report_id: reportId, attachment_id })))
    .execute();
}

export async function attachmentsOfReports(
  db: Kysely<Database>,
  reportIds: readonly string[],
): Promise<{ report_id: string; id: string; file_name: string; media_type: string; size_bytes: number }[]> {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom('task_report_attachments as l')
    .innerJoin('attachments as a', 'a.id', 'l.attachment_id')
    .select(['l.report_id', 'a.id', 'a.file_name', 'a.media_type', 'a.size_bytes'])
    .where('l.report_id', 'in', [...reportIds])
    .orderBy('a.uploaded_at')
    .execute();
}

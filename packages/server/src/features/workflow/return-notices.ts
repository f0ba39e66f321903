import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { actorName, type Viewer } from '../auth/viewer';
import { insertNotifications } from '../notifications/notifications.repository';
import type { UnitDirectory } from '../units/unit-directory';
import { usersByUsernames } from '../users/users.repository';
import type { ValueRow } from './workflow.repository';

/**
 * Tells whoever submitted the returned values, in the app, what to fix. Values submitted by
 * no known account (seeded, imported) go to the accounts of the unit and of the unit above it.
 */
export async function notifyReturned(
  db: Kysely<Database>,
  directory: UnitDirectory,
  viewer: Viewer,
  rows: readonly ValueRow[],
  reason: string,
  at: string,
): Promise<void> {
  const submitters = new Map(
    (
      await usersByUsernames(db, [...new Set(rows.flatMap((r) => (r.submitted_by ? [r.submitted_by] : [])))])
    ).map((u) => [u.username, u.id]),
  );
  const groups = new Map<string, { userIds: string[]; unitId: string; year: number; count: number }>();
  const unitAccounts = new Map<string, string[]>();
  for (const row of rows) {
    const submitter = row.submitted_by ? submitters.get(row.submitted_by) : undefined;
    let userIds = submitter ? [submitter] : unitAccounts.get(row.unit_id);
    if (!userIds) {
      const parent = directory.byId.get(row.unit_id)?.parentId ?? null;
      const accounts = await db
        .selectFrom('users')
        .select('id')
        .where('active', '=', 1)
        .where('unit_id', 'in', parent === null ? [row.unit_id] : [row.unit_id, parent])
        .execute();
      userIds = accounts.map((a) => a.id);
      unitAccounts.set(row.unit_id, userIds);
    }
    const key = `${userIds.join(',')}|${row.unit_id}|${row.year}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { userIds, unitId: row.unit_id, year: row.year, count: 1 });
  }
  const by = viewer.kind === 'user' ? viewer.user.displayName : actorName(viewer);
  await insertNotifications(
    db,
    [...groups.values()].flatMap((g) =>
      g.userIds.map((userId) => ({
        user_id: userId,
        at,
        kind: 'values_returned',
        message: `${by} đã trả lại ${g.count} số liệu năm ${g.year} của ${directory.byId.get(g.unitId)?.name ?? g.unitId} để sửa. Lý do: ${reason}`,
        unit_id: g.unitId,
        year: g.year,
        actor: actorName(viewer),
        read_at: null,
      })),
    ),
  );
}

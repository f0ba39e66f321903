import { compareVietnamese } from '@ntm/core';
import type { Kysely } from 'kysely';
import type { InboxKind, InboxResponse } from '../../contract/workflow';
import type { Database } from '../../db/schema';
import { type AccessScope, scopeOf } from '../auth/access-scope';
import type { Viewer } from '../auth/viewer';
import { countUnread } from '../notifications/notifications.repository';
import { getUnitDirectory } from '../units/unit-directory';
import { countByStatus, returnReasons, type StatusCount } from './workflow.repository';

const MAX_GROUPS = 500;

/**
 * Which waiting values are the viewer's to act on, and as what. Drafts and returned values
 * wait for the unit that enters them: a commune (with its villages), or a district for its own.
 */
function kindFor(scope: AccessScope, viewer: Viewer, count: StatusCount): InboxKind | null {
  if (count.status === 'verified') return scope.has('approve_values') ? 'to_approve' : null;
  if (count.status === 'submitted') return scope.canVerify(count.unitId) ? 'to_verify' : null;
  const enters =
    viewer.kind === 'user' &&
    scope.canWrite(count.unitId) &&
    (viewer.user.role === 'commune' ||
      (viewer.user.role === 'district' && viewer.user.unitId === count.unitId));
  if (count.status === 'draft' && enters) return count.returned ? 'returned' : 'drafts';
  return null;
}

/**
 * Work waiting for the viewer, per unit and year: values to verify (district below it, a
 * department for its criteria), to approve (province), and the viewer's own values returned
 * for revision or still in draft.
 */
export async function inbox(
  db: Kysely<Database>,
  viewer: Viewer,
  query: { year?: number },
): Promise<InboxResponse> {
  const directory = await getUnitDirectory(db);
  const scope = scopeOf(directory, viewer);
  const measures = scope.coveredMeasures === null ? undefined : [...scope.coveredMeasures];
  const counts = await countByStatus(db, {
    statuses: ['draft', 'submitted', 'verified'],
    ...(query.year !== undefined ? { year: query.year } : {}),
    ...(measures !== undefined ? { measures } : {}),
  });
  const reasons = new Map<string, string[]>();
  for (const r of await returnReasons(db, query.year !== undefined ? { year: query.year } : {})) {
    const key = `${r.unitId}|${r.year}`;
    reasons.set(key, [...(reasons.get(key) ?? []), r.reason].slice(0, 5));
  }
  const groups = new Map<string, InboxResponse['groups'][number]>();
  for (const count of counts) {
    const kind = kindFor(scope, viewer, count);
    const unit = directory.byId.get(count.unitId);
    if (kind === null || !unit) continue;
    const key = `${kind}|${count.unitId}|${count.year}`;
    const group = groups.get(key);
    if (group) group.count += count.count;
    else
      groups.set(key, {
        kind,
        unitId: unit.id,
        unitName: unit.name,
        unitCode: unit.code,
        year: count.year,
        count: count.count,
        reasons: kind === 'returned' ? (reasons.get(`${unit.id}|${count.year}`) ?? []) : [],
      });
  }
  const order: InboxKind[] = ['returned', 'to_verify', 'to_approve', 'drafts'];
  const sorted = [...groups.values()].sort(
    (a, b) =>
      order.indexOf(a.kind) - order.indexOf(b.kind) ||
      b.year - a.year ||
      compareVietnamese(a.unitName, b.unitName),
  );
  return {
    groups: sorted.slice(0, MAX_GROUPS),
    truncated: sorted.length > MAX_GROUPS,
    unreadNotifications: viewer.kind === 'user' ? await countUnread(db, viewer.user.id) : 0,
  };
}

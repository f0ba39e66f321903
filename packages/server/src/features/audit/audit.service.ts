import type { Kysely } from 'kysely';
import type { AuditPage, AuditQuery } from '../../contract/audit';
import type { Database } from '../../db/schema';
import { forbidden, requireReadableUnit, scopeOf } from '../auth/access-scope';
import type { Viewer } from '../auth/viewer';
import { getUnitDirectory } from '../units/unit-directory';
import { usersByUsernames } from '../users/users.repository';
import { auditPage } from './audit.repository';

type AuditRow = Awaited<ReturnType<typeof auditPage>>[number];

function parse(json: string | null): unknown {
  return json === null ? null : JSON.parse(json);
}

async function present(db: Kysely<Database>, rows: AuditRow[], limit: number): Promise<AuditPage> {
  const names = new Map(
    (await usersByUsernames(db, [...new Set(rows.map((r) => r.actor))])).map((u) => [
      u.username,
      u.display_name,
    ]),
  );
  return {
    entries: rows.map((r) => ({
      id: Number(r.id),
      at: r.at,
      actor: r.actor,
      actorName: names.get(r.actor) ?? null,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      unitId: r.unit_id,
      before: parse(r.before_json),
      after: parse(r.after_json),
      reason: r.reason,
      changeSetId: r.change_set_id,
    })),
    nextBefore: rows.length === limit ? Number(rows[rows.length - 1]?.id) : null,
  };
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The whole audit log, filtered; only the province admin browses it. */
export async function browseAudit(
  db: Kysely<Database>,
  viewer: Viewer,
  query: AuditQuery,
): Promise<AuditPage> {
  const admin = viewer.kind === 'system' || (viewer.kind === 'user' && viewer.user.role === 'province_admin');
  if (!admin) throw forbidden('Chỉ quản trị tỉnh được xem toàn bộ nhật ký thay đổi.');
  const rows = await auditPage(db, {
    ...query,
    ...(query.from ? { fromAt: query.from } : {}),
    ...(query.to ? { toAt: nextDay(query.to) } : {}),
  });
  return present(db, rows, query.limit);
}

/** Every change concerning one unit, for anyone who may read the unit. */
export async function unitHistory(
  db: Kysely<Database>,
  viewer: Viewer,
  unitId: string,
  query: { before?: number; limit: number },
): Promise<AuditPage> {
  const directory = await getUnitDirectory(db);
  requireReadableUnit(directory, scopeOf(directory, viewer), unitId);
  const rows = await auditPage(db, {
    unitId,
    limit: query.limit,
    ...(query.before ? { before: query.before } : {}),
  });
  return present(db, rows, query.limit);
}

import type { Kysely } from 'kysely';
import { INSERT_ROWS, isPostgres, unnestRows } from '../../db/bulk-rows';
import type { Database } from '../../db/schema';

export interface AuditEntry {
  actor: string;
  action:
    | 'create'
    | 'update'
    | 'delete'
    | 'import'
    | 'revert'
    | 'submit'
    | 'verify'
    | 'approve'
    | 'return'
    | 'correct'
    | 'lock';
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason?: string | null;
  /** Set for the entries of an import, which is audited, and reverted, as one change set. */
  changeSetId?: string | null;
  /** The unit the change concerns, which puts it in that unit's history. */
  unitId?: string | null;
}

const AUDIT_COLUMNS = [
  ['at', 'text'],
  ['actor', 'text'],
  ['action', 'text'],
  ['entity', 'text'],
  ['entity_id', 'text'],
  ['before_json', 'text'],
  ['after_json', 'text'],
  ['reason', 'text'],
  ['change_set_id', 'text'],
  ['unit_id', 'text'],
] as const;

/** Append-only: there is deliberately no update or delete here. */
export async function appendAudit(
  db: Kysely<Database>,
  entries: readonly AuditEntry[],
  at: string,
): Promise<void> {
  const postgres = isPostgres(db);
  for (let i = 0; i < entries.length; i += INSERT_ROWS) {
    const rows = entries.slice(i, i + INSERT_ROWS).map((e) => ({
      at,
      actor: e.actor,
      action: e.action,
      entity: e.entity,
      entity_id: e.entityId,
      before_json: e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
      after_json: e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
      reason: e.reason ?? null,
      change_set_id: e.changeSetId ?? null,
      unit_id: e.unitId ?? null,
    }));
    const insert = db.insertInto('audit_log');
    await (postgres
      ? insert.columns(AUDIT_COLUMNS.map(([name]) => name)).expression(unnestRows(rows, AUDIT_COLUMNS))
      : insert.values(rows)
    ).execute();
  }
}

export async function listAudit(
  db: Kysely<Database>,
  filter: { entity?: string; entityId?: string; limit: number },
) {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.entity) query = query.where('entity', '=', filter.entity);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  return query.execute();
}

export interface AuditFilter {
  actor?: string;
  action?: string;
  entity?: string;
  entityId?: string;
  unitId?: string;
  /** ISO timestamps, inclusive lower and exclusive upper bound. */
  fromAt?: string;
  toAt?: string;
  before?: number;
  limit: number;
}

/** Newest first, one page at a time (keyset on id, so deep pages stay cheap). */
export async function auditPage(db: Kysely<Database>, filter: AuditFilter) {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(filter.limit);
  if (filter.actor) query = query.where('actor', '=', filter.actor);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.entity) query = query.where('entity', '=', filter.entity);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.unitId) query = query.where('unit_id', '=', filter.unitId);
  if (filter.fromAt) query = query.where('at', '>=', filter.fromAt);
  if (filter.toAt) query = query.where('at', '<', filter.toAt);
  if (filter.before !== undefined) query = query.where('id', '<', filter.before);
  return query.execute();
}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export interface AuditEntry {
  actor: string;
  action: 'create' | 'update' | 'delete' | 'import';
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason?: string | null;
}

const CHUNK = 200;

/** Append-only: there is deliberately no update or delete here. */
export async function appendAudit(
  db: Kysely<Database>,
  entries: readonly AuditEntry[],
  at: string,
): Promise<void> {
  for (let i = 0; i < entries.length; i += CHUNK) {
    await db
      .insertInto('audit_log')
      .values(
        entries.slice(i, i + CHUNK).map((e) => ({
          at,
          actor: e.actor,
          action: e.action,
          entity: e.entity,
          entity_id: e.entityId,
          before_json: e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
          after_json: e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
          reason: e.reason ?? null,
        })),
      )
      .execute();
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

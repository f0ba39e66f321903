import type { Kysely } from 'kysely';
import type { HistoryAction } from '../../contract/workflow';
import type { Database } from '../../db/schema';
import { insertVersions, keyOf, latestRecordedVersions, type ValueKey } from './workflow.repository';

export interface VersionState {
  version: number;
  valueJson: string;
  source: string | null;
  status: string;
}

export interface VersionEvent {
  key: ValueKey;
  /** The stored state the change started from, with who last wrote it; null for a new value. */
  previous: (VersionState & { updatedBy: string; updatedAt: string }) | null;
  next: VersionState;
  action: HistoryAction;
  actor: string;
  at: string;
  reason: string | null;
}

/**
 * Appends the state each change produced. A value stored before history was kept (seeded or
 * imported in bulk) first gets its earlier state recorded as a baseline, so its history starts
 * from what was there, not from the first change.
 */
export async function recordVersions(db: Kysely<Database>, events: readonly VersionEvent[]): Promise<void> {
  if (events.length === 0) return;
  const latest = await latestRecordedVersions(
    db,
    events.filter((e) => e.previous !== null).map((e) => e.key),
  );
  const rows = events.flatMap((e) => {
    const base = { unit_id: e.key.unitId, year: e.key.year, measure_code: e.key.measureCode };
    const baseline =
      e.previous !== null && (latest.get(keyOf(e.key)) ?? 0) < e.previous.version
        ? [
            {
              ...base,
              version: e.previous.version,
              value_json: e.previous.valueJson,
              source: e.previous.source,
              status: e.previous.status,
              action: 'baseline',
              actor: e.previous.updatedBy,
              at: e.previous.updatedAt,
              reason: null,
            },
          ]
        : [];
    return [
      ...baseline,
      {
        ...base,
        version: e.next.version,
        value_json: e.next.valueJson,
        source: e.next.source,
        status: e.next.status,
        action: e.action,
        actor: e.actor,
        at: e.at,
        reason: e.reason,
      },
    ];
  });
  await insertVersions(db, rows);
}

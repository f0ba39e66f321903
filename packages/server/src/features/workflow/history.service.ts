import type { ObservedValue, ValueStatus } from '@ntm/core';
import type { Kysely } from 'kysely';
import { HistoryAction, type ValueHistoryResponse, type ValueVersion } from '../../contract/workflow';
import type { Database } from '../../db/schema';
import { requireReadableUnit, scopeOf } from '../auth/access-scope';
import type { Viewer } from '../auth/viewer';
import { getUnitDirectory } from '../units/unit-directory';
import { usersByUsernames } from '../users/users.repository';
import { rowKey, valueRowsOfUnit, versionsOf } from './workflow.repository';

/**
 * Every version of a unit's values for a year (or of one measure), newest first: each entry,
 * submission, verification, return with its reason, approval and correction. A value not
 * changed since it was loaded shows its loaded state as the first version.
 */
export async function valueHistory(
  db: Kysely<Database>,
  viewer: Viewer,
  unitId: string,
  query: { year: number; measure?: string },
): Promise<ValueHistoryResponse> {
  const directory = await getUnitDirectory(db);
  requireReadableUnit(directory, scopeOf(directory, viewer), unitId);
  const filter = { unitId, year: query.year, ...(query.measure ? { measureCode: query.measure } : {}) };
  const [recorded, rows] = await Promise.all([versionsOf(db, filter), valueRowsOfUnit(db, filter)]);
  const withHistory = new Set(recorded.map(rowKey));
  const versions = [
    ...recorded.map((v) => ({
      measure: v.measure_code,
      version: v.version,
      value: JSON.parse(v.value_json) as ObservedValue,
      source: v.source,
      status: v.status as ValueStatus,
      action: HistoryAction.catch('update').parse(v.action),
      actor: v.actor,
      at: v.at,
      reason: v.reason,
    })),
    ...rows
      .filter((r) => !withHistory.has(rowKey(r)))
      .map((r) => ({
        measure: r.measure_code,
        version: r.version,
        value: JSON.parse(r.value_json) as ObservedValue,
        source: r.source,
        status: r.status as ValueStatus,
        action: 'baseline' as const,
        actor: r.updated_by,
        at: r.updated_at,
        reason: null,
      })),
  ].sort((a, b) => b.at.localeCompare(a.at) || a.measure.localeCompare(b.measure) || b.version - a.version);
  const names = new Map(
    (await usersByUsernames(db, [...new Set(versions.map((v) => v.actor))])).map((u) => [
      u.username,
      u.display_name,
    ]),
  );
  return {
    unitId,
    year: query.year,
    versions: versions.map((v): ValueVersion => ({ ...v, actorName: names.get(v.actor) ?? null })),
  };
}

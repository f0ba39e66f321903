import type { Tier } from '@ntm/core';
import type { Kysely } from 'kysely';
import type {
  NationRollupResponse,
  RollupResponse,
  UnitEvaluationResponse,
  ValueBasis,
  VillageEvaluationsResponse,
} from '../../contract/evaluation';
import type { Database } from '../../db/schema';
import { kept } from '../../kept';
import { type AccessScope, requireReadableUnit, scopeOf } from '../auth/access-scope';
import type { Viewer } from '../auth/viewer';
import type { DataVersions } from '../data-versions';
import { getUnitDirectory } from '../units/unit-directory';
import {
  evaluateOneUnit,
  evaluateVillages,
  type RollupRequest,
  rollUpNation,
  rollUpSubtree,
} from './evaluation.service';
import { cachedWhileUnchanged, dataSnapshot } from './evaluation-cache';

/** A unit's evaluation, for a viewer who may read that unit. */
export async function evaluateUnitFor(
  db: Kysely<Database>,
  viewer: Viewer,
  unitId: string,
  query: { year: number; tier: Tier; criteriaSetId?: string; basis?: ValueBasis },
  reading?: DataVersions,
): Promise<UnitEvaluationResponse> {
  const { directory, caches } = await dataSnapshot(db, reading);
  requireReadableUnit(directory, scopeOf(directory, viewer), unitId);
  const key = [
    'unit',
    unitId,
    query.year,
    query.tier,
    query.basis ?? 'latest',
    query.criteriaSetId ?? '',
  ].join('|');
  return cachedWhileUnchanged(caches, key, () => evaluateOneUnit(db, unitId, query, directory));
}

/** The villages of a commune the viewer may read, each under the village standard. */
export async function evaluateVillagesFor(
  db: Kysely<Database>,
  viewer: Viewer,
  communeId: string,
  query: { year: number; basis?: ValueBasis },
): Promise<VillageEvaluationsResponse> {
  const directory = await getUnitDirectory(db);
  const scope = scopeOf(directory, viewer);
  requireReadableUnit(directory, scope, communeId);
  return evaluateVillages(db, communeId, query, (id) => scope.readsEverything || scope.canRead(id));
}

const readableParts = new WeakMap<object, Map<string, object>>();

/** Who sees the same rows: the same role on the same area. */
function areaKey(viewer: Viewer): string {
  if (viewer.kind !== 'user') return viewer.kind;
  const { role, unitId, departmentCode } = viewer.user;
  return `${role}|${unitId ?? ''}|${departmentCode ?? ''}`;
}

/**
 * Aggregates are public; the per-commune rows only for the communes the viewer may read. The
 * part for one area is kept with the cached roll-up, so it too is the same object from request
 * to request and is written and compressed once.
 */
function keepReadable<T extends { communes: RollupResponse['communes'] }>(scope: AccessScope, result: T): T {
  if (scope.readsEverything) return result;
  const parts = kept(readableParts, result, () => new Map<string, object>());
  return kept(parts, areaKey(scope.viewer), () => ({
    ...result,
    communes: result.communes.filter((c) => scope.canRead(c.unitId)),
  })) as T;
}

export async function rollUpFor(
  db: Kysely<Database>,
  viewer: Viewer,
  unitId: string,
  query: RollupRequest,
  reading?: DataVersions,
): Promise<RollupResponse> {
  const snapshot = await dataSnapshot(db, reading);
  const scope = scopeOf(snapshot.directory, viewer);
  return keepReadable(scope, await rollUpSubtree(db, unitId, query, snapshot));
}

export async function rollUpNationFor(
  db: Kysely<Database>,
  viewer: Viewer,
  query: RollupRequest,
  reading?: DataVersions,
): Promise<NationRollupResponse> {
  const snapshot = await dataSnapshot(db, reading);
  const scope = scopeOf(snapshot.directory, viewer);
  return keepReadable(scope, await rollUpNation(db, query, snapshot));
}

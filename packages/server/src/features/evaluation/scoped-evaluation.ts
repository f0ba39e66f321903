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
import { type AccessScope, requireReadableUnit, scopeOf } from '../auth/access-scope';
import type { Viewer } from '../auth/viewer';
import { getUnitDirectory } from '../units/unit-directory';
import {
  evaluateOneUnit,
  evaluateVillages,
  type RollupRequest,
  rollUpNation,
  rollUpSubtree,
} from './evaluation.service';

/** A unit's evaluation, for a viewer who may read that unit. */
export async function evaluateUnitFor(
  db: Kysely<Database>,
  viewer: Viewer,
  unitId: string,
  query: { year: number; tier: Tier; criteriaSetId?: string; basis?: ValueBasis },
): Promise<UnitEvaluationResponse> {
  const directory = await getUnitDirectory(db);
  requireReadableUnit(directory, scopeOf(directory, viewer), unitId);
  return evaluateOneUnit(db, unitId, query);
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

/** Aggregates are public; the per-commune rows only for the communes the viewer may read. */
function keepReadable<T extends { communes: RollupResponse['communes'] }>(scope: AccessScope, result: T): T {
  if (scope.readsEverything) return result;
  return { ...result, communes: result.communes.filter((c) => scope.canRead(c.unitId)) };
}

export async function rollUpFor(
  db: Kysely<Database>,
  viewer: Viewer,
  unitId: string,
  query: RollupRequest,
): Promise<RollupResponse> {
  const scope = scopeOf(await getUnitDirectory(db), viewer);
  return keepReadable(scope, await rollUpSubtree(db, unitId, query));
}

export async function rollUpNationFor(
  db: Kysely<Database>,
  viewer: Viewer,
  query: RollupRequest,
): Promise<NationRollupResponse> {
  const scope = scopeOf(await getUnitDirectory(db), viewer);
  return keepReadable(scope, await rollUpNation(db, query));
}

import { searchUnits, type Unit, type UnitLevel } from '@ntm/core';
import type { Kysely } from 'kysely';
import type { UnitDetailResponse, UnitListResponse, UnitSummary } from '../../contract/units';
import type { Database } from '../../db/schema';
import { requireNavigableUnit, scopeOf } from '../auth/access-scope';
import type { Viewer } from '../auth/viewer';
import { getUnitDirectory, type UnitDirectory } from './unit-directory';

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function summariseUnit(directory: UnitDirectory, unit: Unit, date: string): UnitSummary {
  const tree = directory.treeOn(date);
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    level: unit.level,
    parentId: unit.parentId,
    validFrom: unit.validFrom,
    validTo: unit.validTo,
    isDemo: unit.isDemo,
    childCount: tree.byId.has(unit.id) ? tree.children(unit.id).length : 0,
  };
}

/** Lists show only the units the viewer may find: its own area and the units above it. */
export async function listRootUnits(
  db: Kysely<Database>,
  viewer: Viewer,
  date: string,
): Promise<UnitListResponse> {
  const directory = await getUnitDirectory(db);
  const scope = scopeOf(directory, viewer);
  const tree = directory.treeOn(date);
  const roots = [...tree.byId.values()].filter(
    (u) => (u.parentId === null || !tree.byId.has(u.parentId)) && scope.canNavigate(u.id),
  );
  return { date, units: roots.map((u) => summariseUnit(directory, u, date)) };
}

export async function listChildUnits(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  date: string,
): Promise<UnitListResponse> {
  const directory = await getUnitDirectory(db);
  const scope = scopeOf(directory, viewer);
  requireNavigableUnit(directory, scope, id);
  const tree = directory.treeOn(date);
  const children = tree.byId.has(id) ? tree.children(id).filter((u) => scope.canNavigate(u.id)) : [];
  return { date, units: children.map((u) => summariseUnit(directory, u, date)) };
}

export async function getUnitDetail(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
): Promise<UnitDetailResponse> {
  const directory = await getUnitDirectory(db);
  const scope = scopeOf(directory, viewer);
  const unit = requireNavigableUnit(directory, scope, id);
  const date = unit.validTo ?? today();
  const ancestors: Unit[] = [];
  for (let p = unit.parentId; p !== null; ) {
    const parent = directory.byId.get(p);
    if (!parent) break;
    ancestors.unshift(parent);
    p = parent.parentId;
  }
  const related = (ids: readonly string[]) =>
    ids.flatMap((pid) => {
      const u = directory.byId.get(pid);
      return u && scope.canNavigate(u.id) ? [summariseUnit(directory, u, u.validTo ?? today())] : [];
    });
  return {
    unit,
    ancestors: ancestors.map((u) => summariseUnit(directory, u, date)),
    predecessors: related(unit.predecessorIds),
    successors: related(directory.successorsOf.get(unit.id) ?? []),
  };
}

/** Searches only what the viewer may find, so a guessed name from another area returns nothing. */
export async function searchUnitsOn(
  db: Kysely<Database>,
  viewer: Viewer,
  query: { q: string; date: string; level?: UnitLevel; limit: number },
): Promise<UnitListResponse> {
  const directory = await getUnitDirectory(db);
  const scope = scopeOf(directory, viewer);
  const tree = directory.treeOn(query.date);
  const candidates = scope.readsEverything
    ? [...tree.byId.values()]
    : [...tree.byId.values()].filter((u) => scope.canNavigate(u.id));
  const found = searchUnits(candidates, query.q, {
    limit: query.limit,
    ...(query.level ? { levels: [query.level] } : {}),
  });
  return { date: query.date, units: found.map((u) => summariseUnit(directory, u, query.date)) };
}

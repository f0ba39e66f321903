import { searchUnits, type Unit, type UnitLevel } from '@ntm/core';
import type { Kysely } from 'kysely';
import type { UnitDetailResponse, UnitListResponse, UnitSummary } from '../../contract/units';
import type { Database } from '../../db/schema';
import { getUnitDirectory, requireUnit, type UnitDirectory } from './unit-directory';

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

export async function listRootUnits(db: Kysely<Database>, date: string): Promise<UnitListResponse> {
  const directory = await getUnitDirectory(db);
  const tree = directory.treeOn(date);
  const roots = [...tree.byId.values()].filter((u) => u.parentId === null || !tree.byId.has(u.parentId));
  return { date, units: roots.map((u) => summariseUnit(directory, u, date)) };
}

export async function listChildUnits(
  db: Kysely<Database>,
  id: string,
  date: string,
): Promise<UnitListResponse> {
  const directory = await getUnitDirectory(db);
  requireUnit(directory, id);
  const tree = directory.treeOn(date);
  const children = tree.byId.has(id) ? tree.children(id) : [];
  return { date, units: children.map((u) => summariseUnit(directory, u, date)) };
}

export async function getUnitDetail(db: Kysely<Database>, id: string): Promise<UnitDetailResponse> {
  const directory = await getUnitDirectory(db);
  const unit = requireUnit(directory, id);
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
      return u ? [summariseUnit(directory, u, u.validTo ?? today())] : [];
    });
  return {
    unit,
    ancestors: ancestors.map((u) => summariseUnit(directory, u, date)),
    predecessors: related(unit.predecessorIds),
    successors: related(directory.successorsOf.get(unit.id) ?? []),
  };
}

export async function searchUnitsOn(
  db: Kysely<Database>,
  query: { q: string; date: string; level?: UnitLevel; limit: number },
): Promise<UnitListResponse> {
  const directory = await getUnitDirectory(db);
  const tree = directory.treeOn(query.date);
  const found = searchUnits([...tree.byId.values()], query.q, {
    limit: query.limit,
    ...(query.level ? { levels: [query.level] } : {}),
  });
  return { date: query.date, units: found.map((u) => summariseUnit(directory, u, query.date)) };
}

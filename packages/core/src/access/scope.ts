import type { Unit } from '../units/unit';
import { type Principal, readsEverything } from './roles';

/** The unit records the rules walk: parents are fixed per record, predecessors carry the lineage. */
export interface UnitGraph {
  byId: ReadonlyMap<string, Pick<Unit, 'id' | 'parentId' | 'predecessorIds'>>;
}

/** True when `unitId` is `rootId` or lies below it (villages of a commune, communes of a district). */
export function isWithin(graph: UnitGraph, unitId: string, rootId: string): boolean {
  for (let current = graph.byId.get(unitId); current; ) {
    if (current.id === rootId) return true;
    current = current.parentId === null ? undefined : graph.byId.get(current.parentId);
  }
  return false;
}

/**
 * The roots of what a district or commune user reads: its own unit and, because old data
 * stays attached to its lineage (PRODUCT §3), every unit it was formed from by a merger.
 */
export function readRoots(principal: Principal, graph: UnitGraph): string[] {
  if (principal.unitId === null) return [];
  const roots: string[] = [];
  const stack = [principal.unitId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (roots.includes(id)) continue;
    roots.push(id);
    for (const predecessor of graph.byId.get(id)?.predecessorIds ?? []) stack.push(predecessor);
  }
  return roots;
}

export function canReadUnit(principal: Principal, graph: UnitGraph, unitId: string): boolean {
  if (readsEverything(principal.role)) return graph.byId.has(unitId);
  return readRoots(principal, graph).some((root) => isWithin(graph, unitId, root));
}

/**
 * Units shown to find one's way: those one reads plus the ancestors of one's own area, so a
 * commune user sees the province and district above it, but not their other communes.
 */
export function canNavigateUnit(principal: Principal, graph: UnitGraph, unitId: string): boolean {
  if (canReadUnit(principal, graph, unitId)) return true;
  return readRoots(principal, graph).some((root) => root !== unitId && isWithin(graph, root, unitId));
}

/** Entering values: a department everywhere (for its own criteria only), a district or commune in its area. */
export function canWriteUnit(principal: Principal, graph: UnitGraph, unitId: string): boolean {
  if (!graph.byId.has(unitId)) return false;
  switch (principal.role) {
    case 'province_admin':
    case 'department':
      return true;
    case 'leader':
      return false;
    case 'district':
    case 'commune':
      return principal.unitId !== null && isWithin(graph, unitId, principal.unitId);
  }
}

/** A district verifies the entries of the units below it, not its own; a commune verifies nothing. */
export function canVerifyUnit(principal: Principal, graph: UnitGraph, unitId: string): boolean {
  if (!graph.byId.has(unitId)) return false;
  switch (principal.role) {
    case 'province_admin':
    case 'department':
      return true;
    case 'district':
      return (
        principal.unitId !== null && unitId !== principal.unitId && isWithin(graph, unitId, principal.unitId)
      );
    case 'leader':
    case 'commune':
      return false;
  }
}

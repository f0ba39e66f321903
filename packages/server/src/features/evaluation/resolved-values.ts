import { measuresByCode, type ObservedValue, resolveUnitValues, type Unit, yearEnd } from '@ntm/core';
import type { Kysely } from 'kysely';
import type { ValueBasis } from '../../contract/evaluation';
import type { Database } from '../../db/schema';
import type { UnitDirectory } from '../units/unit-directory';
import { observedValues } from '../values/values.repository';

export type Provenance = 'own' | 'children' | 'predecessors';

export interface ResolvedValues {
  values: Map<string, ObservedValue>;
  provenance: Map<string, Provenance>;
}

/**
 * Above this many units one scan of the year is cheaper than chunked IN lists. A province with
 * its villages is about 5,000 units; the country is 100,000 (bench/: at 4,000 re-evaluating a
 * province after a write scanned the whole year, 6 s instead of a fraction of one).
 */
const WHOLE_YEAR_THRESHOLD = 20_000;

/**
 * Loads in one pass what the units need for a year — their own values, their villages'
 * and their merged predecessors' — and resolves each unit's values by the measures'
 * roll-up rules (PRODUCT §6).
 */
export async function resolveValuesFor(
  db: Kysely<Database>,
  directory: UnitDirectory,
  units: readonly Unit[],
  year: number,
  basis: ValueBasis = 'latest',
): Promise<Map<string, ResolvedValues>> {
  const tree = directory.treeOn(yearEnd(year));
  const childrenOf = (unit: Unit): Unit[] => (tree.byId.has(unit.id) ? tree.children(unit.id) : []);

  const needed = new Set<string>();
  const visit = (unit: Unit) => {
    if (needed.has(unit.id)) return;
    needed.add(unit.id);
    for (const child of childrenOf(unit)) needed.add(child.id);
    for (const p of unit.predecessorIds) {
      const predecessor = directory.byId.get(p);
      if (predecessor) visit(predecessor);
    }
  };
  for (const unit of units) visit(unit);

  const ids = [...needed];
  const rows = await observedValues(db, year, basis, ids.length > WHOLE_YEAR_THRESHOLD ? null : ids);
  const own = new Map<string, Map<string, ObservedValue>>();
  for (const row of rows) {
    if (!needed.has(row.unitId)) continue;
    let map = own.get(row.unitId);
    if (!map) {
      map = new Map();
      own.set(row.unitId, map);
    }
    map.set(row.measureCode, row.value);
  }

  const empty = new Map<string, ObservedValue>();
  const memo = new Map<string, ResolvedValues>();
  const resolve = (unit: Unit): ResolvedValues => {
    const cached = memo.get(unit.id);
    if (cached) return cached;
    const result = resolveUnitValues({
      unit,
      year,
      own: own.get(unit.id) ?? empty,
      children: childrenOf(unit).map((child) => ({ unit: child, values: own.get(child.id) ?? empty })),
      predecessors: unit.predecessorIds.flatMap((p) => {
        const predecessor = directory.byId.get(p);
        return predecessor ? [{ unit: predecessor, values: resolve(predecessor).values }] : [];
      }),
      measures: measuresByCode,
    });
    memo.set(unit.id, result);
    return result;
  };
  return new Map(units.map((u) => [u.id, resolve(u)]));
}

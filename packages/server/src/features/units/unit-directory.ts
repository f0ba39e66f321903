import { buildTreeIndex, type TreeIndex, type Unit } from '@ntm/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { type DataVersions, readDataVersions } from '../data-versions';
import { loadAllUnits } from './units.repository';

/** All units of every date, indexed; rebuilt only when the `units` data version moves. */
export interface UnitDirectory {
  version: number;
  units: readonly Unit[];
  byId: ReadonlyMap<string, Unit>;
  successorsOf: ReadonlyMap<string, readonly string[]>;
  treeOn(date: string): TreeIndex;
}

interface CacheEntry {
  version: number;
  directory: Promise<UnitDirectory>;
}

const caches = new WeakMap<Kysely<Database>, CacheEntry>();

/** `versions`: a reading the caller has just taken, to serve a request from one reading. */
export async function getUnitDirectory(
  db: Kysely<Database>,
  versions?: Pick<DataVersions, 'units'>,
): Promise<UnitDirectory> {
  const { units: version } = versions ?? (await readDataVersions(db));
  const cached = caches.get(db);
  if (cached && cached.version === version) return cached.directory;
  const directory = loadAllUnits(db).then((units) => buildDirectory(units, version));
  caches.set(db, { version, directory });
  directory.catch(() => caches.delete(db));
  return directory;
}

function buildDirectory(units: Unit[], version: number): UnitDirectory {
  const byId = new Map(units.map((u) => [u.id, u]));
  const successorsOf = new Map<string, string[]>();
  for (const unit of units) {
    for (const predecessor of unit.predecessorIds) {
      const list = successorsOf.get(predecessor);
      if (list) list.push(unit.id);
      else successorsOf.set(predecessor, [unit.id]);
    }
  }
  const trees = new Map<string, TreeIndex>();
  return {
    version,
    units,
    byId,
    successorsOf,
    treeOn(date) {
      let tree = trees.get(date);
      if (!tree) {
        tree = buildTreeIndex(units, date);
        trees.set(date, tree);
      }
      return tree;
    },
  };
}

export function requireUnit(directory: UnitDirectory, id: string): Unit {
  const unit = directory.byId.get(id);
  if (!unit)
    throw new AppError('unit_not_found', `Không tìm thấy đơn vị hành chính có mã định danh "${id}".`);
  return unit;
}

/** The province a unit record belongs to (itself when it is a province); parents are fixed per record. */
export function provinceOf(directory: UnitDirectory, unit: Unit): Unit | null {
  let current: Unit | undefined = unit;
  while (current && current.level !== 'province') {
    current = current.parentId === null ? undefined : directory.byId.get(current.parentId);
  }
  return current ?? null;
}

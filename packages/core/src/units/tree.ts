import type { IsoDate, Unit, UnitLevel } from './unit';

/**
 * Both ends are inclusive: a unit ending on 30/06/2025 still exists that day, and its
 * successor starts on 01/07/2025. ISO dates compare correctly as strings.
 */
export function isValidOn(unit: Pick<Unit, 'validFrom' | 'validTo'>, date: IsoDate): boolean {
  return unit.validFrom <= date && (unit.validTo === null || date <= unit.validTo);
}

/** True when the unit existed on at least one day of the year. */
export function existedDuring(unit: Pick<Unit, 'validFrom' | 'validTo'>, year: number): boolean {
  return unit.validFrom <= yearEnd(year) && (unit.validTo === null || unit.validTo >= yearStart(year));
}

export function unitsAsOf(units: readonly Unit[], date: IsoDate): Unit[] {
  return units.filter((unit) => isValidOn(unit, date));
}

function pad4(year: number): string {
  return String(year).padStart(4, '0');
}

export function yearStart(year: number): IsoDate {
  return `${pad4(year)}-01-01`;
}

/** Evaluations of a year are "as of" its last day. */
export function yearEnd(year: number): IsoDate {
  return `${pad4(year)}-12-31`;
}

export interface TreeIndex {
  byId: ReadonlyMap<string, Unit>;
  /** Direct children, in input order; a fresh array the caller may keep or change. */
  children(id: string): Unit[];
  /** From the parent up to the root. */
  ancestors(id: string): Unit[];
  /**
   * All units below, depth first; only those of `level` when given. Worked out once per unit
   * and level: a tree never changes, and a province's walk (over a thousand villages) was a
   * fifth of a cached dashboard request.
   */
  descendants(id: string, level?: UnitLevel): readonly Unit[];
}

const noUnits: readonly Unit[] = Object.freeze([]);

/** The tree as it stood on `date`; units not valid then are left out. */
export function buildTreeIndex(units: readonly Unit[], date: IsoDate): TreeIndex {
  const byId = new Map<string, Unit>();
  const childrenById = new Map<string, Unit[]>();
  for (const unit of units) {
    if (!isValidOn(unit, date)) continue;
    byId.set(unit.id, unit);
    if (unit.parentId === null) continue;
    const siblings = childrenById.get(unit.parentId);
    if (siblings) siblings.push(unit);
    else childrenById.set(unit.parentId, [unit]);
  }

  const childrenOf = (id: string): readonly Unit[] => childrenById.get(id) ?? noUnits;
  const below = new Map<string, readonly Unit[]>();

  return {
    byId,
    children: (id) => [...childrenOf(id)],
    ancestors(id) {
      const result: Unit[] = [];
      const seen = new Set<string>([id]);
      let parentId = byId.get(id)?.parentId ?? null;
      while (parentId !== null && !seen.has(parentId)) {
        const parent = byId.get(parentId);
        if (!parent) break;
        result.push(parent);
        seen.add(parentId);
        parentId = parent.parentId;
      }
      return result;
    },
    descendants(id, level) {
      const key = `${level ?? ''}|${id}`;
      const known = below.get(key);
      if (known) return known;
      const result: Unit[] = [];
      const stack = [...childrenOf(id)].reverse();
      while (stack.length > 0) {
        const unit = stack.pop() as Unit;
        if (level === undefined || unit.level === level) result.push(unit);
        const children = childrenOf(unit.id);
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Unit);
      }
      Object.freeze(result);
      below.set(key, result);
      return result;
    },
  };
}

/**
 * Every unit the given one descends from through mergers and splits, nearest first, so old
 * data stays attached to the commune that exists today.
 */
export function lineage(unitId: string, units: readonly Unit[]): Unit[] {
  const byId = new Map<string, Unit>();
  for (const unit of units) byId.set(unit.id, unit);
  const result: Unit[] = [];
  const seen = new Set<string>([unitId]);
  const queue = [...(byId.get(unitId)?.predecessorIds ?? [])];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string;
    if (seen.has(id)) continue;
    seen.add(id);
    const predecessor = byId.get(id);
    if (!predecessor) continue;
    result.push(predecessor);
    queue.push(...predecessor.predecessorIds);
  }
  return result;
}

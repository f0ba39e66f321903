import { existedDuring, type Unit, yearEnd } from '@ntm/core';
import type { UnitDirectory } from '../units/unit-directory';

/**
 * Where the uploader may write. The shape of the access scope's write check, so a signed-in
 * user's scope can be passed as it is.
 */
export interface WriteScope {
  /** The area in words, for refusals. */
  area: string;
  canWrite(unitId: string): boolean;
  /** A department enters only the measures of the criteria it leads. */
  coversMeasure?(measureCode: string): boolean;
}

export type UnitMatch = { unit: Unit } | { problem: string };

const stripZeros = (code: string) => code.replace(/^0+(?=\d)/, '');

/**
 * Finds units by the code people type. Codes are kept across reorganisations, so the year
 * picks the record; Excel drops leading zeros from codes typed as numbers ("00004" → 4), so
 * an all-digit code also matches with its zeros restored, when that is unambiguous.
 */
export class UnitLookup {
  private readonly byCode = new Map<string, Unit[]>();
  private readonly byDigits = new Map<string, Unit[]>();
  private readonly inside = new Map<string, boolean>();

  constructor(private readonly directory: UnitDirectory) {
    for (const unit of directory.units) {
      push(this.byCode, unit.code, unit);
      if (/^\d+$/.test(unit.code)) push(this.byDigits, stripZeros(unit.code), unit);
    }
  }

  find(code: string, year: number): UnitMatch {
    let candidates = this.byCode.get(code) ?? [];
    if (candidates.length === 0 && /^\d+$/.test(code)) candidates = this.byDigits.get(stripZeros(code)) ?? [];
    if (candidates.length === 0) return { problem: `không có đơn vị hành chính mã "${code}".` };
    const existing = candidates.filter((u) => existedDuring(u, year));
    if (existing.length === 0) {
      return { problem: `đơn vị mã "${code}" không tồn tại trong năm ${year}.` };
    }
    const atYearEnd = existing.filter((u) => u.validTo === null || u.validTo >= yearEnd(year));
    const chosen = atYearEnd.length > 0 ? atYearEnd : existing;
    if (chosen.length > 1) {
      const names = chosen.map((u) => u.name).join(', ');
      return { problem: `mã "${code}" ứng với nhiều đơn vị trong năm ${year} (${names}); hãy ghi đủ mã.` };
    }
    return { unit: chosen[0] as Unit };
  }

  /** Whether `unit` is `rootId` or lies below it; parents are fixed per unit record. */
  isWithin(unit: Unit, rootId: string): boolean {
    const key = `${unit.id}|${rootId}`;
    const known = this.inside.get(key);
    if (known !== undefined) return known;
    let current: Unit | undefined = unit;
    let found = false;
    while (current) {
      if (current.id === rootId) {
        found = true;
        break;
      }
      current = current.parentId === null ? undefined : this.directory.byId.get(current.parentId);
    }
    this.inside.set(key, found);
    return found;
  }
}

const lookups = new WeakMap<UnitDirectory, UnitLookup>();

/**
 * One lookup per unit directory, shared by every upload: indexing the country's 190,000 units
 * takes longer than checking a province's file. A change of units brings a new directory.
 */
export function unitLookupFor(directory: UnitDirectory): UnitLookup {
  let lookup = lookups.get(directory);
  if (!lookup) {
    lookup = new UnitLookup(directory);
    lookups.set(directory, lookup);
  }
  return lookup;
}

function push(map: Map<string, Unit[]>, key: string, unit: Unit): void {
  const list = map.get(key);
  if (list) list.push(unit);
  else map.set(key, [unit]);
}

/** A unit and everything below it, for an upload limited to one area. */
export function subtreeScope(lookup: UnitLookup, directory: UnitDirectory, rootId: string): WriteScope {
  const root = directory.byId.get(rootId);
  return {
    area: root ? `${root.name} và các đơn vị trực thuộc` : rootId,
    canWrite: (unitId) => {
      const unit = directory.byId.get(unitId);
      return unit !== undefined && lookup.isWithin(unit, rootId);
    },
  };
}

import type { CriteriaSet, Unit } from '@ntm/core';
import { findCriteriaSet } from '../../packages/server/src/features/catalog/catalog.service';
import { BENCH_NEW_SET, BENCH_OLD_SET } from './catalog';
import { type NationalUnits, nationalUnits } from './units';
import { communeYearValues, type ValueRow } from './values';

export interface DatasetSpec {
  name: 'national' | 'quick';
  /** July 2025 province codes; undefined for the whole country. */
  provinces?: readonly string[];
  /** Years judged on the old (pre-July 2025) communes, under the 2016–2020 set. */
  oldYears: readonly number[];
  /** Years judged on the new communes, under the 2026–2030 set. */
  newYears: readonly number[];
}

export const NATIONAL: DatasetSpec = {
  name: 'national',
  oldYears: [2020, 2021, 2022, 2023, 2024],
  newYears: [2026],
};
/**
 * What PostgreSQL gets: every unit, and the values of the year its benchmarks read (the
 * roll-up and the write path use the latest year of the old structure). Loading all six years
 * through the product's bulk write takes the better part of an hour on two cores.
 */
export function postgresSpec(spec: DatasetSpec): DatasetSpec {
  return { ...spec, oldYears: spec.oldYears.slice(-1), newYears: [] };
}

/** Two small provinces and two years: enough to run every benchmark in a couple of minutes. */
export const QUICK: DatasetSpec = {
  name: 'quick',
  provinces: ['11', '12'],
  oldYears: [2024],
  newYears: [2026],
};

export interface ValueBatch {
  /** The province (of the unit records) and year the rows belong to. */
  provinceId: string;
  year: number;
  rows: ValueRow[];
}

export interface Dataset {
  spec: DatasetSpec;
  units: NationalUnits;
  years: readonly number[];
  /** Province record → its communes, for the years the province existed. */
  communesByProvince: ReadonlyMap<string, readonly Unit[]>;
  setFor(year: number): CriteriaSet;
  /** One batch per province and year; generated on demand, so the whole set is never in memory. */
  batches(revision?: number): Generator<ValueBatch>;
  batch(provinceId: string, year: number, revision?: number): ValueBatch;
}

function requireSet(id: string): CriteriaSet {
  const set = findCriteriaSet(id);
  if (!set)
    throw new Error(`bench: bộ tiêu chí ${id} chưa được cài (installCatalogExtension(benchCatalog()))`);
  return set;
}

export function buildDataset(spec: DatasetSpec): Dataset {
  const units = nationalUnits(spec.provinces ? { provinces: spec.provinces } : {});
  const byId = new Map(units.units.map((u) => [u.id, u]));
  const provinceOf = (unit: Unit): string => {
    let current: Unit | undefined = unit;
    while (current?.parentId) current = byId.get(current.parentId);
    return current?.id ?? unit.id;
  };
  const communesByProvince = new Map<string, Unit[]>();
  for (const commune of [...units.oldCommunes, ...units.newCommunes]) {
    const id = provinceOf(commune);
    const list = communesByProvince.get(id);
    if (list) list.push(commune);
    else communesByProvince.set(id, [commune]);
  }
  const oldSet = requireSet(BENCH_OLD_SET);
  const newSet = requireSet(BENCH_NEW_SET);
  const isOldYear = (year: number) => spec.oldYears.includes(year);
  const setFor = (year: number) => (isOldYear(year) ? oldSet : newSet);
  const batch = (provinceId: string, year: number, revision = 0): ValueBatch => {
    const set = setFor(year);
    const rows: ValueRow[] = [];
    for (const commune of communesByProvince.get(provinceId) ?? []) {
      rows.push(...communeYearValues(commune, units.villagesOf.get(commune.id) ?? [], year, set, revision));
    }
    return { provinceId, year, rows };
  };
  const years = [...spec.oldYears, ...spec.newYears];
  return {
    spec,
    units,
    years,
    communesByProvince,
    setFor,
    batch,
    *batches(revision = 0) {
      for (const year of years) {
        const old = isOldYear(year);
        for (const [provinceId, communes] of communesByProvince) {
          if ((communes[0]?.validTo !== null) === old) yield batch(provinceId, year, revision);
        }
      }
    },
  };
}

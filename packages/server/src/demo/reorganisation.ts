import { type CommuneGroup, type Unit, type UnitFlag, unitKindLabels } from '@ntm/core';
import { NamePool } from './names';
import { DEMO_PROVINCE_CODE, type DemoCommune, type DemoProvince, styleOf, type Terrain } from './province';
import { createRandom } from './random';

/**
 * The demo province after 1 July 2025: province → commune → village. Districts end; the
 * communes of each district merge in runs of neighbours (2–4, a few alone), and every
 * commune and village gets a new record because its parent changed, with the old record
 * as predecessor, so 2019–2021 history follows the lineage.
 */

export const NEW_FROM = '2025-07-01';

export interface MergedCommune {
  unit: Unit;
  villages: Unit[];
  predecessors: DemoCommune[];
}

export interface ReorganisedProvince {
  province: Unit;
  communes: MergedCommune[];
}

export function newId(code: string): string {
  return `demo:2025:${code}`;
}

/**
 * How each district's communes (in code order: phường or thị trấn first) are grouped;
 * a 1 is a commune left unchanged. 10 districts, 124 communes → 40 new communes.
 */
const groupSizes: readonly (readonly number[])[] = [
  [2, 2, 3, 3],
  [3, 4, 3],
  [4, 3, 3, 3],
  [3, 4, 1, 2, 3],
  [4, 4, 4, 1],
  [3, 3, 4, 3],
  [4, 3, 3, 3],
  [2, 4, 3, 4],
  [1, 4, 4, 4],
  [3, 3, 3, 4],
];

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Decision 51/2025 groups (reference §5.3): nhóm 3 the upland communes that were especially
 * difficult (ethnic-minority khu vực II/III), nhóm 1 the peri-urban ones (the city, the town
 * and communes absorbing a thị trấn), nhóm 2 the rest. The decision gives no precedence when
 * both apply; the demo puts nhóm 3 first. Wards are not rural and get none.
 */
function groupOf(predecessors: readonly DemoCommune[], terrain: Terrain): CommuneGroup | null {
  if (predecessors.some((p) => p.unit.kind === 'phuong')) return null;
  const upland = terrain === 'mountain' || terrain === 'border';
  if (upland && predecessors.some((p) => p.unit.flags.includes('especially_difficult'))) return 'G3';
  if (terrain === 'urban' || predecessors.some((p) => p.unit.kind === 'thi_tran')) return 'G1';
  return 'G2';
}

function shortName(unit: Unit): string {
  return unit.name.slice(unitKindLabels[unit.kind].length + 1);
}

function total(units: readonly Unit[], key: 'population' | 'households' | 'areaKm2'): number {
  const sum = units.reduce((acc, u) => acc + (u[key] ?? 0), 0);
  return key === 'areaKm2' ? Math.round(sum * 10) / 10 : sum;
}

function moveVillages(merged: Unit, predecessors: readonly DemoCommune[]): Unit[] {
  const taken = new Set<string>();
  let streetBlock = 0;
  const villages: Unit[] = [];
  for (const predecessor of predecessors) {
    for (const village of predecessor.villages) {
      let name = village.name;
      if (village.kind === 'to_dan_pho') {
        streetBlock += 1;
        name = `${unitKindLabels.to_dan_pho} ${streetBlock}`;
      } else if (taken.has(name)) {
        name = `${village.name} ${shortName(predecessor.unit)}`;
      }
      taken.add(name);
      const code = `${merged.code}${pad2(villages.length + 1)}`;
      villages.push({
        ...village,
        id: newId(code),
        code,
        name,
        parentId: merged.id,
        flags: [...village.flags],
        validFrom: NEW_FROM,
        validTo: null,
        predecessorIds: [village.id],
      });
    }
  }
  return villages;
}

export function reorganiseDemoProvince(old: DemoProvince): ReorganisedProvince {
  const names = new NamePool(createRandom('reorganisation'));
  for (const commune of old.communes) names.take(shortName(commune.unit));
  const provinceId = newId(DEMO_PROVINCE_CODE);
  const communes: MergedCommune[] = [];

  old.districts.forEach((district, d) => {
    const members = old.communes.filter((c) => c.unit.parentId === district.id);
    const sizes = groupSizes[d] ?? [];
    if (sizes.reduce((a, b) => a + b, 0) !== members.length) {
      throw new Error(`Phương án sáp nhập của ${district.name} không khớp ${members.length} xã`);
    }
    let start = 0;
    for (const size of sizes) {
      const predecessors = members.slice(start, start + size);
      start += size;
      const first = predecessors[0];
      if (!first) continue;
      const code = `99500${pad2(communes.length + 1)}`;
      const kind = first.unit.kind === 'phuong' ? 'phuong' : 'xa';
      const districtName = shortName(district);
      const name =
        predecessors.length === 1
          ? shortName(first.unit)
          : first.unit.kind === 'thi_tran'
            ? districtName
            : names.place(styleOf(first.terrain));
      const flags = [...new Set(predecessors.flatMap((p) => p.unit.flags))] as UnitFlag[];
      const units = predecessors.map((p) => p.unit);
      const unit: Unit = {
        id: newId(code),
        code,
        name: `${unitKindLabels[kind]} ${name}`,
        kind,
        level: 'commune',
        parentId: provinceId,
        region: 'BTB',
        communeGroup: groupOf(predecessors, first.terrain),
        flags,
        population: total(units, 'population'),
        households: total(units, 'households'),
        areaKm2: total(units, 'areaKm2'),
        validFrom: NEW_FROM,
        validTo: null,
        predecessorIds: units.map((u) => u.id),
        isDemo: true,
      };
      communes.push({ unit, villages: moveVillages(unit, predecessors), predecessors });
    }
  });

  const units = communes.map((c) => c.unit);
  const province: Unit = {
    ...old.province,
    id: provinceId,
    population: total(units, 'population'),
    households: total(units, 'households'),
    areaKm2: total(units, 'areaKm2'),
    flags: [],
    validFrom: NEW_FROM,
    validTo: null,
    predecessorIds: [old.province.id],
  };
  return { province, communes };
}

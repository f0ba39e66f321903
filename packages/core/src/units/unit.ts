import { z } from 'zod';

/** Levels of the administrative tree. Which levels exist depends on the date (see PRODUCT §3). */
export const unitLevels = ['province', 'district', 'commune', 'village'] as const;
export const UnitLevel = z.enum(unitLevels);
export type UnitLevel = z.infer<typeof UnitLevel>;

/** Official kinds of unit; the Vietnamese label lives in `unitKindLabels`. */
export const UnitKind = z.enum([
  'tinh',
  'thanh_pho_truc_thuoc_tw',
  'huyen',
  'thi_xa',
  'thanh_pho_thuoc_tinh',
  'quan',
  'xa',
  'phuong',
  'thi_tran',
  'dac_khu',
  'thon',
  'ban',
  'ap',
  'xom',
  'to_dan_pho',
  'khu_dan_cu',
]);
export type UnitKind = z.infer<typeof UnitKind>;

export const unitKindLabels: Record<UnitKind, string> = {
  tinh: 'Tỉnh',
  thanh_pho_truc_thuoc_tw: 'Thành phố trực thuộc Trung ương',
  huyen: 'Huyện',
  thi_xa: 'Thị xã',
  thanh_pho_thuoc_tinh: 'Thành phố thuộc tỉnh',
  quan: 'Quận',
  xa: 'Xã',
  phuong: 'Phường',
  thi_tran: 'Thị trấn',
  dac_khu: 'Đặc khu',
  thon: 'Thôn',
  ban: 'Bản',
  ap: 'Ấp',
  xom: 'Xóm',
  to_dan_pho: 'Tổ dân phố',
  khu_dan_cu: 'Khu dân cư',
};

/** The 7 ecological regions of Decisions 1980 and 318 (codes are ours, names official). */
export const Region = z.enum(['TDMNPB', 'DBSH', 'BTB', 'DHNTB', 'TN', 'DNB', 'DBSCL']);
export type Region = z.infer<typeof Region>;

export const regionNames: Record<Region, string> = {
  TDMNPB: 'Trung du miền núi phía Bắc',
  DBSH: 'Đồng bằng sông Hồng',
  BTB: 'Bắc Trung Bộ',
  DHNTB: 'Duyên hải Nam Trung Bộ',
  TN: 'Tây Nguyên',
  DNB: 'Đông Nam Bộ',
  DBSCL: 'Đồng bằng sông Cửu Long',
};

/** The 3 commune groups of Decision 51/2025/QĐ-TTg, which replace regions from 2026. */
export const CommuneGroup = z.enum(['G1', 'G2', 'G3']);
export type CommuneGroup = z.infer<typeof CommuneGroup>;

export const communeGroupNames: Record<CommuneGroup, string> = {
  G1: 'Xã nhóm 1',
  G2: 'Xã nhóm 2',
  G3: 'Xã nhóm 3',
};

export const UnitFlag = z.enum([
  'especially_difficult',
  'safety_zone',
  'coastal',
  'border',
  'island',
  'scheme_1385',
]);
export type UnitFlag = z.infer<typeof UnitFlag>;

export const unitFlagLabels: Record<UnitFlag, string> = {
  especially_difficult: 'Xã đặc biệt khó khăn',
  safety_zone: 'Xã an toàn khu',
  coastal: 'Bãi ngang ven biển',
  border: 'Biên giới',
  island: 'Hải đảo',
  scheme_1385: 'Thuộc Đề án 1385/QĐ-TTg',
};

/** ISO calendar date, yyyy-mm-dd. */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected yyyy-mm-dd');
export type IsoDate = z.infer<typeof IsoDate>;

/**
 * An administrative unit as it existed over a period. A unit that changes parent or merges
 * ends, and a new record starts with the old one among its predecessors, so every date
 * has exactly one correct tree.
 */
export const Unit = z.object({
  id: z.string().min(1),
  code: z.string().min(1),
  name: z.string().min(1),
  kind: UnitKind,
  level: UnitLevel,
  parentId: z.string().nullable(),
  region: Region.nullable(),
  communeGroup: CommuneGroup.nullable(),
  flags: z.array(UnitFlag),
  population: z.number().int().nonnegative().nullable(),
  households: z.number().int().nonnegative().nullable(),
  areaKm2: z.number().nonnegative().nullable(),
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  predecessorIds: z.array(z.string()),
  isDemo: z.boolean(),
});
export type Unit = z.infer<typeof Unit>;

import type { MessageKey } from '../../i18n';

/** Message keys for the catalog's vocabulary, shared by the scorecard, data entry and catalog pages. */

export type TierCode =
  | 'standard'
  | 'advanced'
  | 'model'
  | 'modern'
  | 'village_standard'
  | 'model_residential_area';
export type LevelCode = 'province' | 'district' | 'commune' | 'village';
export type ValueTypeCode = 'boolean' | 'number' | 'percent' | 'level';

const tiers: Record<TierCode, MessageKey> = {
  standard: 'catalog.tier.standard',
  advanced: 'catalog.tier.advanced',
  model: 'catalog.tier.model',
  modern: 'catalog.tier.modern',
  village_standard: 'catalog.tier.village_standard',
  model_residential_area: 'catalog.tier.model_residential_area',
};

const levels: Record<LevelCode, MessageKey> = {
  province: 'catalog.level.province',
  district: 'catalog.level.district',
  commune: 'catalog.level.commune',
  village: 'catalog.level.village',
};

const valueTypes: Record<ValueTypeCode, MessageKey> = {
  boolean: 'catalog.valueType.boolean',
  number: 'catalog.valueType.number',
  percent: 'catalog.valueType.percent',
  level: 'catalog.valueType.level',
};

const regions: Record<string, MessageKey> = {
  TDMNPB: 'catalog.region.TDMNPB',
  DBSH: 'catalog.region.DBSH',
  BTB: 'catalog.region.BTB',
  DHNTB: 'catalog.region.DHNTB',
  TN: 'catalog.region.TN',
  DNB: 'catalog.region.DNB',
  DBSCL: 'catalog.region.DBSCL',
};

const groups: Record<string, MessageKey> = {
  G1: 'catalog.group.G1',
  G2: 'catalog.group.G2',
  G3: 'catalog.group.G3',
};

const flags: Record<string, MessageKey> = {
  especially_difficult: 'catalog.flag.especially_difficult',
  safety_zone: 'catalog.flag.safety_zone',
  coastal: 'catalog.flag.coastal',
  border: 'catalog.flag.border',
  island: 'catalog.flag.island',
  scheme_1385: 'catalog.flag.scheme_1385',
};

export const tierKey = (tier: TierCode): MessageKey => tiers[tier];

/** A tier the API names by code, in the page's language; an unknown code is shown as it is. */
export function tierLabel(tier: string, t: (key: MessageKey) => string): string {
  const key = (tiers as Record<string, MessageKey>)[tier];
  return key ? t(key) : tier;
}

/**
 * A reporting band in the page's language, from its stable key and bounds rather than the
 * Vietnamese label the API sends ("all", "15-18", "4", "lt5").
 */
export function bandLabel(
  band: { key: string; min: number; max: number },
  t: (key: MessageKey, vars?: Record<string, string | number>) => string,
): string {
  if (band.key === 'all') return t('band.all', { total: band.max });
  if (band.key.startsWith('lt')) return t('band.below', { count: band.max + 1 });
  return band.min === band.max
    ? t('band.exactly', { count: band.min })
    : t('band.range', { min: band.min, max: band.max });
}
export const levelKey = (level: LevelCode): MessageKey => levels[level];
export const valueTypeKey = (valueType: ValueTypeCode): MessageKey => valueTypes[valueType];

export interface Condition {
  regions?: readonly string[] | undefined;
  communeGroups?: readonly string[] | undefined;
  flags?: readonly string[] | undefined;
}

/**
 * Who a threshold applies to, in words: "Đồng bằng sông Hồng", "Xã nhóm 1, Bãi ngang ven biển",
 * or the general label. An unknown code (a newer catalog than this page) is shown as it is.
 */
export function describeCondition(
  when: Condition | null | undefined,
  t: (key: MessageKey) => string,
): string {
  const label = (table: Record<string, MessageKey>, code: string) => {
    const key = table[code];
    return key ? t(key) : code;
  };
  const parts = [
    ...(when?.regions ?? []).map((r) => label(regions, r)),
    ...(when?.communeGroups ?? []).map((g) => label(groups, g)),
    ...(when?.flags ?? []).map((f) => label(flags, f)),
  ];
  return parts.length > 0 ? parts.join(', ') : t('catalog.condition.general');
}

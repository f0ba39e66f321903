import type { Unit } from '@ntm/core';
import type { DemoCommune, DemoProvince, Terrain } from './province';
import { createRandom, type Random } from './random';

/**
 * What happens to each unit of the demo province, decided before any value is drawn: when
 * it is recognised at which tier, and which criteria it misses each year. Values are then
 * generated to tell exactly this story, so dashboards show the bands, the near misses and
 * the maintenance alerts the product is built for.
 */

export const VALUE_YEARS = [2019, 2020, 2021] as const;
export type ValueYear = (typeof VALUE_YEARS)[number];

export type CommuneOutlook = 'recognised' | 'recognised_2021' | 'near_miss' | 'band';

export interface CommuneStory {
  commune: DemoCommune;
  outlook: CommuneOutlook;
  standardYear: number | null;
  advancedYear: number | null;
  modelYear: number | null;
  /** Criterion numbers of the 2016–2020 standard set missed each year; shrinking over time. */
  unmet: Record<ValueYear, string[]>;
  /** 0–1: how well the commune does where the story leaves it free. */
  quality: number;
}

export type VillageRole = 'scheme' | 'residential_candidate';

export interface VillageStory {
  village: Unit;
  role: VillageRole;
  villageStandardYear: number | null;
  residentialAreaYear: number | null;
  /** Criterion numbers of the village set missed each year. */
  unmetVillage: Record<ValueYear, string[]>;
  /** Criterion numbers of the model residential area set missed each year; null when not a candidate. */
  unmetResidential: Record<ValueYear, string[]> | null;
  quality: number;
}

export interface Stories {
  communes: CommuneStory[];
  villages: VillageStory[];
}

/** Standard recognitions per year 2015–2020, best communes first: 65 of 109 rural communes. */
const STANDARD_BY_YEAR: readonly [number, number][] = [
  [2015, 6],
  [2016, 9],
  [2017, 12],
  [2018, 14],
  [2019, 13],
  [2020, 11],
];
const RECOGNISED_2021 = {
  standard: 6,
  advanced: 4,
  model: 1,
  residentialAreas: 3,
  schemeVillages: 22,
};
const NEAR_MISSES = 15;
/** Unmet criteria in 2021 for the remaining communes, worst last: bands 15–18, 10–14, 5–9, <5. */
const BAND_UNMET: readonly [count: number, min: number, max: number][] = [
  [8, 3, 4],
  [7, 5, 9],
  [5, 10, 14],
  [3, 15, 17],
];

/** Hard criteria are missed more often (income, poverty, environment, roads, production). */
const CRITERION_WEIGHT: Record<string, number> = {
  '10': 5,
  '11': 5,
  '17': 5,
  '2': 4,
  '13': 4,
  '14': 3,
  '5': 3,
  '6': 3,
  '9': 3,
  '3': 2,
  '15': 2,
  '16': 2,
  '12': 2,
};
/** Criteria a recognised commune slips on in 2021: ones whose values drift. */
const SLIP_CRITERIA = ['11', '17', '15', '12'];
const SLIPPERS = 3;

const TERRAIN_SCORE: Record<Terrain, number> = {
  urban: 0.9,
  plain: 0.75,
  coastal: 0.65,
  mountain: 0.45,
  border: 0.35,
};

/** A permutation drawn by weight, hardest first; a prefix of it is the set of missed criteria. */
function weightedOrder(random: Random, items: readonly string[], weight: (item: string) => number): string[] {
  const keyed = items.map((item) => ({ item, key: random.next() ** (1 / weight(item)) }));
  return keyed.sort((a, b) => b.key - a.key).map((k) => k.item);
}

function nested(order: readonly string[], counts: Record<ValueYear, number>): Record<ValueYear, string[]> {
  const cap = (n: number) => Math.min(n, order.length);
  return {
    2019: order.slice(0, cap(counts[2019])),
    2020: order.slice(0, cap(counts[2020])),
    2021: order.slice(0, cap(counts[2021])),
  };
}

function developmentScore(random: Random, commune: DemoCommune): number {
  const flags = commune.unit.flags;
  return (
    TERRAIN_SCORE[commune.terrain] -
    (flags.includes('especially_difficult') ? 0.2 : 0) -
    (flags.includes('scheme_1385') ? 0.3 : 0) +
    random.between(0, 0.25)
  );
}

function communeStories(random: Random, province: DemoProvince, criteria: readonly string[]): CommuneStory[] {
  const rural = province.communes.filter((c) => c.rural);
  const ranked = rural
    .map((commune) => ({ commune, score: developmentScore(random, commune) }))
    .sort((a, b) => b.score - a.score)
    .map((r) => r.commune);

  const order = () => weightedOrder(random, criteria, (c) => CRITERION_WEIGHT[c] ?? 1);
  const stories: CommuneStory[] = [];
  let rank = 0;
  const next = (): DemoCommune => {
    const commune = ranked[rank++];
    if (!commune) throw new Error('Tỉnh Demo không đủ xã cho kịch bản');
    return commune;
  };

  for (const [year, count] of STANDARD_BY_YEAR) {
    for (let i = 0; i < count; i++) {
      const early = year <= 2019;
      stories.push({
        commune: next(),
        outlook: 'recognised',
        standardYear: year,
        advancedYear: null,
        modelYear: null,
        unmet: nested(order(), { 2019: early ? 0 : random.int(1, 2), 2020: 0, 2021: 0 }),
        quality: random.between(0.7, 0.95),
      });
    }
  }
  for (let i = 0; i < RECOGNISED_2021.standard; i++) {
    const in2020 = random.int(1, 2);
    stories.push({
      commune: next(),
      outlook: 'recognised_2021',
      standardYear: 2021,
      advancedYear: null,
      modelYear: null,
      unmet: nested(order(), { 2019: in2020 + random.int(1, 2), 2020: in2020, 2021: 0 }),
      quality: random.between(0.65, 0.85),
    });
  }
  for (let i = 0; i < NEAR_MISSES; i++) {
    const in2021 = random.int(1, 2);
    const in2020 = in2021 + random.int(0, 1);
    stories.push({
      commune: next(),
      outlook: 'near_miss',
      standardYear: null,
      advancedYear: null,
      modelYear: null,
      unmet: nested(order(), { 2019: in2020 + random.int(1, 2), 2020: in2020, 2021: in2021 }),
      quality: random.between(0.6, 0.8),
    });
  }
  BAND_UNMET.forEach(([count, min, max], band) => {
    for (let i = 0; i < count; i++) {
      const in2021 = random.int(min, max);
      const in2020 = in2021 + random.int(band === 3 ? 0 : 1, band === 3 ? 1 : 2);
      stories.push({
        commune: next(),
        outlook: 'band',
        standardYear: null,
        advancedYear: null,
        modelYear: null,
        unmet: nested(order(), { 2019: in2020 + random.int(0, 2), 2020: in2020, 2021: in2021 }),
        quality: Math.max(0.05, 0.55 - band * 0.15 + random.between(-0.05, 0.05)),
      });
    }
  });
  if (rank !== ranked.length) throw new Error(`Kịch bản Tỉnh Demo bỏ sót ${ranked.length - rank} xã`);

  promote(random, stories);
  return stories;
}

/**
 * Advanced and model tiers go to the earliest recognised communes; a few recognised ones
 * that are not promoted slip on one criterion in 2021, which drives maintenance alerts.
 */
function promote(random: Random, stories: CommuneStory[]): void {
  const veterans = stories.filter((s) => s.standardYear !== null && s.standardYear <= 2017);
  const advancedBefore = veterans.slice(0, 8);
  advancedBefore.forEach((s, i) => {
    s.advancedYear = i < 3 ? 2019 : 2020;
  });
  const modelBefore = advancedBefore[0];
  if (modelBefore) modelBefore.modelYear = 2020;
  const model2021 = advancedBefore[1];
  if (model2021) model2021.modelYear = 2021;

  const candidates = stories.filter(
    (s) =>
      s.outlook === 'recognised' &&
      s.standardYear !== null &&
      s.standardYear <= 2019 &&
      s.advancedYear === null,
  );
  const advanced2021 = candidates.slice(0, RECOGNISED_2021.advanced);
  for (const s of advanced2021) s.advancedYear = 2021;
  const slippers = random.shuffle(candidates.slice(RECOGNISED_2021.advanced)).slice(0, SLIPPERS);
  for (const s of slippers) s.unmet[2021] = [random.pick(SLIP_CRITERIA)];
}

function villageStories(
  random: Random,
  communes: readonly CommuneStory[],
  criteria: VillageCriteria,
): VillageStory[] {
  const order = (items: readonly string[]) => weightedOrder(random, items, () => 1);
  const scheme = communes.flatMap((s) =>
    s.commune.villages.filter((v) => v.flags.includes('scheme_1385')).map((village) => ({ village, s })),
  );
  const recognised = new Set(
    random.shuffle(scheme.map((v) => v.village.id)).slice(0, RECOGNISED_2021.schemeVillages),
  );
  const stories: VillageStory[] = scheme.map(({ village }) => {
    const reached = recognised.has(village.id);
    const in2021 = reached ? 0 : random.int(1, 5);
    const in2020 = in2021 + random.int(1, 2);
    return {
      village,
      role: 'scheme',
      villageStandardYear: reached ? 2021 : null,
      residentialAreaYear: null,
      unmetVillage: nested(order(criteria.village), {
        2019: in2020 + random.int(0, 2),
        2020: in2020,
        2021: in2021,
      }),
      unmetResidential: null,
      quality: random.between(0.3, 0.7),
    };
  });

  // Model residential areas grow in advanced communes; each first needs the village standard.
  const advancedCommunes = communes.filter((s) => s.advancedYear !== null && s.advancedYear <= 2020);
  const candidates = advancedCommunes.slice(0, 6).map((s) => random.pick(s.commune.villages));
  candidates.forEach((village, i) => {
    const reached = i < RECOGNISED_2021.residentialAreas;
    const villageStandardYear = random.pick([2019, 2020]);
    const in2021 = reached ? 0 : random.int(1, 2);
    stories.push({
      village,
      role: 'residential_candidate',
      villageStandardYear,
      residentialAreaYear: reached ? 2021 : null,
      unmetVillage: nested(order(criteria.village), {
        2019: villageStandardYear === 2019 ? 0 : 1,
        2020: 0,
        2021: 0,
      }),
      unmetResidential: nested(order(criteria.residential), {
        2019: in2021 + random.int(2, 3),
        2020: in2021 + random.int(1, 2),
        2021: in2021,
      }),
      quality: random.between(0.8, 0.95),
    });
  });
  return stories;
}

export interface VillageCriteria {
  village: readonly string[];
  residential: readonly string[];
}

export function buildStories(
  province: DemoProvince,
  communeCriteria: readonly string[],
  villageCriteria: VillageCriteria,
): Stories {
  const communes = communeStories(createRandom('stories'), province, communeCriteria);
  return { communes, villages: villageStories(createRandom('village-stories'), communes, villageCriteria) };
}

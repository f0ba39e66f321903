import type { CriteriaSet, MeasureValue, Tier, Unit, UnitLevel, ValueStatus } from '@ntm/core';
import { getCriteriaSet, measuresByCode } from '@ntm/core';
import { buildDirective, buildTargets } from './directive';
import { buildDemoRegistrations, buildDemoTasks } from './plans';
import { buildDemoProvince } from './province';
import { createRandom, type Random } from './random';
import { buildRecognitions, DEMO_SET_IDS } from './recognitions';
import { type MergedCommune, reorganiseDemoProvince } from './reorganisation';
import { buildStories, type CommuneStory, VALUE_YEARS, type VillageStory } from './stories';
import type { DemoDataset } from './types';
import { generateUnitValues, type UnitYearPlan } from './values';

/** The year the reorganised province is first evaluated, under the 2026–2030 set. */
export const NEW_VALUE_YEAR = 2026;

interface DemoSets {
  standard: CriteriaSet;
  advanced: CriteriaSet;
  model: CriteriaSet;
  village: CriteriaSet;
  residential: CriteriaSet;
  standard2026: CriteriaSet;
}

function demoSets(): DemoSets {
  const get = (id: string): CriteriaSet => {
    const set = getCriteriaSet(id);
    if (!set) throw new Error(`Dữ liệu demo cần bộ tiêu chí ${id}`);
    return set;
  };
  return {
    standard: get(DEMO_SET_IDS.standard),
    advanced: get(DEMO_SET_IDS.advanced),
    model: get(DEMO_SET_IDS.model),
    village: get(DEMO_SET_IDS.village),
    residential: get(DEMO_SET_IDS.residential),
    standard2026: get(DEMO_SET_IDS.standard2026),
  };
}

function criterionNumbers(set: CriteriaSet): string[] {
  return set.criteria.map((c) => c.number);
}

/**
 * Criteria of the model residential area set a village can miss while meeting the village
 * standard: those with a numeric indicator, which can fall between the two thresholds.
 */
function missableWithVillageStandard(set: CriteriaSet): string[] {
  return set.criteria.filter((c) => c.indicators.some((i) => i.valueType !== 'boolean')).map((c) => c.number);
}

function improving(quality: number, year: number, lastYear: number): number {
  return Math.min(1, Math.max(0, quality - (lastYear - year) * 0.05));
}

/** Older years are approved; the latest has entries still moving through the workflow. */
function statusFor(random: Random, year: number, decidedThatYear: boolean): ValueStatus {
  if (year < 2021 || decidedThatYear) return 'approved';
  const roll = random.next();
  if (year === NEW_VALUE_YEAR)
    return roll < 0.3 ? 'approved' : roll < 0.6 ? 'verified' : roll < 0.85 ? 'submitted' : 'draft';
  return roll < 0.75 ? 'approved' : roll < 0.87 ? 'verified' : roll < 0.96 ? 'submitted' : 'draft';
}

const missingRateOf: Record<CommuneStory['outlook'], number> = {
  recognised: 0,
  recognised_2021: 0,
  near_miss: 0.15,
  band: 0.3,
};

function communeValues(sets: DemoSets, story: CommuneStory, random: Random): MeasureValue[] {
  const plans: UnitYearPlan[] = VALUE_YEARS.map((year) => ({
    year,
    demands: [
      {
        set: sets.standard,
        unmet: story.unmet[year],
        othersInMissed: story.outlook === 'band' ? 'free' : 'meet',
      },
      { set: sets.advanced, unmet: story.advancedYear !== null && story.advancedYear <= year ? [] : 'free' },
      { set: sets.model, unmet: story.modelYear !== null && story.modelYear <= year ? [] : 'free' },
    ],
    quality: improving(story.quality, year, 2021),
    missingRate: missingRateOf[story.outlook],
    status: statusFor(random, year, [story.standardYear, story.advancedYear, story.modelYear].includes(year)),
  }));
  return generateUnitValues(story.commune.unit, plans, measuresByCode, random);
}

function villageValues(sets: DemoSets, story: VillageStory, random: Random): MeasureValue[] {
  const plans: UnitYearPlan[] = VALUE_YEARS.map((year) => {
    const residential = story.unmetResidential?.[year];
    // Before the village standard is reached the stricter residential-area set asks nothing.
    const villageStandard = story.villageStandardYear !== null && story.villageStandardYear <= year;
    return {
      year,
      demands: [
        { set: sets.village, unmet: story.unmetVillage[year] },
        ...(residential
          ? [{ set: sets.residential, unmet: villageStandard ? residential : ('free' as const) }]
          : []),
      ],
      quality: improving(story.quality, year, 2021),
      missingRate: story.villageStandardYear === null ? 0.1 : 0,
      status: statusFor(random, year, [story.villageStandardYear, story.residentialAreaYear].includes(year)),
    };
  });
  return generateUnitValues(story.village, plans, measuresByCode, random);
}

/**
 * 2026 values of the merged communes follow their predecessors: a commune made of
 * recognised ones misses little under the new set, one made of lagging ones misses more.
 */
function mergedCommuneValues(
  sets: DemoSets,
  merged: MergedCommune,
  storyOf: ReadonlyMap<string, CommuneStory>,
  random: Random,
): MeasureValue[] {
  let weighted = 0;
  let weight = 0;
  for (const predecessor of merged.predecessors) {
    const story = storyOf.get(predecessor.unit.id);
    if (!story) continue;
    const households = predecessor.unit.households ?? 1;
    weighted += households * ((19 - story.unmet[2021].length) / 19);
    weight += households;
  }
  const score = weight > 0 ? weighted / weight : 0.9;
  const missing =
    score >= 0.97
      ? random.int(0, 1)
      : score >= 0.85
        ? random.int(1, 2)
        : score >= 0.6
          ? random.int(2, 4)
          : random.int(4, 7);
  const unmet = random.shuffle(criterionNumbers(sets.standard2026)).slice(0, missing);
  const plan: UnitYearPlan = {
    year: NEW_VALUE_YEAR,
    demands: [{ set: sets.standard2026, unmet }],
    quality: Math.min(0.95, score * 0.85),
    missingRate: missing >= 2 ? 0.1 : 0,
    status: statusFor(random, NEW_VALUE_YEAR, false),
  };
  return generateUnitValues(merged.unit, [plan], measuresByCode, random);
}

/**
 * The deterministic demo province: the same units, values, recognitions, directive and
 * targets on every run, built from a seeded generator and the demo criteria sets.
 */
export function buildDemoDataset(): DemoDataset {
  const sets = demoSets();
  const old = buildDemoProvince();
  const reorganised = reorganiseDemoProvince(old);
  const stories = buildStories(old, criterionNumbers(sets.standard), {
    village: criterionNumbers(sets.village),
    residential: missableWithVillageStandard(sets.residential),
  });

  const random = createRandom('values');
  const storyOf = new Map(stories.communes.map((s) => [s.commune.unit.id, s]));
  const values = [
    ...old.communes.flatMap((c) => {
      const story = storyOf.get(c.unit.id);
      return story ? communeValues(sets, story, random) : [];
    }),
    ...stories.villages.flatMap((s) => villageValues(sets, s, random)),
    ...reorganised.communes
      .filter((m) => m.unit.kind === 'xa')
      .flatMap((m) => mergedCommuneValues(sets, m, storyOf, random)),
  ];

  const units: Unit[] = [
    old.province,
    ...old.districts,
    ...old.communes.flatMap((c) => [c.unit, ...c.villages]),
    reorganised.province,
    ...reorganised.communes.flatMap((c) => [c.unit, ...c.villages]),
  ];
  const directive = buildDirective();
  const registrations = buildDemoRegistrations(old, stories);
  return {
    units,
    values,
    recognitions: buildRecognitions(stories),
    directive,
    targets: buildTargets(directive, old.province.id),
    tasks: buildDemoTasks(directive, old, registrations),
    registrations,
  };
}

export interface DemoSummary {
  /** Unit counts per validity period ("2015-01-01 → 2025-06-30") and level. */
  units: Record<string, Partial<Record<UnitLevel, number>>>;
  values: Record<number, number>;
  recognitions: Record<number, Partial<Record<Tier, number>>>;
  targets: number;
}

/** Counts for tests and for printing after a seed. */
export function summariseDemoDataset(ds: DemoDataset): DemoSummary {
  const units: DemoSummary['units'] = {};
  for (const unit of ds.units) {
    const period = `${unit.validFrom} → ${unit.validTo ?? '…'}`;
    const byLevel = units[period] ?? {};
    byLevel[unit.level] = (byLevel[unit.level] ?? 0) + 1;
    units[period] = byLevel;
  }
  const values: DemoSummary['values'] = {};
  for (const value of ds.values) values[value.year] = (values[value.year] ?? 0) + 1;
  const recognitions: DemoSummary['recognitions'] = {};
  for (const r of ds.recognitions) {
    if (r.status !== 'decided' || r.decisionDate === null) continue;
    const year = Number(r.decisionDate.slice(0, 4));
    const byTier = recognitions[year] ?? {};
    byTier[r.tier] = (byTier[r.tier] ?? 0) + 1;
    recognitions[year] = byTier;
  }
  return { units, values, recognitions, targets: ds.targets.length };
}

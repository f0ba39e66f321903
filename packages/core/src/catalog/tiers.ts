import type { UnitLevel } from '../units/unit';
import type { Tier } from './schema';

/**
 * Tiers form two ladders: communes climb standard → advanced → model → modern, villages
 * climb village standard → model residential area. A prerequisite must be a lower rung of
 * the same ladder.
 */
const ladders: readonly (readonly Tier[])[] = [
  ['standard', 'advanced', 'model', 'modern'],
  ['village_standard', 'model_residential_area'],
];

function rung(tier: Tier): { ladder: number; rank: number } {
  const ladder = ladders.findIndex((l) => l.includes(tier));
  return { ladder, rank: ladders[ladder]?.indexOf(tier) ?? -1 };
}

export function isVillageTier(tier: Tier): boolean {
  return rung(tier).ladder === 1;
}

/** Village tiers belong to village sets and only to them. */
export function tierFitsLevel(tier: Tier, level: UnitLevel): boolean {
  return isVillageTier(tier) === (level === 'village');
}

export function isLowerTier(prerequisite: Tier, tier: Tier): boolean {
  const a = rung(prerequisite);
  const b = rung(tier);
  return a.ladder === b.ladder && a.rank < b.rank;
}

import type { Unit } from '@ntm/core';
import type { Dataset } from '../dataset/national';

export interface Scopes {
  year: number;
  province: Unit;
  commune: Unit;
}

/** The latest year of the old structure, its largest province, and that province's first rural commune. */
export function oldWorldScopes(dataset: Dataset): Scopes {
  const year = Math.max(...dataset.spec.oldYears);
  return pick(dataset, year, (c) => c.validTo !== null);
}

/**
 * A typical dashboard: a province of median size and one of its communes, in the new
 * structure's year; in the old structure's latest year when the data set has only that
 * (`--latest-year`).
 */
export function dashboardScopes(dataset: Dataset): Scopes {
  if (dataset.spec.newYears.length === 0) {
    return pick(dataset, Math.max(...dataset.spec.oldYears), (c) => c.validTo !== null, 'median');
  }
  return pick(dataset, Math.max(...dataset.spec.newYears), (c) => c.validTo === null, 'median');
}

function pick(
  dataset: Dataset,
  year: number,
  inWorld: (c: Unit) => boolean,
  size: 'largest' | 'median' = 'largest',
): Scopes {
  const byId = new Map(dataset.units.units.map((u) => [u.id, u]));
  const provinces = [...dataset.communesByProvince]
    .filter(([, communes]) => communes[0] !== undefined && inWorld(communes[0]))
    .map(([id, communes]) => ({ id, rural: communes.filter((c) => c.kind === 'xa') }))
    .sort((a, b) => b.rural.length - a.rural.length || a.id.localeCompare(b.id));
  const chosen = size === 'largest' ? provinces[0] : provinces[Math.floor(provinces.length / 2)];
  const province = chosen && byId.get(chosen.id);
  const commune = chosen?.rural.find((c) => (dataset.units.villagesOf.get(c.id)?.length ?? 0) > 0);
  if (!province || !commune) throw new Error('bench: bộ dữ liệu không có tỉnh hoặc xã để đo');
  return { year, province, commune };
}

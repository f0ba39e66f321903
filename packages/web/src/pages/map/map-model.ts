import type { Boundaries } from '../../api/boundaries';
import type { Rollup } from '../../api/dashboard';
import { bandColor, tierColors } from '../../components/charts/palette';

export type MapMode = 'criteria' | 'tier';

export interface MapPiece {
  value?: number;
  min?: number;
  max?: number;
  label: string;
  color: string;
}

export interface MapModel {
  /** One entry per drawn commune, keyed by unit id (the GeoJSON `unitId` property). */
  data: { name: string; value: number }[];
  pieces: MapPiece[];
}

/** Value of a commune the program does not judge (ward, township): drawn pale and named in the legend. */
export const NOT_EVALUATED = -1;

const tierOrder = ['standard', 'advanced', 'model', 'modern'] as const;

interface Labels {
  notEvaluated: string;
  notRecognised: string;
  tier(tier: (typeof tierOrder)[number]): string;
  band(band: { key: string; min: number; max: number }): string;
}

/**
 * What the choropleth colours: criteria met by the commune's band, or its highest recognised
 * tier. Communes outside the roll-up are wards and townships, which the program does not judge.
 */
export function mapModel(
  boundaries: Boundaries,
  rollup: Rollup | undefined,
  mode: MapMode,
  labels: Labels,
): MapModel {
  const rows = new Map((rollup?.communes ?? []).map((c) => [c.unitId, c]));
  const data = boundaries.features.map((f) => {
    const row = rows.get(f.properties.unitId);
    if (!row) return { name: f.properties.unitId, value: NOT_EVALUATED };
    if (mode === 'criteria') return { name: f.properties.unitId, value: row.criteriaMet };
    const tier = tierOrder.indexOf((row.recognisedTier ?? '') as (typeof tierOrder)[number]);
    return { name: f.properties.unitId, value: tier + 1 };
  });
  const notEvaluated: MapPiece = { value: NOT_EVALUATED, label: labels.notEvaluated, color: '#f5f5f5' };
  if (mode === 'criteria') {
    const bands = rollup?.rollup.bands ?? [];
    return {
      data,
      pieces: [
        ...bands.map((b, i) => ({ min: b.min, max: b.max, label: labels.band(b), color: bandColor(i) })),
        notEvaluated,
      ],
    };
  }
  const used = new Set(data.map((d) => d.value));
  return {
    data,
    pieces: [
      ...tierOrder
        .map((tier, i) => ({ value: i + 1, label: labels.tier(tier), color: tierColors[tier] }))
        .filter((p) => p.value <= 3 || used.has(p.value))
        .reverse(),
      { value: 0, label: labels.notRecognised, color: tierColors.none },
      notEvaluated,
    ],
  };
}

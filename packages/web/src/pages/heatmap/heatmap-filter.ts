import { compareVietnamese, foldDiacritics } from '@ntm/core/format';
import type { CommuneRow } from '../../api/dashboard';

export type Outcome = CommuneRow['outcomes'][number];
export type TierFilter = 'none' | 'standard' | 'advanced' | 'model' | 'modern';
export type HeatmapSort = 'name' | 'met-asc' | 'met-desc' | 'district' | `criterion:${string}`;

export interface HeatmapFilter {
  q: string;
  district: string | null;
  tier: TierFilter | null;
  band: string | null;
  criterion: string | null;
  /** With `criterion`: keep communes with this outcome on it. */
  outcome: Outcome | null;
  sort: HeatmapSort;
}

const tiers: readonly TierFilter[] = ['none', 'standard', 'advanced', 'model', 'modern'];
const outcomes: readonly Outcome[] = ['met', 'not_met', 'no_data'];
const sorts: readonly string[] = ['name', 'met-asc', 'met-desc', 'district'];

/** URL parameter names, Vietnamese like the routes, so a filtered view can be bookmarked and shared. */
const param = {
  q: 'q',
  district: 'huyen',
  tier: 'muc',
  band: 'nhom',
  criterion: 'tc',
  outcome: 'kq',
  sort: 'sx',
} as const;

export function parseFilter(params: URLSearchParams): HeatmapFilter {
  const get = (name: string) => {
    const value = params.get(name);
    return value === null || value === '' ? null : value;
  };
  const tier = get(param.tier);
  const outcome = get(param.outcome);
  const sort = get(param.sort) ?? 'name';
  return {
    q: get(param.q) ?? '',
    district: get(param.district),
    tier: tier !== null && (tiers as readonly string[]).includes(tier) ? (tier as TierFilter) : null,
    band: get(param.band),
    criterion: get(param.criterion),
    outcome:
      outcome !== null && (outcomes as readonly string[]).includes(outcome) ? (outcome as Outcome) : null,
    sort: sorts.includes(sort) || sort.startsWith('criterion:') ? (sort as HeatmapSort) : 'name',
  };
}

/** Writes the filter into a copy of `params`, leaving the others (year, area) as they are. */
export function writeFilter(params: URLSearchParams, filter: HeatmapFilter): URLSearchParams {
  const copy = new URLSearchParams(params);
  const set = (name: string, value: string | null) => {
    if (value === null || value === '') copy.delete(name);
    else copy.set(name, value);
  };
  set(param.q, filter.q.trim());
  set(param.district, filter.district);
  set(param.tier, filter.tier);
  set(param.band, filter.band);
  set(param.criterion, filter.criterion);
  set(param.outcome, filter.criterion === null ? null : filter.outcome);
  set(param.sort, filter.sort === 'name' ? null : filter.sort);
  return copy;
}

export const emptyFilter: HeatmapFilter = {
  q: '',
  district: null,
  tier: null,
  band: null,
  criterion: null,
  outcome: null,
  sort: 'name',
};

export function isFiltered(filter: HeatmapFilter): boolean {
  return (
    filter.q.trim() !== '' ||
    filter.district !== null ||
    filter.tier !== null ||
    filter.band !== null ||
    filter.criterion !== null
  );
}

/** Not met first, then without data, then met: the order a department works through. */
const outcomeRank: Record<Outcome, number> = { not_met: 0, no_data: 1, met: 2 };

/**
 * The communes the heat map shows: filtered by name or code (diacritics ignored), district,
 * recognised tier, band and a criterion's outcome; sorted in Vietnamese order.
 */
export function applyHeatmap(
  rows: readonly CommuneRow[],
  criteria: readonly string[],
  filter: HeatmapFilter,
  districtNames: ReadonlyMap<string, string>,
): CommuneRow[] {
  const query = foldDiacritics(filter.q);
  const column = filter.criterion === null ? -1 : criteria.indexOf(filter.criterion);
  const kept = rows.filter(
    (row) =>
      (query === '' || foldDiacritics(`${row.name} ${row.code}`).includes(query)) &&
      (filter.district === null || row.parentId === filter.district) &&
      (filter.tier === null || (row.recognisedTier ?? 'none') === filter.tier) &&
      (filter.band === null || row.band === filter.band) &&
      (column < 0 || filter.outcome === null || row.outcomes[column] === filter.outcome),
  );
  const byName = (a: CommuneRow, b: CommuneRow) =>
    compareVietnamese(a.name, b.name) || a.code.localeCompare(b.code);
  const district = (row: CommuneRow) =>
    row.parentId === null ? '' : (districtNames.get(row.parentId) ?? '');
  const sortColumn = filter.sort.startsWith('criterion:')
    ? criteria.indexOf(filter.sort.slice('criterion:'.length))
    : -1;
  const compare = (a: CommuneRow, b: CommuneRow): number => {
    switch (filter.sort) {
      case 'met-asc':
        return a.criteriaMet - b.criteriaMet || b.totalNormalisedGap - a.totalNormalisedGap || byName(a, b);
      case 'met-desc':
        return b.criteriaMet - a.criteriaMet || a.totalNormalisedGap - b.totalNormalisedGap || byName(a, b);
      case 'district':
        return compareVietnamese(district(a), district(b)) || byName(a, b);
      case 'name':
        return byName(a, b);
      default:
        return (
          outcomeRank[a.outcomes[sortColumn] ?? 'met'] - outcomeRank[b.outcomes[sortColumn] ?? 'met'] ||
          byName(a, b)
        );
    }
  };
  return kept.sort(compare);
}

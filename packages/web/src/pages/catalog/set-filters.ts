import { compareVietnamese, foldDiacritics } from '@ntm/core/format';
import type { CriteriaSetList } from '../../api/queries';

export type SetSummary = CriteriaSetList['criteriaSets'][number];

export interface SetFilter {
  text: string;
  level: SetSummary['level'] | undefined;
  tier: SetSummary['tier'] | undefined;
  scope: SetSummary['scope'] | undefined;
}

export const noSetFilter: SetFilter = { text: '', level: undefined, tier: undefined, scope: undefined };

/**
 * Sets matching every chosen facet; the text matches the name, short name, legal basis
 * number or issuer, ignoring diacritics ("quyet dinh 318" finds "318/QĐ-TTg").
 * National sets first, then by the start of their period, newest first.
 */
export function filterSets(sets: readonly SetSummary[], filter: SetFilter): SetSummary[] {
  const words = foldDiacritics(filter.text).split(' ').filter(Boolean);
  return sets
    .filter((s) => filter.level === undefined || s.level === filter.level)
    .filter((s) => filter.tier === undefined || s.tier === filter.tier)
    .filter((s) => filter.scope === undefined || s.scope === filter.scope)
    .filter((s) => {
      if (words.length === 0) return true;
      const haystack = foldDiacritics(
        [s.name, s.shortName, s.legalBasis.number, s.legalBasis.issuer, s.id].join(' '),
      );
      return words.every((w) => haystack.includes(w));
    })
    .sort(
      (a, b) =>
        (a.scope === b.scope ? 0 : a.scope === 'national' ? -1 : 1) ||
        b.period.fromYear - a.period.fromYear ||
        compareVietnamese(a.shortName, b.shortName),
    );
}

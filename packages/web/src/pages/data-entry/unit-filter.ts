import { compareVietnamese, foldDiacritics } from '@ntm/core/format';

interface Named {
  name: string;
  code: string;
}

/**
 * Units whose name or code contains the typed text, ignoring diacritics and case
 * ("song xanh" finds "Sông Xanh"), in Vietnamese alphabetical order.
 */
export function filterUnits<T extends Named>(units: readonly T[], query: string): T[] {
  const needle = foldDiacritics(query);
  return units
    .filter((u) => needle === '' || foldDiacritics(u.name).includes(needle) || u.code.includes(needle))
    .sort((a, b) => compareVietnamese(a.name, b.name));
}

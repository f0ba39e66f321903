import { compareVietnamese, foldDiacritics } from '../format/vi';
import type { Unit, UnitLevel } from './unit';

export interface SearchOptions {
  /** At most this many results (default 20). */
  limit?: number;
  levels?: UnitLevel[];
}

interface SearchKey {
  name: string;
  code: string;
  words: string[];
}

/** Folding every name on every keystroke would dominate a search over 10,000 communes. */
const keys = new WeakMap<Unit, SearchKey>();

function keyOf(unit: Unit): SearchKey {
  let key = keys.get(unit);
  if (!key) {
    const name = foldDiacritics(unit.name);
    const code = foldDiacritics(unit.code);
    key = { name, code, words: [...name.split(' '), code] };
    keys.set(unit, key);
  }
  return key;
}

const Rank = { Exact: 0, Prefix: 1, WordPrefix: 2, Contains: 3 } as const;
type Rank = (typeof Rank)[keyof typeof Rank];

function rankOf(key: SearchKey, query: string, tokens: readonly string[]): Rank | null {
  if (key.name === query || key.code === query) return Rank.Exact;
  if (key.name.startsWith(query) || key.code.startsWith(query)) return Rank.Prefix;
  if (tokens.every((token) => key.words.some((word) => word.startsWith(token)))) return Rank.WordPrefix;
  if (tokens.every((token) => key.name.includes(token) || key.code.includes(token))) return Rank.Contains;
  return null;
}

/**
 * Diacritics-insensitive search on name and code: "dong hoa" finds "Đồng Hòa". Every query
 * word must match; exact matches come first, then prefixes, then word prefixes, then
 * substrings; ties in Vietnamese alphabetical order.
 */
export function searchUnits(units: readonly Unit[], query: string, opts: SearchOptions = {}): Unit[] {
  const folded = foldDiacritics(query);
  if (folded === '') return [];
  const tokens = folded.split(' ');
  const levels = opts.levels ? new Set(opts.levels) : null;
  const hits: { unit: Unit; rank: Rank }[] = [];
  for (const unit of units) {
    if (levels && !levels.has(unit.level)) continue;
    const rank = rankOf(keyOf(unit), folded, tokens);
    if (rank !== null) hits.push({ unit, rank });
  }
  hits.sort(
    (a, b) =>
      a.rank - b.rank ||
      compareVietnamese(a.unit.name, b.unit.name) ||
      a.unit.code.localeCompare(b.unit.code),
  );
  return hits.slice(0, opts.limit ?? 20).map((hit) => hit.unit);
}

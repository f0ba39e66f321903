import type { Band } from './result';

const cache = new Map<number, readonly Band[]>();

function band(key: string, label: string, min: number, max: number): Band {
  return Object.freeze({ key, label, min, max });
}

function rangeBand(min: number, max: number): Band {
  return min === max
    ? band(String(min), `Đạt ${min} tiêu chí`, min, max)
    : band(`${min}-${max}`, `Đạt ${min}–${max} tiêu chí`, min, max);
}

/**
 * The standard reporting bands for 19 criteria (all, 15–18, 10–14, 5–9, under 5), scaled
 * proportionally for sets of another size so that reports stay comparable. Highest first;
 * bands that would be empty at small sizes are left out.
 */
function computeBands(total: number): readonly Band[] {
  const upper = Math.round((15 * total) / 19);
  const middle = Math.round((10 * total) / 19);
  const lower = Math.round((5 * total) / 19);
  const bands: Band[] = [band('all', `Đạt ${total} tiêu chí`, total, total)];
  const ranges: [number, number][] = [
    [upper, total - 1],
    [middle, upper - 1],
    [lower, middle - 1],
  ];
  for (const [min, max] of ranges) if (min <= max) bands.push(rangeBand(min, max));
  if (lower > 0) bands.push(band(`lt${lower}`, `Dưới ${lower} tiêu chí`, 0, lower - 1));
  return Object.freeze(bands);
}

function cachedBands(criteriaTotal: number): readonly Band[] {
  if (!Number.isInteger(criteriaTotal) || criteriaTotal < 1) {
    throw new RangeError(`Số tiêu chí phải là số nguyên dương, nhận được ${criteriaTotal}`);
  }
  let bands = cache.get(criteriaTotal);
  if (!bands) {
    bands = computeBands(criteriaTotal);
    cache.set(criteriaTotal, bands);
  }
  return bands;
}

export function bandsFor(criteriaTotal: number): Band[] {
  return [...cachedBands(criteriaTotal)];
}

export function bandOf(criteriaMet: number, criteriaTotal: number): Band {
  for (const candidate of cachedBands(criteriaTotal)) {
    if (criteriaMet >= candidate.min && criteriaMet <= candidate.max) return candidate;
  }
  throw new RangeError(`Số tiêu chí đạt ${criteriaMet} nằm ngoài 0–${criteriaTotal}`);
}

import type { Random } from '../../demo/random';

export interface GridPart {
  key: string;
  weight: number;
  /** Where the part prefers to lie, 0 west … 1 east (border communes west, the coast east). */
  eastness: number;
}

export interface Grid {
  width: number;
  height: number;
}

/** A min-heap of cells by priority; small and local because nothing else needs one. */
class CellHeap {
  private readonly items: { priority: number; cell: number }[] = [];
  get size(): number {
    return this.items.length;
  }
  push(priority: number, cell: number): void {
    const items = this.items;
    items.push({ priority, cell });
    for (let i = items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if ((items[parent] as { priority: number }).priority <= priority) break;
      [items[i], items[parent]] = [items[parent] as (typeof items)[0], items[i] as (typeof items)[0]];
      i = parent;
    }
  }
  pop(): number | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top?.cell;
    items[0] = last;
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (left < items.length && (items[left]?.priority ?? 0) < (items[smallest]?.priority ?? 0))
        smallest = left;
      if (right < items.length && (items[right]?.priority ?? 0) < (items[smallest]?.priority ?? 0))
        smallest = right;
      if (smallest === i) break;
      [items[i], items[smallest]] = [items[smallest] as (typeof items)[0], items[i] as (typeof items)[0]];
      i = smallest;
    }
    return top.cell;
  }
}

export function neighbours(grid: Grid, cell: number): number[] {
  const x = cell % grid.width;
  const out: number[] = [];
  if (x > 0) out.push(cell - 1);
  if (x < grid.width - 1) out.push(cell + 1);
  if (cell >= grid.width) out.push(cell - grid.width);
  if (cell + grid.width < grid.width * grid.height) out.push(cell + grid.width);
  return out;
}

function xy(grid: Grid, cell: number): [number, number] {
  return [cell % grid.width, Math.floor(cell / grid.width)];
}

function distance2(grid: Grid, a: number, b: number): number {
  const [ax, ay] = xy(grid, a);
  const [bx, by] = xy(grid, b);
  return (ax - bx) ** 2 + (ay - by) ** 2;
}

/** Spread-out seeds: farthest-point sampling, then two Lloyd steps to pull them off the edges. */
function chooseSeeds(grid: Grid, cells: readonly number[], count: number, random: Random): number[] {
  const seeds = [random.pick(cells)];
  const nearest = cells.map((c) => distance2(grid, c, seeds[0] as number));
  while (seeds.length < count) {
    let best = 0;
    for (let i = 1; i < cells.length; i++) if ((nearest[i] ?? 0) > (nearest[best] ?? 0)) best = i;
    const seed = cells[best] as number;
    seeds.push(seed);
    cells.forEach((c, i) => {
      nearest[i] = Math.min(nearest[i] ?? 0, distance2(grid, c, seed));
    });
  }
  for (let step = 0; step < 2; step++) {
    const sums = seeds.map(() => ({ x: 0, y: 0, n: 0 }));
    for (const cell of cells) {
      let owner = 0;
      for (let s = 1; s < seeds.length; s++) {
        if (distance2(grid, cell, seeds[s] as number) < distance2(grid, cell, seeds[owner] as number))
          owner = s;
      }
      const [x, y] = xy(grid, cell);
      const sum = sums[owner] as { x: number; y: number; n: number };
      sum.x += x;
      sum.y += y;
      sum.n += 1;
    }
    const taken = new Set<number>();
    seeds.forEach((seed, s) => {
      const sum = sums[s] as { x: number; y: number; n: number };
      if (sum.n === 0) return;
      let best = seed;
      let bestDistance = Number.POSITIVE_INFINITY;
      for (const cell of cells) {
        const [x, y] = xy(grid, cell);
        const d = (x - sum.x / sum.n) ** 2 + (y - sum.y / sum.n) ** 2;
        if (d < bestDistance && !taken.has(cell)) {
          best = cell;
          bestDistance = d;
        }
      }
      taken.add(best);
      seeds[s] = best;
    });
  }
  return seeds;
}

/**
 * Splits a connected set of cells into contiguous parts sized by weight: each part grows from
 * its seed, the one furthest below its quota first, taking the nearest free cell (with a little
 * noise, so borders wander like real ones). Parts are matched to seeds west to east.
 */
export function splitCells(
  grid: Grid,
  cells: readonly number[],
  parts: readonly GridPart[],
  random: Random,
): Map<string, number[]> {
  const result = new Map<string, number[]>(parts.map((p) => [p.key, []]));
  if (parts.length === 0) return result;
  if (parts.length === 1 || cells.length < parts.length) {
    result.set((parts[0] as GridPart).key, [...cells]);
    return result;
  }
  const owner = new Map<number, number>(cells.map((c) => [c, -1]));
  const seeds = chooseSeeds(grid, cells, parts.length, random).sort(
    (a, b) => xy(grid, a)[0] - xy(grid, b)[0] || a - b,
  );
  const order = parts
    .map((_, i) => i)
    .sort((a, b) => (parts[a]?.eastness ?? 0) - (parts[b]?.eastness ?? 0) || a - b);
  const totalWeight = parts.reduce((sum, p) => sum + p.weight, 0);
  const quota = parts.map((p) => Math.max(1, Math.round((cells.length * p.weight) / totalWeight)));
  const size = parts.map(() => 0);
  const frontier = parts.map(() => new CellHeap());
  const seedOf = parts.map(() => 0);

  const claim = (cell: number, part: number) => {
    owner.set(cell, part);
    size[part] = (size[part] ?? 0) + 1;
    for (const next of neighbours(grid, cell)) {
      if (owner.get(next) === -1) {
        (frontier[part] as CellHeap).push(
          distance2(grid, next, seedOf[part] ?? 0) + random.between(0, 6),
          next,
        );
      }
    }
  };
  order.forEach((part, i) => {
    seedOf[part] = seeds[i] as number;
  });
  for (const part of order) claim(seedOf[part] as number, part);

  // Below-quota parts grow first; once every part is full or walled in, the rest of the cells
  // go to whichever neighbouring part is furthest below its quota.
  for (;;) {
    let pick = -1;
    let pickBelow = false;
    for (let p = 0; p < parts.length; p++) {
      if ((frontier[p] as CellHeap).size === 0) continue;
      const ratio = (size[p] ?? 0) / (quota[p] ?? 1);
      const below = ratio < 1;
      const pickRatio = pick < 0 ? 0 : (size[pick] ?? 0) / (quota[pick] ?? 1);
      if (pick < 0 || (below && !pickBelow) || (below === pickBelow && ratio < pickRatio)) {
        pick = p;
        pickBelow = below;
      }
    }
    if (pick < 0) break;
    const heap = frontier[pick] as CellHeap;
    let cell = heap.pop();
    while (cell !== undefined && owner.get(cell) !== -1) cell = heap.pop();
    if (cell !== undefined) claim(cell, pick);
  }
  if ([...owner.values()].includes(-1)) throw new Error('cells to split are not connected');
  for (const [cell, part] of owner) result.get((parts[part] as GridPart).key)?.push(cell);
  return result;
}

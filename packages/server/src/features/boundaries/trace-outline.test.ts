import { describe, expect, it } from 'vitest';
import { traceCells } from './trace-outline';

/** Cells from a picture: '#' is in the set; the first line is the northernmost row. */
function cellsOf(picture: string[]): { width: number; height: number; cells: number[] } {
  const height = picture.length;
  const width = picture[0]?.length ?? 0;
  const cells: number[] = [];
  picture.forEach((line, row) => {
    [...line].forEach((char, x) => {
      if (char === '#') cells.push(x + (height - 1 - row) * width);
    });
  });
  return { width, height, cells };
}

function area(ring: number[], width: number): number {
  const stride = width + 1;
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as number;
    const b = ring[i + 1] as number;
    twice += (a % stride) * Math.floor(b / stride) - (b % stride) * Math.floor(a / stride);
  }
  return twice / 2;
}

describe('traceCells', () => {
  it('outlines one cell counter-clockwise and closes the ring', () => {
    const polygons = traceCells(3, 3, [4]);
    expect(polygons).toEqual([[[5, 6, 10, 9, 5]]]);
  });

  it('gives a ring with a hole for a frame of cells', () => {
    const { width, height, cells } = cellsOf(['###', '#.#', '###']);
    const polygons = traceCells(width, height, cells);
    expect(polygons).toHaveLength(1);
    const [exterior, hole] = polygons[0] ?? [];
    expect(area(exterior ?? [], width)).toBe(9);
    expect(area(hole ?? [], width)).toBe(-1);
  });

  it('keeps cells that touch only at a corner in separate polygons', () => {
    const { width, height, cells } = cellsOf(['#.', '.#']);
    const polygons = traceCells(width, height, cells);
    expect(polygons).toHaveLength(2);
    expect(polygons.map((p) => area(p[0] ?? [], width))).toEqual([1, 1]);
  });

  it('encloses exactly the cells of an irregular shape', () => {
    const { width, height, cells } = cellsOf(['.##.', '####', '#..#', '##.#']);
    const polygons = traceCells(width, height, cells);
    const total = polygons.reduce((sum, rings) => sum + rings.reduce((s, r) => s + area(r, width), 0), 0);
    expect(total).toBe(cells.length);
  });
});

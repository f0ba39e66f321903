/**
 * Outlines of a set of square grid cells. Cell `x + y * width` spans [x, x+1] × [y, y+1] with
 * y pointing north; vertex `vx + vy * (width + 1)` is the lattice point (vx, vy). Rings list
 * vertex ids, closed (first id repeated last): exteriors counter-clockwise, holes clockwise,
 * as RFC 7946 asks, so callers only project the vertices.
 */

export type VertexRing = number[];
/** An exterior ring followed by its holes. */
export type VertexPolygon = VertexRing[];

interface Edge {
  from: number;
  to: number;
  /** 0 east, 1 north, 2 west, 3 south: a left turn adds one. */
  heading: number;
  /** The cell on the left of the edge, inside the set. */
  cell: number;
}

function collectEdges(
  width: number,
  height: number,
  inSet: (cell: number) => boolean,
  cells: Iterable<number>,
) {
  const stride = width + 1;
  const edges: Edge[] = [];
  const outgoing = new Map<number, number[]>();
  const add = (from: number, to: number, heading: number, cell: number) => {
    const list = outgoing.get(from);
    if (list) list.push(edges.length);
    else outgoing.set(from, [edges.length]);
    edges.push({ from, to, heading, cell });
  };
  for (const cell of cells) {
    const x = cell % width;
    const y = Math.floor(cell / width);
    const v = x + y * stride;
    if (y === 0 || !inSet(cell - width)) add(v, v + 1, 0, cell);
    if (x === width - 1 || !inSet(cell + 1)) add(v + 1, v + 1 + stride, 1, cell);
    if (y === height - 1 || !inSet(cell + width)) add(v + 1 + stride, v + stride, 2, cell);
    if (x === 0 || !inSet(cell - 1)) add(v + stride, v, 3, cell);
  }
  return { edges, outgoing };
}

function signedArea(ring: VertexRing, stride: number): number {
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as number;
    const b = ring[i + 1] as number;
    twice += (a % stride) * Math.floor(b / stride) - (b % stride) * Math.floor(a / stride);
  }
  return twice / 2;
}

function contains(ring: VertexRing, stride: number, px: number, py: number): boolean {
  let inside = false;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as number;
    const b = ring[i + 1] as number;
    const ax = a % stride;
    const ay = Math.floor(a / stride);
    const bx = b % stride;
    const by = Math.floor(b / stride);
    if (ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax) inside = !inside;
  }
  return inside;
}

export function traceCells(width: number, height: number, cells: readonly number[]): VertexPolygon[] {
  const members = new Set(cells);
  const { edges, outgoing } = collectEdges(width, height, (c) => members.has(c), members);
  const stride = width + 1;
  // Where two cells of the set touch only at a corner, the sharpest left turn keeps them in
  // separate rings; each incoming edge then has exactly one successor, so rings always close.
  const nextOf = (edge: Edge): number => {
    const candidates = outgoing.get(edge.to) ?? [];
    for (const turn of [1, 0, 3]) {
      const found = candidates.find((i) => (edges[i] as Edge).heading === (edge.heading + turn) % 4);
      if (found !== undefined) return found;
    }
    throw new Error(`outline of the cell set is broken at vertex ${edge.to}`);
  };

  const used = new Uint8Array(edges.length);
  const exteriors: { ring: VertexRing; area: number; holes: VertexRing[] }[] = [];
  const holes: { ring: VertexRing; cell: number }[] = [];
  for (let start = 0; start < edges.length; start++) {
    if (used[start]) continue;
    const ring: VertexRing = [(edges[start] as Edge).from];
    let current = start;
    do {
      used[current] = 1;
      const edge = edges[current] as Edge;
      ring.push(edge.to);
      current = nextOf(edge);
    } while (current !== start);
    const area = signedArea(ring, stride);
    if (area > 0) exteriors.push({ ring, area, holes: [] });
    else holes.push({ ring, cell: (edges[start] as Edge).cell });
  }
  for (const hole of holes) {
    const px = (hole.cell % width) + 0.5;
    const py = Math.floor(hole.cell / width) + 0.5;
    const owner = exteriors
      .filter((e) => contains(e.ring, stride, px, py))
      .sort((a, b) => a.area - b.area)[0];
    owner?.holes.push(hole.ring);
  }
  return exteriors.map((e) => [e.ring, ...e.holes]);
}

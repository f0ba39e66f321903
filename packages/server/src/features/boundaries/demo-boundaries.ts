import type { Unit } from '@ntm/core';
import type { BoundaryGeometry } from '../../contract/boundaries';
import { createRandom, type Random } from '../../demo/random';
import { type Grid, type GridPart, neighbours, splitCells } from './grid-partition';
import { traceCells } from './trace-outline';

export interface DemoBoundary {
  unitId: string;
  code: string;
  geometry: BoundaryGeometry;
}

/** Grid cells per commune: enough for irregular shapes, few enough to keep the file small. */
const CELLS_PER_COMMUNE = 60;
const ORIGIN = { lon: 104.95, lat: 18.75 };
const KM_PER_DEGREE = 111.32;

/** Border communes lie west and coastal ones east, as in the province of the 2021 directive. */
function eastness(units: readonly Unit[]): number {
  if (units.some((u) => u.flags.includes('border'))) return 0.05;
  if (units.some((u) => u.flags.includes('coastal'))) return 0.95;
  return 0.5;
}

/** A lumpy oval of about `target` cells, so the province does not look like a rectangle. */
function provinceShape(target: number, random: Random): { grid: Grid; cells: number[] } {
  const width = Math.max(8, Math.round(Math.sqrt((target / 0.72) * 1.3)));
  const height = Math.max(6, Math.round(width / 1.3));
  const grid = { width, height };
  const phase = [random.between(0, 6.3), random.between(0, 6.3)];
  const inside = new Set<number>();
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = (x + 0.5 - width / 2) / (width / 2);
      const dy = (y + 0.5 - height / 2) / (height / 2);
      const angle = Math.atan2(dy, dx);
      const radius =
        0.9 + 0.07 * Math.sin(3 * angle + (phase[0] ?? 0)) + 0.04 * Math.sin(5 * angle + (phase[1] ?? 0));
      if (dx * dx + dy * dy <= radius * radius) inside.add(x + y * width);
    }
  }
  // Keep the piece connected to the centre: a partition needs one connected set.
  const centre = Math.floor(height / 2) * width + Math.floor(width / 2);
  const cells: number[] = [];
  const seen = new Set([centre]);
  for (const queue = [centre]; queue.length > 0; ) {
    const cell = queue.pop() as number;
    cells.push(cell);
    for (const next of neighbours(grid, cell)) {
      if (inside.has(next) && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return { grid, cells: cells.sort((a, b) => a - b) };
}

/** Deterministic offset of a lattice point, under half a cell so cells never fold over. */
function jitter(vx: number, vy: number, axis: number): number {
  let h =
    Math.imul(vx + 0x9e37, 0x85ebca6b) ^ Math.imul(vy + 0x7f4a, 0xc2b2ae35) ^ Math.imul(axis + 1, 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (((h >>> 0) % 10_000) / 10_000 - 0.5) * 0.8;
}

/**
 * Boundaries for the demo province, generated from its units alone and the same on every run:
 * the oldest province is a lumpy oval of grid cells split into districts, then into the groups
 * of communes that later merge, then into communes (sized by area); a unit with predecessors
 * covers their cells. The cells of each unit are traced into GeoJSON polygons whose lattice
 * points are jittered identically for neighbours, so borders wander but still match.
 */
export function buildDemoBoundaries(units: readonly Unit[]): DemoBoundary[] {
  const childrenOf = new Map<string, Unit[]>();
  for (const unit of units) {
    if (unit.parentId === null) continue;
    const list = childrenOf.get(unit.parentId);
    if (list) list.push(unit);
    else childrenOf.set(unit.parentId, [unit]);
  }
  const successorOf = new Map<string, Unit>();
  for (const unit of units) {
    if (unit.level !== 'commune') continue;
    for (const p of unit.predecessorIds) successorOf.set(p, unit);
  }
  const byCode = (a: Unit, b: Unit) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  const kids = (unit: Unit) =>
    (childrenOf.get(unit.id) ?? []).filter((u) => u.level !== 'village').sort(byCode);
  // Square root of the area: real proportions would shrink the plain communes to a few pixels.
  const area = (unit: Unit) => Math.sqrt(Math.max(1, unit.areaKm2 ?? 10));

  const cellsOf = new Map<string, number[]>();
  const results: DemoBoundary[] = [];
  const random = createRandom('boundaries');

  for (const root of units
    .filter((u) => u.level === 'province' && u.predecessorIds.length === 0)
    .sort(byCode)) {
    const districts = kids(root).filter((u) => u.level === 'district');
    const communesOf = (unit: Unit) =>
      unit.level === 'commune' ? [unit] : kids(unit).filter((u) => u.level === 'commune');
    const communes = [
      ...districts.flatMap(communesOf),
      ...communesOf(root).filter((u) => u.parentId === root.id),
    ];
    if (communes.length === 0) continue;
    const { grid, cells } = provinceShape(communes.length * CELLS_PER_COMMUNE, random);
    const kmPerCell = Math.sqrt(
      communes.reduce((sum, c) => sum + Math.max(1, c.areaKm2 ?? 10), 0) / cells.length,
    );
    cellsOf.set(root.id, cells);

    const splitCommunes = (container: readonly number[], members: readonly Unit[]) => {
      const groups = new Map<string, Unit[]>();
      for (const commune of members) {
        const key = successorOf.get(commune.id)?.id ?? commune.id;
        const list = groups.get(key);
        if (list) list.push(commune);
        else groups.set(key, [commune]);
      }
      const groupParts: GridPart[] = [...groups].map(([key, list]) => ({
        key,
        weight: list.reduce((sum, c) => sum + area(c), 0),
        eastness: eastness(list),
      }));
      for (const [key, groupCells] of splitCells(grid, container, groupParts, random)) {
        const list = groups.get(key) ?? [];
        const parts = list.map((c) => ({ key: c.id, weight: area(c), eastness: eastness([c]) }));
        for (const [id, communeCells] of splitCells(grid, groupCells, parts, random))
          cellsOf.set(id, communeCells);
      }
    };
    if (districts.length > 0) {
      const parts = districts.map((d) => ({
        key: d.id,
        weight: communesOf(d).reduce((sum, c) => sum + area(c), 0),
        eastness: eastness(communesOf(d)),
      }));
      for (const [id, districtCells] of splitCells(grid, cells, parts, random)) {
        cellsOf.set(id, districtCells);
        const district = districts.find((d) => d.id === id);
        if (district) splitCommunes(districtCells, communesOf(district));
      }
    } else {
      splitCommunes(cells, communes);
    }

    const degreesLat = kmPerCell / KM_PER_DEGREE;
    const degreesLon = kmPerCell / (KM_PER_DEGREE * Math.cos((ORIGIN.lat * Math.PI) / 180));
    const project = (vertex: number): [number, number] => {
      const vx = vertex % (grid.width + 1);
      const vy = Math.floor(vertex / (grid.width + 1));
      const lon = ORIGIN.lon + (vx + jitter(vx, vy, 0)) * degreesLon;
      const lat = ORIGIN.lat + (vy + jitter(vx, vy, 1)) * degreesLat;
      return [Math.round(lon * 1e5) / 1e5, Math.round(lat * 1e5) / 1e5];
    };
    const geometryOf = (unitCells: readonly number[]): BoundaryGeometry => {
      const polygons = traceCells(grid.width, grid.height, unitCells).map((rings) =>
        rings.map((ring) => ring.map(project)),
      );
      return polygons.length === 1
        ? { type: 'Polygon', coordinates: polygons[0] ?? [] }
        : { type: 'MultiPolygon', coordinates: polygons };
    };

    // Later units inherit the cells of their predecessors, oldest first so chains resolve.
    const later = units
      .filter((u) => u.predecessorIds.length > 0 && u.level !== 'village')
      .sort((a, b) => (a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : byCode(a, b)));
    for (const unit of later) {
      const inherited = unit.predecessorIds.map((p) => cellsOf.get(p));
      if (inherited.length > 0 && inherited.every((c) => c !== undefined)) {
        cellsOf.set(unit.id, inherited.flat() as number[]);
      }
    }
    const covered = [root, ...districts, ...communes, ...later].filter((u) => cellsOf.has(u.id));
    for (const unit of covered) {
      const unitCells = cellsOf.get(unit.id) ?? [];
      if (unitCells.length > 0)
        results.push({ unitId: unit.id, code: unit.code, geometry: geometryOf(unitCells) });
    }
    for (const unit of covered) cellsOf.delete(unit.id);
  }
  return results;
}

import type { BoundaryGeometry } from '../../contract/boundaries';
import type { RowProblem } from '../../errors';

export interface UploadedBoundary {
  /** Index of the feature in the file (0-based, as every bulk report counts rows). */
  row: number;
  code: string;
  geometry: BoundaryGeometry;
}

export interface ReadBoundaries {
  boundaries: UploadedBoundary[];
  problems: RowProblem[];
  /** Set when the file as a whole is not a FeatureCollection; `problems` is then empty. */
  fileProblem: string | null;
}

type Ring = [number, number][];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Why a ring is unusable, or null; altitudes are dropped, WGS 84 ranges are enforced. */
function readRing(value: unknown, out: Ring[]): string | null {
  if (!Array.isArray(value)) return 'một vòng ranh giới không phải mảng tọa độ';
  const ring: Ring = [];
  for (const position of value) {
    if (!Array.isArray(position) || position.length < 2) return 'có tọa độ không phải cặp [kinh độ, vĩ độ]';
    const [lon, lat] = position;
    if (
      typeof lon !== 'number' ||
      typeof lat !== 'number' ||
      !Number.isFinite(lon) ||
      !Number.isFinite(lat)
    ) {
      return 'có tọa độ không phải số';
    }
    if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
      return `tọa độ [${lon}, ${lat}] nằm ngoài kinh độ/vĩ độ; tệp cần dùng hệ WGS 84 (EPSG:4326), không dùng VN-2000`;
    }
    ring.push([lon, lat]);
  }
  if (ring.length < 4) return 'có vòng ranh giới ít hơn 4 điểm';
  const first = ring[0] as [number, number];
  const last = ring[ring.length - 1] as [number, number];
  if (first[0] !== last[0] || first[1] !== last[1])
    return 'có vòng ranh giới không khép kín (điểm đầu khác điểm cuối)';
  out.push(ring);
  return null;
}

function readPolygon(value: unknown, out: Ring[][]): string | null {
  if (!Array.isArray(value) || value.length === 0) return 'một đa giác không có vòng ranh giới nào';
  const rings: Ring[] = [];
  for (const ring of value) {
    const problem = readRing(ring, rings);
    if (problem) return problem;
  }
  out.push(rings);
  return null;
}

function readGeometry(value: unknown): { geometry: BoundaryGeometry } | { problem: string } {
  if (!isObject(value)) return { problem: 'không có hình học (geometry)' };
  const polygons: Ring[][] = [];
  if (value.type === 'Polygon') {
    const problem = readPolygon(value.coordinates, polygons);
    return problem ? { problem } : { geometry: { type: 'Polygon', coordinates: polygons[0] ?? [] } };
  }
  if (value.type === 'MultiPolygon') {
    if (!Array.isArray(value.coordinates) || value.coordinates.length === 0) {
      return { problem: 'MultiPolygon không có đa giác nào' };
    }
    for (const polygon of value.coordinates) {
      const problem = readPolygon(polygon, polygons);
      if (problem) return { problem };
    }
    return { geometry: { type: 'MultiPolygon', coordinates: polygons } };
  }
  return { problem: `hình học kiểu "${String(value.type)}"; ranh giới phải là Polygon hoặc MultiPolygon` };
}

function readCode(properties: unknown, codeProperty: string): string | null {
  if (!isObject(properties)) return null;
  const raw = properties[codeProperty];
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  if (typeof raw === 'string' && raw.trim() !== '') return raw.trim();
  return null;
}

/**
 * Reads an uploaded GeoJSON FeatureCollection: one boundary per feature, or one problem per
 * feature that cannot be used (the first one found), so the report points at every bad row.
 */
export function readBoundaryFeatures(input: unknown, codeProperty: string): ReadBoundaries {
  const collection =
    isObject(input) && input.type === 'Feature' ? { type: 'FeatureCollection', features: [input] } : input;
  if (
    !isObject(collection) ||
    collection.type !== 'FeatureCollection' ||
    !Array.isArray(collection.features)
  ) {
    return {
      boundaries: [],
      problems: [],
      fileProblem:
        'Tệp không phải GeoJSON FeatureCollection (cần {"type": "FeatureCollection", "features": [...]}).',
    };
  }
  if (collection.features.length === 0) {
    return { boundaries: [], problems: [], fileProblem: 'Tệp GeoJSON không có đối tượng (feature) nào.' };
  }
  const boundaries: UploadedBoundary[] = [];
  const problems: RowProblem[] = [];
  const firstRowOfCode = new Map<string, number>();
  collection.features.forEach((feature: unknown, row) => {
    const at = `Đối tượng #${row + 1}`;
    if (!isObject(feature) || feature.type !== 'Feature') {
      problems.push({ row, field: 'type', value: null, message: `${at} không phải một Feature GeoJSON.` });
      return;
    }
    const code = readCode(feature.properties, codeProperty);
    if (code === null) {
      problems.push({
        row,
        field: `properties.${codeProperty}`,
        value: null,
        message: `${at} thiếu thuộc tính "${codeProperty}" (mã đơn vị hành chính).`,
      });
      return;
    }
    const geometry = readGeometry(feature.geometry);
    if ('problem' in geometry) {
      problems.push({
        row,
        field: 'geometry',
        value: code,
        message: `${at} (mã ${code}): ${geometry.problem}.`,
      });
      return;
    }
    const first = firstRowOfCode.get(code);
    if (first !== undefined) {
      problems.push({
        row,
        field: `properties.${codeProperty}`,
        value: code,
        message: `${at}: mã ${code} trùng với đối tượng #${first + 1}.`,
      });
      return;
    }
    firstRowOfCode.set(code, row);
    boundaries.push({ row, code, geometry: geometry.geometry });
  });
  return { boundaries, problems, fileProblem: null };
}

import { formatDate, type Unit, type UnitLevel } from '@ntm/core';
import type { Kysely } from 'kysely';
import type {
  BoundariesResponse,
  BoundaryFeature,
  BoundaryUploadRequest,
  BoundaryUploadResponse,
} from '../../contract/boundaries';
import type { Database } from '../../db/schema';
import { AppError, type RowProblem } from '../../errors';
import { type AuditEntry, appendAudit } from '../audit/audit.repository';
import { getUnitDirectory, requireUnit } from '../units/unit-directory';
import { today } from '../units/units.service';
import {
  boundariesForUnits,
  geometryTextOf,
  replaceBoundaries,
  type StoredBoundary,
} from './boundaries.repository';
import { buildDemoBoundaries } from './demo-boundaries';
import { readBoundaryFeatures } from './geojson';

function feature(unit: Unit, boundary: StoredBoundary): BoundaryFeature {
  return {
    type: 'Feature',
    id: unit.id,
    properties: {
      unitId: unit.id,
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      level: unit.level,
      parentId: unit.parentId,
      source: boundary.source,
      isDemo: boundary.isDemo,
    },
    geometry: boundary.geometry,
  };
}

export async function boundariesOfSubtree(
  db: Kysely<Database>,
  rootId: string,
  query: { date?: string; level: UnitLevel },
): Promise<BoundariesResponse> {
  const directory = await getUnitDirectory(db);
  const root = requireUnit(directory, rootId);
  const asOf = query.date ?? today();
  const tree = directory.treeOn(asOf);
  if (!tree.byId.has(root.id)) {
    throw new AppError('bad_request', `${root.name} không tồn tại vào ngày ${formatDate(asOf)}.`);
  }
  const units = root.level === query.level ? [root] : tree.descendants(root.id, query.level);
  const parents = [
    ...new Set(units.flatMap((u) => (u.parentId !== null && tree.byId.has(u.parentId) ? [u.parentId] : []))),
  ].flatMap((id) => tree.byId.get(id) ?? []);
  const stored = await boundariesForUnits(
    db,
    [...units, ...parents].map((u) => u.id),
  );
  const features: BoundaryFeature[] = [];
  const missing: BoundariesResponse['missing'] = [];
  for (const unit of units) {
    const boundary = stored.get(unit.id);
    if (boundary) features.push(feature(unit, boundary));
    else
      missing.push({
        unitId: unit.id,
        code: unit.code,
        name: unit.name,
        kind: unit.kind,
        level: unit.level,
        parentId: unit.parentId,
      });
  }
  const parentOutlines = parents.flatMap((unit) => {
    const boundary = stored.get(unit.id);
    return boundary ? [feature(unit, boundary)] : [];
  });
  return { type: 'FeatureCollection', asOf, level: query.level, features, parentOutlines, missing };
}

function positionsIn(geometry: StoredBoundary['geometry']): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.reduce((sum, rings) => sum + rings.reduce((n, ring) => n + ring.length, 0), 0);
}

/**
 * Stores the boundaries of an uploaded GeoJSON, matched by official code to the units in force
 * on the given date. Any unusable feature refuses the whole file with a report per feature;
 * unknown codes do too, unless the caller chose to skip them. The replaced geometry is kept in
 * the audit log, so an upload can always be undone by hand.
 */
export async function uploadBoundaries(
  db: Kysely<Database>,
  request: BoundaryUploadRequest,
  actor: string,
  now: () => Date = () => new Date(),
): Promise<BoundaryUploadResponse> {
  const read = readBoundaryFeatures(request.geojson, request.codeProperty);
  if (read.fileProblem !== null) throw new AppError('invalid_geojson', read.fileProblem);

  const directory = await getUnitDirectory(db);
  const tree = directory.treeOn(request.date);
  const unitsByCode = new Map<string, Unit[]>();
  for (const unit of tree.byId.values()) {
    const list = unitsByCode.get(unit.code);
    if (list) list.push(unit);
    else unitsByCode.set(unit.code, [unit]);
  }
  const on = formatDate(request.date);
  const problems: RowProblem[] = [...read.problems];
  const unknown: RowProblem[] = [];
  const matched: { unit: Unit; geometry: StoredBoundary['geometry'] }[] = [];
  for (const boundary of read.boundaries) {
    const units = unitsByCode.get(boundary.code) ?? [];
    const field = `properties.${request.codeProperty}`;
    if (units.length === 0) {
      unknown.push({
        row: boundary.row,
        field,
        value: boundary.code,
        message: `Đối tượng #${boundary.row + 1}: mã ${boundary.code} không khớp đơn vị hành chính nào có hiệu lực ngày ${on}.`,
      });
    } else if (units.length > 1) {
      problems.push({
        row: boundary.row,
        field,
        value: boundary.code,
        message: `Đối tượng #${boundary.row + 1}: mã ${boundary.code} ứng với ${units.length} đơn vị (${units.map((u) => u.name).join(', ')}).`,
      });
    } else {
      matched.push({ unit: units[0] as Unit, geometry: boundary.geometry });
    }
  }
  const byRow = (a: RowProblem, b: RowProblem) => a.row - b.row;
  if (problems.length > 0) {
    throw new AppError(
      'invalid_geojson',
      `Tệp có ${problems.length} đối tượng không dùng được${unknown.length > 0 ? ` và ${unknown.length} mã không khớp` : ''}; chưa lưu ranh giới nào.`,
      { rows: [...problems, ...unknown].sort(byRow) },
    );
  }
  if (unknown.length > 0 && (!request.ignoreUnknownCodes || matched.length === 0)) {
    const codes = unknown.map((u) => String(u.value));
    const listed = codes.length > 5 ? `${codes.slice(0, 5).join(', ')}…` : codes.join(', ');
    throw new AppError(
      'unknown_unit_codes',
      matched.length === 0
        ? `Không mã nào trong tệp khớp đơn vị hành chính có hiệu lực ngày ${on} (thuộc tính mã: "${request.codeProperty}"); chưa lưu ranh giới nào.`
        : `${unknown.length} mã không khớp đơn vị hành chính nào có hiệu lực ngày ${on}: ${listed}. Chưa lưu ranh giới nào; sửa tệp hoặc chọn bỏ qua các mã này.`,
      { rows: unknown },
    );
  }

  const stamp = now().toISOString();
  const source = request.fileName && request.fileName !== '' ? request.fileName : 'GeoJSON tải lên';
  return db.transaction().execute(async (trx) => {
    const before = await geometryTextOf(
      trx,
      matched.map((m) => m.unit.id),
    );
    await replaceBoundaries(
      trx,
      matched.map((m) => ({
        unit_id: m.unit.id,
        code: m.unit.code,
        geometry_json: JSON.stringify(m.geometry),
        source,
        is_demo: 0,
        updated_at: stamp,
        updated_by: actor,
      })),
    );
    const entries: AuditEntry[] = matched.map((m) => {
      const previous = before.get(m.unit.id);
      return {
        actor,
        action: previous === undefined ? 'create' : 'update',
        entity: 'unit_boundary',
        entityId: m.unit.id,
        before: previous === undefined ? null : JSON.parse(previous),
        after: { code: m.unit.code, source, positions: positionsIn(m.geometry) },
        reason: `Tải lên ranh giới hành chính từ ${source}`,
      };
    });
    await appendAudit(trx, entries, stamp);
    return {
      asOf: request.date,
      stored: matched.length,
      created: entries.filter((e) => e.action === 'create').length,
      replaced: entries.filter((e) => e.action === 'update').length,
      skipped: unknown.map((u) => ({ row: u.row, code: String(u.value) })),
    };
  });
}

/** The generated boundaries of the demo province, stored with its units by the demo seed. */
export async function seedDemoBoundaries(
  db: Kysely<Database>,
  units: readonly Unit[],
  at: string,
): Promise<number> {
  const boundaries = buildDemoBoundaries(units);
  await replaceBoundaries(
    db,
    boundaries.map((b) => ({
      unit_id: b.unitId,
      code: b.code,
      geometry_json: JSON.stringify(b.geometry),
      source: 'demo',
      is_demo: 1,
      updated_at: at,
      updated_by: 'seed-demo',
    })),
  );
  return boundaries.length;
}

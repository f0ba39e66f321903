import {
  type CriteriaSet,
  canNavigateUnit,
  canReadUnit,
  canVerifyUnit,
  canWriteUnit,
  departments,
  departmentsByCode,
  hasPermission,
  measuresLedBy,
  type Permission,
  type Principal,
  readsEverything,
  type Unit,
} from '@ntm/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { kept } from '../../kept';
import { allCriteriaSets } from '../catalog/catalog.service';
import { getUnitDirectory, requireUnit, type UnitDirectory } from '../units/unit-directory';
import type { Viewer } from './viewer';

/**
 * What one viewer may see and do, decided once per request from the unit tree and the
 * catalog. Services ask it before reading a unit, filter lists, counts, searches and exports
 * with it, and check every row of a write against it.
 */
export interface AccessScope {
  viewer: Viewer;
  /** The area in words, for refusals: "Huyện Sông Xanh và các đơn vị trực thuộc". */
  area: string;
  readsEverything: boolean;
  canRead(unitId: string): boolean;
  /** Shown in the tree to find one's way (ancestors of one's area), without its data. */
  canNavigate(unitId: string): boolean;
  canWrite(unitId: string): boolean;
  canVerify(unitId: string): boolean;
  has(permission: Permission): boolean;
  /** A department enters and verifies only the measures of the criteria it leads. */
  coversMeasure(measureCode: string): boolean;
  /** Those measures; null when the viewer is not limited to some. */
  coveredMeasures: ReadonlySet<string> | null;
}

const ledMeasures = new WeakMap<readonly CriteriaSet[], Map<string, Set<string>>>();

function measuresOf(departmentCode: string): Set<string> {
  const sets = allCriteriaSets();
  let byDepartment = ledMeasures.get(sets);
  if (!byDepartment) {
    byDepartment = new Map();
    ledMeasures.set(sets, byDepartment);
  }
  let measures = byDepartment.get(departmentCode);
  if (!measures) {
    measures = measuresLedBy(sets, departments, departmentCode);
    byDepartment.set(departmentCode, measures);
  }
  return measures;
}

function describeArea(directory: UnitDirectory, principal: Principal): string {
  if (principal.role === 'department') {
    const name = departmentsByCode.get(principal.departmentCode ?? '')?.name ?? principal.departmentCode;
    return `các tiêu chí do ${name} phụ trách`;
  }
  if (readsEverything(principal.role)) return 'toàn tỉnh';
  const unit = principal.unitId === null ? undefined : directory.byId.get(principal.unitId);
  return unit ? `${unit.name} và các đơn vị trực thuộc` : 'không có địa bàn nào';
}

const scopesByDirectory = new WeakMap<UnitDirectory, WeakMap<Viewer, AccessScope>>();

/**
 * The viewer's scope under a directory, made once per directory and viewer: a checked session
 * hands out the same viewer from request to request, and making the scope anew was a tenth of
 * a cached roll-up request.
 */
export function scopeOf(directory: UnitDirectory, viewer: Viewer): AccessScope {
  const scopes = kept(scopesByDirectory, directory, () => new WeakMap<Viewer, AccessScope>());
  return kept(scopes, viewer, () => makeScope(directory, viewer));
}

function makeScope(directory: UnitDirectory, viewer: Viewer): AccessScope {
  if (viewer.kind === 'system') {
    return {
      viewer,
      area: 'toàn tỉnh',
      readsEverything: true,
      canRead: (id) => directory.byId.has(id),
      canNavigate: (id) => directory.byId.has(id),
      canWrite: (id) => directory.byId.has(id),
      canVerify: (id) => directory.byId.has(id),
      has: () => true,
      coversMeasure: () => true,
      coveredMeasures: null,
    };
  }
  if (viewer.kind === 'public') {
    return {
      viewer,
      area: 'số liệu tổng hợp công khai',
      readsEverything: false,
      canRead: () => false,
      canNavigate: () => false,
      canWrite: () => false,
      canVerify: () => false,
      has: () => false,
      coversMeasure: () => false,
      coveredMeasures: new Set(),
    };
  }
  const principal = viewer.user;
  const measures = principal.role === 'department' ? measuresOf(principal.departmentCode ?? '') : null;
  return {
    viewer,
    area: describeArea(directory, principal),
    readsEverything: readsEverything(principal.role),
    canRead: (id) => canReadUnit(principal, directory, id),
    canNavigate: (id) => canNavigateUnit(principal, directory, id),
    canWrite: (id) => canWriteUnit(principal, directory, id),
    canVerify: (id) => canVerifyUnit(principal, directory, id),
    has: (permission) => hasPermission(principal.role, permission),
    coversMeasure: (code) => measures === null || measures.has(code),
    coveredMeasures: measures,
  };
}

export async function scopeFor(db: Kysely<Database>, viewer: Viewer): Promise<AccessScope> {
  return scopeOf(await getUnitDirectory(db), viewer);
}

export function forbidden(message: string): AppError {
  return new AppError('forbidden', message);
}

/** The unit, if it exists and the viewer may read it; 404 or 403 with the reason otherwise. */
export function requireReadableUnit(directory: UnitDirectory, scope: AccessScope, id: string): Unit {
  if (scope.viewer.kind === 'public') {
    throw forbidden('Số liệu chi tiết của từng đơn vị chỉ dành cho người dùng đã đăng nhập.');
  }
  if (!scope.readsEverything && !scope.canRead(id)) {
    const unit = directory.byId.get(id);
    throw forbidden(
      `Bạn không có quyền xem ${unit ? unit.name : `đơn vị "${id}"`}: đơn vị này nằm ngoài phạm vi được giao (${scope.area}).`,
    );
  }
  return requireUnit(directory, id);
}

/** Like `requireReadableUnit`, for the units one only needs to find one's way (tree, breadcrumbs). */
export function requireNavigableUnit(directory: UnitDirectory, scope: AccessScope, id: string): Unit {
  if (scope.viewer.kind !== 'public' && (scope.readsEverything || scope.canNavigate(id))) {
    return requireUnit(directory, id);
  }
  return requireReadableUnit(directory, scope, id);
}

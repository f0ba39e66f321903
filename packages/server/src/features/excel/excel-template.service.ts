import {
  type CriteriaSet,
  compareVietnamese,
  describeThreshold,
  type Indicator,
  measuresByCode,
  type ObservedValue,
  selectThreshold,
  type Unit,
  yearEnd,
} from '@ntm/core';
import type { Kysely } from 'kysely';
import type { TemplateQuery } from '../../contract/excel';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { requireReadableUnit, scopeOf } from '../auth/access-scope';
import type { Viewer } from '../auth/viewer';
import { requireCriteriaSet } from '../catalog/catalog.service';
import { chooseCriteriaSet, isRuralCommune } from '../evaluation/evaluation.service';
import { getUnitDirectory, type UnitDirectory } from '../units/unit-directory';
import { valuesForUnits } from '../values/values.repository';
import type { TemplateColumn, TemplateContent, TemplateRow } from './template-layout';
import { writeTemplate } from './template-writer';

export interface TemplateFile {
  fileName: string;
  bytes: Buffer;
}

/**
 * The set a template is for: the one asked for (an incomplete national set too: its missing
 * thresholds are shown as such), else the one the area is evaluated with that year.
 */
function templateSet(directory: UnitDirectory, scope: Unit, units: readonly Unit[], query: TemplateQuery) {
  if (query.criteriaSetId !== undefined) return requireCriteriaSet(query.criteriaSetId);
  const probe = units[0] ?? { ...scope, level: 'commune' as const };
  return chooseCriteriaSet(directory, probe, query.year, 'standard');
}

/** Units that report on the set: rural communes for commune sets, every village for village sets. */
function unitsOfLevel(
  directory: UnitDirectory,
  scope: Unit,
  level: CriteriaSet['level'],
  year: number,
): readonly Unit[] {
  const tree = directory.treeOn(yearEnd(year));
  const units = scope.level === level ? [scope] : tree.descendants(scope.id, level);
  return level === 'commune' ? units.filter(isRuralCommune) : units;
}

/** One threshold when the area shares it; otherwise each, with the region or group it applies to. */
function thresholdText(set: CriteriaSet, indicator: Indicator, units: readonly Unit[]): string {
  const texts = new Map<string, string>();
  for (const unit of units) {
    const selected = selectThreshold(set, indicator, unit);
    const text = describeThreshold(indicator, selected);
    if (!texts.has(text)) texts.set(text, selected?.selectedBy ?? '');
    if (texts.size > 6) break;
  }
  if (texts.size === 0) return describeThreshold(indicator, null);
  if (texts.size === 1) return [...texts.keys()][0] as string;
  return [...texts].map(([text, by]) => `${text} (${by})`).join('; ');
}

function columnsFor(set: CriteriaSet, units: readonly Unit[]): TemplateColumn[] {
  const columns: TemplateColumn[] = [];
  for (const criterion of set.criteria) {
    for (const indicator of criterion.indicators) {
      const measure = indicator.measure === undefined ? undefined : measuresByCode.get(indicator.measure);
      // Derived indicators are computed, and measures observed elsewhere (villages) are rolled up.
      if (!measure?.levelsObserved.includes(set.level)) continue;
      columns.push({
        criterionNumber: criterion.number,
        criterionName: criterion.name,
        indicator,
        measure,
        threshold: thresholdText(set, indicator, units),
      });
    }
  }
  return columns;
}

function fileNameFor(set: CriteriaSet, scope: Unit, year: number): string {
  return `mau-nhap-lieu_${scope.code}_${year}_${set.id}.xlsx`.replace(/[^\w.-]+/g, '-');
}

/**
 * The data-entry workbook for an area, a year and a criteria set: one row per reporting unit,
 * one column per indicator entered directly, current values filled in.
 */
export async function exportTemplate(
  db: Kysely<Database>,
  viewer: Viewer,
  query: TemplateQuery,
  now: () => Date = () => new Date(),
): Promise<TemplateFile> {
  const { content, fileName } = await templateContent(db, viewer, query, now);
  return { fileName, bytes: await writeTemplate(content) };
}

/** What `exportTemplate` writes; the benchmark fills it with other values to import them. */
export async function templateContent(
  db: Kysely<Database>,
  viewer: Viewer,
  query: TemplateQuery,
  now: () => Date = () => new Date(),
): Promise<{ content: TemplateContent; fileName: string }> {
  const directory = await getUnitDirectory(db);
  const access = scopeOf(directory, viewer);
  const scope = requireReadableUnit(directory, access, query.unitId);
  const tree = directory.treeOn(yearEnd(query.year));
  if (!tree.byId.has(scope.id)) {
    throw new AppError(
      'unit_not_evaluable',
      `${scope.name} không tồn tại vào cuối năm ${query.year}; hãy chọn đơn vị có hiệu lực năm đó.`,
    );
  }
  const communes = unitsOfLevel(directory, scope, 'commune', query.year);
  const set = templateSet(directory, scope, communes, query);
  // The area is readable, so is its subtree today; the filter keeps that true if scopes ever narrow.
  const units = (set.level === 'commune' ? communes : unitsOfLevel(directory, scope, set.level, query.year))
    .filter((u) => access.readsEverything || access.canRead(u.id))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : compareVietnamese(a.name, b.name)));
  if (units.length === 0) {
    throw new AppError(
      'unit_not_evaluable',
      `${scope.name} không có đơn vị nào thuộc diện áp dụng bộ tiêu chí ${set.shortName} trong năm ${query.year}.`,
    );
  }
  const stored = await valuesForUnits(
    db,
    units.map((u) => u.id),
    [query.year],
  );
  const values = new Map<string, Map<string, ObservedValue>>();
  for (const v of stored) {
    let map = values.get(v.unitId);
    if (!map) {
      map = new Map();
      values.set(v.unitId, map);
    }
    map.set(v.measureCode, v.value);
  }
  const rows: TemplateRow[] = units.map((unit) => ({
    unit,
    parentName: unit.parentId === null ? '' : (directory.byId.get(unit.parentId)?.name ?? ''),
    values: values.get(unit.id) ?? new Map(),
  }));
  return {
    content: {
      set,
      year: query.year,
      scope,
      columns: columnsFor(set, units),
      rows,
      exportedAt: now().toISOString(),
      isDemo: scope.isDemo || set.illustrative,
    },
    fileName: fileNameFor(set, scope, query.year),
  };
}

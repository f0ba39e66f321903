import { TargetMetric, targetActual, targetMetricLabels, type Unit, yearEnd } from '@ntm/core';
import type { Kysely } from 'kysely';
import type { TargetsResponse } from '../../contract/targets';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { rollUpSubtree } from '../evaluation/evaluation.service';
import { recognitionsForUnits } from '../recognitions/recognitions.repository';
import { getUnitDirectory } from '../units/unit-directory';
import { directivesByIds, targetsForYear } from './targets.repository';

export async function targetProgress(
  db: Kysely<Database>,
  query: { year: number; unitId?: string },
): Promise<TargetsResponse> {
  const directory = await getUnitDirectory(db);
  const tree = directory.treeOn(yearEnd(query.year));
  const rows = (await targetsForYear(db, query.year)).filter(
    (t) => query.unitId === undefined || t.scope_unit_id === query.unitId,
  );
  const averages = new Map<string, number | null>();
  const targets = [];
  for (const row of rows) {
    const metric = TargetMetric.safeParse(row.metric);
    if (!metric.success) {
      throw new AppError('internal', `Chỉ tiêu kế hoạch ${row.id} có loại "${row.metric}" không hợp lệ.`);
    }
    const scope = tree.byId.get(row.scope_unit_id);
    const unitsInScope: Unit[] = scope ? [scope, ...tree.descendants(scope.id)] : [];
    let average: number | null = null;
    if (metric.data === 'average_criteria_per_commune') {
      if (!averages.has(row.scope_unit_id)) {
        const result = await rollUpSubtree(db, row.scope_unit_id, { year: query.year }).catch(
          (error: unknown) => {
            if (error instanceof AppError) return null;
            throw error;
          },
        );
        averages.set(row.scope_unit_id, result ? result.rollup.averageCriteriaMet : null);
      }
      average = averages.get(row.scope_unit_id) ?? null;
    }
    const recognitions = await recognitionsForUnits(
      db,
      unitsInScope.map((u) => u.id),
    );
    const actual = targetActual({
      metric: metric.data,
      year: query.year,
      unitsInScope,
      recognitions,
      averageCriteriaMet: average,
    });
    targets.push({
      id: row.id,
      year: row.year,
      scopeUnitId: row.scope_unit_id,
      metric: metric.data,
      metricLabel: targetMetricLabels[metric.data],
      label: row.label,
      target: Number(row.value),
      actual,
      progress: actual === null || Number(row.value) === 0 ? null : actual / Number(row.value),
      directiveId: row.directive_id,
      note: row.note,
    });
  }
  const directiveIds = [...new Set(rows.flatMap((r) => (r.directive_id ? [r.directive_id] : [])))];
  const directives = (await directivesByIds(db, directiveIds)).map((d) => ({
    id: d.id,
    number: d.number,
    date: d.date,
    issuer: d.issuer,
    title: d.title,
    summary: d.summary,
    isDemo: d.is_demo === 1,
  }));
  return { year: query.year, directives, targets };
}

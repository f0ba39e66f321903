import type { Kysely } from 'kysely';
import type { TargetsResponse } from '../../contract/targets';
import type { Database } from '../../db/schema';
import { defaultAsOf, targetsWithProgress } from '../plans/plans.service';
import { directivesByIds } from './targets.repository';

/** Public aggregates only: the registered units themselves are listed by /api/plans/progress. */
export async function targetProgress(
  db: Kysely<Database>,
  query: { year: number; unitId?: string; asOf?: string },
  today: Date = new Date(),
): Promise<TargetsResponse> {
  const asOf = query.asOf ?? defaultAsOf(query.year, today);
  const progress = await targetsWithProgress(
    db,
    query.year,
    asOf,
    null,
    (row) => query.unitId === undefined || row.scope_unit_id === query.unitId,
  );
  const targets = progress.map((p) => ({
    id: p.target.id,
    year: p.target.year,
    scopeUnitId: p.target.scopeUnitId,
    metric: p.target.metric,
    metricLabel: p.metricLabel,
    label: p.target.label,
    target: p.target.value,
    actual: p.actual,
    progress: p.progress,
    directiveId: p.target.directiveId,
    note: p.target.note,
    params: p.target.params,
    direction: p.direction,
    forecast: p.forecast,
    registeredCount: p.registeredCount,
  }));
  const directiveIds = [...new Set(targets.flatMap((t) => (t.directiveId ? [t.directiveId] : [])))];
  const directives = (await directivesByIds(db, directiveIds)).map((d) => ({
    id: d.id,
    number: d.number,
    date: d.date,
    issuer: d.issuer,
    title: d.title,
    summary: d.summary,
    isDemo: d.is_demo === 1,
  }));
  return { year: query.year, asOf, directives, targets };
}

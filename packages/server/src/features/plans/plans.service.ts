import { randomUUID } from 'node:crypto';
import {
  compareVietnamese,
  countedUnits,
  criteriaPace,
  describeMetric,
  forecastTarget,
  isRecognitionInForce,
  metricTier,
  type Recognition,
  TargetMetric,
  TargetParams,
  type TreeIndex,
  targetActual,
  targetDirection,
  targetProblems,
  type Unit,
  yearEnd,
} from '@ntm/core';
import type { Kysely } from 'kysely';
import type { RollupResponse } from '../../contract/evaluation';
import type {
  ComparisonResponse,
  PlanProgressResponse,
  StoredTarget,
  TargetUpdateRequest,
  TargetWriteRequest,
} from '../../contract/plans';
import type { Database, TargetsTable } from '../../db/schema';
import { AppError } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { type AccessScope, scopeOf } from '../auth/access-scope';
import { actorName, type Viewer } from '../auth/viewer';
import { rollUpSubtree } from '../evaluation/evaluation.service';
import { recognitionsByUnit, syncEvaluationCache } from '../evaluation/evaluation-cache';
import { directivesByIds } from '../targets/targets.repository';
import { getUnitDirectory, type UnitDirectory } from '../units/unit-directory';
import {
  type ApprovedItemRow,
  approvedRegistrationItems,
  deleteTargetRow,
  insertTarget,
  targetById,
  targetsOfYear,
  updateTargetRow,
} from './plans.repository';
import { tierStanding } from './tier-standing';
import { vietnamToday } from './vietnam-day';

type PlanTargetProgress = PlanProgressResponse['targets'][number];

/** Today, or the year's last day once the year is over: the default day progress is taken at. */
export function defaultAsOf(year: number, today: Date): string {
  const day = vietnamToday(today);
  const end = yearEnd(year);
  // biome-ignore lint/complexity/useMathMinMax: ISO dates are strings, which Math.min cannot compare.
  return day < end ? day : end;
}

function parseParams(json: string | null): TargetParams {
  if (json === null) return {};
  return TargetParams.parse(JSON.parse(json));
}

export function presentTarget(row: TargetsTable): StoredTarget {
  const metric = TargetMetric.safeParse(row.metric);
  if (!metric.success) {
    throw new AppError('internal', `Chỉ tiêu kế hoạch ${row.id} có loại "${row.metric}" không hợp lệ.`);
  }
  return {
    id: row.id,
    year: row.year,
    scopeUnitId: row.scope_unit_id,
    metric: metric.data,
    params: parseParams(row.params_json),
    value: Number(row.value),
    label: row.label,
    directiveId: row.directive_id,
    note: row.note,
    version: row.version ?? 1,
    isDemo: row.is_demo === 1,
  };
}

/** What one request reads once and every target of it shares. */
interface ProgressContext {
  db: Kysely<Database>;
  directory: UnitDirectory;
  tree: TreeIndex;
  year: number;
  asOf: string;
  recognitions: Map<string, Recognition[]>;
  approved: ApprovedItemRow[];
  rollups: Map<string, Promise<RollupResponse | null>>;
}

async function progressContext(db: Kysely<Database>, year: number, asOf: string): Promise<ProgressContext> {
  const directory = await getUnitDirectory(db);
  const caches = await syncEvaluationCache(db);
  const [recognitions, approved] = await Promise.all([
    recognitionsByUnit(db, caches),
    approvedRegistrationItems(db, year),
  ]);
  return {
    db,
    directory,
    tree: directory.treeOn(yearEnd(year)),
    year,
    asOf,
    recognitions,
    approved,
    rollups: new Map(),
  };
}

/** The roll-up of a scope for a year; null when it cannot be evaluated (no set, no commune). */
function rollupOf(ctx: ProgressContext, scopeId: string, year: number): Promise<RollupResponse | null> {
  const key = `${scopeId}|${year}`;
  let rollup = ctx.rollups.get(key);
  if (!rollup) {
    rollup = rollUpSubtree(ctx.db, scopeId, { year }).catch((error: unknown) => {
      if (error instanceof AppError) return null;
      throw error;
    });
    ctx.rollups.set(key, rollup);
  }
  return rollup;
}

/** The pace communes gained criteria at from two years before to the target's year. */
async function paceOf(ctx: ProgressContext, scopeId: string) {
  const averages: { year: number; averageCriteriaMet: number }[] = [];
  for (const year of [ctx.year - 2, ctx.year - 1, ctx.year]) {
    const rollup = await rollupOf(ctx, scopeId, year);
    if (rollup && rollup.rollup.evaluatedCount > 0) {
      averages.push({ year, averageCriteriaMet: rollup.rollup.averageCriteriaMet });
    }
  }
  return criteriaPace(averages);
}

async function progressOf(
  ctx: ProgressContext,
  target: StoredTarget,
  scope: AccessScope | null,
): Promise<PlanTargetProgress> {
  const { metric, params } = target;
  const root = ctx.tree.byId.get(target.scopeUnitId);
  const unitsInScope: Unit[] = root ? [root, ...ctx.tree.descendants(root.id)] : [];
  const inScope = new Set(unitsInScope.map((u) => u.id));
  const recognitions = unitsInScope.flatMap((u) => ctx.recognitions.get(u.id) ?? []);
  const rollup = root ? await rollupOf(ctx, root.id, ctx.year) : null;
  const actualInput = {
    metric,
    year: ctx.year,
    params,
    asOf: ctx.asOf,
    unitsInScope,
    recognitions,
    averageCriteriaMet: rollup && rollup.rollup.evaluatedCount > 0 ? rollup.rollup.averageCriteriaMet : null,
    communeCriteriaMet: rollup ? rollup.communes.map((c) => c.criteriaMet) : null,
  };
  const actual = targetActual(actualInput);
  const counted = countedUnits(actualInput) ?? new Set<string>();
  const tier = metricTier(metric);
  const schemeOnly = metric === 'scheme_villages_standard' || params.schemeOnly === true;
  const items =
    tier === null
      ? []
      : ctx.approved.filter((item) => {
          const unit = ctx.tree.byId.get(item.unit_id);
          return (
            item.approved_tier === tier &&
            inScope.has(item.unit_id) &&
            unit !== undefined &&
            (!schemeOnly || unit.flags.includes('scheme_1385'))
          );
        });
  const registeredUnits = items.flatMap((i) => {
    const unit = ctx.tree.byId.get(i.unit_id);
    return unit ? [unit] : [];
  });
  const standing =
    tier === null || registeredUnits.length === 0
      ? null
      : await tierStanding(ctx.db, ctx.directory, registeredUnits, ctx.year, tier);
  const statuses = items.map((item) => {
    const own = ctx.recognitions.get(item.unit_id) ?? [];
    const summary = standing?.summaries.get(item.unit_id);
    const pending =
      own.find(
        (r) =>
          r.tier === tier &&
          (r.status === 'registered' || r.status === 'dossier' || r.status === 'appraised') &&
          !(tier !== null && isRecognitionInForce(r, tier, ctx.asOf)),
      )?.status ?? null;
    return {
      item,
      summary,
      status: {
        unitId: item.unit_id,
        recognised: counted.has(item.unit_id),
        criteriaMissing: summary ? summary.criteriaTotal - summary.criteriaMet : null,
        pendingRecognition: pending,
      },
    };
  });
  const forecast = forecastTarget({
    metric,
    direction: targetDirection(metric),
    year: ctx.year,
    asOf: ctx.asOf,
    target: target.value,
    actual,
    registered: statuses.map((s) => s.status),
    pace: root ? await paceOf(ctx, root.id) : null,
    communeCriteriaMet: actualInput.communeCriteriaMet,
    ...(params.belowCriteria === undefined ? {} : { belowCriteria: params.belowCriteria }),
    ...(rollup ? { criteriaTotal: rollup.rollup.criteria.length } : {}),
  });
  const outlookOf = new Map(forecast.units.map((u) => [u.unitId, u.outlook]));
  const visible = statuses.filter(
    (s) => scope !== null && (scope.readsEverything || scope.canRead(s.item.unit_id)),
  );
  return {
    target,
    metricLabel: describeMetric(metric, params),
    direction: targetDirection(metric),
    tier,
    actual,
    progress: actual === null || target.value === 0 ? null : actual / target.value,
    forecast: {
      expected: forecast.expected,
      min: forecast.min,
      max: forecast.max,
      onTrack: forecast.onTrack,
      monthsLeft: forecast.monthsLeft,
      assumptions: forecast.assumptions,
    },
    registered: visible.map(({ item, summary, status }) => {
      const unit = ctx.directory.byId.get(item.unit_id);
      const parent = unit?.parentId ? ctx.directory.byId.get(unit.parentId) : undefined;
      return {
        unitId: item.unit_id,
        name: unit?.name ?? item.unit_id,
        parentName: parent?.name ?? null,
        registrationId: item.registration_id,
        registeringUnitName:
          ctx.directory.byId.get(item.registering_unit_id)?.name ?? item.registering_unit_id,
        expectedMonth: item.approved_month,
        criteriaMissing: status.criteriaMissing,
        totalNormalisedGap: summary ? summary.totalNormalisedGap : null,
        recognised: status.recognised,
        pendingRecognition: status.pendingRecognition,
        outlook: outlookOf.get(item.unit_id) ?? 'unlikely',
      };
    }),
    registeredCount: items.length,
  };
}

/** Targets of one year's plans with their live actual, the registered units and the forecast. */
export async function targetsWithProgress(
  db: Kysely<Database>,
  year: number,
  asOf: string,
  scope: AccessScope | null,
  filter: (row: TargetsTable) => boolean = () => true,
): Promise<PlanTargetProgress[]> {
  // The directive's order: communes by tier, residential areas, villages, then the averages.
  const order = (metric: string) => TargetMetric.options.indexOf(metric as TargetMetric);
  const rows = (await targetsOfYear(db, year))
    .filter(filter)
    .sort((a, b) => order(a.metric) - order(b.metric) || a.scope_unit_id.localeCompare(b.scope_unit_id));
  const ctx = await progressContext(db, year, asOf);
  const result: PlanTargetProgress[] = [];
  for (const row of rows) result.push(await progressOf(ctx, presentTarget(row), scope));
  return result;
}

function provinceOfYear(tree: TreeIndex): Unit | undefined {
  return [...tree.byId.values()].find((u) => u.parentId === null && u.level === 'province');
}

function requireScopeUnit(
  tree: TreeIndex,
  directory: UnitDirectory,
  unitId: string | undefined,
  year: number,
): Unit {
  const unit = unitId === undefined ? provinceOfYear(tree) : tree.byId.get(unitId);
  if (!unit) {
    const known = unitId === undefined ? undefined : directory.byId.get(unitId);
    throw new AppError(
      known ? 'validation_failed' : 'unit_not_found',
      known
        ? `${known.name} không tồn tại vào cuối năm ${year}; hãy chọn đơn vị có hiệu lực trong năm đó.`
        : `Không tìm thấy đơn vị hành chính có mã định danh "${unitId ?? ''}".`,
    );
  }
  return unit;
}

/** Units a target of `scope` can be allocated to: its districts, or its rural communes. */
function allocationUnits(tree: TreeIndex, scope: Unit): Unit[] {
  return tree
    .children(scope.id)
    .filter((u) => u.level === 'district' || (u.level === 'commune' && u.kind === 'xa'))
    .sort((a, b) => compareVietnamese(a.name, b.name));
}

export async function planProgress(
  db: Kysely<Database>,
  viewer: Viewer,
  query: { year: number; unitId?: string; asOf?: string },
  today: Date = new Date(),
): Promise<PlanProgressResponse> {
  const directory = await getUnitDirectory(db);
  const scope = scopeOf(directory, viewer);
  const tree = directory.treeOn(yearEnd(query.year));
  const root = requireScopeUnit(tree, directory, query.unitId, query.year);
  const asOf = query.asOf ?? defaultAsOf(query.year, today);
  const targets = await targetsWithProgress(
    db,
    query.year,
    asOf,
    scope,
    (row) => row.scope_unit_id === root.id,
  );
  return {
    year: query.year,
    asOf,
    scope: { id: root.id, name: root.name, level: root.level },
    allocationUnits: allocationUnits(tree, root).map((u) => ({ id: u.id, name: u.name })),
    targets,
    canManage: scope.has('manage_plans'),
  };
}

/** A province (or district) target next to each unit under it: allocation, actual, registered, forecast. */
export async function targetComparison(
  db: Kysely<Database>,
  viewer: Viewer,
  query: { year: number; targetId: string; asOf?: string },
  today: Date = new Date(),
): Promise<ComparisonResponse> {
  const row = await targetById(db, query.targetId);
  if (!row || row.year !== query.year) {
    throw new AppError('not_found', `Không tìm thấy mục tiêu "${query.targetId}" của năm ${query.year}.`);
  }
  const target = presentTarget(row);
  const asOf = query.asOf ?? defaultAsOf(query.year, today);
  const ctx = await progressContext(db, query.year, asOf);
  const root = ctx.tree.byId.get(target.scopeUnitId);
  const allocations = new Map(
    (await targetsOfYear(db, query.year))
      .filter((t) => t.metric === row.metric && (t.params_json ?? null) === (row.params_json ?? null))
      .map((t) => [t.scope_unit_id, Number(t.value)]),
  );
  const scope = scopeOf(ctx.directory, viewer);
  const rows: ComparisonResponse['rows'] = [];
  for (const unit of root ? allocationUnits(ctx.tree, root) : []) {
    const allocated = allocations.get(unit.id) ?? null;
    const progress = await progressOf(
      ctx,
      { ...target, id: `${target.id}@${unit.id}`, scopeUnitId: unit.id, value: allocated ?? 0 },
      scope,
    );
    rows.push({
      unitId: unit.id,
      name: unit.name,
      allocated,
      actual: progress.actual,
      registered: progress.registeredCount,
      forecast: progress.forecast.expected,
      progress:
        allocated === null || allocated === 0 || progress.actual === null
          ? null
          : progress.actual / allocated,
    });
  }
  return {
    year: query.year,
    asOf,
    target,
    metricLabel: describeMetric(target.metric, target.params),
    direction: targetDirection(target.metric),
    rows,
  };
}

function parseMetric(metric: string): TargetMetric {
  const parsed = TargetMetric.safeParse(metric);
  if (!parsed.success) {
    throw new AppError(
      'unknown_target_metric',
      `Loại mục tiêu "${metric}" không tồn tại. Các loại hợp lệ: ${TargetMetric.options.join(', ')}.`,
    );
  }
  return parsed.data;
}

async function checkTargetFields(
  db: Kysely<Database>,
  input: {
    metric: TargetMetric;
    year: number;
    value: number;
    params: TargetParams;
    directiveId: string | null;
  },
): Promise<void> {
  const problems = targetProblems(input);
  if (problems.length > 0) {
    throw new AppError('validation_failed', problems.join(' '), { problems });
  }
  if (input.directiveId !== null && (await directivesByIds(db, [input.directiveId])).length === 0) {
    throw new AppError('validation_failed', `Không tìm thấy chỉ thị "${input.directiveId}" để gắn mục tiêu.`);
  }
}

export async function createTarget(
  db: Kysely<Database>,
  viewer: Viewer,
  request: TargetWriteRequest,
  now: Date = new Date(),
): Promise<StoredTarget> {
  const metric = parseMetric(request.metric);
  const directory = await getUnitDirectory(db);
  const tree = directory.treeOn(yearEnd(request.year));
  const unit = tree.byId.get(request.scopeUnitId);
  if (!unit || unit.level === 'village') {
    const known = directory.byId.get(request.scopeUnitId);
    throw new AppError(
      'validation_failed',
      known
        ? `${known.name} không thể là phạm vi của kế hoạch năm ${request.year}: cần tỉnh, huyện hoặc xã có hiệu lực vào cuối năm.`
        : `Không tìm thấy đơn vị "${request.scopeUnitId}" làm phạm vi kế hoạch.`,
    );
  }
  await checkTargetFields(db, { ...request, metric });
  const paramsJson = Object.keys(request.params).length === 0 ? null : JSON.stringify(request.params);
  const duplicate = (await targetsOfYear(db, request.year)).find(
    (t) => t.scope_unit_id === unit.id && t.metric === metric && (t.params_json ?? null) === paramsJson,
  );
  if (duplicate) {
    throw new AppError(
      'conflict',
      `${unit.name} đã có mục tiêu "${describeMetric(metric, request.params)}" năm ${request.year}; hãy sửa mục tiêu đó.`,
    );
  }
  const at = now.toISOString();
  const row: TargetsTable = {
    id: `target:${randomUUID()}`,
    year: request.year,
    scope_unit_id: unit.id,
    metric,
    value: request.value,
    label: request.label,
    directive_id: request.directiveId,
    note: request.note,
    params_json: paramsJson,
    is_demo: 0,
    version: 1,
    updated_at: at,
    updated_by: actorName(viewer),
  };
  await db.transaction().execute(async (trx) => {
    await insertTarget(trx, row);
    await appendAudit(
      trx,
      [
        {
          actor: actorName(viewer),
          action: 'create',
          entity: 'target',
          entityId: row.id,
          before: null,
          after: row,
          unitId: unit.id,
        },
      ],
      at,
    );
  });
  return presentTarget(row);
}

async function requireTarget(db: Kysely<Database>, id: string): Promise<TargetsTable> {
  const row = await targetById(db, id);
  if (!row) throw new AppError('not_found', `Không tìm thấy mục tiêu "${id}".`);
  return row;
}

export async function updateTarget(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  request: TargetUpdateRequest,
  now: Date = new Date(),
): Promise<StoredTarget> {
  return db.transaction().execute(async (trx) => {
    const before = await requireTarget(trx, id);
    const metric = parseMetric(before.metric);
    await checkTargetFields(trx, { ...request, metric, year: before.year });
    const at = now.toISOString();
    const changes = {
      value: request.value,
      label: request.label,
      params_json: Object.keys(request.params).length === 0 ? null : JSON.stringify(request.params),
      directive_id: request.directiveId,
      note: request.note,
      updated_at: at,
      updated_by: actorName(viewer),
    };
    if (!(await updateTargetRow(trx, id, request.expectedVersion, changes))) {
      throw new AppError(
        'stale_version',
        'Mục tiêu vừa được người khác sửa; hãy tải lại để xem bản mới nhất rồi sửa lại.',
        { current: [presentTarget(before)] },
      );
    }
    const after = { ...before, ...changes, version: request.expectedVersion + 1 };
    await appendAudit(
      trx,
      [
        {
          actor: actorName(viewer),
          action: 'update',
          entity: 'target',
          entityId: id,
          before,
          after,
          unitId: before.scope_unit_id,
        },
      ],
      at,
    );
    return presentTarget(after);
  });
}

export async function deleteTarget(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  now: Date = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await requireTarget(trx, id);
    await deleteTargetRow(trx, id);
    await appendAudit(
      trx,
      [
        {
          actor: actorName(viewer),
          action: 'delete',
          entity: 'target',
          entityId: id,
          before,
          after: null,
          unitId: before.scope_unit_id,
        },
      ],
      now.toISOString(),
    );
  });
}

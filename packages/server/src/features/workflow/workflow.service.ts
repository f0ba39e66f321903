import {
  decideWorkflow,
  measuresByCode,
  type Refusal,
  type Role,
  type ValueStatus,
  type WorkflowAction,
  workflowActionLabels,
} from '@ntm/core';
import type { Kysely } from 'kysely';
import type { WorkflowRequest, WorkflowResponse } from '../../contract/workflow';
import type { Database } from '../../db/schema';
import { AppError, type RowProblem } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { type AccessScope, scopeOf } from '../auth/access-scope';
import { actorName, type Viewer } from '../auth/viewer';
import { bumpDataVersion } from '../data-versions';
import { getUnitDirectory, type UnitDirectory } from '../units/unit-directory';
import { notifyReturned } from './return-notices';
import { recordVersions } from './value-history';
import { presentCurrentValue } from './value-presenter';
import { applyStep, keyOf, rowKey, type ValueRow, valueRowsByKeys } from './workflow.repository';

/** The system viewer (command line, seed) acts as the coordination office. */
function actingRole(viewer: Viewer): Role {
  return viewer.kind === 'user' ? viewer.user.role : 'province_admin';
}

function inScope(scope: AccessScope, action: WorkflowAction, unitId: string, measure: string): boolean {
  switch (action) {
    case 'submit':
      return scope.canWrite(unitId) && scope.coversMeasure(measure);
    case 'verify':
    case 'return':
      return scope.canVerify(unitId) && scope.coversMeasure(measure);
    case 'approve':
      return scope.has('approve_values');
  }
}

type Problem = RowProblem & { kind: Refusal['kind'] | 'missing' | 'stale' };

/** Missing rows are a bad request; then refusals, then conflicts, in the order a user can act on them. */
const precedence: {
  kind: Problem['kind'];
  code: 'validation_failed' | 'forbidden' | 'stale_version' | 'reason_required' | 'invalid_transition';
}[] = [
  { kind: 'missing', code: 'validation_failed' },
  { kind: 'forbidden', code: 'forbidden' },
  { kind: 'stale', code: 'stale_version' },
  { kind: 'reason_required', code: 'reason_required' },
  { kind: 'invalid_transition', code: 'invalid_transition' },
];

function label(directory: UnitDirectory, unitId: string, measure: string, year: number): string {
  const unit = directory.byId.get(unitId)?.name ?? unitId;
  return `${unit}, năm ${year}, ${measuresByCode.get(measure)?.name ?? measure}`;
}

/**
 * One workflow step on many values, all or nothing: every item is checked (exists, in the
 * actor's area, based on the current version, allowed from its status) before any moves;
 * a refusal names each offending row and says why.
 */
export async function transitionValues(
  db: Kysely<Database>,
  viewer: Viewer,
  action: WorkflowAction,
  request: WorkflowRequest,
  now: Date = new Date(),
): Promise<WorkflowResponse> {
  const directory = await getUnitDirectory(db);
  const scope = scopeOf(directory, viewer);
  const actor = actorName(viewer);
  const role = actingRole(viewer);
  const reason = request.reason?.trim() ? request.reason.trim() : null;
  const at = now.toISOString();
  const keys = request.items.map((i) => ({ unitId: i.unitId, year: i.year, measureCode: i.measure }));

  return db.transaction().execute(async (trx) => {
    const stored = new Map((await valueRowsByKeys(trx, keys)).map((r) => [rowKey(r), r]));
    const problems: Problem[] = [];
    const current: unknown[] = [];
    const seen = new Set<string>();
    const accepted: { row: ValueRow; next: ValueStatus }[] = [];
    for (const [index, item] of request.items.entries()) {
      const key = keyOf(keys[index] as (typeof keys)[number]);
      const where = label(directory, item.unitId, item.measure, item.year);
      const problem = (kind: Problem['kind'], field: string, message: string) =>
        problems.push({
          row: index,
          field,
          value: item[field as keyof typeof item] ?? null,
          message: `${where}: ${message}`,
          kind,
        });
      if (seen.has(key)) {
        problem('missing', 'measure', 'trùng với một dòng trước.');
        continue;
      }
      seen.add(key);
      const row = stored.get(key);
      if (!row) {
        problem('missing', 'measure', 'chưa có số liệu.');
        continue;
      }
      if (row.version !== item.version) {
        current.push(presentCurrentValue(row));
        problem(
          'stale',
          'version',
          `đã được thay đổi (phiên bản hiện tại ${row.version}, bạn thao tác trên phiên bản ${item.version}); hãy tải lại.`,
        );
        continue;
      }
      const decision = decideWorkflow(
        action,
        { status: row.status as ValueStatus, submittedBy: row.submitted_by },
        { username: actor, role, inScope: inScope(scope, action, item.unitId, item.measure) },
        reason,
      );
      if (!decision.ok) {
        problem(decision.kind, decision.kind === 'reason_required' ? 'reason' : 'status', decision.message);
        continue;
      }
      accepted.push({ row, next: decision.next });
    }

    for (const { kind, code } of precedence) {
      const rows = problems.filter((p) => p.kind === kind);
      if (rows.length === 0) continue;
      throw new AppError(
        code,
        `Không thể "${workflowActionLabels[action]}": ${rows.length} dòng bị từ chối; không số liệu nào được thay đổi. ${rows[0]?.message ?? ''}`,
        {
          rows: problems.map(({ kind: _kind, ...p }) => p),
          ...(kind === 'stale' ? { current } : {}),
        },
      );
    }

    const next = accepted[0]?.next ?? 'draft';
    const moved = await applyStep(
      trx,
      accepted.map(({ row }) => ({
        unitId: row.unit_id,
        year: row.year,
        measureCode: row.measure_code,
        version: row.version,
      })),
      { action, status: next, actor, at, reason },
    );
    if (moved !== accepted.length) {
      throw new AppError(
        'stale_version',
        'Một số số liệu vừa được người khác thay đổi trong lúc xử lý; không số liệu nào được thay đổi, hãy tải lại.',
      );
    }
    await recordVersions(
      trx,
      accepted.map(({ row }) => ({
        key: { unitId: row.unit_id, year: row.year, measureCode: row.measure_code },
        previous: {
          version: row.version,
          valueJson: row.value_json,
          source: row.source,
          status: row.status,
          updatedBy: row.updated_by,
          updatedAt: row.updated_at,
        },
        next: { version: row.version + 1, valueJson: row.value_json, source: row.source, status: next },
        action,
        actor,
        at,
        reason,
      })),
    );
    await appendAudit(
      trx,
      accepted.map(({ row }) => ({
        actor,
        action,
        entity: 'measure_value',
        entityId: rowKey(row),
        before: { status: row.status, version: row.version },
        after: { status: next, version: row.version + 1 },
        reason,
        unitId: row.unit_id,
      })),
      at,
    );
    if (action === 'return') {
      await notifyReturned(
        trx,
        directory,
        viewer,
        accepted.map(({ row }) => row),
        reason ?? '',
        at,
      );
    }
    await bumpDataVersion(trx, 'values');
    return {
      action,
      changed: accepted.length,
      items: accepted.map(({ row }) => ({
        unitId: row.unit_id,
        year: row.year,
        measure: row.measure_code,
        status: next,
        version: row.version + 1,
      })),
    };
  });
}

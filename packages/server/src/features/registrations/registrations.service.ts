import { randomUUID } from 'node:crypto';
import {
  approvedItems,
  compareVietnamese,
  diffItems,
  duplicateItemProblems,
  ItemDecision,
  isRecognitionInForce,
  MODERN_TIER_FROM_YEAR,
  type RegistrationItem,
  RegistrationStatus,
  type ReviewedItem,
  rankCandidates,
  reviewItems,
  Tier,
  tierLabels,
  type Unit,
  yearEnd,
} from '@ntm/core';
import type { Kysely } from 'kysely';
import type {
  CandidatesResponse,
  RegistrationDetailResponse,
  RegistrationItemsRequest,
  RegistrationListResponse,
  RegistrationReviewRequest,
} from '../../contract/registrations';
import type { Database } from '../../db/schema';
import { AppError } from '../../errors';
import { appendAudit } from '../audit/audit.repository';
import { type AccessScope, requireReadableUnit, scopeOf } from '../auth/access-scope';
import { actorName, type Viewer } from '../auth/viewer';
import { recognitionsByUnit, syncEvaluationCache } from '../evaluation/evaluation-cache';
import { insertNotifications } from '../notifications/notifications.repository';
import { defaultAsOf } from '../plans/plans.service';
import type {
  RegistrationItemsTable,
  RegistrationsTable,
  RegistrationVersionsTable,
} from '../plans/plans.tables';
import { judgedFor, tierStanding } from '../plans/tier-standing';
import { getUnitDirectory, type UnitDirectory } from '../units/unit-directory';
import {
  insertRegistration,
  insertVersion,
  itemsOf,
  moveRegistration,
  recordDecision,
  registrationById,
  registrationOf,
  registrationsOfYear,
  replaceItems,
  updateVersion,
  versionsOf,
} from './registrations.repository';

/** District and commune accounts register for their own unit; the coordination office for any. */
function mayRegisterFor(scope: AccessScope, unit: Unit): boolean {
  if (!scope.has('propose_registrations')) return false;
  if (unit.level !== 'district' && unit.level !== 'commune') return false;
  const viewer = scope.viewer;
  if (viewer.kind === 'system') return true;
  if (viewer.kind !== 'user') return false;
  return viewer.user.role === 'province_admin' || viewer.user.unitId === unit.id;
}

function registrationUnit(directory: UnitDirectory, row: RegistrationsTable): Unit {
  const unit = directory.byId.get(row.unit_id);
  if (!unit) throw new AppError('internal', `Đăng ký ${row.id} gắn với đơn vị không tồn tại.`);
  return unit;
}

async function requireRegistration(
  db: Kysely<Database>,
  directory: UnitDirectory,
  scope: AccessScope,
  id: string,
): Promise<RegistrationsTable> {
  const row = await registrationById(db, id);
  if (!row) throw new AppError('not_found', `Không tìm thấy bản đăng ký "${id}".`);
  requireReadableUnit(directory, scope, row.unit_id);
  return row;
}

function requireEditable(scope: AccessScope, directory: UnitDirectory, row: RegistrationsTable): void {
  const unit = registrationUnit(directory, row);
  if (!mayRegisterFor(scope, unit)) {
    throw new AppError(
      'forbidden',
      `Bạn không có quyền sửa bản đăng ký của ${unit.name}: chỉ chính đơn vị đó hoặc Văn phòng Điều phối được sửa.`,
    );
  }
}

/** A registration the viewer may change, in the state the change starts from; otherwise why not. */
async function registrationToEdit(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  from: RegistrationsTable['status'],
  refusal: (row: RegistrationsTable) => string,
): Promise<{ directory: UnitDirectory; row: RegistrationsTable }> {
  const directory = await getUnitDirectory(db);
  const scope = scopeOf(directory, viewer);
  const row = await requireRegistration(db, directory, scope, id);
  requireEditable(scope, directory, row);
  if (row.status !== from) throw new AppError('invalid_transition', refusal(row));
  return { directory, row };
}

function summaryOf(
  directory: UnitDirectory,
  row: RegistrationsTable,
  items: readonly RegistrationItemsTable[],
): RegistrationListResponse['registrations'][number] {
  const current = items.filter((i) => i.registration_id === row.id && i.version === row.current_version);
  const approved = items.filter(
    (i) => i.registration_id === row.id && i.version === row.approved_version && i.approved_tier !== null,
  );
  return {
    id: row.id,
    year: row.year,
    unitId: row.unit_id,
    unitName: directory.byId.get(row.unit_id)?.name ?? row.unit_id,
    status: RegistrationStatus.parse(row.status),
    currentVersion: row.current_version,
    approvedVersion: row.approved_version,
    itemCount: current.length,
    approvedCount: approved.length,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    isDemo: row.is_demo === 1,
  };
}

export async function listRegistrations(
  db: Kysely<Database>,
  viewer: Viewer,
  year: number,
): Promise<RegistrationListResponse> {
  const directory = await getUnitDirectory(db);
  const scope = scopeOf(directory, viewer);
  const rows = (await registrationsOfYear(db, year)).filter(
    (r) => scope.readsEverything || scope.canRead(r.unit_id),
  );
  const items = await itemsOf(
    db,
    rows.map((r) => r.id),
  );
  const tree = directory.treeOn(yearEnd(year));
  const registered = new Set(rows.map((r) => r.unit_id));
  const canRegisterFor = [...tree.byId.values()]
    .filter((u) => (u.level === 'district' || u.level === 'commune') && mayRegisterFor(scope, u))
    .filter((u) => u.level === 'district' || u.kind === 'xa')
    .filter((u) => !registered.has(u.id))
    .sort((a, b) => compareVietnamese(a.name, b.name));
  return {
    year,
    registrations: rows
      .map((r) => summaryOf(directory, r, items))
      .sort((a, b) => compareVietnamese(a.unitName, b.unitName)),
    canRegisterFor: canRegisterFor.map((u) => ({ id: u.id, name: u.name })),
  };
}

/** A new version of a registration, open for editing. */
function draftVersion(
  registrationId: string,
  version: number,
  at: string,
  actor: string,
): RegistrationVersionsTable {
  return {
    registration_id: registrationId,
    version,
    status: 'draft',
    created_at: at,
    created_by: actor,
    submitted_at: null,
    submitted_by: null,
    reviewed_at: null,
    reviewed_by: null,
    note: null,
  };
}

export async function createRegistration(
  db: Kysely<Database>,
  viewer: Viewer,
  request: { year: number; unitId: string },
  now: Date = new Date(),
): Promise<RegistrationDetailResponse> {
  const directory = await getUnitDirectory(db);
  const scope = scopeOf(directory, viewer);
  const unit = directory.treeOn(yearEnd(request.year)).byId.get(request.unitId);
  if (!unit) {
    const known = directory.byId.get(request.unitId);
    throw new AppError(
      known ? 'validation_failed' : 'unit_not_found',
      known
        ? `${known.name} không còn tồn tại vào cuối năm ${request.year} nên không đăng ký cho năm đó được.`
        : `Không tìm thấy đơn vị hành chính có mã định danh "${request.unitId}".`,
    );
  }
  if (unit.level !== 'district' && unit.level !== 'commune') {
    throw new AppError(
      'validation_failed',
      `Chỉ huyện hoặc xã lập bản đăng ký; ${unit.name} không phải huyện hay xã.`,
    );
  }
  if (!mayRegisterFor(scope, unit)) {
    throw new AppError(
      'forbidden',
      `Bạn không có quyền lập bản đăng ký cho ${unit.name}: chỉ chính đơn vị đó hoặc Văn phòng Điều phối được lập.`,
    );
  }
  if (await registrationOf(db, request.year, unit.id)) {
    throw new AppError(
      'conflict',
      `${unit.name} đã có bản đăng ký năm ${request.year}; hãy mở bản đó để sửa.`,
    );
  }
  const at = now.toISOString();
  const actor = actorName(viewer);
  const row: RegistrationsTable = {
    id: `registration:${randomUUID()}`,
    year: request.year,
    unit_id: unit.id,
    status: 'draft',
    current_version: 1,
    approved_version: null,
    is_demo: 0,
    created_at: at,
    created_by: actor,
    updated_at: at,
    updated_by: actor,
  };
  await db.transaction().execute(async (trx) => {
    await insertRegistration(trx, row, draftVersion(row.id, 1, at, actor));
    await appendAudit(
      trx,
      [
        {
          actor,
          action: 'create',
          entity: 'registration',
          entityId: row.id,
          before: null,
          after: row,
          unitId: unit.id,
        },
      ],
      at,
    );
  });
  return registrationDetail(db, viewer, row.id);
}

/** The rows of a version's items before the province has decided on any of them. */
function draftItemRows(
  registrationId: string,
  version: number,
  items: readonly { unitId: string; tier: string; expectedMonth: number; note: string | null }[],
): RegistrationItemsTable[] {
  return items.map((item, seq) => ({
    registration_id: registrationId,
    version,
    seq,
    unit_id: item.unitId,
    tier: item.tier,
    expected_month: item.expectedMonth,
    note: item.note,
    decision: null,
    decision_reason: null,
    approved_tier: null,
    approved_month: null,
  }));
}

function toItem(row: RegistrationItemsTable): RegistrationItem {
  return {
    unitId: row.unit_id,
    tier: Tier.parse(row.tier),
    expectedMonth: row.expected_month,
    note: row.note,
  };
}

function toReviewed(row: RegistrationItemsTable): ReviewedItem | null {
  if (row.decision === null) return null;
  return {
    ...toItem(row),
    decision: ItemDecision.parse(row.decision),
    reason: row.decision_reason,
    approvedTier: row.approved_tier === null ? null : Tier.parse(row.approved_tier),
    approvedMonth: row.approved_month,
  };
}

export async function registrationDetail(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
): Promise<RegistrationDetailResponse> {
  const directory = await getUnitDirectory(db);
  const scope = scopeOf(directory, viewer);
  const row = await requireRegistration(db, directory, scope, id);
  const [versions, items] = await Promise.all([versionsOf(db, id), itemsOf(db, [id])]);
  const nameOf = (unitId: string) => directory.byId.get(unitId)?.name ?? unitId;
  const parentOf = (unitId: string) => {
    const parentId = directory.byId.get(unitId)?.parentId;
    return parentId ? (directory.byId.get(parentId)?.name ?? null) : null;
  };
  const snapshot = (i: RegistrationItem) => ({ tier: i.tier, expectedMonth: i.expectedMonth, note: i.note });
  const unit = registrationUnit(directory, row);
  return {
    registration: summaryOf(directory, row, items),
    versions: versions.map((v) => {
      const own = items.filter((i) => i.version === v.version);
      const previous = items.filter((i) => i.version === v.version - 1);
      const previousApproved = approvedItems(previous.flatMap((i) => toReviewed(i) ?? []));
      const changes =
        v.version === 1
          ? []
          : diffItems(previousApproved, own.map(toItem)).map((c) => ({
              kind: c.kind,
              unitId: c.unitId,
              unitName: nameOf(c.unitId),
              before: c.kind === 'added' ? null : snapshot(c.before),
              after: c.kind === 'removed' ? null : snapshot(c.after),
            }));
      return {
        version: v.version,
        status: RegistrationStatus.parse(v.status),
        createdAt: v.created_at,
        createdBy: v.created_by,
        submittedAt: v.submitted_at,
        submittedBy: v.submitted_by,
        reviewedAt: v.reviewed_at,
        reviewedBy: v.reviewed_by,
        note: v.note,
        items: own.map((i) => ({
          unitId: i.unit_id,
          unitName: nameOf(i.unit_id),
          parentName: parentOf(i.unit_id),
          tier: Tier.parse(i.tier),
          expectedMonth: i.expected_month,
          note: i.note,
          decision: i.decision === null ? null : ItemDecision.parse(i.decision),
          reason: i.decision_reason,
          approvedTier: i.approved_tier === null ? null : Tier.parse(i.approved_tier),
          approvedMonth: i.approved_month,
        })),
        changes,
      };
    }),
    canEdit: row.status === 'draft' && mayRegisterFor(scope, unit),
    canReview: row.status === 'submitted' && scope.has('review_registrations'),
    canRevise: row.status === 'approved' && mayRegisterFor(scope, unit),
  };
}

/**
 * Every proposed unit must lie inside the registering unit, be judged at the tier's level, exist
 * that year and not already hold the tier; all problems are reported at once and nothing is written.
 */
async function checkItems(
  db: Kysely<Database>,
  directory: UnitDirectory,
  row: RegistrationsTable,
  items: readonly RegistrationItem[],
): Promise<void> {
  const tree = directory.treeOn(yearEnd(row.year));
  const owner = registrationUnit(directory, row);
  const inside = new Set([owner.id, ...tree.descendants(owner.id).map((u) => u.id)]);
  const nameOf = (id: string) => directory.byId.get(id)?.name ?? `đơn vị "${id}"`;
  const outside = items.filter((i) => !inside.has(i.unitId));
  if (outside.length > 0) {
    throw new AppError(
      'unit_outside_registration',
      `${outside.map((i) => nameOf(i.unitId)).join(', ')} không thuộc địa bàn ${owner.name} vào năm ${row.year}, nên không đăng ký được trong bản đăng ký này.`,
      {
        problems: outside.map((i) => ({
          unitId: i.unitId,
          message: `${nameOf(i.unitId)} nằm ngoài ${owner.name}`,
        })),
      },
    );
  }
  const caches = await syncEvaluationCache(db);
  const recognitions = await recognitionsByUnit(db, caches);
  const problems = duplicateItemProblems(items, nameOf);
  for (const item of items) {
    const unit = tree.byId.get(item.unitId);
    if (!unit) continue;
    if (!judgedFor(item.tier, unit)) {
      problems.push(
        `${unit.name} không xét được mức "${tierLabels[item.tier]}" (mức này dành cho ${
          item.tier === 'village_standard' || item.tier === 'model_residential_area'
            ? 'thôn, khu dân cư'
            : 'xã'
        }).`,
      );
    }
    if (item.tier === 'modern' && row.year < MODERN_TIER_FROM_YEAR) {
      problems.push(
        `Mức NTM hiện đại chỉ có từ năm ${MODERN_TIER_FROM_YEAR}; không đăng ký được cho ${unit.name}.`,
      );
    }
    const held = (recognitions.get(unit.id) ?? []).some((r) =>
      isRecognitionInForce(r, item.tier, `${row.year - 1}-12-31`),
    );
    if (held)
      problems.push(`${unit.name} đã được công nhận "${tierLabels[item.tier]}" trước năm ${row.year}.`);
  }
  if (problems.length > 0) throw new AppError('validation_failed', problems.join(' '), { problems });
}

export async function saveItems(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  request: RegistrationItemsRequest,
  now: Date = new Date(),
): Promise<RegistrationDetailResponse> {
  const { directory, row } = await registrationToEdit(db, viewer, id, 'draft', (r) =>
    r.status === 'submitted'
      ? 'Bản đăng ký đã gửi tỉnh, đang chờ duyệt; không sửa được nữa.'
      : 'Bản đăng ký đã được duyệt; hãy lập phiên bản điều chỉnh để đăng ký lại.',
  );
  const items: RegistrationItem[] = request.items.map((i) => ({
    ...i,
    note: i.note?.trim() ? i.note.trim() : null,
  }));
  await checkItems(db, directory, row, items);
  const at = now.toISOString();
  const actor = actorName(viewer);
  await db.transaction().execute(async (trx) => {
    const before = (await itemsOf(trx, [id], row.current_version)).map(toItem);
    if (
      !(await moveRegistration(
        trx,
        id,
        { status: 'draft', version: row.current_version },
        { updated_at: at, updated_by: actor },
      ))
    ) {
      throw new AppError(
        'stale_version',
        'Bản đăng ký vừa được người khác thay đổi; hãy tải lại rồi sửa tiếp.',
      );
    }
    await replaceItems(trx, id, row.current_version, draftItemRows(id, row.current_version, items));
    await appendAudit(
      trx,
      [
        {
          actor,
          action: 'update',
          entity: 'registration',
          entityId: id,
          before,
          after: items,
          unitId: row.unit_id,
        },
      ],
      at,
    );
  });
  return registrationDetail(db, viewer, id);
}

async function accountsWhere(
  db: Kysely<Database>,
  filter: { role: 'province_admin' } | { unitId: string },
): Promise<string[]> {
  let query = db.selectFrom('users').select('id').where('active', '=', 1);
  query =
    'role' in filter ? query.where('role', '=', filter.role) : query.where('unit_id', '=', filter.unitId);
  return (await query.execute()).map((r) => r.id);
}

export async function submitRegistration(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  now: Date = new Date(),
): Promise<RegistrationDetailResponse> {
  const { directory, row } = await registrationToEdit(
    db,
    viewer,
    id,
    'draft',
    () => 'Chỉ gửi được bản đăng ký đang soạn.',
  );
  const items = await itemsOf(db, [id], row.current_version);
  if (items.length === 0) {
    throw new AppError(
      'validation_failed',
      'Bản đăng ký chưa có đơn vị nào; hãy thêm ít nhất một đơn vị trước khi gửi.',
    );
  }
  const at = now.toISOString();
  const actor = actorName(viewer);
  const unit = registrationUnit(directory, row);
  await db.transaction().execute(async (trx) => {
    if (
      !(await moveRegistration(
        trx,
        id,
        { status: 'draft', version: row.current_version },
        { status: 'submitted', updated_at: at, updated_by: actor },
      ))
    ) {
      throw new AppError('stale_version', 'Bản đăng ký vừa được người khác thay đổi; hãy tải lại.');
    }
    await updateVersion(trx, id, row.current_version, {
      status: 'submitted',
      submitted_at: at,
      submitted_by: actor,
    });
    await appendAudit(
      trx,
      [
        {
          actor,
          action: 'submit',
          entity: 'registration',
          entityId: id,
          before: { status: 'draft' },
          after: { status: 'submitted', version: row.current_version, items: items.length },
          unitId: row.unit_id,
        },
      ],
      at,
    );
    const admins = await accountsWhere(trx, { role: 'province_admin' });
    await insertNotifications(
      trx,
      admins.map((userId) => ({
        user_id: userId,
        at,
        kind: 'registration_submitted',
        message: `${unit.name} đã gửi bản đăng ký năm ${row.year} (phiên bản ${row.current_version}, ${items.length} đơn vị) để tỉnh duyệt.`,
        unit_id: row.unit_id,
        year: row.year,
        actor,
        read_at: null,
      })),
    );
  });
  return registrationDetail(db, viewer, id);
}

export async function reviewRegistration(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  request: RegistrationReviewRequest,
  now: Date = new Date(),
): Promise<RegistrationDetailResponse> {
  const directory = await getUnitDirectory(db);
  const scope = scopeOf(directory, viewer);
  const row = await requireRegistration(db, directory, scope, id);
  if (row.status !== 'submitted') {
    throw new AppError(
      'invalid_transition',
      row.status === 'draft'
        ? 'Bản đăng ký chưa được gửi nên chưa duyệt được.'
        : 'Bản đăng ký này đã được duyệt.',
    );
  }
  const items = (await itemsOf(db, [id], row.current_version)).map(toItem);
  const nameOf = (unitId: string) => directory.byId.get(unitId)?.name ?? `đơn vị "${unitId}"`;
  const { items: reviewed, problems } = reviewItems(items, request.decisions, nameOf);
  if (problems.length > 0) {
    const onlyReasons = problems.every((p) => p.startsWith('Cần ghi lý do'));
    throw new AppError(onlyReasons ? 'reason_required' : 'validation_failed', problems.join(' '), {
      problems,
    });
  }
  if (reviewed.some((i) => i.approvedTier === 'modern') && row.year < MODERN_TIER_FROM_YEAR) {
    throw new AppError('validation_failed', `Mức NTM hiện đại chỉ có từ năm ${MODERN_TIER_FROM_YEAR}.`);
  }
  const at = now.toISOString();
  const actor = actorName(viewer);
  const unit = registrationUnit(directory, row);
  await db.transaction().execute(async (trx) => {
    const moved = await moveRegistration(
      trx,
      id,
      { status: 'submitted', version: row.current_version },
      { status: 'approved', approved_version: row.current_version, updated_at: at, updated_by: actor },
    );
    if (!moved)
      throw new AppError(
        'stale_version',
        'Bản đăng ký vừa được người khác duyệt hoặc thay đổi; hãy tải lại.',
      );
    for (const item of reviewed) {
      await recordDecision(trx, id, row.current_version, item.unitId, {
        decision: item.decision,
        decision_reason: item.reason,
        approved_tier: item.approvedTier,
        approved_month: item.approvedMonth,
      });
    }
    await updateVersion(trx, id, row.current_version, {
      status: 'approved',
      reviewed_at: at,
      reviewed_by: actor,
      note: request.note?.trim() ? request.note.trim() : null,
    });
    await appendAudit(
      trx,
      [
        {
          actor,
          action: 'approve',
          entity: 'registration',
          entityId: id,
          before: { status: 'submitted', items },
          after: { status: 'approved', version: row.current_version, items: reviewed },
          reason: request.note ?? null,
          unitId: row.unit_id,
        },
      ],
      at,
    );
    const count = (d: ReviewedItem['decision']) => reviewed.filter((i) => i.decision === d).length;
    const rejected = reviewed.filter((i) => i.decision === 'rejected');
    const recipients = await accountsWhere(trx, { unitId: row.unit_id });
    await insertNotifications(
      trx,
      recipients.map((userId) => ({
        user_id: userId,
        at,
        kind: 'registration_reviewed',
        message:
          `Tỉnh đã duyệt bản đăng ký năm ${row.year} của ${unit.name}: ${count('accepted')} chấp thuận, ${count('adjusted')} điều chỉnh, ${rejected.length} không chấp thuận.` +
          (rejected.length > 0
            ? ` Không chấp thuận: ${rejected.map((i) => `${nameOf(i.unitId)} (${i.reason ?? ''})`).join('; ')}.`
            : ''),
        unit_id: row.unit_id,
        year: row.year,
        actor,
        read_at: null,
      })),
    );
  });
  return registrationDetail(db, viewer, id);
}

/** Opens a new draft version from what the province approved; the approved version stays in force until the next review. */
export async function reviseRegistration(
  db: Kysely<Database>,
  viewer: Viewer,
  id: string,
  now: Date = new Date(),
): Promise<RegistrationDetailResponse> {
  const { row } = await registrationToEdit(
    db,
    viewer,
    id,
    'approved',
    () => 'Chỉ lập phiên bản điều chỉnh từ bản đăng ký đã được duyệt.',
  );
  const approved = approvedItems(
    (await itemsOf(db, [id], row.current_version)).flatMap((i) => toReviewed(i) ?? []),
  );
  const next = row.current_version + 1;
  const at = now.toISOString();
  const actor = actorName(viewer);
  await db.transaction().execute(async (trx) => {
    if (
      !(await moveRegistration(
        trx,
        id,
        { status: 'approved', version: row.current_version },
        { status: 'draft', current_version: next, updated_at: at, updated_by: actor },
      ))
    ) {
      throw new AppError('stale_version', 'Bản đăng ký vừa được người khác thay đổi; hãy tải lại.');
    }
    await insertVersion(trx, draftVersion(id, next, at, actor));
    await replaceItems(trx, id, next, draftItemRows(id, next, approved));
    await appendAudit(
      trx,
      [
        {
          actor,
          action: 'create',
          entity: 'registration',
          entityId: id,
          before: { version: row.current_version, status: 'approved' },
          after: { version: next, status: 'draft' },
          unitId: row.unit_id,
        },
      ],
      at,
    );
  });
  return registrationDetail(db, viewer, id);
}

export async function registrationCandidates(
  db: Kysely<Database>,
  viewer: Viewer,
  query: { year: number; tier: Tier; unitId: string; limit: number },
  today: Date = new Date(),
): Promise<CandidatesResponse> {
  const directory = await getUnitDirectory(db);
  const scope = scopeOf(directory, viewer);
  requireReadableUnit(directory, scope, query.unitId);
  const tree = directory.treeOn(yearEnd(query.year));
  const root = tree.byId.get(query.unitId);
  if (!root) {
    throw new AppError(
      'validation_failed',
      `${directory.byId.get(query.unitId)?.name ?? query.unitId} không tồn tại vào cuối năm ${query.year}.`,
    );
  }
  const pool = [root, ...tree.descendants(root.id)].filter((u) => judgedFor(query.tier, u));
  const standing = await tierStanding(db, directory, pool, query.year, query.tier);
  if (!standing) {
    throw new AppError(
      'no_criteria_set',
      `Không có đơn vị hoặc bộ tiêu chí nào để xét mức "${tierLabels[query.tier]}" trong ${root.name} năm ${query.year}.`,
    );
  }
  const caches = await syncEvaluationCache(db);
  const recognitions = await recognitionsByUnit(db, caches);
  const prerequisites = standing.set.prerequisites.flatMap((p) => (p.kind === 'recognition' ? [p.tier] : []));
  const ranked = rankCandidates({
    tier: query.tier,
    summaries: pool.flatMap((u) => standing.summaries.get(u.id) ?? []),
    recognitions: pool.flatMap((u) => recognitions.get(u.id) ?? []),
    prerequisites,
    asOf: defaultAsOf(query.year, today),
  }).slice(0, query.limit);
  const registrations = await registrationsOfYear(db, query.year);
  const current = await itemsOf(
    db,
    registrations.map((r) => r.id),
  );
  const registeredIn = new Map<string, { registrationId: string; status: RegistrationStatus }>();
  for (const r of registrations) {
    for (const item of current) {
      if (item.registration_id === r.id && item.version === r.current_version && item.tier === query.tier) {
        registeredIn.set(item.unit_id, { registrationId: r.id, status: RegistrationStatus.parse(r.status) });
      }
    }
  }
  return {
    year: query.year,
    tier: query.tier,
    criteriaSet: { id: standing.set.id, shortName: standing.set.shortName },
    prerequisites,
    candidates: ranked.map((c) => {
      const unit = directory.byId.get(c.unitId);
      const parent = unit?.parentId ? directory.byId.get(unit.parentId) : undefined;
      return {
        unitId: c.unitId,
        name: unit?.name ?? c.unitId,
        parentName: parent?.name ?? null,
        criteriaMissing: c.criteriaMissing,
        criteriaNoData: c.criteriaNoData,
        totalNormalisedGap: c.totalNormalisedGap,
        missingPrerequisites: c.missingPrerequisites,
        pendingRecognition: c.pendingRecognition,
        registeredIn: registeredIn.get(c.unitId) ?? null,
      };
    }),
  };
}

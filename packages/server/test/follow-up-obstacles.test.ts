import { departments as catalogDepartments } from '@ntm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RollupResponse, UnitEvaluationResponse } from '../src/contract/evaluation';
import type {
  ObstacleDetail,
  ObstacleListResponse,
  ResponsibilityResponse,
  WorklistResponse,
} from '../src/contract/follow-up';
import { communeOutside, demoAccountsOf } from './demo-accounts';
import { multipartBody } from './excel-files';
import { createTestApp, type TestApp, testDialect } from './harness';
import { type Session, signIn } from './sessions';

let t: TestApp;
let commune: Session;
let department: Session;
let district: Session;
let leader: Session;
let ownCommune = '';
let otherCommune = '';

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const accounts = await demoAccountsOf(t);
  commune = await signIn(t.app, accounts.commune.username);
  department = await signIn(t.app, accounts.department.username);
  district = await signIn(t.app, accounts.district.username);
  leader = await signIn(t.app, accounts.leader.username);
  ownCommune = accounts.commune.unitId as string;
  otherCommune = await communeOutside(t, accounts.district.unitId as string);
});

afterAll(async () => {
  await t?.close();
});

const raise = (session: Session, body: Record<string, unknown>) =>
  session.send<ObstacleDetail & { code?: string; detail?: string }>('POST', '/api/obstacles', {
    unitId: ownCommune,
    year: 2021,
    criterionNumber: '2',
    severity: 'high',
    title: 'Thiếu vốn làm đường trục xã',
    description: 'Còn 1,2 km đường trục xã chưa được nhựa hóa, xã thiếu vốn đối ứng.',
    ...body,
  });

describe(`obstacles (${testDialect})`, () => {
  it('routes an obstacle on criterion 2 to the transport department, due by severity, and tells it', async () => {
    const raised = await raise(commune, {});
    expect(raised.status).toBe(200);
    expect(raised.body).toMatchObject({
      status: 'open',
      departmentCode: 'transport',
      criterionNumber: '2',
      criterionName: 'Giao thông',
      severity: 'high',
      raisedBy: 'xa.thinhthanh',
      deadline: 'on_time',
    });
    const raisedDay = raised.body.raisedAt.slice(0, 10);
    const days = (Date.parse(raised.body.dueDate) - Date.parse(raisedDay)) / 86_400_000;
    // 15 days for a high severity, counted from the day in Vietnam (which may be a day ahead of UTC).
    expect([15, 16]).toContain(days);
    expect(raised.body.actions).toEqual(['comment']);

    const inbox = await department.get<{ notifications: { kind: string; message: string }[] }>(
      '/api/notifications',
    );
    expect(
      inbox.body.notifications.some(
        (n) => n.kind === 'obstacle_raised' && n.message.includes('Thiếu vốn làm đường trục xã'),
      ),
    ).toBe(true);

    const mine = await department.get<ObstacleListResponse>('/api/obstacles?mine=true');
    expect(mine.body.obstacles.map((o) => o.id)).toContain(raised.body.id);
    expect(mine.body.obstacles.every((o) => o.departmentCode === 'transport')).toBe(true);
  });

  it('answers 422 for an unknown criterion or a short text, 403 outside the area or without the permission', async () => {
    const unknown = await raise(commune, { criterionNumber: '42' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.detail).toContain('42');
    expect((await raise(commune, { description: 'ngắn' })).status).toBe(422);
    const outside = await raise(commune, { unitId: otherCommune });
    expect(outside.status).toBe(403);
    expect(outside.body.detail).toContain('phạm vi');
    const byLeader = await raise(leader, {});
    expect(byLeader.status).toBe(403);
    expect(byLeader.body.code).toBe('forbidden');
  });

  it('goes open → in progress → resolved with comments and files, and back to open when the commune reopens it', async () => {
    const raised = (await raise(commune, { title: 'Đường thôn xuống cấp sau lũ' })).body;
    expect((await district.get<ObstacleDetail>(`/api/obstacles/${raised.id}`)).status).toBe(200);

    const notYours = await commune.send<{ code: string }>('POST', `/api/obstacles/${raised.id}/transition`, {
      action: 'resolve',
      text: 'Xã tự xử lý xong',
      expectedVersion: raised.version,
    });
    expect(notYours.status).toBe(403);

    const started = await department.send<ObstacleDetail>('POST', `/api/obstacles/${raised.id}/transition`, {
      action: 'start',
      expectedVersion: raised.version,
    });
    expect(started.status).toBe(200);
    expect(started.body.status).toBe('in_progress');
    expect(started.body.actions).toEqual(['comment', 'resolve', 'reject']);

    const stale = await department.send<{ code: string }>('POST', `/api/obstacles/${raised.id}/transition`, {
      action: 'resolve',
      text: 'Đã bố trí vốn',
      expectedVersion: raised.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');

    const { payload, contentType } = multipartBody(
      Buffer.from('%PDF-1.4\n% Phương án\n%%EOF\n'),
      'Phương án sửa đường.pdf',
    );
    const upload = await department.inject({
      method: 'POST',
      url: `/api/attachments?unitId=${encodeURIComponent(ownCommune)}`,
      payload,
      headers: { 'content-type': contentType },
    });
    expect(upload.statusCode).toBe(201);
    const attachmentId = (upload.json() as { id: string }).id;
    const commented = await department.send<ObstacleDetail>('POST', `/api/obstacles/${raised.id}/comments`, {
      body: 'Sở gửi phương án sửa chữa, đề nghị xã đối chiếu.',
      attachmentIds: [attachmentId],
    });
    expect(commented.status).toBe(200);
    const last = commented.body.comments.at(-1);
    expect(last).toMatchObject({ kind: 'comment', author: 'so.gtvt' });
    expect(last?.attachments.map((a) => a.fileName)).toEqual(['Phương án sửa đường.pdf']);
    // A file uploaded by someone else cannot be passed off as one's own.
    const borrowed = await commune.send<{ code: string }>('POST', `/api/obstacles/${raised.id}/comments`, {
      body: 'Xã gửi lại tệp',
      attachmentIds: [attachmentId],
    });
    expect(borrowed.status).toBe(403);

    const noResolution = await department.send<{ code: string }>(
      'POST',
      `/api/obstacles/${raised.id}/transition`,
      {
        action: 'resolve',
        text: '',
        expectedVersion: commented.body.version,
      },
    );
    expect(noResolution.status).toBe(422);
    expect(noResolution.body.code).toBe('reason_required');

    const resolved = await department.send<ObstacleDetail>('POST', `/api/obstacles/${raised.id}/transition`, {
      action: 'resolve',
      text: 'Đã bố trí 800 triệu đồng vốn bảo trì để sửa đường.',
      expectedVersion: commented.body.version,
    });
    expect(resolved.body).toMatchObject({
      status: 'resolved',
      resolution: 'Đã bố trí 800 triệu đồng vốn bảo trì để sửa đường.',
      closedBy: 'so.gtvt',
      deadline: 'closed',
    });

    const told = await commune.get<{ notifications: { kind: string }[] }>('/api/notifications');
    expect(told.body.notifications.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['obstacle_comment', 'obstacle_resolve']),
    );

    const reopened = await commune.send<ObstacleDetail>('POST', `/api/obstacles/${raised.id}/transition`, {
      action: 'reopen',
      text: 'Đoạn cuối tuyến vẫn chưa được sửa.',
      expectedVersion: resolved.body.version,
    });
    expect(reopened.body).toMatchObject({
      status: 'open',
      resolution: 'Đã bố trí 800 triệu đồng vốn bảo trì để sửa đường.',
      closedBy: null,
    });
    expect(reopened.body.comments.map((c) => c.kind)).toEqual([
      'raise',
      'start',
      'comment',
      'resolve',
      'reopen',
    ]);

    const rejected = await department.send<ObstacleDetail>('POST', `/api/obstacles/${raised.id}/transition`, {
      action: 'reject',
      text: 'Tuyến đường do huyện quản lý, đề nghị xã báo huyện.',
      expectedVersion: reopened.body.version,
    });
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Tuyến đường do huyện quản lý, đề nghị xã báo huyện.',
    });

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity'])
      .where('entity', 'in', ['obstacle', 'obstacle_comment'])
      .where('entity_id', 'in', [raised.id, String(last?.id)])
      .execute();
    expect(audit.length).toBe(6);
  });

  it('lists overdue obstacles (the seeded one) and keeps other areas out', async () => {
    const overdue = await department.get<ObstacleListResponse>('/api/obstacles?overdue=true');
    expect(overdue.body.obstacles.length).toBeGreaterThan(0);
    expect(overdue.body.obstacles.every((o) => o.deadline === 'overdue' && o.isDemo)).toBe(true);
    expect(overdue.body.counts.overdue).toBe(overdue.body.obstacles.length);
    const all = await department.get<ObstacleListResponse>('/api/obstacles?year=2021');
    expect(new Set(all.body.obstacles.map((o) => o.status))).toEqual(
      new Set(['open', 'in_progress', 'resolved', 'rejected']),
    );

    const foreign = await commune.get<{ code: string }>(
      `/api/obstacles?unitId=${encodeURIComponent(otherCommune)}`,
    );
    expect(foreign.status).toBe(403);
    const raisedElsewhere = (
      await department.send<ObstacleDetail>('POST', '/api/obstacles', {
        unitId: otherCommune,
        year: 2021,
        criterionNumber: '2',
        title: 'Đường xã khác',
        description: 'Vướng mắc của một xã thuộc huyện khác.',
      })
    ).body;
    expect((await commune.get<{ code: string }>(`/api/obstacles/${raisedElsewhere.id}`)).status).toBe(403);
    const communeList = await commune.get<ObstacleListResponse>('/api/obstacles');
    expect(communeList.body.obstacles.some((o) => o.id === raisedElsewhere.id)).toBe(false);
  });
});

describe(`responsibility and worklists (${testDialect})`, () => {
  it('shows the catalog default with its verification flag and lets the province override it for a year', async () => {
    const matrix = await leader.get<ResponsibilityResponse>('/api/responsibility?year=2022');
    expect(matrix.status).toBe(200);
    expect(matrix.body.editable).toBe(false);
    const roads = matrix.body.rows.find((r) => r.criterionNumber === '2' && r.indicatorCode === null);
    expect(roads).toMatchObject({ departmentCode: 'transport', origin: 'catalog' });
    expect(typeof roads?.verified).toBe('boolean');

    const seeded = await t.inject({ method: 'GET', url: '/api/responsibility?year=2021' });
    const contact = (seeded.json() as ResponsibilityResponse).rows.find(
      (r) => r.criterionNumber === '2' && r.indicatorCode === null,
    );
    expect(contact).toMatchObject({ origin: 'province', isDemo: true });
    expect(contact?.contact?.name).toContain('demo');

    const setId = matrix.body.criteriaSet.id;
    const denied = await department.send<{ code: string }>('PUT', '/api/responsibility', {
      year: 2022,
      criteriaSetId: setId,
      criterionNumber: '2',
      departmentCode: 'construction',
    });
    expect(denied.status).toBe(403);
    const bad = await t.inject({
      method: 'PUT',
      url: '/api/responsibility',
      payload: { year: 2022, criteriaSetId: setId, criterionNumber: '2', departmentCode: 'khong-co' },
    });
    expect(bad.statusCode).toBe(422);
    const changed = await t.inject({
      method: 'PUT',
      url: '/api/responsibility',
      payload: {
        year: 2022,
        criteriaSetId: setId,
        criterionNumber: '2',
        departmentCode: 'construction',
        contactName: 'Đỗ Văn Xây',
        contactEmail: 'xay@example.vn',
      },
    });
    expect(changed.statusCode).toBe(200);
    const row = (changed.json() as ResponsibilityResponse).rows.find(
      (r) => r.criterionNumber === '2' && r.indicatorCode === null,
    );
    expect(row).toMatchObject({
      departmentCode: 'construction',
      origin: 'province',
      catalogDepartmentCode: 'transport',
    });
    const other = await leader.get<ResponsibilityResponse>('/api/responsibility?year=2023');
    expect(other.body.rows.find((r) => r.criterionNumber === '2')?.departmentCode).toBe('transport');
    const reset = await t.inject({
      method: 'PUT',
      url: '/api/responsibility',
      payload: { year: 2022, criteriaSetId: setId, criterionNumber: '2', departmentCode: null },
    });
    expect((reset.json() as ResponsibilityResponse).rows.find((r) => r.criterionNumber === '2')?.origin).toBe(
      'catalog',
    );
  });

  it('gives the transport department every commune whose criterion 2 fails on its indicators, as the evaluation says', async () => {
    const worklist = await department.get<WorklistResponse>('/api/worklist?year=2021');
    expect(worklist.status).toBe(200);
    expect(worklist.body.department.code).toBe('transport');
    expect(worklist.body.summary.map((s) => s.number)).toEqual(['2']);
    const share = worklist.body.summary[0];
    expect(share?.thisYear.evaluated).toBe(worklist.body.communesEvaluated);

    const rollup = await t.inject({ method: 'GET', url: `/api/rollup?year=2021` });
    const communes = (rollup.json() as RollupResponse).communes;
    const index = (rollup.json() as RollupResponse).rollup.criteria.findIndex((c) => c.number === '2');
    const failing = communes.filter((c) => c.outcomes[index] !== 'met').map((c) => c.unitId);
    const listed = worklist.body.items.map((i) => i.unitId);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.every((id) => failing.includes(id))).toBe(true);
    expect(share?.thisYear.met).toBe(communes.length - failing.length);

    // Each listed indicator is failing in the unit's own evaluation.
    for (const item of worklist.body.items.slice(0, 5)) {
      const evaluation = (
        await department.get<UnitEvaluationResponse>(`/api/units/${item.unitId}/evaluation?year=2021`)
      ).body;
      const criterion = evaluation.evaluation.criteria.find((c) => c.number === '2');
      for (const indicator of item.indicators) {
        expect(criterion?.indicators.find((i) => i.code === indicator.code)?.outcome).toBe(indicator.outcome);
      }
    }
    const withObstacles = worklist.body.items.find((i) => i.unitId === ownCommune);
    if (failing.includes(ownCommune)) expect(withObstacles?.openObstacles.length).toBeGreaterThan(0);

    const filtered = await department.get<WorklistResponse>(
      `/api/worklist?year=2021&status=no_data&districtId=${encodeURIComponent(worklist.body.districts[0]?.id ?? '')}`,
    );
    expect(
      filtered.body.items.every(
        (i) => i.outcome === 'no_data' && i.districtId === worklist.body.districts[0]?.id,
      ),
    ).toBe(true);

    const ofDistrict = await district.get<WorklistResponse>('/api/worklist?year=2021&department=transport');
    expect(ofDistrict.body.items.every((i) => listed.includes(i.unitId))).toBe(true);
    expect(ofDistrict.body.communesEvaluated).toBeLessThan(worklist.body.communesEvaluated);
    expect((await leader.get<{ code: string }>('/api/worklist?year=2021')).status).toBe(422);
  });
  it('gives every department of the demo province a worklist that matches the evaluation', async () => {
    const rollup = (await t.inject({ method: 'GET', url: '/api/rollup?year=2021' })).json() as RollupResponse;
    const responsibility = (
      await t.inject({ method: 'GET', url: '/api/responsibility?year=2021' })
    ).json() as ResponsibilityResponse;
    const departments = (
      await t.inject({ method: 'GET', url: '/api/worklist?year=2021&department=transport' })
    ).json().departments as WorklistResponse['departments'];
    expect(departments.length).toBeGreaterThan(3);
    const unmet = (criterion: string) => {
      const index = rollup.rollup.criteria.findIndex((c) => c.number === criterion);
      return new Set(rollup.communes.filter((c) => c.outcomes[index] !== 'met').map((c) => c.unitId));
    };
    let checked = 0;
    for (const department of departments) {
      const response = await t.inject({
        method: 'GET',
        url: `/api/worklist?year=2021&department=${encodeURIComponent(department.code)}`,
      });
      expect(response.statusCode).toBe(200);
      const worklist = response.json() as WorklistResponse;
      // A department formed by the 2025 mergers answers for its predecessors' criteria too.
      const covered = new Set([
        department.code,
        ...catalogDepartments.filter((d) => d.successor === department.code).map((d) => d.code),
      ]);
      const rows = responsibility.rows.filter((r) => covered.has(r.departmentCode));
      const led = new Set(rows.map((r) => r.criterionNumber));
      for (const criterion of led) {
        const listed = new Set(
          worklist.items.filter((i) => i.criterionNumber === criterion).map((i) => i.unitId),
        );
        const failing = unmet(criterion);
        // Only communes failing the criterion are listed, each with the department's own failing indicators.
        expect(
          [...listed].every((id) => failing.has(id)),
          `${department.code} ${criterion}`,
        ).toBe(true);
        const wholeCriterion = responsibility.rows
          .filter((r) => r.criterionNumber === criterion)
          .every((r) => covered.has(r.departmentCode));
        // Where the department answers for the whole criterion, every failing commune is on its list.
        if (wholeCriterion) {
          expect(
            [...failing].filter((id) => !listed.has(id)),
            `${department.code} ${criterion}`,
          ).toEqual([]);
          checked++;
        }
      }
      expect(worklist.items.filter((i) => !led.has(i.criterionNumber)).map((i) => i.criterionNumber)).toEqual(
        [],
      );
    }
    expect(checked).toBeGreaterThan(10);
  });
});

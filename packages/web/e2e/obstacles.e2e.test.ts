import type { RollupResponse, UnitEvaluationResponse } from '@ntm/server/contract/evaluation';
import type { AlertListResponse, ObstacleListResponse } from '@ntm/server/contract/follow-up';
import type { UnitListResponse } from '@ntm/server/contract/units';
import type { UnitValuesResponse } from '@ntm/server/contract/values';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiSession,
  apiSession,
  launchBrowser,
  login,
  newPage,
  type RunningApp,
  screenshot,
  startApp,
} from './harness';

/**
 * Follow-up through the browser (issue #6): a commune raises an obstacle on criterion 2 from its
 * scorecard, the transport department finds it on its worklist, answers with a comment and
 * resolves it; a value change on a recognised commune puts a maintenance alert on the dashboard.
 */

const COMMUNE = 'xa.thinhthanh';
const DEPARTMENT = 'so.gtvt';
const ADMIN = 'tinh.admin';
const YEAR = 2021;
const TITLE = 'Cầu tràn thôn Đông bị lũ cuốn trôi';

let app: RunningApp;
let browser: Browser;
let communeId: string;
let admin: ApiSession;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  const commune = await apiSession(app.url, COMMUNE);
  communeId = (await commune.get<{ user: { unitId: string } }>('/auth/me')).user.unitId;
  admin = await apiSession(app.url, ADMIN);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signedIn(username: string): Promise<Page> {
  const page = await newPage(browser);
  page.setDefaultTimeout(60_000);
  await login(page, app.url, username);
  return page;
}

describe('obstacles and maintenance alerts', () => {
  it('a commune raises an obstacle on criterion 2; the transport department comments and resolves it', async () => {
    const commune = await signedIn(COMMUNE);
    await commune.goto(`${app.url}/don-vi/${encodeURIComponent(communeId)}?nam=${YEAR}`);
    await commune.getByTestId('raise-obstacle').click();
    await commune.getByTestId('raise-criterion').click();
    await commune.keyboard.type('Giao thông');
    await commune.keyboard.press('Enter');
    await commune.getByTestId('raise-criterion').getByText('2. Giao thông', { exact: true }).waitFor();
    await commune.getByTestId('raise-title').fill(TITLE);
    await commune
      .getByTestId('raise-description')
      .fill('Lũ cuốn trôi cầu tràn, học sinh phải đi vòng 5 km; xã đề nghị hỗ trợ làm cầu mới.');
    await commune.getByTestId('raise-submit').click();
    await commune.getByTestId('raise-submit').waitFor({ state: 'hidden' });
    const drawer = commune.getByTestId('obstacle-drawer');
    await drawer.getByText('Sở Giao thông vận tải').waitFor();
    await expect(drawer.getByTestId('obstacle-status').textContent()).resolves.toBe('Mới nêu');
    await screenshot(commune, 'obstacle-raised-scorecard');
    await commune.context().close();

    const department = await signedIn(DEPARTMENT);
    await department.goto(`${app.url}/viec-can-lam?nam=${YEAR}`);
    await department.getByTestId('worklist-table').waitFor();
    const pending = department.getByTestId('worklist-obstacles');
    await pending.getByText(TITLE).waitFor();
    await screenshot(department, 'worklist');
    await pending.getByRole('button', { name: TITLE }).click();
    const detail = department.getByTestId('obstacle-drawer');
    await detail.getByTestId('obstacle-comment').fill('Sở cử cán bộ khảo sát hiện trường trong tuần này.');
    await detail.getByTestId('obstacle-comment-send').click();
    await detail.getByText('Sở cử cán bộ khảo sát hiện trường trong tuần này.').waitFor();
    await detail.getByTestId('obstacle-start').click();
    await detail.getByTestId('obstacle-status').filter({ hasText: 'Đang xử lý' }).waitFor();
    await detail.getByTestId('obstacle-resolve').click();
    await department
      .getByTestId('obstacle-move-text')
      .fill('Đã bố trí 1,2 tỷ đồng vốn sự nghiệp giao thông để làm cầu mới.');
    await department.getByTestId('obstacle-move-ok').click();
    await detail.getByTestId('obstacle-status').filter({ hasText: 'Đã giải quyết' }).waitFor();
    await detail
      .getByText('Đã bố trí 1,2 tỷ đồng vốn sự nghiệp giao thông để làm cầu mới.')
      .first()
      .waitFor();
    await screenshot(department, 'obstacle-resolved');

    await department.goto(`${app.url}/vuong-mac?nam=${YEAR}`);
    await department.getByTestId('obstacle-table').getByText(TITLE).waitFor();
    await screenshot(department, 'obstacles');
    await department.goto(`${app.url}/trach-nhiem?nam=${YEAR}`);
    await department.getByTestId('responsibility-table').getByText('Trần Văn Giao (dữ liệu demo)').waitFor();
    await screenshot(department, 'responsibility');
    await department.context().close();

    const stored = await admin.get<ObstacleListResponse>(
      `/obstacles?year=${YEAR}&unitId=${encodeURIComponent(communeId)}`,
    );
    expect(stored.obstacles.find((o) => o.title === TITLE)).toMatchObject({
      status: 'resolved',
      departmentCode: 'transport',
    });
  });

  it('a value falling short on a recognised commune raises a maintenance alert on the dashboard', async () => {
    const province = (await admin.get<UnitListResponse>(`/units?date=${YEAR}-12-31`)).units[0];
    const rollup = await admin.get<RollupResponse>(
      `/units/${encodeURIComponent(province?.id ?? '')}/rollup?year=${YEAR}`,
    );
    const before = await admin.get<AlertListResponse>(`/alerts?year=${YEAR}`);
    let changed: { unitName: string; indicator: string } | null = null;
    for (const commune of rollup.communes.filter((c) => c.recognisedTier !== null)) {
      const evaluation = await admin.get<UnitEvaluationResponse>(
        `/units/${encodeURIComponent(commune.unitId)}/evaluation?year=${YEAR}`,
      );
      const values = await admin.get<UnitValuesResponse>(
        `/units/${encodeURIComponent(commune.unitId)}/values?year=${YEAR}`,
      );
      const indicator = evaluation.evaluation.criteria
        .flatMap((c) => c.indicators)
        .find(
          (i) =>
            i.outcome === 'met' &&
            i.comparator === 'gte' &&
            typeof i.threshold?.value === 'number' &&
            i.threshold.value > 0 &&
            values.values.some((v) => v.measure === i.measure && v.status === 'approved') &&
            !before.alerts.some((a) => a.unitId === commune.unitId && a.indicatorCode === i.code),
        );
      if (!indicator) continue;
      const stored = values.values.find((v) => v.measure === indicator.measure);
      await admin.send('PUT', '/values', {
        values: [
          {
            unitId: commune.unitId,
            year: YEAR,
            measure: indicator.measure,
            value: (indicator.threshold?.value as number) / 2,
            expectedVersion: stored?.version,
          },
        ],
        correction: true,
        reason: 'Rà soát lại: chỉ tiêu không còn đạt',
      });
      changed = { unitName: commune.name, indicator: indicator.code };
      break;
    }
    expect(changed).not.toBeNull();
    const page = await signedIn(ADMIN);
    await page.goto(`${app.url}/?nam=${YEAR}`);
    const card = page.getByTestId('alerts-card');
    await card
      .getByText(changed?.unitName ?? '')
      .first()
      .waitFor();
    await expect(card.textContent()).resolves.toContain(`${changed?.indicator} `);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-alerts');
    await page.context().close();
  });
});

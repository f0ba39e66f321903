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
 * The value workflow through the browser, as PRODUCT §3 tells it: a commune submits, its
 * district returns the value with a reason, the commune fixes and resubmits, the district
 * verifies, the province approves, and the scorecard shows the whole history.
 */

const COMMUNE = 'xa.thinhthanh';
const DISTRICT = 'huyen.songxanh';
const ADMIN = 'tinh.admin';
const YEAR = 2024;
const MEASURE = 'income_per_capita';
// Markup in a reason must reach the page as text, never as HTML.
const REASON = 'Thu nhập <b>thấp bất thường</b><script>window.__xss = 1</script>, kiểm tra lại';

let app: RunningApp;
let browser: Browser;
let communeApi: ApiSession;
let communeId: string;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  communeApi = await apiSession(app.url, COMMUNE);
  const me = await communeApi.get<{ user: { unitId: string } }>('/auth/me');
  communeId = me.user.unitId;
  await communeApi.send('PUT', '/values', {
    values: [{ unitId: communeId, year: YEAR, measure: MEASURE, value: 31, expectedVersion: 0 }],
  });
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function signedIn(username: string): Promise<Page> {
  const page = await newPage(browser);
  await login(page, app.url, username);
  return page;
}

async function openWorkflow(page: Page) {
  await page.goto(`${app.url}/quy-trinh/${encodeURIComponent(communeId)}?nam=${YEAR}`);
  await page.getByTestId('workflow-table').waitFor();
}

/** Selects every value in `status` and takes the step, waiting for the new status to show. */
async function step(page: Page, status: string, action: string, expected: string) {
  await page.getByRole('button', { name: `Chọn tất cả "${status}"` }).click();
  await page.getByTestId(`workflow-${action}`).click();
  await page.getByTestId('workflow-table').getByText(expected, { exact: true }).waitFor();
}

async function openFromInbox(page: Page, kind: string) {
  await page.goto(`${app.url}/hop-thu`);
  await page.getByTestId('inbox-table').waitFor();
  const row = page
    .getByTestId('inbox-table')
    .getByRole('row')
    .filter({ hasText: kind })
    .filter({ hasText: String(YEAR) });
  await row.getByRole('link', { name: 'Mở' }).click();
  await page.getByTestId('workflow-table').waitFor();
}

describe('value workflow in Chromium', () => {
  it('goes from a commune to the province and back, and the scorecard tells the story', async () => {
    const commune = await signedIn(COMMUNE);
    await openWorkflow(commune);
    await step(commune, 'Nháp', 'submit', 'Chờ xác minh');

    const district = await signedIn(DISTRICT);
    await openFromInbox(district, 'Cần xác minh');
    await district.getByRole('button', { name: 'Chọn tất cả "Chờ xác minh"' }).click();
    await district.getByTestId('workflow-return').click();
    await district.getByTestId('return-reason').fill(REASON);
    await district.getByTestId('return-confirm').click();
    await district.getByTestId('workflow-table').getByText('Bị trả lại', { exact: true }).waitFor();

    await commune.goto(`${app.url}/hop-thu`);
    const returned = commune.getByTestId('inbox-table').getByRole('row').filter({ hasText: 'Bị trả lại' });
    await returned.getByText(REASON, { exact: true }).waitFor();
    await commune.getByTestId('notifications').getByText(REASON, { exact: false }).waitFor();
    expect(await commune.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();

    const { values } = await communeApi.get<{ values: { measure: string; version: number }[] }>(
      `/units/${encodeURIComponent(communeId)}/values?year=${YEAR}`,
    );
    const version = values.find((v) => v.measure === MEASURE)?.version;
    await communeApi.send('PUT', '/values', {
      values: [{ unitId: communeId, year: YEAR, measure: MEASURE, value: 38.5, expectedVersion: version }],
    });
    await openWorkflow(commune);
    await step(commune, 'Nháp', 'submit', 'Chờ xác minh');

    await openFromInbox(district, 'Cần xác minh');
    await step(district, 'Chờ xác minh', 'verify', 'Đã xác minh');

    const admin = await signedIn(ADMIN);
    await openFromInbox(admin, 'Cần phê duyệt');
    await step(admin, 'Đã xác minh', 'approve', 'Đã phê duyệt');

    await commune.goto(`${app.url}/don-vi/${encodeURIComponent(communeId)}?nam=${YEAR}`);
    const workflow = commune.getByTestId('value-workflow');
    await workflow.getByRole('tab', { name: 'Lịch sử', exact: true }).click();
    const history = workflow.getByTestId('value-history');
    await history.getByText('Phê duyệt', { exact: true }).waitFor();
    const actions = await history
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.querySelectorAll('td')[2]?.textContent ?? ''));
    expect(actions).toEqual([
      'Phê duyệt',
      'Xác minh',
      'Gửi xác minh',
      'Sửa',
      'Trả lại',
      'Gửi xác minh',
      'Nhập mới',
    ]);
    await history.getByText(REASON, { exact: true }).waitFor();
    expect(await commune.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    await screenshot(commune, 'workflow-scorecard-history');
  });
});

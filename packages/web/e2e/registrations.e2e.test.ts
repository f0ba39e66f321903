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
 * The registration workflow of PRODUCT §1 in the browser: a district registers two communes
 * closest to advanced NTM, the province approves one and rejects the other with a reason, and
 * the dashboard's target counts the approved registration.
 */

const DISTRICT = 'huyen.songxanh';
const ADMIN = 'tinh.admin';
const YEAR = 2021;
const REASON = 'Xã còn thiếu tiêu chí thu nhập, chưa đủ điều kiện năm 2021';

interface Targets {
  targets: { metric: string; registeredCount: number }[];
}

let app: RunningApp;
let browser: Browser;
let adminApi: ApiSession;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  adminApi = await apiSession(app.url, ADMIN);
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

async function advancedRegistered(): Promise<number> {
  const targets = await adminApi.get<Targets>(`/targets?year=${YEAR}`);
  return targets.targets.find((x) => x.metric === 'communes_advanced_new')?.registeredCount ?? -1;
}

describe('registrations in Chromium', () => {
  it('goes from a district’s two candidates to one approved unit on the dashboard', async () => {
    const before = await advancedRegistered();

    const district = await signedIn(DISTRICT);
    await district.goto(`${app.url}/dang-ky?nam=${YEAR}`);
    await district.getByTestId('create-registration').click();
    const detail = district.getByTestId('registration-detail');
    await detail.waitFor();
    expect(await detail.getAttribute('data-status')).toBe('draft');

    await district.getByTestId('candidate-tier').click();
    await district.locator('.ant-select-item-option').filter({ hasText: 'NTM nâng cao' }).first().click();
    const addButtons = district.getByTestId('candidates').locator('[data-testid^="add-candidate-"]');
    await addButtons.first().waitFor();
    const first = (await addButtons.nth(0).getAttribute('data-testid'))?.replace('add-candidate-', '') ?? '';
    const second = (await addButtons.nth(1).getAttribute('data-testid'))?.replace('add-candidate-', '') ?? '';
    expect(first).not.toBe('');
    expect(second).not.toBe(first);
    await addButtons.nth(0).click();
    const items = district.getByTestId('registration-items').locator('tbody tr.ant-table-row');
    await expect.poll(() => items.count()).toBe(1);
    await district.getByTestId(`add-candidate-${second}`).click();
    await expect.poll(() => items.count()).toBe(2);
    await screenshot(district, 'registrations-draft');

    await district.getByTestId('submit-registration').click();
    await expect.poll(() => detail.getAttribute('data-status')).toBe('submitted');
    const registrationId = new URL(district.url()).searchParams.get('ma');
    expect(registrationId).toMatch(/^registration:/);

    const admin = await signedIn(ADMIN);
    await admin.goto(`${app.url}/dang-ky?nam=${YEAR}&ma=${encodeURIComponent(registrationId ?? '')}`);
    const rejected = admin.getByTestId(`review-${second}`);
    await rejected.waitFor();
    await rejected.getByText('Không chấp thuận', { exact: true }).click();
    await rejected.getByLabel('Lý do').fill(REASON);
    await screenshot(admin, 'registrations-review');
    await admin.getByTestId('send-review').click();
    const reviewed = admin.getByTestId('registration-detail');
    await expect.poll(() => reviewed.getAttribute('data-status')).toBe('approved');
    await expect.poll(() => admin.getByText(REASON).first().isVisible()).toBe(true);
    await screenshot(admin, 'registrations-approved');

    expect(await advancedRegistered()).toBe(before + 1);
    await admin.goto(`${app.url}/?nam=${YEAR}`);
    const target = admin.getByTestId('target-communes_advanced_new');
    await target.waitFor();
    await expect.poll(() => target.getAttribute('data-registered')).toBe(String(before + 1));
    await expect.poll(() => target.getByTestId('target-forecast').isVisible()).toBe(true);
    await admin.getByTestId('overdue-tasks-card').waitFor();
    await screenshot(admin, 'dashboard-targets-forecast');

    await admin.goto(`${app.url}/ke-hoach?nam=${YEAR}`);
    await admin.getByTestId('plan-targets').waitFor();
    await admin.getByTestId('comparison-table').waitFor();
    await screenshot(admin, 'plans');

    // The plan as it stood at mid-year: decisions of the second half are not counted yet and are forecast.
    await admin.goto(`${app.url}/ke-hoach?nam=${YEAR}&ngay=${YEAR}-06-30`);
    await admin.getByTestId('plan-targets').locator('.ant-table-row-expand-icon').first().click();
    await expect
      .poll(() => admin.getByTestId('forecast-assumptions').first().textContent())
      .toContain('30/06/2021');
    await screenshot(admin, 'plans-mid-year');

    await admin.goto(`${app.url}/chi-dao`);
    await admin.getByTestId('tasks').waitFor();
    expect(await admin.locator('[data-overdue="true"]').count()).toBeGreaterThan(0);
    await screenshot(admin, 'directives');
  });
});

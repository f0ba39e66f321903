import path from 'node:path';
import { foldDiacritics } from '@ntm/core/format';
import type { RollupResponse, UnitEvaluationResponse } from '@ntm/server/contract/evaluation';
import type { UnitListResponse } from '@ntm/server/contract/units';
import type { UnitValuesResponse } from '@ntm/server/contract/values';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiSession,
  apiSession,
  artifactsDir,
  launchBrowser,
  login,
  newPage,
  type RunningApp,
  screenshot,
  startApp,
} from './harness';

let app: RunningApp;
let browser: Browser;
let admin: ApiSession;

/** The coordination office's demo account: reads everything and enters values for every commune. */
const USER = 'tinh.admin';

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  admin = await apiSession(app.url, USER);
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

interface Candidate {
  unitId: string;
  name: string;
  code: string;
  criterion: string;
  indicator: string;
  measure: string;
  /** What to type, the Vietnamese way ("85,5"). */
  typed: string;
}

/**
 * A 2021 commune that misses the standard by one criterion, itself unmet because of one
 * number the commune entered: typing a value past the threshold must make the criterion met.
 */
async function findCandidate(): Promise<Candidate> {
  const province = (await admin.get<UnitListResponse>('/units?date=2021-12-31')).units[0];
  if (!province) throw new Error('no province in 2021');
  const rollup = await admin.get<RollupResponse>(
    `/units/${encodeURIComponent(province.id)}/rollup?year=2021`,
  );
  for (const close of rollup.rollup.closestToNextTier.filter((c) => c.criteriaMissing === 1)) {
    const { unit, evaluation } = await admin.get<UnitEvaluationResponse>(
      `/units/${encodeURIComponent(close.unitId)}/evaluation?year=2021`,
    );
    const unmet = evaluation.criteria.filter((c) => c.outcome !== 'met');
    const short = unmet[0]?.indicators.filter((i) => i.outcome !== 'met') ?? [];
    const indicator = short[0];
    if (unmet.length !== 1 || short.length !== 1 || !indicator || indicator.provenance !== 'own') continue;
    const threshold = indicator.threshold?.value;
    if (indicator.measure === null || typeof threshold !== 'number') continue;
    if (!['gte', 'lte'].includes(indicator.comparator)) continue;
    const value = indicator.comparator === 'gte' ? threshold + 0.5 : Math.max(0, threshold - 0.5);
    if (indicator.valueType === 'percent' && value > 100) continue;
    // A verified value waits for approval and must be returned before anyone edits it.
    const { values } = await admin.get<UnitValuesResponse>(
      `/units/${encodeURIComponent(unit.id)}/values?year=2021`,
    );
    if (values.find((v) => v.measure === indicator.measure)?.status === 'verified') continue;
    return {
      unitId: unit.id,
      name: unit.name,
      code: unit.code,
      criterion: unmet[0]?.number ?? '',
      indicator: indicator.code,
      measure: indicator.measure,
      typed: String(value).replace('.', ','),
    };
  }
  throw new Error('the demo province has no commune one typed value away from a met criterion');
}

/** What the user sees around the element, where a full-page picture of a long form would be unreadable. */
async function viewportScreenshot(page: Page, name: string, around: string): Promise<void> {
  await page.getByTestId(around).evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await page.screenshot({ path: path.join(artifactsDir, 'screenshots', `${name}.png`) });
}

/** The dashboard's count of communes meeting a criterion and its average, once both are shown. */
async function dashboardFigures(page: Page, criterion: string) {
  const read = async (testId: string) => {
    const text = await page
      .getByTestId(testId)
      .getAttribute('data-value', { timeout: 1000 })
      .catch(() => null);
    return text === null ? Number.NaN : Number(text);
  };
  let figures = { count: Number.NaN, average: Number.NaN };
  await expect
    .poll(
      async () => {
        figures = {
          count: await read(`criterion-met-count-${criterion}`),
          average: await read('average-criteria'),
        };
        return Number.isFinite(figures.count) && Number.isFinite(figures.average);
      },
      { timeout: 60_000 },
    )
    .toBe(true);
  return figures;
}

describe('scorecard, data entry and criteria sets in the browser', () => {
  // Five pages, two sign-ins and four full-page screenshots: more time than a one-page test.
  it('makes a criterion met by entering one value, and the scorecard and dashboard follow', async () => {
    const candidate = await findCandidate();
    const page = await newPage(browser);
    await login(page, app.url, USER);

    await page.goto(`${app.url}/?nam=2021`);
    const before = await dashboardFigures(page, candidate.criterion);

    // Find the commune as a user would: the header search, typed without diacritics.
    await page.getByRole('combobox', { name: 'Tìm đơn vị' }).fill(foldDiacritics(candidate.name));
    await page
      .locator('.ant-select-item-option', { hasText: `${candidate.name} (${candidate.code})` })
      .click();
    const criterion = page.getByTestId(`criterion-${candidate.criterion}`);
    await expect.poll(() => criterion.getAttribute('data-outcome')).toBe('not_met');
    await expect
      .poll(() => page.getByTestId(`indicator-${candidate.indicator}`).getAttribute('data-outcome'))
      .toBe('not_met');
    await page.getByTestId('demo-badge').first().waitFor();
    const metBefore = Number(await page.getByTestId('scorecard-criteria-met').getAttribute('data-value'));
    await screenshot(page, 'scorecard-desktop');

    const phone = await newPage(browser, { width: 390, height: 844 });
    await login(phone, app.url, USER);
    await phone.goto(page.url());
    await phone.getByTestId(`indicator-${candidate.indicator}`).waitFor();
    const overflow = await phone.evaluate(() => {
      const main = document.querySelector('main') ?? document.body;
      return main.scrollWidth - main.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone, 'scorecard-phone');
    await phone.context().close();

    await page.getByTestId('open-data-entry').click();
    const field = page.getByTestId(`entry-${candidate.measure}`);
    await field.fill('năm mươi');
    await page.getByText('Nhập một số, ví dụ 6,2').waitFor();
    await field.fill(candidate.typed);
    // Required when the value was approved (a correction), recorded in the audit log either way.
    await page.getByTestId('entry-reason').fill('Cập nhật theo biên bản rà soát');
    await expect.poll(() => page.getByTestId('entry-change-count').textContent()).toBe('1 thay đổi chưa lưu');
    await screenshot(page, 'data-entry');
    await viewportScreenshot(page, 'data-entry-field', `entry-row-${candidate.indicator}`);

    // Leaving with an unsaved change asks first; staying keeps the typed value.
    await page.getByRole('menuitem', { name: 'Tổng quan' }).click();
    await page.getByText('Rời trang khi chưa lưu?').waitFor();
    await page.getByRole('button', { name: 'Ở lại' }).click();
    expect(await field.inputValue()).toBe(candidate.typed);

    await page.getByTestId('entry-save').click();
    await page.getByText('Đã lưu 1 số liệu').waitFor();
    await expect
      .poll(() => page.getByTestId(`entry-result-${candidate.indicator}`).getAttribute('data-outcome'))
      .toBe('met');

    await page.getByRole('link', { name: 'Xem phiếu đánh giá' }).click();
    await expect.poll(() => criterion.getAttribute('data-outcome')).toBe('met');
    expect(Number(await page.getByTestId('scorecard-criteria-met').getAttribute('data-value'))).toBe(
      metBefore + 1,
    );
    await screenshot(page, 'scorecard-after-entry');

    await page.getByRole('menuitem', { name: 'Tổng quan' }).click();
    await expect
      .poll(async () => (await dashboardFigures(page, candidate.criterion)).count, { timeout: 60_000 })
      .toBe(before.count + 1);
    const after = await dashboardFigures(page, candidate.criterion);
    expect(after.average).toBeGreaterThan(before.average);
    await page.context().close();
  }, 300_000);

  it('keeps the header to one row on a phone, and exports the scorecard as a workbook', async () => {
    const { units } = await admin.get<UnitListResponse>('/units?date=2021-12-31');
    const province = units[0];
    if (!province) throw new Error('no province in 2021');
    const rollup = await admin.get<RollupResponse>(
      `/units/${encodeURIComponent(province.id)}/rollup?year=2021`,
    );
    const commune = rollup.communes[0];
    if (!commune) throw new Error('no commune evaluated in 2021');
    const scorecardUrl = `${app.url}/don-vi/${encodeURIComponent(commune.unitId)}?nam=2021`;

    const phone = await newPage(browser, { width: 390, height: 844 });
    await login(phone, app.url, USER);
    await phone.goto(`${app.url}/?nam=2021`);
    await phone.getByTestId('average-criteria').waitFor();
    const header = await phone.getByTestId('app-header').boundingBox();
    expect(header?.height).toBeLessThanOrEqual(64);
    // The year and the language stay in the header row, inside the screen.
    for (const name of ['Năm', 'Ngôn ngữ']) {
      const box = await phone.getByRole('combobox', { name }).boundingBox();
      expect(box, name).not.toBeNull();
      expect((box?.y ?? 0) + (box?.height ?? 0), name).toBeLessThanOrEqual(
        (header?.y ?? 0) + (header?.height ?? 0),
      );
      expect((box?.x ?? 0) + (box?.width ?? 0), name).toBeLessThanOrEqual(390);
    }
    await phone.getByTestId('closest-table').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(phone, 'dashboard-phone');
    // The pages are one tap away, in the drawer.
    await phone.getByTestId('menu-toggle').click();
    const heatmapItem = phone.getByRole('menuitem', { name: 'Ma trận tiêu chí' });
    // The drawer slides in from the left; the picture waits until it is fully open.
    let lastX = Number.NaN;
    await expect
      .poll(async () => {
        const x = (await heatmapItem.boundingBox())?.x ?? -1;
        const steady = x >= 0 && x === lastX;
        lastX = x;
        return steady;
      })
      .toBe(true);
    await phone.screenshot({ path: path.join(artifactsDir, 'screenshots', 'menu-drawer-phone.png') });
    await heatmapItem.click();
    await phone.getByTestId('heatmap-page').waitFor();
    await phone.goto(scorecardUrl);
    await phone.getByTestId('scorecard-criteria-met').waitFor();
    expect((await phone.getByTestId('app-header').boundingBox())?.height).toBeLessThanOrEqual(64);
    await screenshot(phone, 'scorecard-phone-header');
    await phone.context().close();

    const page = await newPage(browser);
    await login(page, app.url, USER);
    await page.goto(`${app.url}/?nam=2021`);
    await page.getByTestId('average-criteria').waitFor();
    await page.getByTestId('closest-table').waitFor();
    await screenshot(page, 'dashboard-desktop');
    await page.goto(scorecardUrl);
    await page.getByTestId('scorecard-criteria-met').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('scorecard-export').getByRole('button', { name: 'Tải .xlsx' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`phieu-danh-gia_${commune.code}_2021.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const rows: unknown[][] = [];
    workbook.worksheets[0]?.eachRow((row) => {
      rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows.flat()).toContain(`Phiếu đánh giá: ${commune.name} (dữ liệu demo)`);
    expect(rows).toContainEqual([
      'Mã',
      'Chỉ tiêu',
      'Giá trị',
      'Ngưỡng',
      'Nguồn ngưỡng',
      'Kết quả',
      'Khoảng cách đến ngưỡng',
    ]);

    // In English the labels and gaps follow; the official names stay Vietnamese, and the page says so.
    await page.getByRole('combobox', { name: 'Ngôn ngữ' }).click();
    await page.locator('.ant-select-item-option', { hasText: 'EN' }).click();
    await page.getByTestId('catalog-language-note').waitFor();
    await page
      .getByText(/criteria met/)
      .first()
      .waitFor();
    await screenshot(page, 'scorecard-english');
    await page.context().close();
  }, 180_000);

  it('lists the criteria sets and shows what the demo advanced set tightens', async () => {
    const page = await newPage(browser);
    await login(page, app.url, USER);
    await page.goto(`${app.url}/bo-tieu-chi?nam=2021`);
    await page.getByTestId('set-vn-1980-commune-standard').waitFor();
    await page.getByText('1980/QĐ-TTg · 17/10/2016').waitFor();
    await screenshot(page, 'catalog-list');

    await page.getByRole('tab', { name: 'So sánh hai bộ' }).click();
    await page.getByRole('button', { name: /Tỉnh Demo – xã NTM 2016–2020 \(demo\) ⇄/ }).click();
    const income = page.getByTestId('compare-criterion-10');
    await income.waitFor();
    expect(await income.locator('[data-change="tightened"]').count()).toBeGreaterThan(0);
    await page.getByText('12 ngưỡng nâng lên').waitFor();
    await screenshot(page, 'catalog-compare');

    await page.goto(`${app.url}/bo-tieu-chi/demo-2016-2020-commune-standard?nam=2021`);
    await page.getByText('2. Giao thông').click();
    await page.getByText('Chiều dài đường trục thôn', { exact: false }).first().waitFor();
    await screenshot(page, 'catalog-detail');
    await page.context().close();
  });
});

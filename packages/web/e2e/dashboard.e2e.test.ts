import { formatNumber } from '@ntm/core/format';
import type { RollupResponse } from '@ntm/server/contract/evaluation';
import type { TargetsResponse } from '@ntm/server/contract/targets';
import type { UnitListResponse } from '@ntm/server/contract/units';
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

let app: RunningApp;
let browser: Browser;
let page: Page;
let leader: ApiSession;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await newPage(browser);
  // The machine running the suite may be busy; a full-page screenshot of a long page can take a while.
  page.setDefaultTimeout(60_000);
  // The provincial leader: reads everything, changes nothing.
  await login(page, app.url, 'lanhdao');
  leader = await apiSession(app.url, 'lanhdao');
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function rollup2021(): Promise<RollupResponse> {
  const province = (await leader.get<UnitListResponse>('/units?date=2021-12-31')).units[0];
  if (!province) throw new Error('no province in 2021');
  return leader.get<RollupResponse>(`/units/${encodeURIComponent(province.id)}/rollup?year=2021`);
}

describe('dashboard, heat map and a commune', () => {
  it('reads the 2021 directive targets against their results', async () => {
    await page.goto(`${app.url}/?nam=2021`);
    await page.getByTestId('target-communes_standard_new').waitFor();
    const directive = (await leader.get<TargetsResponse>('/targets?year=2021')).targets;
    const expected: Record<string, number> = {
      communes_standard_new: 8,
      communes_advanced_new: 6,
      communes_model_new: 2,
      model_residential_areas_new: 4,
      scheme_villages_standard: 29,
      average_criteria_per_commune: 17.5,
    };
    for (const [metric, target] of Object.entries(expected)) {
      const row = page.getByTestId(`target-${metric}`);
      expect(Number(await row.getAttribute('data-target'))).toBe(target);
      const actual = directive.find((x) => x.metric === metric)?.actual;
      expect(Number(await row.getAttribute('data-actual'))).toBe(actual);
    }
    await expect(page.getByTestId('target-scheme_villages_standard').textContent()).resolves.toContain(
      '29/52 thôn',
    );
    await expect(page.getByText('Theo Chỉ thị 06/CT-UBND ngày 12/03/2021').textContent()).resolves.toContain(
      'Theo Chỉ thị 06/CT-UBND ngày 12/03/2021',
    );

    const { rollup } = await rollup2021();
    await expect(page.getByTestId('average-criteria').textContent()).resolves.toBe(
      formatNumber(rollup.averageCriteriaMet, 2),
    );
    const first = rollup.criteria[0];
    await expect(page.getByTestId(`criterion-met-count-${first?.number}`).textContent()).resolves.toBe(
      `${first?.metCount}/${rollup.evaluatedCount}`,
    );
    await page.getByTestId('trend-card').locator('canvas').waitFor();
    await page.getByTestId('tiers-card').locator('canvas').waitFor();
    await screenshot(page, 'dashboard');
  });

  it('goes from a criterion to the communes missing it, a cell to its indicators, and on to the commune', async () => {
    const { rollup } = await rollup2021();
    const criterion = rollup.criteria.find((c) => c.notMetCount > 0);
    if (!criterion) throw new Error('every criterion is met everywhere');
    await page.goto(`${app.url}/ma-tran?nam=2021`);
    await page.getByTestId('heatmap-grid').waitFor();
    await screenshot(page, 'heatmap');

    await page.goto(`${app.url}/?nam=2021`);
    await page.getByRole('listitem', { name: new RegExp(`^TC ${criterion.number} `) }).click();
    await page.getByTestId('heatmap-grid').waitFor();
    await expect(page.getByTestId('heatmap-count').textContent()).resolves.toBe(
      `Hiển thị ${criterion.notMetCount}/${rollup.evaluatedCount} xã`,
    );

    // The keyboard walks the grid: two steps right from the first cell, then Enter.
    await page.locator('td[data-cell="0:0"]').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const drawer = page.getByTestId('indicator-drawer');
    await drawer.locator('[data-testid^="indicator-"]').first().waitFor();
    const title = (await page.locator('.ant-drawer-title').textContent()) ?? '';
    expect(title).toMatch(/ — TC 3$/);
    await screenshot(page, 'heatmap-indicator-detail');

    const communeName = title.replace(/ — TC 3$/, '');
    await page.getByTestId('open-scorecard').click();
    await page.waitForURL(/\/don-vi\//);
    await expect(page.getByTestId('scorecard-title').textContent()).resolves.toBe(communeName);
    await screenshot(page, 'scorecard-from-heatmap');
  });

  it('filters the heat map by district without losing the year', async () => {
    await page.goto(`${app.url}/ma-tran?nam=2021&sx=met-asc`);
    await page.getByTestId('heatmap-grid').waitFor();
    await page.getByTestId('filter-district').click();
    await page.keyboard.type('lam son');
    await page.locator('.ant-select-item-option[title="Huyện Lâm Sơn"]').click();
    await expect.poll(() => page.getByTestId('heatmap-count').textContent()).toMatch(/^Hiển thị 12\/\d+ xã$/);
    expect(new URL(page.url()).searchParams.get('nam')).toBe('2021');
    expect(new URL(page.url()).searchParams.get('huyen')).toBe('demo:old:99008');
  });
});

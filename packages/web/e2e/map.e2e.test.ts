import type { BoundariesResponse } from '@ntm/server/contract/boundaries';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, type RunningApp, screenshot, startApp } from './harness';

let app: RunningApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
  page = await newPage(browser);
  // The machine running the suite may be busy; a full-page screenshot of a long page can take a while.
  page.setDefaultTimeout(60_000);
  // Replacing boundaries is the coordination office's job.
  await login(page, app.url, 'tinh.admin');
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

function square(lon: number, lat: number) {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [lon, lat],
        [lon + 0.05, lat],
        [lon + 0.05, lat + 0.05],
        [lon, lat + 0.05],
        [lon, lat],
      ],
    ],
  };
}

describe('map', () => {
  it('colours the communes of 2021 from the boundaries stored with the demo province', async () => {
    await page.goto(`${app.url}/ban-do?nam=2021`);
    await page.getByTestId('map-page').locator('canvas').first().waitFor();
    await expect(page.getByText('124 xã có ranh giới').count()).resolves.toBe(1);
    await expect(page.getByTestId('demo-boundaries').count()).resolves.toBe(1);
    await screenshot(page, 'map');

    await page.getByText('Mức công nhận', { exact: true }).click();
    await page.getByTestId('map-commune-list').getByRole('button').first().click();
    await expect(page.getByTestId('map-selection').textContent()).resolves.toContain('Mở bảng điểm');
    await screenshot(page, 'map-by-tier');
  });

  it('reports an unknown code in an uploaded GeoJSON, changes nothing, then stores the known one when told', async () => {
    await page.goto(`${app.url}/ban-do?nam=2021`);
    await page.getByTestId('boundary-upload').waitFor();
    const file = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { ma_xa: '9900101' }, geometry: square(105, 19) },
        { type: 'Feature', properties: { ma_xa: '9999999' }, geometry: square(105.1, 19) },
      ],
    };
    await page
      .getByTestId('boundary-upload')
      .locator('input[type=file]')
      .setInputFiles({
        name: 'ranh-gioi-xa.geojson',
        mimeType: 'application/geo+json',
        buffer: Buffer.from(JSON.stringify(file)),
      });
    await expect(page.getByTestId('chosen-file').textContent()).resolves.toBe(
      'ranh-gioi-xa.geojson: 2 đối tượng',
    );
    await page.getByTestId('send-geojson').click();

    const report = page.getByTestId('upload-report');
    await report.waitFor();
    await expect(report.textContent()).resolves.toContain(
      '1 mã không khớp đơn vị hành chính nào có hiệu lực ngày 31/12/2021: 9999999.',
    );
    await expect(page.getByTestId('upload-problems').textContent()).resolves.toContain(
      'Đối tượng #2: mã 9999999 không khớp đơn vị hành chính nào có hiệu lực ngày 31/12/2021.',
    );
    const stored = async () => {
      const response = await fetch(`${app.url}/api/units/demo:old:99001/boundaries?date=2021-12-31`);
      const body = (await response.json()) as BoundariesResponse;
      return body.features.find((f) => f.properties.code === '9900101')?.properties.source;
    };
    expect(await stored()).toBe('demo');
    await report.scrollIntoViewIfNeeded();
    await screenshot(page, 'map-upload-unknown-code');

    await page.getByTestId('ignore-unknown').click();
    await expect(page.getByTestId('upload-success').textContent()).resolves.toContain(
      'Đã lưu ranh giới cho 1 đơn vị (1 thay thế, 0 mới).',
    );
    expect(await stored()).toBe('ranh-gioi-xa.geojson');
  });
});

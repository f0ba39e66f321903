import fs from 'node:fs';
import type { UnitListResponse } from '@ntm/server/contract/units';
import type { UnitValuesResponse } from '@ntm/server/contract/values';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSession, launchBrowser, login, newPage, type RunningApp, screenshot, startApp } from './harness';

/**
 * The Excel round trip as a district officer lives it: download the template, fill it in,
 * upload a copy with two mistakes, read both in the error report, fix them, upload again,
 * look at the preview and confirm.
 */

const YEAR = 2018;
const AREA = 'Huyện Sông Xanh';
const DATA_SHEET = 'Số liệu';
const FIRST_DATA_ROW = 8;

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

interface Filled {
  workbook: ExcelJS.Workbook;
  sheet: ExcelJS.Worksheet;
  column(code: string): number;
  rows: { row: number; unitCode: string }[];
}

async function openTemplate(path: string): Promise<Filled> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(path) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(DATA_SHEET);
  if (!sheet) throw new Error('the template has no data sheet');
  const codes = new Map<string, number>();
  sheet.getRow(4).eachCell((cell, column) => {
    codes.set(String(cell.value), column);
  });
  const rows: Filled['rows'] = [];
  for (let r = FIRST_DATA_ROW; r <= sheet.rowCount; r++) {
    const code = sheet.getRow(r).getCell(1).value;
    if (code) rows.push({ row: r, unitCode: String(code) });
  }
  return {
    workbook,
    sheet,
    rows,
    column: (code) => {
      const found = codes.get(code);
      if (found === undefined) throw new Error(`no column for indicator ${code}`);
      return found;
    },
  };
}

async function uploadFile(page: Page, workbook: ExcelJS.Workbook, name: string) {
  await page.getByTestId('upload-input').setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
  });
}

describe('Excel round trip in Chromium', () => {
  it('downloads a template, reports two errors in a filled copy, and imports it once they are fixed', async () => {
    const page = await newPage(browser);
    await login(page, app.url, 'tinh.admin');
    await page.goto(`${app.url}/excel?nam=${YEAR}`);
    await page.getByRole('combobox', { name: 'Địa bàn' }).click();
    await page.locator('.ant-select-item-option', { hasText: AREA }).click();
    await expect.poll(() => page.getByTestId('template-card').textContent()).toContain(AREA);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-template').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^mau-nhap-lieu_99003_2018_.+\.xlsx$/);
    const filled = await openTemplate(await download.path());
    expect(filled.rows.length).toBeGreaterThan(5);

    // Income in Vietnamese decimals, poverty as a percentage, a yes/no as "x": what people type.
    filled.rows.forEach(({ row }, i) => {
      const cells = filled.sheet.getRow(row);
      cells.getCell(filled.column('10')).value = `${40 + i},5`;
      cells.getCell(filled.column('11')).value = `${(i % 5) + 1},2%`;
      cells.getCell(filled.column('1.1')).value = i % 2 === 0 ? 'x' : 'Không đạt';
    });
    const [first, second] = filled.rows as [Filled['rows'][number], Filled['rows'][number]];
    filled.sheet.getRow(first.row).getCell(filled.column('10')).value = '1.234';
    filled.sheet.getRow(second.row).getCell(filled.column('11')).value = 'nhiều';
    await uploadFile(page, filled.workbook, 'so-lieu-song-xanh.xlsx');

    const report = page.getByTestId('problem-table');
    await report.waitFor();
    const lines = await report.locator('tbody tr').allTextContents();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('1.234');
    expect(lines[0]).toContain('không rõ');
    expect(lines[1]).toContain('nhiều');
    expect(lines[1]).toContain('không phải là số');
    await expect(page.getByTestId('confirm-import').isDisabled()).resolves.toBe(true);
    await screenshot(page, 'excel-error-report');

    filled.sheet.getRow(first.row).getCell(filled.column('10')).value = '123,4';
    filled.sheet.getRow(second.row).getCell(filled.column('11')).value = '4,2';
    await uploadFile(page, filled.workbook, 'so-lieu-song-xanh-da-sua.xlsx');
    await page.getByText('Tệp hợp lệ: không có lỗi nào.').waitFor();
    const expectedNew = filled.rows.length * 3;
    await expect.poll(() => page.getByTestId('count-new').textContent()).toContain(String(expectedNew));
    await page.getByTestId('diff-new').locator('tbody tr').first().waitFor();
    await screenshot(page, 'excel-preview');

    await page.getByTestId('confirm-import').click();
    await page.getByTestId('import-applied').waitFor();

    const admin = await apiSession(app.url, 'tinh.admin');
    const date = `${YEAR}-12-31`;
    const children = async (id: string) =>
      (await admin.get<UnitListResponse>(`/units/${encodeURIComponent(id)}/children?date=${date}`)).units;
    const [province] = (await admin.get<UnitListResponse>(`/units?date=${date}`)).units;
    const district = (await children(province?.id ?? '')).find((u) => u.name === AREA);
    const unit = (await children(district?.id ?? '')).find((u) => u.code === first.unitCode);
    if (!unit) throw new Error(`no unit ${first.unitCode}`);
    const stored = await admin.get<UnitValuesResponse>(
      `/units/${encodeURIComponent(unit.id)}/values?year=${YEAR}`,
    );
    const value = (measure: string) => stored.values.find((v) => v.measure === measure)?.value;
    expect(value('income_per_capita')).toBe(123.4);
    expect(value('multidimensional_poverty_rate')).toBe(1.2);
    expect(value('commune_plan_approved_published')).toBe(true);
    await screenshot(page, 'excel-applied');
  });
});

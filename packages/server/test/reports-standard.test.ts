import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, testDialect } from './harness';

let t: TestApp;
const ids = { province: '', commune: '', communeName: '' };

async function report(name: string, unitId: string, format: 'pdf' | 'xlsx', year = 2021) {
  const response = await t.inject({
    method: 'GET',
    url: `/api/reports/${name}?unitId=${encodeURIComponent(unitId)}&year=${year}&format=${format}`,
  });
  return response;
}

async function pdfText(bytes: Buffer): Promise<{ text: string; pages: number }> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    const result = await parser.getText();
    return { text: result.text, pages: result.total };
  } finally {
    await parser.destroy();
  }
}

/** Every row of the report's sheet as the texts and numbers of its cells. */
async function sheetRows(bytes: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: unknown[][] = [];
  sheet?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const db = t.database.db;
  ids.province = (
    await db
      .selectFrom('units')
      .select('id')
      .where('level', '=', 'province')
      .where('valid_to', '=', '2025-06-30')
      .executeTakeFirstOrThrow()
  ).id;
  const commune = await db
    .selectFrom('units')
    .select(['id', 'name'])
    .where('kind', '=', 'xa')
    .where('valid_to', '=', '2025-06-30')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  ids.commune = commune.id;
  ids.communeName = commune.name;
});
afterAll(async () => {
  await t?.close();
});

describe(`standard reports on ${testDialect}`, () => {
  const titles = {
    'criteria-results': 'KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ NÔNG THÔN MỚI',
    bands: 'SỐ XÃ THEO SỐ TIÊU CHÍ ĐẠT VÀ THEO MỨC CÔNG NHẬN',
    'commune-list': 'DANH SÁCH XÃ VÀ CÁC TIÊU CHÍ ĐẠT, CHƯA ĐẠT',
    targets: 'KẾT QUẢ THỰC HIỆN MỤC TIÊU NÔNG THÔN MỚI',
    scorecard: 'PHIẾU ĐÁNH GIÁ MỨC ĐẠT CÁC TIÊU CHÍ NÔNG THÔN MỚI',
  } as const;

  it.each(Object.entries(titles))(
    'prints %s as an A4 PDF with its Vietnamese text intact',
    async (name, title) => {
      const unit = name === 'scorecard' ? ids.commune : ids.province;
      const response = await report(name, unit, 'pdf');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toMatch(
        new RegExp(`attachment; filename="bao-cao_${name}_.+_2021\\.pdf"`),
      );
      const bytes = response.rawPayload;
      const orientation = name === 'commune-list' || name === 'scorecard' ? '841.89 595.28' : '595.28 841.89';
      expect(bytes.toString('latin1')).toContain(`/MediaBox [0 0 ${orientation}]`);
      const { text, pages } = await pdfText(bytes);
      expect(text).toContain(title);
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(text).toContain('NGƯỜI LẬP BIỂU');
      expect(text).toContain('(Ký, ghi rõ họ tên, đóng dấu)');
      expect(text).toMatch(/Ngày lập: \d{2}\/\d{2}\/\d{4}/);
      expect(text).toContain(`Trang ${pages}/${pages}`);
      expect(text).toContain('Dữ liệu demo (minh họa)');
    },
  );

  it('puts in the criteria report the counts the roll-up computes, as numbers', async () => {
    const rollup = (
      await t.inject({
        method: 'GET',
        url: `/api/units/${encodeURIComponent(ids.province)}/rollup?year=2021`,
      })
    ).json() as {
      rollup: { criteria: { number: string; name: string; metCount: number; metShare: number }[] };
    };
    const rows = await sheetRows((await report('criteria-results', ids.province, 'xlsx')).rawPayload);
    expect(rows[0]).toEqual(['UBND TỈNH DEMO']);
    for (const criterion of rollup.rollup.criteria) {
      const row = rows.find((r) => r[0] === criterion.number && r[1] === criterion.name);
      expect(row?.[2]).toBe(criterion.metCount);
      expect(row?.[3]).toBeCloseTo(100 * criterion.metShare, 9);
    }
    const { text } = await pdfText((await report('criteria-results', ids.province, 'pdf')).rawPayload);
    const first = rollup.rollup.criteria[0];
    expect(text).toContain(`${first?.number} ${first?.name}`);
  });

  it("lists a commune's criteria and indicators on its scorecard", async () => {
    const evaluation = (
      await t.inject({
        method: 'GET',
        url: `/api/units/${encodeURIComponent(ids.commune)}/evaluation?year=2021`,
      })
    ).json() as {
      evaluation: { criteria: { number: string; indicators: { code: string; name: string }[] }[] };
    };
    const rows = await sheetRows((await report('scorecard', ids.commune, 'xlsx')).rawPayload);
    const codes = rows.map((r) => r[0]);
    for (const criterion of evaluation.evaluation.criteria) {
      for (const indicator of criterion.indicators) expect(codes).toContain(indicator.code);
    }
    const { text } = await pdfText((await report('scorecard', ids.commune, 'pdf')).rawPayload);
    expect(text).toContain(ids.communeName);
  });

  it('refuses a scorecard for an area, and an unknown report, with a reason', async () => {
    const area = await report('scorecard', ids.province, 'pdf');
    expect([area.statusCode, (area.json() as { code: string }).code]).toEqual([422, 'unit_not_evaluable']);
    const unknown = await report('bao-cao-la', ids.province, 'pdf');
    expect(unknown.statusCode).toBe(422);
  });

  it('exports any table of the web application as .xlsx', async () => {
    const response = await t.inject({
      method: 'POST',
      url: '/api/reports/table',
      payload: {
        title: 'Bảng nhiệt tiêu chí',
        columns: ['Xã', 'Số tiêu chí đạt', 'Tỷ lệ'],
        rows: [
          ['Xã Quảng Lợi', 19, 100],
          ['Xã Đồng Hòa', 14, 73.7],
        ],
      },
    });
    expect(response.statusCode).toBe(200);
    const rows = await sheetRows(response.rawPayload);
    expect(rows).toContainEqual(['Xã', 'Số tiêu chí đạt', 'Tỷ lệ']);
    expect(rows).toContainEqual(['Xã Đồng Hòa', 14, 73.7]);
  });

  it('writes typed columns as Excel numbers and dates, and labels demo data', async () => {
    const response = await t.inject({
      method: 'POST',
      url: '/api/reports/table',
      payload: {
        title: 'Nhật ký thay đổi',
        subtitle: 'Tỉnh Demo · Năm 2021 · Lọc: Huyện Sông Xanh',
        demo: true,
        columns: [
          'Đơn vị',
          { header: 'Ngày', type: 'date' },
          { header: 'Tỷ lệ (%)', type: 'percent' },
          { header: 'Số xã', type: 'integer' },
          'Đạt',
          { header: 'Lúc', type: 'datetime' },
        ],
        rows: [
          ['Xã Quảng Lợi', '2021-03-12', 85.5, 3, true, '2021-03-12T17:30:00.000Z'],
          ['Xã Đồng Hòa', null, null, null, false, null],
        ],
      },
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const rows = await sheetRows(response.rawPayload);
    expect(rows.flat()).toContain('Nhật ký thay đổi (dữ liệu demo)');
    expect(rows.flat()).toContain('Tỉnh Demo · Năm 2021 · Lọc: Huyện Sông Xanh');
    expect(rows.flat().some((c) => typeof c === 'string' && c.startsWith('Dữ liệu demo (minh họa)'))).toBe(
      true,
    );
    let data: ExcelJS.Row | undefined;
    sheet?.eachRow((row) => {
      if (row.getCell(1).value === 'Xã Quảng Lợi') data = row;
    });
    const date = data?.getCell(2);
    expect(date?.value).toEqual(new Date('2021-03-12T00:00:00Z'));
    expect(date?.numFmt).toBe('dd/mm/yyyy');
    expect(data?.getCell(3).value).toBe(85.5);
    expect(data?.getCell(4).value).toBe(3);
    expect(data?.getCell(5).value).toBe('Có');
    // 17:30 UTC is 00:30 the next day in Vietnam, which is what the sheet shows.
    expect(data?.getCell(6).value).toEqual(new Date('2021-03-13T00:30:00Z'));
    expect(data?.getCell(6).numFmt).toBe('dd/mm/yyyy hh:mm');
  });

  it('writes a cell that looks like a formula as text', async () => {
    const dangerous = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)'];
    const response = await t.inject({
      method: 'POST',
      url: '/api/reports/table',
      payload: { title: 'Bảng', columns: ['Giá trị'], rows: dangerous.map((d) => [d]) },
    });
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    workbook.worksheets[0]?.eachRow((row) => {
      const cell = row.getCell(1);
      if (typeof cell.value === 'string' && dangerous.includes(cell.value)) cells.push(cell);
    });
    expect(cells.map((c) => c.value)).toEqual(dangerous);
    expect(cells.every((c) => c.type === ExcelJS.ValueType.String)).toBe(true);
    expect(cells.every((c) => c.formula === undefined)).toBe(true);
  });

  it('refuses a malformed table with 422 and names the bad cells', async () => {
    const post = (payload: unknown) =>
      t.inject({ method: 'POST', url: '/api/reports/table', payload: payload as object });
    const badDate = await post({
      title: 'Bảng',
      columns: ['Xã', { header: 'Ngày', type: 'date' }],
      rows: [['Xã A', '31/02/2021']],
    });
    expect(badDate.statusCode).toBe(422);
    expect((badDate.json() as { rows: { row: number; field: string }[] }).rows).toEqual([
      expect.objectContaining({ row: 1, field: 'Ngày' }),
    ]);
    const tooWide = await post({ title: 'Bảng', columns: ['Xã'], rows: [['Xã A', 1]] });
    expect(tooWide.statusCode).toBe(422);
    const noColumns = await post({ title: 'Bảng', columns: [], rows: [] });
    expect(noColumns.statusCode).toBe(422);
    const tooMany = await post({
      title: 'Bảng',
      columns: Array.from({ length: 10 }, (_, i) => `Cột ${i}`),
      rows: Array.from({ length: 60_000 }, () => Array.from({ length: 10 }, () => 1)),
    });
    expect([tooMany.statusCode, (tooMany.json() as { code: string }).code]).toEqual([
      422,
      'validation_failed',
    ]);
  });
});

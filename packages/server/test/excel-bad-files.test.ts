import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  countWrites,
  DATA_SHEET,
  downloadTemplate,
  loadWorkbook,
  oleFile,
  saveWorkbook,
  upload,
  zipOf,
} from './excel-files';
import { createTestApp, type TestApp, testDialect } from './harness';

let t: TestApp;
let template: Buffer;

const SET = 'demo-2016-2020-commune-standard';

async function edited(change: (sheet: import('exceljs').Worksheet) => void): Promise<Buffer> {
  const workbook = await loadWorkbook(template);
  const sheet = workbook.getWorksheet(DATA_SHEET);
  if (!sheet) throw new Error('no data sheet');
  change(sheet);
  return saveWorkbook(workbook);
}

const contentTypes = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
);

/** The smallest workbook the streaming reader accepts, with the given sheet XML. */
function workbookWithSheet(sheetXml: string): Buffer {
  return zipOf([
    { name: '[Content_Types].xml', data: contentTypes },
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Số liệu" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
    },
    { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(sheetXml) },
  ]);
}

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const district = await t.database.db
    .selectFrom('units')
    .select('id')
    .where('level', '=', 'district')
    .where('kind', '=', 'huyen')
    .orderBy('code')
    .executeTakeFirstOrThrow();
  template = await downloadTemplate(t.inject, district.id, 2018, SET);
});
afterAll(async () => {
  await t?.close();
});

interface BadFile {
  name: string;
  file: () => Buffer | Promise<Buffer>;
  status: number;
  code: string;
  detail: RegExp;
}

const corpus: BadFile[] = [
  {
    name: 'a text file',
    file: () => Buffer.from('Mã đơn vị;Giá trị\n99101;6,2\n'),
    status: 415,
    code: 'file_not_xlsx',
    detail: /không phải là bảng tính Excel/,
  },
  {
    name: 'a PDF renamed .xlsx',
    file: () => Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n'),
    status: 415,
    code: 'file_not_xlsx',
    detail: /\.xlsx/,
  },
  {
    name: 'an Excel 97–2003 .xls',
    file: () => oleFile('Workbook'),
    status: 415,
    code: 'file_not_xlsx',
    detail: /Excel 97–2003 \(\.xls\)/,
  },
  {
    name: 'a password-protected workbook',
    file: () => oleFile('EncryptionInfo'),
    status: 422,
    code: 'file_encrypted',
    detail: /mật khẩu/,
  },
  {
    name: 'a zip whose entries are encrypted',
    file: () =>
      zipOf([
        { name: '[Content_Types].xml', data: contentTypes },
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>'), encrypted: true },
      ]),
    status: 422,
    code: 'file_encrypted',
    detail: /mật khẩu/,
  },
  {
    name: 'a Word document (a zip without a workbook)',
    file: () =>
      zipOf([
        { name: '[Content_Types].xml', data: contentTypes },
        { name: 'word/document.xml', data: Buffer.from('<document/>') },
      ]),
    status: 415,
    code: 'file_not_xlsx',
    detail: /không phải sổ làm việc Excel/,
  },
  {
    name: 'a truncated download',
    file: () => template.subarray(0, Math.floor(template.length / 2)),
    status: 415,
    code: 'file_not_xlsx',
    detail: /không trọn vẹn|bị hỏng/,
  },
  {
    name: 'a zip bomb (20 MB of zeros in a few kilobytes)',
    file: () =>
      zipOf([
        { name: '[Content_Types].xml', data: contentTypes },
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(20 * 1024 * 1024) },
      ]),
    status: 422,
    code: 'file_unsafe',
    detail: /zip bomb/,
  },
  {
    name: 'a zip bomb that lies about its size',
    file: () =>
      zipOf([
        { name: '[Content_Types].xml', data: contentTypes },
        { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
        { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(4 * 1024 * 1024), declaredSize: 1000 },
      ]),
    status: 422,
    code: 'file_unsafe',
    detail: /nhiều hơn kích thước khai báo/,
  },
  {
    name: 'broken XML inside a well-formed zip',
    file: () =>
      workbookWithSheet(
        '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></x></row></sheetData></worksheet>',
      ),
    status: 415,
    code: 'file_not_xlsx',
    detail: /Không đọc được nội dung bảng tính/,
  },
  {
    name: 'a workbook with no data sheet',
    file: () =>
      workbookWithSheet(
        '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Ghi chú</t></is></c></row></sheetData></worksheet>',
      ),
    status: 422,
    code: 'template_invalid',
    detail: /Không tìm thấy trang số liệu/,
  },
  {
    name: 'merged header cells',
    file: () => edited((sheet) => sheet.mergeCells('D3:E3')),
    status: 422,
    code: 'template_invalid',
    detail: /ô bị gộp \(D3:E3\)/,
  },
  {
    name: 'an older template version',
    file: () =>
      edited((sheet) => {
        sheet.getCell('B1').value = 0;
      }),
    status: 422,
    code: 'template_invalid',
    detail: /phiên bản 0.*phiên bản 1/,
  },
  {
    name: 'an indicator code changed in the header',
    file: () =>
      edited((sheet) => {
        sheet.getCell('D4').value = '1.9';
      }),
    status: 422,
    code: 'template_invalid',
    detail: /mã chỉ tiêu "1\.9"/,
  },
  {
    name: 'a 50 MB file',
    file: () => Buffer.alloc(50 * 1024 * 1024, 0x41),
    status: 413,
    code: 'file_too_large',
    detail: /20 MB/,
  },
];

describe(`bad Excel files on ${testDialect}`, () => {
  it.each(corpus)(
    'refuses $name with a clear error and writes nothing',
    async ({ file, status, code, detail }) => {
      const before = await countWrites(t.database.db);
      const result = await upload(t.inject, await file());
      expect([result.status, result.body.code]).toEqual([status, code]);
      expect(result.body.detail).toMatch(detail);
      expect(await countWrites(t.database.db)).toEqual(before);
    },
  );

  it('reports a formula as a problem of its cell, and refuses to write the file', async () => {
    const file = await edited((sheet) => {
      sheet.getCell('W8').value = { formula: 'V8*2', result: 90 } as never;
    });
    const before = await countWrites(t.database.db);
    const result = await upload(t.inject, file);
    expect(result.status).toBe(201);
    expect(result.body.problems).toEqual([
      expect.objectContaining({ sheet: DATA_SHEET, row: 8, column: 'W', value: '=V8*2' }),
    ]);
    expect(result.body.problems[0]?.message).toContain('công thức');
    const confirm = await t.inject({
      method: 'POST',
      url: `/api/excel/imports/${result.body.id}/confirm`,
    });
    expect(confirm.statusCode).toBe(422);
    const after = await countWrites(t.database.db);
    expect([after.values, after.audit]).toEqual([before.values, before.audit]);
  });

  it('refuses a request without a file, and keeps serving', async () => {
    const response = await t.inject({ method: 'POST', url: '/api/excel/imports', payload: {} });
    expect(response.statusCode).toBe(400);
    expect((response.json() as { detail: string }).detail).toContain('multipart/form-data');
    const units = await t.inject({ method: 'GET', url: '/api/units?date=2021-12-31' });
    expect(units.statusCode).toBe(200);
  });
});

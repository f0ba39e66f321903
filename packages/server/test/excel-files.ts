import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema';

/** Builds the files an upload test needs, and sends them the way a browser does. */

export interface ImportSummaryBody {
  id: string;
  status: string;
  format: string;
  sheetRows: number;
  newCount: number;
  changedCount: number;
  unchangedCount: number;
  approvedChanges: number;
  invalidRows: number;
  problemCount: number;
  onlyValidRows: boolean;
  problems: { sheet: string; row: number; column: string; header: string; value: string; message: string }[];
}

export interface ProblemBody {
  code: string;
  detail: string;
  status: number;
}

type Inject = (options: InjectOptions) => Promise<LightMyRequestResponse>;

export function multipartBody(bytes: Buffer, fileName: string): { payload: Buffer; contentType: string } {
  const boundary = '----ntm-test-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
      'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
  );
  return {
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

export async function upload(
  inject: Inject,
  bytes: Buffer,
  options: { fileName?: string; query?: string } = {},
): Promise<{ status: number; body: ImportSummaryBody & ProblemBody }> {
  const { payload, contentType } = multipartBody(bytes, options.fileName ?? 'so-lieu.xlsx');
  const response = await inject({
    method: 'POST',
    url: `/api/excel/imports${options.query ? `?${options.query}` : ''}`,
    payload,
    headers: { 'content-type': contentType },
  });
  return { status: response.statusCode, body: response.json() as ImportSummaryBody & ProblemBody };
}

export async function downloadTemplate(
  inject: Inject,
  unitId: string,
  year: number,
  setId: string,
): Promise<Buffer> {
  const response = await inject({
    method: 'GET',
    url: `/api/excel/template?unitId=${encodeURIComponent(unitId)}&year=${year}&criteriaSetId=${setId}`,
  });
  if (response.statusCode !== 200) throw new Error(`template ${response.statusCode}: ${response.body}`);
  return response.rawPayload;
}

export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

export async function saveWorkbook(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const DATA_SHEET = 'Số liệu';
export const FIRST_DATA_ROW = 8;

/** The data rows of a template: unit code, and the indicator code of each value column. */
export function templateGrid(workbook: ExcelJS.Workbook): {
  sheet: ExcelJS.Worksheet;
  codes: Map<number, string>;
  rows: { row: number; unitCode: string }[];
} {
  const sheet = workbook.getWorksheet(DATA_SHEET);
  if (!sheet) throw new Error('no data sheet');
  const codes = new Map<number, string>();
  sheet.getRow(4).eachCell((cell, column) => {
    if (column >= 4) codes.set(column, String(cell.value));
  });
  const rows: { row: number; unitCode: string }[] = [];
  for (let r = FIRST_DATA_ROW; r <= sheet.rowCount; r++) {
    const code = sheet.getRow(r).getCell(1).value;
    if (code !== null && code !== undefined) rows.push({ row: r, unitCode: String(code) });
  }
  return { sheet, codes, rows };
}

/** A list-shaped workbook: a header row, then one value per row. */
export async function listWorkbook(rows: unknown[][], sheetName = 'Danh sách'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(['Mã đơn vị', 'Mã chỉ tiêu', 'Năm', 'Giá trị', 'Nguồn']);
  for (const row of rows) sheet.addRow(row);
  return saveWorkbook(workbook);
}

export interface ZipPart {
  name: string;
  data: Buffer;
  /** Store (0) or deflate (8, default). */
  method?: 0 | 8;
  /** Lie about the unpacked size in the directory, as a forged zip bomb does. */
  declaredSize?: number;
  encrypted?: boolean;
}

/** A zip written by hand, so that tests can forge what no honest tool writes. */
export function zipOf(parts: readonly ZipPart[]): Buffer {
  const out: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const method = part.method ?? 8;
    const data = method === 8 ? zlib.deflateRawSync(part.data) : part.data;
    const name = Buffer.from(part.name);
    const size = part.declaredSize ?? part.data.length;
    const flags = part.encrypted ? 1 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(zlib.crc32(part.data) >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(zlib.crc32(part.data) >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    out.push(local, name, data);
    directory.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const dir = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, dir, end]);
}

/** The first bytes of an OLE compound file, and a directory entry naming a stream. */
export function oleFile(streamName: string): Buffer {
  const header = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const body = Buffer.alloc(1024);
  Buffer.from(streamName, 'utf16le').copy(body, 512);
  return Buffer.concat([header, body]);
}

/** Rows of measure_values, audit_log and change_sets: what "nothing written" is checked against. */
export async function countWrites(db: Kysely<Database>) {
  const count = async (table: 'measure_values' | 'audit_log' | 'change_sets') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    values: await count('measure_values'),
    audit: await count('audit_log'),
    changeSets: await count('change_sets'),
  };
}

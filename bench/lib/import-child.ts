import fs from 'node:fs';
import readline from 'node:readline';
import ExcelJS from 'exceljs';
import { BulkValueWriteRequest } from '../../packages/server/src/contract/values';
import { systemViewer } from '../../packages/server/src/features/auth/viewer';
import { writeValues } from '../../packages/server/src/features/values/values.service';
import { openSqlite } from '../dataset/databases';

/**
 * Runs one import measurement in a process of its own, so that its peak memory is its own:
 * `exceljs-read <xlsx>` reads every cell with ExcelJS's streaming reader (the reference);
 * `json-write <ndjson> <sqlite>` sends each line — one bulk write request body — through the
 * request schema and the product's bulk write, as PUT /api/values does.
 */
async function exceljsRead(file: string): Promise<number> {
  let cells = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(fs.createReadStream(file), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.value !== undefined) cells++;
      });
    }
  }
  return cells;
}

async function jsonWrite(file: string, sqliteFile: string): Promise<number> {
  const handle = openSqlite(sqliteFile);
  let written = 0;
  try {
    const lines = readline.createInterface({
      input: fs.createReadStream(file),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of lines) {
      if (line.trim() === '') continue;
      const request = BulkValueWriteRequest.parse(JSON.parse(line));
      const result = await writeValues(handle.db, systemViewer('bench-import'), request);
      written += result.written;
    }
  } finally {
    await handle.close();
  }
  return written;
}

const [mode, file, sqliteFile] = process.argv.slice(2);
const started = performance.now();
let count: number;
if (mode === 'exceljs-read' && file) count = await exceljsRead(file);
else if (mode === 'json-write' && file && sqliteFile) count = await jsonWrite(file, sqliteFile);
else throw new Error(`import-child: không hiểu tham số ${process.argv.slice(2).join(' ')}`);
const ms = performance.now() - started;
process.stdout.write(`${JSON.stringify({ ms, count, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);

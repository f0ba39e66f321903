import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { scopeFor } from '../../packages/server/src/features/auth/access-scope';
import { actorName, systemViewer } from '../../packages/server/src/features/auth/viewer';
import { installCatalogExtension } from '../../packages/server/src/features/catalog/catalog.service';
import { confirmImport, previewImport } from '../../packages/server/src/features/excel/excel-import.service';
import { getUnitDirectory } from '../../packages/server/src/features/units/unit-directory';
import { benchCatalog } from '../dataset/catalog';
import { openPostgres, openSqlite } from '../dataset/databases';

/**
 * Runs one import measurement in a process of its own, so that its peak memory is its own:
 * `exceljs-read <xlsx…>` reads every cell with ExcelJS's streaming reader (the reference);
 * `excel-import <sqlite file | postgres url> <xlsx…>` uploads and confirms each file through
 * the product's Excel import, as POST /api/excel/imports and …/confirm do for a signed-in user.
 */
async function exceljsRead(files: readonly string[]): Promise<{ ms: number; count: number }> {
  const started = performance.now();
  let cells = 0;
  for (const file of files) {
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
  }
  return { ms: performance.now() - started, count: cells };
}

async function excelImport(target: string, files: readonly string[]) {
  installCatalogExtension(benchCatalog());
  const handle = target.startsWith('postgres') ? openPostgres(target) : openSqlite(target);
  try {
    const viewer = systemViewer('bench-import');
    let started = performance.now();
    await getUnitDirectory(handle.db);
    const warmUpMs = performance.now() - started;
    const totals = { previewMs: 0, confirmMs: 0, count: 0, sheetRows: 0, unchanged: 0, warmUpMs };
    for (const file of files) {
      // Read before the clock starts: the server has the upload in memory when it calls the import.
      const bytes = fs.readFileSync(file);
      started = performance.now();
      const preview = await previewImport(
        handle.db,
        { bytes, fileName: path.basename(file) },
        {},
        actorName(viewer),
        await scopeFor(handle.db, viewer),
      );
      totals.previewMs += performance.now() - started;
      if (preview.problemCount > 0) {
        throw new Error(`${path.basename(file)}: ${JSON.stringify(preview.problems.slice(0, 5))}`);
      }
      started = performance.now();
      const applied = await confirmImport(
        handle.db,
        preview.id,
        { onlyValidRows: false, correction: false },
        actorName(viewer),
        await scopeFor(handle.db, viewer),
      );
      totals.confirmMs += performance.now() - started;
      totals.count += applied.newCount + applied.changedCount;
      totals.unchanged += applied.unchangedCount;
      totals.sheetRows += applied.sheetRows;
    }
    return totals;
  } finally {
    await handle.close();
  }
}

const [mode, ...args] = process.argv.slice(2);
let result: object;
if (mode === 'exceljs-read' && args.length > 0) result = await exceljsRead(args);
else if (mode === 'excel-import' && args.length > 1)
  result = await excelImport(args[0] as string, args.slice(1));
else throw new Error(`import-child: không hiểu tham số ${process.argv.slice(2).join(' ')}`);
process.stdout.write(`${JSON.stringify({ ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);

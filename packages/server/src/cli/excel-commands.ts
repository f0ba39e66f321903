import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatNumber } from '@ntm/core';
import { ReportFormat, ReportName } from '../contract/reports';
import type { DatabaseHandle } from '../db/database';
import { systemViewer } from '../features/auth/viewer';
import { confirmImport, discardImport, previewImport } from '../features/excel/excel-import.service';
import { exportTemplate } from '../features/excel/excel-template.service';
import { UnitLookup } from '../features/excel/unit-lookup';
import { defaultXlsxLimits, tooLarge } from '../features/excel/xlsx-safety';
import { standardReport } from '../features/reports/reports.service';
import { getUnitDirectory } from '../features/units/unit-directory';
import type { CliIo } from './run';

export interface CliTools {
  withDatabase<T>(run: (database: DatabaseHandle) => Promise<T>): Promise<T>;
  usageError(message: string): Error;
}

export const excelUsage = `  export-template <mã-đơn-vị> <năm> [--set <mã-bộ-tiêu-chí>] [--out <tệp.xlsx>]
                                   Xuất biểu mẫu nhập liệu Excel cho một địa bàn và một năm
  import-values <tệp.xlsx> [--dry-run] [--set <mã-bộ-tiêu-chí>] [--only-valid]
                [--correction --reason "lý do"]
                                   Nhập số liệu từ Excel: kiểm tra toàn bộ tệp, liệt kê từng lỗi;
                                   --dry-run chỉ kiểm tra và xem trước, không ghi gì
  report <tên-báo-cáo> <mã-đơn-vị> <năm> --format xlsx|pdf [--out <tệp>]
                                   Báo cáo chuẩn: ${ReportName.options.join(', ')}`;

/** Where the user typed the command: npm runs workspace scripts inside the package. */
function resolvePath(file: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), file);
}

function parseYear(text: string, tools: CliTools): number {
  const year = Number(text);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw tools.usageError(`Năm không hợp lệ: "${text}"`);
  return year;
}

async function unitIdFor(
  database: DatabaseHandle,
  code: string,
  year: number,
  tools: CliTools,
): Promise<string> {
  const match = new UnitLookup(await getUnitDirectory(database.db)).find(code, year);
  if ('problem' in match) throw tools.usageError(`Mã đơn vị: ${match.problem}`);
  return match.unit.id;
}

async function exportTemplateCommand(rest: string[], io: CliIo, tools: CliTools): Promise<number> {
  const { positionals, values } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { set: { type: 'string' }, out: { type: 'string' } },
  });
  const [code, yearText] = positionals;
  if (code === undefined || yearText === undefined || positionals.length > 2) {
    throw tools.usageError('export-template cần <mã-đơn-vị> <năm>.');
  }
  const year = parseYear(yearText, tools);
  return tools.withDatabase(async (database) => {
    const unitId = await unitIdFor(database, code, year, tools);
    const file = await exportTemplate(database.db, systemViewer('cli'), {
      unitId,
      year,
      ...(values.set ? { criteriaSetId: values.set } : {}),
    });
    const target = resolvePath(values.out ?? file.fileName);
    fs.writeFileSync(target, file.bytes);
    io.out(`Đã ghi biểu mẫu ${target} (${formatNumber(file.bytes.length / 1024, 0)} KB).`);
    return 0;
  });
}

async function importValuesCommand(rest: string[], io: CliIo, tools: CliTools): Promise<number> {
  const { positionals, values } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      'only-valid': { type: 'boolean', default: false },
      correction: { type: 'boolean', default: false },
      reason: { type: 'string' },
      set: { type: 'string' },
    },
  });
  const [file] = positionals;
  if (file === undefined || positionals.length > 1)
    throw tools.usageError('import-values cần đúng một <tệp.xlsx>.');
  const target = resolvePath(file);
  let size: number;
  try {
    size = fs.statSync(target).size;
  } catch {
    throw tools.usageError(`Không đọc được tệp "${target}".`);
  }
  if (size > defaultXlsxLimits.maxBytes) throw tooLarge();
  const bytes = fs.readFileSync(target);
  return tools.withDatabase(async ({ db }) => {
    const preview = await previewImport(
      db,
      { bytes, fileName: path.basename(target) },
      values.set ? { criteriaSetId: values.set } : {},
      'cli',
    );
    io.out(
      `${path.basename(target)}: ${formatNumber(preview.sheetRows)} dòng — ${formatNumber(preview.newCount)} giá trị mới, ${formatNumber(preview.changedCount)} thay đổi, ${formatNumber(preview.unchangedCount)} không đổi; ${formatNumber(preview.problemCount)} lỗi ở ${formatNumber(preview.invalidRows)} dòng.`,
    );
    for (const p of preview.problems.slice(0, 100)) {
      io.out(
        `  ${p.sheet}!${p.column}${p.row} ${p.header ? `[${p.header}] ` : ''}"${p.value}": ${p.message}`,
      );
    }
    if (preview.problemCount > 100) io.out(`  … và ${formatNumber(preview.problemCount - 100)} lỗi khác.`);
    if (values['dry-run']) {
      await discardImport(db, preview.id);
      io.out('Chạy thử (--dry-run): không ghi gì.');
      return preview.problemCount === 0 ? 0 : 1;
    }
    if (preview.problemCount > 0 && !values['only-valid']) {
      await discardImport(db, preview.id);
      io.err(
        'Tệp có lỗi; không giá trị nào được ghi. Sửa lỗi, hoặc dùng --only-valid để chỉ nhập các dòng hợp lệ.',
      );
      return 1;
    }
    const applied = await confirmImport(
      db,
      preview.id,
      {
        onlyValidRows: values['only-valid'],
        correction: values.correction,
        ...(values.reason ? { reason: values.reason } : {}),
      },
      'cli',
    );
    io.out(
      `Đã ghi ${formatNumber(applied.newCount + applied.changedCount)} giá trị (lần nhập ${applied.id}; hoàn tác được).`,
    );
    return 0;
  });
}

async function reportCommand(rest: string[], io: CliIo, tools: CliTools): Promise<number> {
  const { positionals, values } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      format: { type: 'string', default: 'xlsx' },
      out: { type: 'string' },
      set: { type: 'string' },
    },
  });
  const [nameText, code, yearText] = positionals;
  if (nameText === undefined || code === undefined || yearText === undefined || positionals.length > 3) {
    throw tools.usageError('report cần <tên-báo-cáo> <mã-đơn-vị> <năm>.');
  }
  const name = ReportName.safeParse(nameText);
  if (!name.success) {
    throw tools.usageError(
      `Không có báo cáo "${nameText}"; chọn một trong: ${ReportName.options.join(', ')}.`,
    );
  }
  const format = ReportFormat.safeParse(values.format);
  if (!format.success) throw tools.usageError('--format phải là xlsx hoặc pdf.');
  const year = parseYear(yearText, tools);
  return tools.withDatabase(async (database) => {
    const unitId = await unitIdFor(database, code, year, tools);
    const file = await standardReport(database.db, systemViewer('cli'), name.data, {
      unitId,
      year,
      format: format.data,
      ...(values.set ? { criteriaSetId: values.set } : {}),
    });
    const target = resolvePath(values.out ?? file.fileName);
    fs.writeFileSync(target, file.bytes);
    io.out(`Đã ghi báo cáo ${target}.`);
    return 0;
  });
}

export function runExcelCommand(
  command: string,
  rest: string[],
  io: CliIo,
  tools: CliTools,
): Promise<number> {
  switch (command) {
    case 'export-template':
      return exportTemplateCommand(rest, io, tools);
    case 'import-values':
      return importValuesCommand(rest, io, tools);
    default:
      return reportCommand(rest, io, tools);
  }
}

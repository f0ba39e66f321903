import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from './config';
import { openDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { installCatalogExtension } from './features/catalog/catalog.service';
import { readCatalogFolder } from './features/catalog/catalog-files';
import { createMailer, smtpConfigFromEnv } from './features/reminders/mailer';
import { reminderIntervalFromEnv, startReminderJob } from './features/reminders/reminder-job';
import { seedDemo } from './features/seed/seed-demo';
import { countUnits } from './features/units/units.repository';
import { ensureDemoAccounts, signInHelp } from './features/users/demo-accounts';
import { buildApp } from './http/app';

const started = performance.now();
const config = loadConfig();
if (config.catalogDir) installCatalogExtension(readCatalogFolder(config.catalogDir));
const database = openDatabase({
  databaseUrl: config.databaseUrl,
  sqliteFile: path.join(config.dataDir, 'ntm.sqlite'),
});
await migrateToLatest(database.db, database.dialect);
let seeded = '';
if ((await countUnits(database.db)) === 0) {
  const summary = await seedDemo(database.db);
  seeded = `Đã nạp dữ liệu demo "Tỉnh Demo": ${summary.units} đơn vị, ${summary.values} số liệu, ${summary.recognitions} quyết định công nhận.`;
}
await ensureDemoAccounts(database.db);
const app = await buildApp({
  database,
  logger: process.env.LOG_REQUESTS === '1',
  auth: { cookieSecure: config.cookieSecure },
});
const address = await app.listen({ port: config.port, host: config.host });
const smtp = smtpConfigFromEnv();
const stopReminders = startReminderJob(database.db, {
  minutes: reminderIntervalFromEnv(),
  mailer: smtp ? createMailer(smtp) : null,
  onError: (error) => process.stderr.write(`Nhắc việc lỗi / reminders failed: ${String(error)}\n`),
});
const url = `http://localhost:${new URL(address).port}`;
const lines = [
  '',
  'NTM Monitor đang chạy / is running',
  `  Ứng dụng:        ${url}/`,
  `  Tài liệu API:    ${url}/api/docs`,
  `  Cơ sở dữ liệu:   ${database.dialect} — ${database.location}`,
  ...(seeded ? [`  ${seeded}`] : []),
  ...(await signInHelp(database.db)),
  `  Khởi động trong ${Math.round(performance.now() - started)} ms. Dừng: Ctrl+C`,
  '',
];
process.stdout.write(`${lines.join('\n')}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopReminders();
    void app
      .close()
      .then(() => database.close())
      .finally(() => process.exit(0));
  });
}

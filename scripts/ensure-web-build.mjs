// Builds the web application when its bundle is missing or older than its sources, so that
// `npm start` on a fresh clone (or after a pull) always serves the current pages.
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const web = path.resolve(import.meta.dirname, '../packages/web');
const bundle = path.join(web, 'dist/index.html');

function newest(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(entry).map((name) => newest(path.join(entry, name))));
}

const sources = ['src', 'index.html', 'vite.config.ts', 'package.json'].map((p) => path.join(web, p));
const builtAt = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
if (builtAt < Math.max(...sources.filter((p) => fs.existsSync(p)).map(newest))) {
  process.stdout.write('Đang build giao diện web (lần đầu mất khoảng 1 phút)…\n');
  execSync('npm run build -w @ntm/web', { stdio: 'inherit', cwd: path.resolve(web, '../..') });
}

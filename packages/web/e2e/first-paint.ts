/**
 * Measures the dashboard's first meaningful paint: from navigation start to the moment the
 * year's targets are on screen, in a cold browser (new process, empty cache) signed in as the
 * provincial leader, on the demo data. Not a test (timings vary with the machine): run it with
 *   npx tsx packages/web/e2e/first-paint.ts [runs]
 * It starts the application as the README says and prints each run and the median.
 */
import os from 'node:os';
import { launchBrowser, type RunningApp, startApp } from './harness';

const runs = Number(process.argv[2] ?? 5);

async function sessionCookie(app: RunningApp): Promise<{ name: string; value: string }> {
  const response = await fetch(`${app.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'lanhdao', password: 'Demo@2026' }),
  });
  if (!response.ok) throw new Error(`login: ${response.status}`);
  const [pair = ''] = response.headers.getSetCookie().filter((c) => c.startsWith('ntm_session='));
  const [name = '', value = ''] = (pair.split(';')[0] ?? '').split('=');
  return { name, value };
}

async function measureOnce(app: RunningApp, cookie: { name: string; value: string }) {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    await context.addCookies([{ ...cookie, url: app.url }]);
    // Element Timing reports when the targets' text is painted, whatever the main thread does next.
    await context.addInitScript(() => {
      const paints: Record<string, number> = {};
      (window as unknown as { __paints: Record<string, number> }).__paints = paints;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & {
          identifier: string;
          renderTime: number;
        })[])
          paints[entry.identifier] ??= entry.renderTime;
      }).observe({ type: 'element', buffered: true });
    });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${app.url}/?nam=2021`, { waitUntil: 'commit' });
    await page
      .getByTestId('target-average_criteria_per_commune')
      .waitFor({ state: 'visible', timeout: 60_000 });
    const timing = await page.evaluate(() => ({
      targetsPainted:
        (window as unknown as { __paints: Record<string, number> }).__paints[
          'target-average_criteria_per_commune'
        ] ?? null,
      targetsVisible: performance.now(),
      firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    }));
    // CPU time of the page's main thread: what the page itself cost, whatever else the machine was doing.
    const { metrics } = await cdp.send('Performance.getMetrics');
    const threadTime = metrics.find((m) => m.name === 'ThreadTime')?.value ?? Number.NaN;
    return { ...timing, mainThreadCpu: threadTime * 1000 };
  } finally {
    await browser.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

const app = await startApp();
try {
  const cookie = await sessionCookie(app);
  // One warm-up run lets the server build its caches, as a server that has been up a while has.
  await measureOnce(app, cookie);
  const results = [];
  for (let i = 0; i < runs; i++) {
    const result = await measureOnce(app, cookie);
    results.push(result);
    process.stdout.write(
      `run ${i + 1}: targets painted ${Math.round(result.targetsPainted ?? Number.NaN)} ms, seen by the test ${Math.round(result.targetsVisible)} ms, first contentful paint ${Math.round(result.firstContentfulPaint ?? Number.NaN)} ms, main-thread CPU ${Math.round(result.mainThreadCpu)} ms\n`,
    );
  }
  process.stdout.write(
    `median: targets painted ${Math.round(median(results.map((r) => r.targetsPainted ?? Number.NaN)))} ms, seen by the test ${Math.round(median(results.map((r) => r.targetsVisible)))} ms, first contentful paint ${Math.round(median(results.map((r) => r.firstContentfulPaint ?? Number.NaN)))} ms, main-thread CPU ${Math.round(median(results.map((r) => r.mainThreadCpu)))} ms (load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores)\n`,
  );
} finally {
  await app.stop();
}

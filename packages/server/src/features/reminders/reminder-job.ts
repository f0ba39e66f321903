import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Mailer } from './mailer';
import { runReminders } from './reminders.service';

export class ReminderConfigError extends Error {}

/** REMINDER_INTERVAL_MINUTES: how often the server process runs the reminders; 0 turns the job off. */
export function reminderIntervalFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.REMINDER_INTERVAL_MINUTES?.trim();
  if (!raw) return 60;
  const minutes = Number(raw);
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new ReminderConfigError(`REMINDER_INTERVAL_MINUTES must be a number of minutes ≥ 0, got "${raw}"`);
  }
  return minutes;
}

/**
 * Runs the reminders in the server process every `minutes`, the first time shortly after start.
 * Every process behind a load balancer may run it: reminders are claimed in the database.
 */
export function startReminderJob(
  db: Kysely<Database>,
  options: { minutes: number; mailer: Mailer | null; onError: (error: unknown) => void },
): () => void {
  if (options.minutes === 0) return () => {};
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runReminders(db, { mailer: options.mailer })
      .catch(options.onError)
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(tick, 10_000);
  const timer = setInterval(tick, options.minutes * 60_000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

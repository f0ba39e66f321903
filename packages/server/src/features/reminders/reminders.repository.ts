import type { Kysely } from 'kysely';
import type { ReminderSettings } from '../../contract/follow-up';
import type { Database } from '../../db/schema';

/**
 * Until the program office sets them: a month without new data is worth a reminder, and three
 * days' notice before a deadline leaves time to act. E-mail is off until asked for.
 */
export const defaultReminderSettings: ReminderSettings = {
  staleDays: 30,
  dueSoonDays: 3,
  emailDigest: false,
};

export async function readReminderSettings(
  db: Kysely<Database>,
): Promise<ReminderSettings & { updatedAt: string | null; updatedBy: string | null }> {
  const row = await db
    .selectFrom('reminder_settings')
    .selectAll()
    .where('id', '=', 'province')
    .executeTakeFirst();
  if (!row) return { ...defaultReminderSettings, updatedAt: null, updatedBy: null };
  return {
    staleDays: row.stale_days,
    dueSoonDays: row.due_soon_days,
    emailDigest: Number(row.email_digest) === 1,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
  };
}

export async function writeReminderSettings(
  db: Kysely<Database>,
  settings: ReminderSettings,
  at: string,
  by: string,
): Promise<void> {
  const row = {
    stale_days: settings.staleDays,
    due_soon_days: settings.dueSoonDays,
    email_digest: settings.emailDigest ? 1 : 0,
    updated_at: at,
    updated_by: by,
  };
  await db
    .insertInto('reminder_settings')
    .values({ id: 'province', ...row })
    .onConflict((oc) => oc.column('id').doUpdateSet(row))
    .execute();
}

/**
 * Claims a reminder by its key; false when it was already sent (by this or another server
 * process), so every reminder goes out once however many processes run the job.
 */
export async function claimDelivery(
  db: Kysely<Database>,
  key: string,
  userId: string,
  at: string,
): Promise<boolean> {
  const result = await db
    .insertInto('reminder_deliveries')
    .values({ key, user_id: userId, sent_at: at })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

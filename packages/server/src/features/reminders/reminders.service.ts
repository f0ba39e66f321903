import { daysBetween, deadlineState, formatDate, type ObstacleStatus } from '@ntm/core';
import type { Kysely } from 'kysely';
import type {
  ReminderRunResponse,
  ReminderSettings,
  ReminderSettingsResponse,
} from '../../contract/follow-up';
import type { Database } from '../../db/schema';
import { syncMaintenanceAlerts } from '../alerts/alerts.service';
import { appendAudit } from '../audit/audit.repository';
import { actorName, type Viewer } from '../auth/viewer';
import { notifyOverdueTasks } from '../directives/directives.service';
import { insertNotifications } from '../notifications/notifications.repository';
import { findObstacles } from '../obstacles/obstacles.repository';
import { vietnamToday } from '../obstacles/obstacles.service';
import { getUnitDirectory, type UnitDirectory } from '../units/unit-directory';
import { usersByUsernames } from '../users/users.repository';
import type { Mailer } from './mailer';
import { areaUserIds, departmentUserIds, provinceAdminIds } from './recipients';
import { claimDelivery, readReminderSettings, writeReminderSettings } from './reminders.repository';

interface Reminder {
  /** Names the reminder once and for all: the same key is never sent twice. */
  key: string;
  userIds: readonly string[];
  kind: string;
  message: string;
  unitId: string | null;
  year: number | null;
}

/** Claims and writes each reminder in one transaction, so a reminder is neither lost nor doubled. */
async function deliver(db: Kysely<Database>, reminders: readonly Reminder[], at: string): Promise<number> {
  let sent = 0;
  for (const reminder of reminders) {
    for (const userId of new Set(reminder.userIds)) {
      sent += await db.transaction().execute(async (trx) => {
        if (!(await claimDelivery(trx, `${reminder.key}:${userId}`, userId, at))) return 0;
        await insertNotifications(trx, [
          {
            user_id: userId,
            at,
            kind: reminder.kind,
            message: reminder.message,
            unit_id: reminder.unitId,
            year: reminder.year,
            actor: 'he-thong',
            read_at: null,
          },
        ]);
        return 1;
      });
    }
  }
  return sent;
}

async function deadlineReminders(db: Kysely<Database>, today: string, warnDays: number): Promise<Reminder[]> {
  const open = [
    ...(await findObstacles(db, { status: 'open' })),
    ...(await findObstacles(db, { status: 'in_progress' })),
  ];
  const directory = await getUnitDirectory(db);
  const reminders: Reminder[] = [];
  for (const o of open) {
    const state = deadlineState({ status: o.status as ObstacleStatus, dueDate: o.due_date }, today, warnDays);
    if (state !== 'approaching' && state !== 'overdue') continue;
    const handlers = await departmentUserIds(db, o.department_code);
    const unitName = directory.byId.get(o.unit_id)?.name ?? o.unit_id;
    if (state === 'approaching') {
      reminders.push({
        key: `obstacle_due_soon:${o.id}:${o.due_date}`,
        userIds: handlers.length > 0 ? handlers : await provinceAdminIds(db),
        kind: 'obstacle_due_soon',
        message: `Vướng mắc "${o.title}" của ${unitName} sắp đến hạn xử lý (${formatDate(o.due_date)}).`,
        unitId: o.unit_id,
        year: o.year,
      });
    } else {
      const raiser = (await usersByUsernames(db, [o.raised_by])).map((u) => u.id);
      reminders.push({
        key: `obstacle_overdue:${o.id}:${o.due_date}`,
        userIds: [...handlers, ...raiser, ...(await provinceAdminIds(db))],
        kind: 'obstacle_overdue',
        message: `Vướng mắc "${o.title}" của ${unitName} đã quá hạn xử lý ${daysBetween(o.due_date, today)} ngày (hạn ${formatDate(o.due_date)}).`,
        unitId: o.unit_id,
        year: o.year,
      });
    }
  }
  return reminders;
}

/** The unit and its villages: a commune's data is fresh if any of it changed. */
function areaOf(directory: UnitDirectory, unitId: string): string[] {
  return [unitId, ...directory.units.filter((u) => u.parentId === unitId).map((u) => u.id)];
}

async function staleDataReminders(
  db: Kysely<Database>,
  today: string,
  staleDays: number,
): Promise<Reminder[]> {
  const directory = await getUnitDirectory(db);
  const accounts = await db
    .selectFrom('users')
    .select(['id', 'unit_id'])
    .where('active', '=', 1)
    .where('role', '=', 'commune')
    .execute();
  // One reminder per period of `staleDays` while the data stays old.
  const period = Math.floor(daysBetween('2000-01-01', today) / staleDays);
  const reminders: Reminder[] = [];
  for (const account of accounts) {
    if (account.unit_id === null) continue;
    const unit = directory.byId.get(account.unit_id);
    if (!unit) continue;
    const row = await db
      .selectFrom('measure_values')
      .select((eb) => eb.fn.max('updated_at').as('last'))
      .where('unit_id', 'in', areaOf(directory, unit.id))
      .executeTakeFirst();
    const last = row?.last ? String(row.last) : null;
    const idle = last === null ? null : daysBetween(last.slice(0, 10), today);
    if (idle !== null && idle < staleDays) continue;
    reminders.push({
      key: `stale_data:${period}`,
      userIds: [account.id],
      kind: 'stale_data',
      message:
        last === null
          ? `${unit.name} chưa có số liệu nào; hãy nhập số liệu các chỉ tiêu.`
          : `Số liệu của ${unit.name} chưa được cập nhật ${idle} ngày (lần cuối ${formatDate(last)}); hãy cập nhật số liệu các chỉ tiêu.`,
      unitId: unit.id,
      year: null,
    });
  }
  return reminders;
}

/** Values returned for revision and still not sent again after the warning days. */
async function returnedValueReminders(
  db: Kysely<Database>,
  today: string,
  warnDays: number,
): Promise<Reminder[]> {
  const rows = await db
    .selectFrom('measure_values')
    .select([
      'unit_id',
      'year',
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.min('returned_at').as('first'),
    ])
    .where('status', '=', 'draft')
    .where('returned_at', 'is not', null)
    .groupBy(['unit_id', 'year'])
    .execute();
  const directory = await getUnitDirectory(db);
  const reminders: Reminder[] = [];
  for (const row of rows) {
    const first = String(row.first);
    if (daysBetween(first.slice(0, 10), today) < warnDays) continue;
    reminders.push({
      key: `values_returned:${row.unit_id}:${row.year}:${first}`,
      userIds: await areaUserIds(db, directory, row.unit_id, ['commune', 'district']),
      kind: 'values_returned_reminder',
      message: `${directory.byId.get(row.unit_id)?.name ?? row.unit_id} còn ${Number(row.n)} số liệu năm ${row.year} bị trả lại từ ${formatDate(first)} chưa được sửa và gửi lại.`,
      unitId: row.unit_id,
      year: Number(row.year),
    });
  }
  return reminders;
}

/**
 * E-mails each recipient the notifications they have not read and not yet been sent. The claim
 * (moving `last_digest_notification_id` from the value read) makes one process send it; a
 * failed send gives the claim back so the next run tries again.
 */
async function sendDigests(db: Kysely<Database>, mailer: Mailer, at: string): Promise<number> {
  const recipients = await db
    .selectFrom('reminder_recipients')
    .innerJoin('users', 'users.id', 'reminder_recipients.user_id')
    .select([
      'reminder_recipients.user_id',
      'reminder_recipients.email',
      'reminder_recipients.last_digest_notification_id',
      'users.display_name',
    ])
    .where('users.active', '=', 1)
    .execute();
  let sent = 0;
  for (const r of recipients) {
    const previous = Number(r.last_digest_notification_id);
    const pending = await db
      .selectFrom('notifications')
      .select(['id', 'at', 'message'])
      .where('user_id', '=', r.user_id)
      .where('read_at', 'is', null)
      .where('id', '>', previous)
      .orderBy('id')
      .execute();
    if (pending.length === 0) continue;
    const upTo = Number(pending[pending.length - 1]?.id);
    const claim = await db
      .updateTable('reminder_recipients')
      .set({ last_digest_notification_id: upTo, last_digest_at: at })
      .where('user_id', '=', r.user_id)
      .where('last_digest_notification_id', '=', previous)
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) continue;
    try {
      await mailer.send({
        to: r.email,
        subject: `[NTM Monitor] ${pending.length} thông báo chưa đọc`,
        text: [
          `Kính gửi ${r.display_name},`,
          '',
          `Anh/chị có ${pending.length} thông báo mới trên NTM Monitor:`,
          '',
          ...pending.map((n) => `- ${formatDate(n.at)}: ${n.message}`),
          '',
          'Đăng nhập NTM Monitor (Hộp thư) để xem chi tiết và xử lý.',
        ].join('\n'),
      });
      sent++;
    } catch (error) {
      await db
        .updateTable('reminder_recipients')
        .set({ last_digest_notification_id: previous })
        .where('user_id', '=', r.user_id)
        .where('last_digest_notification_id', '=', upTo)
        .execute();
      throw error;
    }
  }
  return sent;
}

/**
 * One run of the reminders: maintenance alerts brought up to date, then deadlines approaching
 * and missed, communes whose data has not changed for the set number of days, returned values
 * left unfixed, and e-mail digests when e-mail is configured and switched on. Safe to run from
 * several processes at once and as often as wanted: every reminder is claimed by its key.
 */
export async function runReminders(
  db: Kysely<Database>,
  options: { now?: Date; mailer?: Mailer | null } = {},
): Promise<ReminderRunResponse> {
  const now = options.now ?? new Date();
  const at = now.toISOString();
  const today = vietnamToday(now);
  const alertsRaised = await syncMaintenanceAlerts(db, { now });
  const settings = await readReminderSettings(db);
  const reminders = [
    ...(await deadlineReminders(db, today, settings.dueSoonDays)),
    ...(await staleDataReminders(db, today, settings.staleDays)),
    ...(await returnedValueReminders(db, today, settings.dueSoonDays)),
  ];
  const notifications = (await deliver(db, reminders, at)) + (await notifyOverdueTasks(db, now));
  const emails = options.mailer && settings.emailDigest ? await sendDigests(db, options.mailer, at) : 0;
  return { alertsRaised, notifications, emails };
}

export async function reminderSettingsFor(
  db: Kysely<Database>,
  smtpConfigured: boolean,
): Promise<ReminderSettingsResponse> {
  return { ...(await readReminderSettings(db)), smtpConfigured };
}

export async function updateReminderSettings(
  db: Kysely<Database>,
  viewer: Viewer,
  settings: ReminderSettings,
  smtpConfigured: boolean,
  now = new Date(),
): Promise<ReminderSettingsResponse> {
  const at = now.toISOString();
  const actor = actorName(viewer);
  await db.transaction().execute(async (trx) => {
    const before = await readReminderSettings(trx);
    await writeReminderSettings(trx, settings, at, actor);
    await appendAudit(
      trx,
      [
        {
          actor,
          action: 'update',
          entity: 'reminder_settings',
          entityId: 'province',
          before,
          after: settings,
        },
      ],
      at,
    );
  });
  return reminderSettingsFor(db, smtpConfigured);
}

export async function reminderEmailOf(
  db: Kysely<Database>,
  viewer: Viewer,
): Promise<{ email: string | null }> {
  if (viewer.kind !== 'user') return { email: null };
  const row = await db
    .selectFrom('reminder_recipients')
    .select('email')
    .where('user_id', '=', viewer.user.id)
    .executeTakeFirst();
  return { email: row?.email ?? null };
}

/** A user's own address for the digests; null stops them. */
export async function setReminderEmail(
  db: Kysely<Database>,
  viewer: Viewer,
  email: string | null,
  now = new Date(),
): Promise<{ email: string | null }> {
  if (viewer.kind !== 'user') return { email: null };
  const userId = viewer.user.id;
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const before = await reminderEmailOf(trx, viewer);
    if (email === null) {
      await trx.deleteFrom('reminder_recipients').where('user_id', '=', userId).execute();
    } else {
      // Only what arrives from now on is e-mailed, not the whole backlog of the inbox.
      const last = await trx
        .selectFrom('notifications')
        .select((eb) => eb.fn.max('id').as('id'))
        .where('user_id', '=', userId)
        .executeTakeFirst();
      const lastId = Number(last?.id ?? 0);
      await trx
        .insertInto('reminder_recipients')
        .values({ user_id: userId, email, last_digest_notification_id: lastId, last_digest_at: null })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ email }))
        .execute();
    }
    await appendAudit(
      trx,
      [
        {
          actor: viewer.user.username,
          action: 'update',
          entity: 'reminder_email',
          entityId: userId,
          before,
          after: { email },
        },
      ],
      at,
    );
  });
  return { email };
}

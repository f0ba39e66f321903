import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObstacleDetail, ReminderSettingsResponse } from '../src/contract/follow-up';
import { createMailer } from '../src/features/reminders/mailer';
import { runReminders } from '../src/features/reminders/reminders.service';
import { demoAccountsOf } from './demo-accounts';
import { createTestApp, type TestApp, testDialect } from './harness';
import { type Session, signIn } from './sessions';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

let t: TestApp;
let smtp: SMTPServer;
let port = 0;
const received: Received[] = [];
let department: Session;
let commune: Session;
let communeId = '';

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const accounts = await demoAccountsOf(t);
  department = await signIn(t.app, accounts.department.username);
  commune = await signIn(t.app, accounts.commune.username);
  communeId = accounts.commune.unitId as string;
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  await t?.close();
});

/** The text part of a message, with quoted-printable soft breaks and escapes undone. */
function textOf(raw: string): string {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  return Buffer.from(
    body
      .replace(/=\r\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

describe(`reminders and e-mail digests (${testDialect})`, () => {
  it('keeps e-mail off by default and lets the program office set the days', async () => {
    const settings = await t.inject({ method: 'GET', url: '/api/reminders/settings' });
    expect(settings.json()).toMatchObject({ staleDays: 30, dueSoonDays: 3, emailDigest: false });
    expect((await department.get<{ code: string }>('/api/reminders/settings')).status).toBe(403);
    const bad = await t.inject({
      method: 'PUT',
      url: '/api/reminders/settings',
      payload: { staleDays: 0, dueSoonDays: 3, emailDigest: true },
    });
    expect(bad.statusCode).toBe(422);
    const saved = await t.inject({
      method: 'PUT',
      url: '/api/reminders/settings',
      payload: { staleDays: 30, dueSoonDays: 3, emailDigest: true },
    });
    expect((saved.json() as ReminderSettingsResponse).emailDigest).toBe(true);
  });

  it('notifies missed deadlines and stale data once, and e-mails each recipient a digest once through SMTP', async () => {
    const email = await department.send<{ email: string }>('PUT', '/api/reminders/email', {
      email: 'so.gtvt@example.vn',
    });
    expect(email.body.email).toBe('so.gtvt@example.vn');
    expect(
      (await department.send<{ code: string }>('PUT', '/api/reminders/email', { email: 'không-phải-thư' }))
        .status,
    ).toBe(422);

    const raised = await commune.send<ObstacleDetail>('POST', '/api/obstacles', {
      unitId: communeId,
      year: 2021,
      criterionNumber: '2',
      severity: 'urgent',
      title: 'Cầu tràn thôn Tây bị cuốn trôi',
      description: 'Cầu tràn thôn Tây bị lũ cuốn trôi, học sinh phải đi đường vòng 5 km.',
    });
    expect(raised.status).toBe(200);

    const mailer = createMailer({ url: `smtp://127.0.0.1:${port}`, from: 'NTM Monitor <ntm@example.vn>' });
    // Sixty days on, every open obstacle is overdue and the demo data is long untouched.
    const later = new Date(Date.now() + 60 * 86_400_000);
    const first = await runReminders(t.database.db, { now: later, mailer });
    expect(first.notifications).toBeGreaterThan(0);
    expect(first.emails).toBe(1);
    expect(received).toHaveLength(1);
    expect(received[0]?.to).toEqual(['so.gtvt@example.vn']);
    const text = textOf(received[0]?.raw ?? '');
    expect(text).toContain('Cầu tràn thôn Tây bị cuốn trôi');
    expect(text).toContain('quá hạn');

    const kinds = await department.get<{ notifications: { kind: string; message: string }[] }>(
      '/api/notifications',
    );
    const overdue = kinds.body.notifications.filter(
      (n) => n.kind === 'obstacle_overdue' && n.message.includes('Cầu tràn'),
    );
    expect(overdue).toHaveLength(1);
    const communeInbox = await commune.get<{ notifications: { kind: string }[] }>('/api/notifications');
    expect(communeInbox.body.notifications.map((n) => n.kind)).toEqual(
      expect.arrayContaining(['stale_data', 'obstacle_overdue']),
    );

    // Run again, as a second server process would: nothing new is sent.
    const second = await runReminders(t.database.db, { now: later, mailer });
    expect(second).toEqual({ alertsRaised: 0, notifications: 0, emails: 0 });
    expect(received).toHaveLength(1);
  });

  it('runs from the API for the program office only', async () => {
    expect((await department.send<{ code: string }>('POST', '/api/reminders/run')).status).toBe(403);
    const run = await t.inject({ method: 'POST', url: '/api/reminders/run' });
    expect(run.statusCode).toBe(200);
    expect(run.json()).toMatchObject({ emails: 0 });
  });
});

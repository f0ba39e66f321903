import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../contract/common';
import {
  ReminderEmailRequest,
  ReminderEmailResponse,
  ReminderRunResponse,
  ReminderSettings,
  ReminderSettingsResponse,
} from '../../contract/follow-up';
import type { RouteDeps } from '../../http/app';
import { createMailer, smtpConfigFromEnv } from './mailer';
import {
  reminderEmailOf,
  reminderSettingsFor,
  runReminders,
  setReminderEmail,
  updateReminderSettings,
} from './reminders.service';

export const reminderRoutes: FastifyPluginAsyncZod<RouteDeps> = async (app, { database }) => {
  const tags = ['Nhắc việc'];
  const smtp = smtpConfigFromEnv();
  const mailer = smtp ? createMailer(smtp) : null;
  app.get(
    '/reminders/settings',
    {
      config: { access: { kind: 'admin' } },
      schema: {
        tags,
        summary:
          'Cấu hình nhắc việc: số ngày chưa cập nhật số liệu, số ngày báo trước hạn, thư điện tử tổng hợp',
        response: { 200: ReminderSettingsResponse, ...errorResponses },
      },
    },
    async () => reminderSettingsFor(database.db, smtp !== null),
  );
  app.put(
    '/reminders/settings',
    {
      config: { access: { kind: 'admin' } },
      schema: {
        tags,
        summary: 'Đổi cấu hình nhắc việc',
        body: ReminderSettings,
        response: { 200: ReminderSettingsResponse, ...errorResponses },
      },
    },
    async (request) => updateReminderSettings(database.db, request.viewer, request.body, smtp !== null),
  );
  app.post(
    '/reminders/run',
    {
      config: { access: { kind: 'admin' } },
      schema: {
        tags,
        summary: 'Chạy nhắc việc ngay (máy chủ cũng tự chạy định kỳ; mỗi lời nhắc chỉ gửi một lần)',
        response: { 200: ReminderRunResponse, ...errorResponses },
      },
    },
    async () => runReminders(database.db, { mailer }),
  );
  app.get(
    '/reminders/email',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        tags,
        summary: 'Địa chỉ nhận thư tổng hợp thông báo của tôi',
        response: { 200: ReminderEmailResponse, ...errorResponses },
      },
    },
    async (request) => reminderEmailOf(database.db, request.viewer),
  );
  app.put(
    '/reminders/email',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        tags,
        summary: 'Đặt (hoặc bỏ, với null) địa chỉ nhận thư tổng hợp thông báo của tôi',
        body: ReminderEmailRequest,
        response: { 200: ReminderEmailResponse, ...errorResponses },
      },
    },
    async (request) => setReminderEmail(database.db, request.viewer, request.body.email),
  );
};

import type { ReminderSettings } from '@ntm/server/contract/follow-up';
import { App, Button, Card, Flex, Form, Input, InputNumber, Switch, Typography } from 'antd';
import { problemDetail } from '../../api/client';
import {
  useReminderEmail,
  useReminderSettings,
  useRunReminders,
  useSaveReminderEmail,
  useSaveReminderSettings,
} from '../../api/follow-up';
import { useCurrentUser } from '../../auth/session';
import { useFollowUpText } from './messages';

/** The program office sets when reminders go out; everyone may give an address for the e-mail digest. */
export function RemindersCard() {
  const text = useFollowUpText();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const admin = user?.role === 'province_admin';
  const settings = useReminderSettings(admin);
  const save = useSaveReminderSettings();
  const run = useRunReminders();
  const email = useReminderEmail();
  const saveEmail = useSaveReminderEmail();
  const fail = (error: unknown) => void message.error(problemDetail(error));
  return (
    <Card size="small" title={text('remindersTitle')} data-testid="reminders-card">
      <Flex vertical gap={12}>
        {admin && settings.data && (
          <Form<ReminderSettings>
            layout="inline"
            initialValues={settings.data}
            onFinish={(values) =>
              save.mutateAsync(values).then(() => void message.success(text('saved')), fail)
            }
          >
            <Form.Item name="staleDays" label={text('staleDays')} rules={[{ required: true }]}>
              <InputNumber min={1} max={365} />
            </Form.Item>
            <Form.Item name="dueSoonDays" label={text('dueSoonDays')} rules={[{ required: true }]}>
              <InputNumber min={1} max={60} />
            </Form.Item>
            <Form.Item name="emailDigest" label={text('emailDigest')} valuePropName="checked">
              <Switch disabled={!settings.data.smtpConfigured} />
            </Form.Item>
            <Button htmlType="submit" type="primary" loading={save.isPending}>
              {text('save')}
            </Button>
            <Button
              style={{ marginLeft: 8 }}
              loading={run.isPending}
              onClick={() =>
                run.mutateAsync().then(
                  (r) =>
                    void message.success(
                      text('ranReminders', {
                        notifications: r.notifications,
                        emails: r.emails,
                        alerts: r.alertsRaised,
                      }),
                    ),
                  fail,
                )
              }
            >
              {text('runReminders')}
            </Button>
          </Form>
        )}
        {admin && settings.data && !settings.data.smtpConfigured && (
          <Typography.Text type="secondary">{text('smtpOff')}</Typography.Text>
        )}
        {email.data && (
          <Form<{ email: string }>
            layout="inline"
            initialValues={{ email: email.data.email ?? '' }}
            onFinish={(values) =>
              saveEmail
                .mutateAsync(values.email.trim() || null)
                .then(() => void message.success(text('saved')), fail)
            }
          >
            <Form.Item name="email" label={text('myEmail')} rules={[{ type: 'email' }]}>
              <Input style={{ width: 260 }} maxLength={200} placeholder="ten@so.gov.vn" />
            </Form.Item>
            <Button htmlType="submit" loading={saveEmail.isPending}>
              {text('save')}
            </Button>
          </Form>
        )}
      </Flex>
    </Card>
  );
}

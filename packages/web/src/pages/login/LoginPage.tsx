import type { LoginRequest } from '@ntm/server/contract/auth';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useSession, useSignIn } from '../../auth/session';
import { DemoBadge } from '../../components/DemoBadge';
import { useI18n } from '../../i18n';

/** Only paths inside the application: a crafted ?next= must not send the user elsewhere. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const signIn = useSignIn();
  const next = safeNext(params.get('next'));
  if (session.data?.user) return <Navigate to={next} replace />;
  const error =
    signIn.error instanceof ApiError ? signIn.error.detail : signIn.error ? String(signIn.error) : null;
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh', background: '#f0f2f5', padding: 16 }}>
      <Card style={{ width: 380 }}>
        <Flex vertical gap={8} style={{ marginBottom: 16 }}>
          <Flex justify="space-between" align="center">
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('appName')}
            </Typography.Title>
            <DemoBadge />
          </Flex>
          <Typography.Text type="secondary">{t('auth.subtitle')}</Typography.Text>
        </Flex>
        <Form<LoginRequest>
          layout="vertical"
          requiredMark={false}
          onFinish={(values) =>
            signIn.mutate(values, { onSuccess: () => void navigate(next, { replace: true }) })
          }
        >
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, message: t('auth.usernameRequired') }]}
          >
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && (
            <Alert
              type="error"
              showIcon
              message={error}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          )}
          <Button type="primary" htmlType="submit" block loading={signIn.isPending}>
            {signIn.isPending ? t('auth.signingIn') : t('auth.signIn')}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 12 }}>
          {t('auth.demoHint')}
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}

import { App, Button, Dropdown, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { problemDetail } from '../api/client';
import { useI18n } from '../i18n';
import { useChangePassword, useCurrentUser, useSignOut } from './session';

function ChangePasswordModal({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const change = useChangePassword();
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string; confirm: string }>();
  const [error, setError] = useState<string | null>(null);
  async function submit() {
    const values = await form.validateFields();
    try {
      await change.mutateAsync({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      void message.success(t('auth.passwordChanged'));
      form.resetFields();
      setError(null);
      onClose();
    } catch (e) {
      setError(problemDetail(e));
    }
  }
  return (
    <Modal
      open={open}
      title={t('auth.changePassword')}
      onOk={() => void submit()}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          extra={t('auth.passwordRule')}
          rules={[{ required: true, min: 8 }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('auth.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('auth.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Form>
    </Modal>
  );
}

/** The signed-in user's name and role, with password change and sign-out (here or everywhere). */
export function UserMenu() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useCurrentUser();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [changing, setChanging] = useState(false);
  if (!user) return null;
  const leave = async (everywhere: boolean) => {
    const result = await signOut.mutateAsync(everywhere).catch(() => null);
    if (everywhere && result)
      void message.info(t('auth.signedOutEverywhere', { count: result.endedSessions }));
    void navigate('/dang-nhap');
  };
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'area', label: t('auth.area', { area: user.area }), disabled: true },
            { type: 'divider' },
            { key: 'password', label: t('auth.changePassword'), onClick: () => setChanging(true) },
            { key: 'logout', label: t('auth.signOut'), onClick: () => void leave(false) },
            { key: 'logout-all', label: t('auth.signOutEverywhere'), onClick: () => void leave(true) },
          ],
        }}
      >
        <Button type="text" style={{ color: '#fff' }} data-testid="user-menu">
          {user.displayName} · {t(`role.${user.role}`)}
        </Button>
      </Dropdown>
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </>
  );
}

import { App, Button, Flex, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { problemDetail } from '../../api/client';
import { type UserSummary, useSaveUser, useUsers } from '../../auth/queries';
import { ExportTableButton } from '../../components/ExportTableButton';
import { QueryState } from '../../components/QueryState';
import { formatTimestamp } from '../../components/workflow/format';
import { useI18n } from '../../i18n';
import { UserForm, type UserFormValues } from './UserForm';

function PasswordModal({ user, onClose }: { user: UserSummary | null; onClose(): void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const save = useSaveUser();
  const [form] = Form.useForm<{ newPassword: string; reason?: string }>();
  const [error, setError] = useState<string | null>(null);
  async function submit() {
    if (!user) return;
    const values = await form.validateFields();
    try {
      await save.mutateAsync({
        kind: 'password',
        id: user.id,
        request: {
          expectedVersion: user.version,
          newPassword: values.newPassword,
          ...(values.reason ? { reason: values.reason } : {}),
        },
      });
      void message.success(t('users.saved', { username: user.username }));
      setError(null);
      onClose();
    } catch (e) {
      setError(problemDetail(e));
    }
  }
  return (
    <Modal
      open={user !== null}
      title={`${t('users.resetPassword')}: ${user?.username ?? ''}`}
      onOk={() => void submit()}
      onCancel={onClose}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item
          name="newPassword"
          label={t('auth.newPassword')}
          extra={t('auth.passwordRule')}
          rules={[{ required: true, min: 8 }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="reason" label={t('users.reason')}>
          <Input />
        </Form.Item>
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Form>
    </Modal>
  );
}

/** Accounts with their role and scope; the province admin creates, edits, deactivates, unlocks them. */
export default function UsersPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const users = useUsers();
  const save = useSaveUser();
  const [form] = Form.useForm<UserFormValues>();
  const [editing, setEditing] = useState<UserSummary | null | 'new'>(null);
  const [resetting, setResetting] = useState<UserSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  function open(user: UserSummary | 'new') {
    setError(null);
    form.resetFields();
    if (user !== 'new') {
      form.setFieldsValue({
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        unitId: user.unitId,
        departmentCode: user.departmentCode,
        active: user.active,
      });
    }
    setEditing(user);
  }

  async function submit() {
    const values = await form.validateFields();
    const reason = values.reason?.trim() ? { reason: values.reason.trim() } : {};
    try {
      const saved =
        editing === 'new'
          ? await save.mutateAsync({
              kind: 'create',
              request: {
                username: values.username,
                displayName: values.displayName,
                role: values.role,
                unitId: values.unitId ?? null,
                departmentCode: values.departmentCode ?? null,
                password: values.password ?? '',
                ...reason,
              },
            })
          : editing
            ? await save.mutateAsync({
                kind: 'update',
                id: editing.id,
                request: {
                  expectedVersion: editing.version,
                  displayName: values.displayName,
                  role: values.role,
                  unitId: values.unitId ?? null,
                  departmentCode: values.departmentCode ?? null,
                  active: values.active ?? true,
                  ...(values.unlock ? { unlock: true } : {}),
                  ...reason,
                },
              })
            : null;
      if (saved) void message.success(t('users.saved', { username: saved.username }));
      setEditing(null);
    } catch (e) {
      setError(problemDetail(e));
    }
  }

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('users.title')}
        </Typography.Title>
        <Flex gap={8} align="center">
          {users.data && (
            <ExportTableButton
              title={t('users.title')}
              fileName="nguoi-dung"
              demo={users.data.users.some((u) => u.isDemo)}
              columns={[
                t('auth.username'),
                t('users.displayName'),
                t('users.role'),
                t('users.scope'),
                t('users.state'),
                { header: t('export.createdAt'), type: 'datetime' },
                { header: t('export.passwordChangedAt'), type: 'datetime' },
              ]}
              rows={() =>
                (users.data?.users ?? []).map((u) => [
                  u.username,
                  u.displayName,
                  t(`role.${u.role}`),
                  u.unitName ?? u.departmentName ?? '',
                  !u.active
                    ? t('users.inactive')
                    : u.lockedUntil
                      ? t('users.locked', { time: formatTimestamp(u.lockedUntil) })
                      : t('users.active'),
                  u.createdAt,
                  u.passwordChangedAt,
                ])
              }
            />
          )}
          <Button type="primary" onClick={() => open('new')} data-testid="user-create">
            {t('users.create')}
          </Button>
        </Flex>
      </Flex>
      <QueryState query={users}>
        {(data) => (
          <Table<UserSummary>
            size="small"
            rowKey="id"
            dataSource={data.users}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            data-testid="users-table"
            columns={[
              { title: t('auth.username'), dataIndex: 'username' },
              {
                title: t('users.displayName'),
                render: (_: unknown, u: UserSummary) => (
                  <>
                    {u.displayName} {u.isDemo && <Tag color="orange">{t('users.demo')}</Tag>}
                  </>
                ),
              },
              {
                title: t('users.role'),
                dataIndex: 'role',
                render: (r: UserSummary['role']) => t(`role.${r}`),
              },
              {
                title: t('users.scope'),
                render: (_: unknown, u: UserSummary) => u.unitName ?? u.departmentName ?? '',
              },
              {
                title: t('users.state'),
                render: (_: unknown, u: UserSummary) =>
                  !u.active ? (
                    <Tag>{t('users.inactive')}</Tag>
                  ) : u.lockedUntil ? (
                    <Tag color="warning">{t('users.locked', { time: formatTimestamp(u.lockedUntil) })}</Tag>
                  ) : (
                    <Tag color="success">{t('users.active')}</Tag>
                  ),
              },
              {
                title: '',
                render: (_: unknown, u: UserSummary) => (
                  <Flex gap={4}>
                    <Button size="small" onClick={() => open(u)}>
                      {t('users.edit')}
                    </Button>
                    <Button size="small" onClick={() => setResetting(u)}>
                      {t('users.resetPassword')}
                    </Button>
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </QueryState>
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('users.create') : `${t('users.edit')}: ${editing?.username ?? ''}`}
        onOk={() => void submit()}
        onCancel={() => setEditing(null)}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
        forceRender
      >
        <UserForm form={form} editing={editing === 'new' ? null : editing} />
        {error && <Typography.Text type="danger">{error}</Typography.Text>}
      </Modal>
      <PasswordModal user={resetting} onClose={() => setResetting(null)} />
    </Flex>
  );
}

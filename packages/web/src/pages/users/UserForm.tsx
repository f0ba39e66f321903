import type { FormInstance } from 'antd';
import { Checkbox, Form, Input, Select, Switch } from 'antd';
import { useDepartments } from '../../api/catalog';
import type { UserSummary } from '../../auth/queries';
import { useI18n } from '../../i18n';
import { UnitSelect } from './UnitSelect';

const roles: readonly UserSummary['role'][] = [
  'province_admin',
  'leader',
  'department',
  'district',
  'commune',
];

export interface UserFormValues {
  username: string;
  displayName: string;
  role: UserSummary['role'];
  unitId?: string | null;
  departmentCode?: string | null;
  password?: string;
  active?: boolean;
  unlock?: boolean;
  reason?: string;
}

/** The fields of an account; the unit or department field follows the chosen role. */
export function UserForm({
  form,
  editing,
}: {
  form: FormInstance<UserFormValues>;
  editing: UserSummary | null;
}) {
  const { t } = useI18n();
  const departments = useDepartments();
  const role = Form.useWatch('role', form);
  return (
    <Form<UserFormValues> form={form} layout="vertical" requiredMark="optional">
      <Form.Item
        name="username"
        label={t('auth.username')}
        rules={[{ required: true, pattern: /^[a-z0-9._-]{3,64}$/ }]}
      >
        <Input disabled={editing !== null} autoComplete="off" />
      </Form.Item>
      <Form.Item name="displayName" label={t('users.displayName')} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Form.Item name="role" label={t('users.role')} rules={[{ required: true }]}>
        <Select options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
      </Form.Item>
      {(role === 'district' || role === 'commune') && (
        <Form.Item name="unitId" label={t('users.unit')} rules={[{ required: true }]}>
          <UnitSelect level={role} initialLabel={editing?.unitName ?? null} />
        </Form.Item>
      )}
      {role === 'department' && (
        <Form.Item name="departmentCode" label={t('users.department')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={(departments.data?.departments ?? []).map((d) => ({ value: d.code, label: d.name }))}
          />
        </Form.Item>
      )}
      {editing === null ? (
        <Form.Item
          name="password"
          label={t('auth.password')}
          extra={t('auth.passwordRule')}
          rules={[{ required: true, min: 8 }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      ) : (
        <>
          <Form.Item name="active" label={t('users.activeSwitch')} valuePropName="checked">
            <Switch />
          </Form.Item>
          {editing.lockedUntil && (
            <Form.Item name="unlock" valuePropName="checked">
              <Checkbox>{t('users.unlock')}</Checkbox>
            </Form.Item>
          )}
        </>
      )}
      <Form.Item name="reason" label={t('users.reason')}>
        <Input />
      </Form.Item>
    </Form>
  );
}

import type { ResponsibilityRow } from '@ntm/server/contract/follow-up';
import { App, Button, Card, Flex, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { problemDetail } from '../../api/client';
import { useResponsibility, useUpdateResponsibility } from '../../api/follow-up';
import { ExportTableButton, exportSubtitle } from '../../components/ExportTableButton';
import { QueryState } from '../../components/QueryState';
import { useScope } from '../../scope';
import { useFollowUpText } from './messages';
import { RemindersCard } from './RemindersCard';

interface EditForm {
  departmentCode: string;
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string;
}

function EditModal({
  row,
  year,
  setId,
  departments,
  onClose,
}: {
  row: ResponsibilityRow;
  year: number;
  setId: string;
  departments: { code: string; name: string }[];
  onClose(): void;
}) {
  const text = useFollowUpText();
  const { message } = App.useApp();
  const update = useUpdateResponsibility();
  const [form] = Form.useForm<EditForm>();
  const send = async (values: EditForm | null) => {
    try {
      await update.mutateAsync({
        year,
        criteriaSetId: setId,
        criterionNumber: row.criterionNumber,
        indicatorCode: row.indicatorCode,
        departmentCode: values ? values.departmentCode : null,
        contactName: values?.contactName ?? null,
        contactPhone: values?.contactPhone ?? null,
        contactEmail: values?.contactEmail || null,
      });
      void message.success(text('saved'));
      onClose();
    } catch (error) {
      void message.error(problemDetail(error));
    }
  };
  return (
    <Modal
      open
      title={text('editTitle', {
        criterion: row.criterionNumber,
        indicator: row.indicatorCode ? ` – ${row.indicatorCode}` : '',
        year,
      })}
      onCancel={onClose}
      footer={[
        <Button key="reset" onClick={() => void send(null)} disabled={row.origin === 'catalog'}>
          {text('resetDefault')}
        </Button>,
        <Button key="cancel" onClick={onClose}>
          {text('cancel')}
        </Button>,
        <Button key="save" type="primary" loading={update.isPending} onClick={() => form.submit()}>
          {text('save')}
        </Button>,
      ]}
    >
      <Form<EditForm>
        form={form}
        layout="vertical"
        initialValues={{
          departmentCode: row.departmentCode,
          contactName: row.contact?.name,
          contactPhone: row.contact?.phone ?? undefined,
          contactEmail: row.contact?.email ?? undefined,
        }}
        onFinish={(values) => void send(values)}
      >
        <Form.Item name="departmentCode" label={text('department')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={departments.map((d) => ({ value: d.code, label: d.name }))}
            data-testid="responsibility-department"
          />
        </Form.Item>
        <Typography.Paragraph type="secondary">
          {text('catalogDefault')}: {row.catalogDepartmentName}
        </Typography.Paragraph>
        <Form.Item name="contactName" label={text('contact')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="contactPhone" label={text('phone')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="contactEmail" label={text('email')} rules={[{ type: 'email' }]}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function ResponsibilityPage() {
  const text = useFollowUpText();
  const { year } = useScope();
  const matrix = useResponsibility(year);
  const [editing, setEditing] = useState<ResponsibilityRow | null>(null);
  return (
    <Flex vertical gap={16}>
      <Card
        title={text('responsibilityTitle', { year })}
        extra={
          matrix.data && (
            <ExportTableButton
              title={text('responsibilityTitle', { year })}
              subtitle={exportSubtitle(matrix.data.criteriaSet.shortName)}
              demo={matrix.data.criteriaSet.illustrative || matrix.data.rows.some((r) => r.isDemo)}
              fileName={`trach-nhiem-${year}`}
              columns={[
                text('criterion'),
                text('indicator'),
                text('department'),
                text('catalogDefault'),
                text('origin'),
                text('contact'),
                text('phone'),
                text('email'),
              ]}
              rows={matrix.data.rows.map((r) => [
                `${r.criterionNumber}. ${r.criterionName}`,
                r.indicatorCode ? `${r.indicatorCode} ${r.indicatorName ?? ''}` : text('wholeCriterion'),
                r.departmentName,
                r.catalogDepartmentName,
                `${r.origin === 'catalog' ? text('originCatalog') : text('originProvince')}${r.verified ? '' : ` (${text('unverified')})`}${r.isDemo ? ` (${text('demo')})` : ''}`,
                r.contact?.name ?? null,
                r.contact?.phone ?? null,
                r.contact?.email ?? null,
              ])}
            />
          )
        }
      >
        <QueryState query={matrix}>
          {(data) => (
            <Flex vertical gap={12}>
              <Typography.Text type="secondary">
                {text('responsibilityHelp', { set: data.criteriaSet.shortName })}
              </Typography.Text>
              <Table<ResponsibilityRow>
                size="small"
                pagination={false}
                rowKey={(r) => `${r.criterionNumber}|${r.indicatorCode ?? ''}`}
                dataSource={data.rows}
                data-testid="responsibility-table"
                scroll={{ x: 900 }}
                columns={[
                  {
                    title: text('criterion'),
                    render: (_, r) => (r.indicatorCode ? '' : `${r.criterionNumber}. ${r.criterionName}`),
                  },
                  {
                    title: text('indicator'),
                    render: (_, r) =>
                      r.indicatorCode
                        ? `${r.indicatorCode} ${r.indicatorName ?? ''}`
                        : text('wholeCriterion'),
                  },
                  {
                    title: text('department'),
                    render: (_, r) => (
                      <Space size={4} wrap>
                        {r.departmentName}
                        {r.origin === 'province' ? (
                          <Tag color="blue">{text('originProvince')}</Tag>
                        ) : (
                          !r.verified && <Tag color="warning">{text('unverified')}</Tag>
                        )}
                        {r.isDemo && <Tag>{text('demo')}</Tag>}
                      </Space>
                    ),
                  },
                  {
                    title: text('contact'),
                    render: (_, r) =>
                      r.contact ? (
                        <Flex vertical>
                          <span>{r.contact.name}</span>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {[r.contact.phone, r.contact.email].filter(Boolean).join(' · ')}
                          </Typography.Text>
                        </Flex>
                      ) : (
                        text('none')
                      ),
                  },
                  ...(data.editable
                    ? [
                        {
                          title: '',
                          width: 70,
                          render: (_: unknown, r: ResponsibilityRow) => (
                            <Button size="small" onClick={() => setEditing(r)}>
                              {text('edit')}
                            </Button>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
              {editing && (
                <EditModal
                  row={editing}
                  year={year}
                  setId={data.criteriaSet.id}
                  departments={data.departments}
                  onClose={() => setEditing(null)}
                />
              )}
            </Flex>
          )}
        </QueryState>
      </Card>
      <RemindersCard />
    </Flex>
  );
}

import type { UnitEvaluationResponse } from '@ntm/server/contract/evaluation';
import { App, Button, Card, Empty, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { problemDetail } from '../../api/client';
import { useObstacles, useRaiseObstacle } from '../../api/follow-up';
import { can, useCurrentUser } from '../../auth/session';
import { QueryState } from '../../components/QueryState';
import { type FollowUpText, useFollowUpText } from './messages';
import { ObstacleDrawer } from './ObstacleDrawer';
import { ObstacleTable } from './ObstacleTable';

type Criteria = UnitEvaluationResponse['evaluation']['criteria'];

interface RaiseForm {
  criterionNumber: string;
  indicatorCode?: string;
  severity: 'low' | 'normal' | 'high' | 'urgent';
  title: string;
  description: string;
}

function RaiseModal({
  unitId,
  unitName,
  year,
  criteria,
  text,
  onClose,
  onRaised,
}: {
  unitId: string;
  unitName: string;
  year: number;
  criteria: Criteria;
  text: FollowUpText;
  onClose(): void;
  onRaised(id: string): void;
}) {
  const { message } = App.useApp();
  const raise = useRaiseObstacle();
  const [form] = Form.useForm<RaiseForm>();
  const criterion = Form.useWatch('criterionNumber', form);
  const indicators = criteria.find((c) => c.number === criterion)?.indicators ?? [];
  const submit = async (values: RaiseForm) => {
    try {
      const detail = await raise.mutateAsync({
        unitId,
        year,
        criterionNumber: values.criterionNumber,
        indicatorCode: values.indicatorCode ?? null,
        severity: values.severity,
        title: values.title,
        description: values.description,
      });
      void message.success(text('raised', { department: detail.departmentName }));
      onRaised(detail.id);
    } catch (error) {
      void message.error(problemDetail(error));
    }
  };
  return (
    <Modal
      open
      title={text('raiseTitle', { unit: unitName, year })}
      onCancel={onClose}
      okText={text('send')}
      cancelText={text('cancel')}
      confirmLoading={raise.isPending}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'raise-submit' }}
    >
      <Form<RaiseForm>
        form={form}
        layout="vertical"
        initialValues={{ severity: 'normal' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="criterionNumber"
          label={text('criterion')}
          rules={[{ required: true, message: text('chooseCriterion') }]}
        >
          <Select
            placeholder={text('chooseCriterion')}
            showSearch
            optionFilterProp="label"
            data-testid="raise-criterion"
            options={criteria.map((c) => ({ value: c.number, label: `${c.number}. ${c.name}` }))}
            onChange={() => form.setFieldValue('indicatorCode', undefined)}
          />
        </Form.Item>
        <Form.Item name="indicatorCode" label={text('optionalIndicator')}>
          <Select
            allowClear
            options={indicators.map((i) => ({ value: i.code, label: `${i.code} ${i.name}` }))}
          />
        </Form.Item>
        <Form.Item name="severity" label={text('severity')}>
          <Select
            options={(['low', 'normal', 'high', 'urgent'] as const).map((s) => ({
              value: s,
              label: text(`severity_${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="title" label={text('title')} rules={[{ required: true, min: 5 }]}>
          <Input maxLength={300} data-testid="raise-title" />
        </Form.Item>
        <Form.Item name="description" label={text('description')} rules={[{ required: true, min: 10 }]}>
          <Input.TextArea rows={4} maxLength={5000} data-testid="raise-description" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The unit's obstacles on its scorecard, and "Nêu vướng mắc" for those who may raise one there. */
export function UnitObstacles({
  unitId,
  unitName,
  year,
  criteria,
}: {
  unitId: string;
  unitName: string;
  year: number;
  criteria: Criteria;
}) {
  const text = useFollowUpText();
  const user = useCurrentUser();
  const obstacles = useObstacles({ unitId, year });
  const [raising, setRaising] = useState(false);
  const [open, setOpen] = useState<string | undefined>(undefined);
  return (
    <Card
      size="small"
      title={text('unitObstacles')}
      data-testid="unit-obstacles"
      extra={
        can(user, 'raise_obstacles') && (
          <Button size="small" type="primary" onClick={() => setRaising(true)} data-testid="raise-obstacle">
            {text('raise')}
          </Button>
        )
      }
    >
      <QueryState query={obstacles}>
        {(data) =>
          data.obstacles.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={text('noObstacles')} />
          ) : (
            <ObstacleTable obstacles={data.obstacles} text={text} onOpen={setOpen} showUnit={false} />
          )
        }
      </QueryState>
      {raising && (
        <RaiseModal
          unitId={unitId}
          unitName={unitName}
          year={year}
          criteria={criteria}
          text={text}
          onClose={() => setRaising(false)}
          onRaised={(id) => {
            setRaising(false);
            setOpen(id);
          }}
        />
      )}
      <ObstacleDrawer id={open} onClose={() => setOpen(undefined)} />
    </Card>
  );
}

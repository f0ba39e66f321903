import { Flex, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useUnit } from '../../api/queries';
import { ValueWorkflow } from '../../components/workflow/ValueWorkflow';
import { useI18n } from '../../i18n';
import { useScope } from '../../scope';

/** One unit's values for the chosen year, to send, verify, return or approve: where the inbox leads. */
export default function UnitWorkflowPage() {
  const { t } = useI18n();
  const { id } = useParams();
  const { year } = useScope();
  const unit = useUnit(id);
  if (id === undefined) return null;
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="workflow-unit">
          {unit.data?.unit.name ?? id} · {year}
        </Typography.Title>
        <Flex gap={16}>
          <Link to={`/nhap-lieu/${encodeURIComponent(id)}?nam=${year}`}>{t('menuDataEntry')}</Link>
          <Link to={`/don-vi/${encodeURIComponent(id)}?nam=${year}`}>{t('menuUnits')}</Link>
        </Flex>
      </Flex>
      <ValueWorkflow unitId={id} year={year} />
    </Flex>
  );
}

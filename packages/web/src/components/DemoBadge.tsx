import { Tag, Tooltip } from 'antd';
import { useI18n } from '../i18n';

export function DemoBadge() {
  const { t } = useI18n();
  return (
    <Tooltip title={t('demoNotice')}>
      <Tag color="orange" data-testid="demo-badge">
        {t('demoBadge')}
      </Tag>
    </Tooltip>
  );
}

import { Tag, Tooltip } from 'antd';
import { useI18n } from '../i18n';

interface Props {
  source: { ref: string; verified: boolean; note?: string | undefined };
  illustrative: boolean;
}

/**
 * Where a threshold comes from. An unverified or illustrative threshold is always marked
 * visibly: official facts are never shown without their status.
 */
export function ThresholdSource({ source, illustrative }: Props) {
  const { t } = useI18n();
  const detail = [`Nguồn: ${source.ref}`, source.note].filter(Boolean).join(' — ');
  if (illustrative) {
    return (
      <Tooltip title={detail}>
        <Tag color="orange">{t('illustrative')}</Tag>
      </Tooltip>
    );
  }
  if (!source.verified) {
    return (
      <Tooltip title={detail}>
        <Tag color="gold">{t('unverified')}</Tag>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={detail}>
      <Tag color="blue">{source.ref}</Tag>
    </Tooltip>
  );
}

import { Tag, Tooltip } from 'antd';
import { useI18n } from '../../i18n';

export type ValueStatus = 'draft' | 'submitted' | 'verified' | 'approved';

const colours: Record<ValueStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  verified: 'cyan',
  approved: 'success',
};

/** A value's place in the workflow; a draft sent back shows "returned" with the reason on hover. */
export function StatusTag({ status, returnReason }: { status: ValueStatus; returnReason?: string | null }) {
  const { t } = useI18n();
  if (status === 'draft' && returnReason) {
    return (
      <Tooltip title={t('workflow.returnedBecause', { reason: returnReason })}>
        <Tag color="error" data-status="returned">
          {t('status.returned')}
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Tag color={colours[status]} data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
}

import { Tag } from 'antd';
import { useI18n } from '../i18n';

export type Outcome = 'met' | 'not_met' | 'no_data';

export const outcomeColors: Record<Outcome, string> = {
  met: '#2e9d5b',
  not_met: '#d9534f',
  no_data: '#bfbfbf',
};

/** Met / not met / no data, with a text label so colour is never the only signal. */
export function OutcomeTag({ outcome }: { outcome: Outcome }) {
  const { t } = useI18n();
  const label = outcome === 'met' ? t('met') : outcome === 'not_met' ? t('notMet') : t('noData');
  return (
    <Tag
      color={outcome === 'met' ? 'success' : outcome === 'not_met' ? 'error' : 'default'}
      data-outcome={outcome}
    >
      {label}
    </Tag>
  );
}

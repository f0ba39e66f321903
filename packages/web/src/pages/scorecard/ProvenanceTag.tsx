import { Tag, Tooltip } from 'antd';
import type { MessageKey } from '../../i18n';
import { useI18n } from '../../i18n';
import type { IndicatorResult } from './indicator-format';

const labels: Record<NonNullable<IndicatorResult['provenance']>, { label: MessageKey; hint: MessageKey }> = {
  own: { label: 'scorecard.provenance.own', hint: 'scorecard.provenance.ownHint' },
  children: { label: 'scorecard.provenance.children', hint: 'scorecard.provenance.childrenHint' },
  predecessors: { label: 'scorecard.provenance.predecessors', hint: 'scorecard.provenance.predecessorsHint' },
  derived: { label: 'scorecard.provenance.derived', hint: 'scorecard.provenance.derivedHint' },
};

/** Where a value came from: entered for the unit, rolled up from its villages, carried from merged communes, or computed. */
export function ProvenanceTag({ provenance }: { provenance: IndicatorResult['provenance'] }) {
  const { t } = useI18n();
  if (provenance === null) return null;
  const { label, hint } = labels[provenance];
  return (
    <Tooltip title={t(hint)}>
      <Tag variant="filled" color={provenance === 'own' ? 'default' : 'purple'} data-provenance={provenance}>
        {t(label)}
      </Tag>
    </Tooltip>
  );
}

import type { UnitTrendResponse } from '@ntm/server/contract/trend';
import { Button, Collapse, Empty, Flex, Segmented, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useDepartments } from '../../api/catalog';
import { OutcomeTag } from '../../components/OutcomeTag';
import { useI18n } from '../../i18n';
import { IndicatorTable } from './IndicatorTable';
import type { CriterionResult } from './indicator-format';

type Filter = 'all' | 'not_met' | 'no_data';

interface Props {
  criteria: readonly CriterionResult[];
  trend: UnitTrendResponse | undefined;
  compact: boolean;
}

/** The criteria as panels; those not met open first, so the work to do is what the reader sees. */
export function CriteriaList({ criteria, trend, compact }: Props) {
  const { t } = useI18n();
  const departments = useDepartments();
  const shortNames = useMemo(
    () => new Map((departments.data?.departments ?? []).map((d) => [d.code, d.shortName])),
    [departments.data],
  );
  const [filter, setFilter] = useState<Filter>('all');
  const [open, setOpen] = useState<string[]>(() =>
    criteria.filter((c) => c.outcome !== 'met').map((c) => c.number),
  );
  const shown = criteria.filter((c) => filter === 'all' || c.outcome === filter);
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center" justify="space-between">
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: `${t('scorecard.filterAll')} (${criteria.length})` },
            {
              value: 'not_met',
              label: `${t('notMet')} (${criteria.filter((c) => c.outcome === 'not_met').length})`,
            },
            {
              value: 'no_data',
              label: `${t('noData')} (${criteria.filter((c) => c.outcome === 'no_data').length})`,
            },
          ]}
        />
        <Flex gap={8}>
          <Button size="small" onClick={() => setOpen(criteria.map((c) => c.number))}>
            {t('scorecard.expandAll')}
          </Button>
          <Button size="small" onClick={() => setOpen([])}>
            {t('scorecard.collapseAll')}
          </Button>
        </Flex>
      </Flex>
      {shown.length === 0 ? (
        <Empty description={t('scorecard.noCriteriaInFilter')} />
      ) : (
        <Collapse
          activeKey={open}
          onChange={(keys) => setOpen(Array.isArray(keys) ? keys : [keys])}
          items={shown.map((c) => ({
            key: c.number,
            label: (
              <Flex
                gap={8}
                wrap
                align="center"
                justify="space-between"
                data-testid={`criterion-${c.number}`}
                data-outcome={c.outcome}
              >
                <Typography.Text strong>
                  {c.number}. {c.name}
                </Typography.Text>
                <Flex gap={8} align="center">
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('scorecard.indicatorsMet', { met: c.indicatorsMet, total: c.indicatorsTotal })}
                    {shortNames.has(c.leadDepartment) ? ` · ${shortNames.get(c.leadDepartment)}` : ''}
                  </Typography.Text>
                  <OutcomeTag outcome={c.outcome} />
                </Flex>
              </Flex>
            ),
            children: <IndicatorTable criterion={c} trend={trend} compact={compact} />,
          }))}
        />
      )}
    </Flex>
  );
}

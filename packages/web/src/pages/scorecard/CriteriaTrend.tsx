import type { UnitTrendResponse } from '@ntm/server/contract/trend';
import { Flex, Tooltip, Typography } from 'antd';
import { useI18n } from '../../i18n';

const BAR_HEIGHT = 48;

/** Criteria met per year as small bars with their numbers; a year without an evaluation says why. */
export function CriteriaTrend({ trend, currentYear }: { trend: UnitTrendResponse; currentYear: number }) {
  const { t } = useI18n();
  return (
    <Flex gap={10} align="flex-end" wrap role="list" aria-label={t('scorecard.trendTitle')}>
      {trend.years.map((y) => {
        const evaluated = y.criteriaMet !== null && y.criteriaTotal !== null && y.criteriaTotal > 0;
        const hasData = evaluated && y.criteriaNoData !== y.criteriaTotal;
        const share = evaluated && hasData ? (y.criteriaMet ?? 0) / (y.criteriaTotal ?? 1) : 0;
        const label = hasData ? `${y.criteriaMet}/${y.criteriaTotal}` : '—';
        const reason = y.unavailable ?? (hasData ? y.criteriaSetShortName : t('noData'));
        return (
          <Tooltip key={y.year} title={reason}>
            <Flex
              vertical
              align="center"
              role="listitem"
              style={{ minWidth: 40 }}
              tabIndex={0}
              aria-label={`${y.year}: ${label}. ${reason ?? ''}`}
            >
              <Typography.Text style={{ fontSize: 12 }} strong={y.year === currentYear}>
                {label}
              </Typography.Text>
              <div
                style={{
                  width: 22,
                  height: Math.max(2, Math.round(share * BAR_HEIGHT)),
                  background: y.year === currentYear ? '#1f7a4d' : '#95c8a9',
                  borderRadius: 2,
                }}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }} strong={y.year === currentYear}>
                {y.year}
              </Typography.Text>
            </Flex>
          </Tooltip>
        );
      })}
    </Flex>
  );
}

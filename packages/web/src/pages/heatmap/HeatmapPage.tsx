import { Flex, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useArea } from '../../api/dashboard';
import { useRollup } from '../../api/queries';
import { outcomeColors } from '../../components/OutcomeTag';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n';
import { useScope } from '../../scope';
import { CatalogLanguageNote } from '../catalog/CatalogLanguageNote';
import { AreaHeading } from '../dashboard/AreaHeading';
import { HeatmapExport } from './HeatmapExport';
import { HeatmapFilters } from './HeatmapFilters';
import { type CellChoice, HeatmapGrid } from './HeatmapGrid';
import { applyHeatmap, type HeatmapFilter, parseFilter, writeFilter } from './heatmap-filter';

// The indicator detail (and the table it brings) loads when a cell is first opened.
const IndicatorDrawer = lazy(() => import('./IndicatorDrawer').then((m) => ({ default: m.IndicatorDrawer })));

function Legend() {
  const { t } = useI18n();
  const items = [
    { key: 'met', symbol: '✓', label: t('met'), color: outcomeColors.met, text: '#fff' },
    { key: 'not_met', symbol: '✗', label: t('notMet'), color: outcomeColors.not_met, text: '#fff' },
    { key: 'no_data', symbol: '?', label: t('noData'), color: '#e8e8e8', text: '#595959' },
  ];
  return (
    <Flex gap={12} align="center" wrap>
      {items.map((i) => (
        <Flex key={i.key} gap={4} align="center">
          <span
            style={{
              background: i.color,
              color: i.text,
              width: 18,
              height: 18,
              display: 'inline-flex',
              alignItems: 'center',
              justifyContent: 'center',
              borderRadius: 3,
              fontSize: 12,
            }}
          >
            {i.symbol}
          </span>
          <Typography.Text type="secondary">{i.label}</Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}

export default function HeatmapPage() {
  const { t } = useI18n();
  const { year, unitId } = useScope();
  const area = useArea(year, unitId);
  const rollup = useRollup(area.areaId, year);
  const [params, setParams] = useSearchParams();
  const filter = parseFilter(params);
  const [choice, setChoice] = useState<CellChoice | null>(null);
  const districtNames = useMemo(() => new Map(area.districts.map((d) => [d.id, d.name])), [area.districts]);
  const setFilter = (next: HeatmapFilter) =>
    setParams((current) => writeFilter(current, next), { replace: true });

  return (
    <Flex vertical gap={12} data-testid="heatmap-page">
      <AreaHeading title={t('heatmap.title', { year })} area={area} extra={<Legend />} />
      <QueryState query={rollup}>
        {(data) => {
          const criteria = data.rollup.criteria.map((c) => c.number);
          const rows = applyHeatmap(data.communes, criteria, filter, districtNames);
          return (
            <Flex vertical gap={12}>
              <HeatmapFilters
                filter={filter}
                onChange={setFilter}
                rollup={data}
                districts={area.areaId === area.province?.id ? area.districts : []}
              />
              <Flex gap={8} align="center" wrap>
                <Typography.Text data-testid="heatmap-count">
                  {t('heatmap.count', { shown: rows.length, total: data.communes.length })}
                </Typography.Text>
                <Typography.Text type="secondary">·</Typography.Text>
                <Typography.Text type="secondary">{data.criteriaSet.shortName}</Typography.Text>
                {data.criteriaSet.illustrative && <Tag color="orange">{t('illustrative')}</Tag>}
                <Typography.Text type="secondary">· {t('heatmap.keyboardHint')}</Typography.Text>
                <CatalogLanguageNote />
                <HeatmapExport
                  rollup={data}
                  rows={rows}
                  filter={filter}
                  districtNames={districtNames}
                  year={year}
                />
              </Flex>
              {rows.length === 0 ? (
                <Typography.Text type="secondary">{t('heatmap.noMatch')}</Typography.Text>
              ) : (
                <HeatmapGrid
                  rollup={data}
                  rows={rows}
                  districtNames={districtNames}
                  year={year}
                  sort={filter.sort}
                  onSort={(sort) => setFilter({ ...filter, sort })}
                  onOpen={setChoice}
                />
              )}
              {choice && (
                <Suspense fallback={null}>
                  <IndicatorDrawer
                    choice={choice}
                    year={year}
                    criteriaSetId={data.criteriaSet.id}
                    onClose={() => setChoice(null)}
                  />
                </Suspense>
              )}
            </Flex>
          );
        }}
      </QueryState>
    </Flex>
  );
}

import type { CommuneRow, Rollup } from '../../api/dashboard';
import { ExportTableButton, exportSubtitle } from '../../components/ExportTableButton';
import { useI18n } from '../../i18n';
import { bandLabel, tierLabel } from '../catalog/labels';
import type { HeatmapFilter, Outcome } from './heatmap-filter';

/** The grid as shown (same filter, same order): one row per commune, one column per criterion. */
export function HeatmapExport({
  rollup,
  rows,
  filter,
  districtNames,
  year,
}: {
  rollup: Rollup;
  rows: readonly CommuneRow[];
  filter: HeatmapFilter;
  districtNames: ReadonlyMap<string, string>;
  year: number;
}) {
  const { t } = useI18n();
  const outcome = (o: Outcome | undefined) =>
    o === 'met' ? t('met') : o === 'not_met' ? t('notMet') : t('noData');
  const band = rollup.rollup.bands.find((b) => b.key === filter.band);
  const filters = [
    filter.q.trim() && `${t('heatmap.search')}: "${filter.q.trim()}"`,
    filter.district && `${t('heatmap.district')}: ${districtNames.get(filter.district) ?? filter.district}`,
    filter.tier &&
      `${t('heatmap.tier')}: ${filter.tier === 'none' ? t('dashboard.notRecognised') : tierLabel(filter.tier, t)}`,
    band && `${t('heatmap.band')}: ${bandLabel(band, t)}`,
    filter.criterion &&
      `${t('heatmap.criterion')} ${filter.criterion}${filter.outcome ? `: ${outcome(filter.outcome)}` : ''}`,
  ];
  const criteria = rollup.rollup.criteria;
  return (
    <ExportTableButton
      title={t('heatmap.title', { year })}
      subtitle={exportSubtitle(
        rollup.unit.name,
        rollup.criteriaSet.shortName,
        ...filters,
        t('heatmap.count', { shown: rows.length, total: rollup.communes.length }),
      )}
      demo={rollup.unit.isDemo}
      fileName={`ma-tran-tieu-chi_${rollup.unit.code}_${year}`}
      columns={[
        t('export.code'),
        t('dashboard.commune'),
        t('export.parentUnit'),
        { header: t('heatmap.metColumn'), type: 'integer' },
        t('heatmap.tierColumn'),
        ...criteria.map((c) => `${t('dashboard.criterionShort', { number: c.number })} ${c.name}`),
      ]}
      rows={() =>
        rows.map((row) => [
          row.code,
          row.name,
          row.parentId === null ? null : (districtNames.get(row.parentId) ?? null),
          row.criteriaMet,
          row.recognisedTier === null ? t('dashboard.notRecognised') : tierLabel(row.recognisedTier, t),
          ...criteria.map((_, i) => outcome(row.outcomes[i])),
        ])
      }
    />
  );
}

import type { CriteriaSetDetail } from '../../api/queries';
import { ExportTableButton, exportSubtitle } from '../../components/ExportTableButton';
import { useI18n } from '../../i18n';
import { formatRequirement } from '../scorecard/indicator-format';
import { describeFormula } from './formula';
import { describeCondition } from './labels';

type CriteriaSet = CriteriaSetDetail['criteriaSet'];

/** The whole set as a sheet: one row per indicator and threshold condition, with its legal source and status. */
export function CriteriaSetExport({
  set,
  departmentName,
  measureName,
}: {
  set: CriteriaSet;
  departmentName(code: string): string;
  measureName(code: string): string;
}) {
  const { t } = useI18n();
  const yesNo = { yes: t('scorecard.valueYes'), no: t('scorecard.valueNo') };
  const sourceText = (source: { ref: string; verified: boolean }, illustrative: boolean) =>
    [source.ref, source.verified ? null : t('unverified'), illustrative ? t('illustrative') : null]
      .filter(Boolean)
      .join(' · ');
  return (
    <ExportTableButton
      title={set.name}
      subtitle={exportSubtitle(set.legalBasis.number, set.legalBasis.title)}
      demo={set.illustrative}
      fileName={`bo-tieu-chi_${set.id}`}
      columns={[
        t('export.criterion'),
        t('catalog.leadDepartment'),
        t('scorecard.code'),
        t('scorecard.indicator'),
        t('catalog.measure'),
        t('catalog.condition'),
        t('scorecard.threshold'),
        t('export.thresholdSource'),
      ]}
      rows={() =>
        set.criteria.flatMap((c) => {
          const criterion = `${c.number}. ${c.name}`;
          const lead = departmentName(c.leadDepartment);
          if (c.indicators.length === 0)
            return [[criterion, lead, null, t('catalog.noIndicators'), null, null, null, null]];
          return c.indicators.flatMap((i) => {
            const measure = i.derived
              ? `${t('catalog.derived')}: ${describeFormula(i.derived, {
                  measure: measureName,
                  indicator: (code) => `${t('catalog.indicator')} ${code}`,
                })}`
              : i.measure
                ? measureName(i.measure)
                : null;
            if (i.thresholds.length === 0)
              return [[criterion, lead, i.code, i.name, measure, null, t('catalog.noThreshold'), null]];
            return i.thresholds.map((th) => [
              criterion,
              lead,
              i.code,
              i.name,
              measure,
              describeCondition(th.when, t),
              formatRequirement(i.comparator, th.value, i, yesNo),
              sourceText(th.source, th.illustrative ?? false),
            ]);
          });
        })
      }
    />
  );
}

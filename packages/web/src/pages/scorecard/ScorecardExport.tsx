import type { UnitEvaluationResponse } from '@ntm/server/contract/evaluation';
import { ExportTableButton, exportSubtitle } from '../../components/ExportTableButton';
import { useI18n } from '../../i18n';
import { tierLabel } from '../catalog/labels';
import { useIndicatorText } from './IndicatorTable';

const outcomeKeys = { met: 'met', not_met: 'notMet', no_data: 'noData' } as const;

/**
 * Every criterion and indicator of the scorecard, one row each, as the page shows them; with
 * `criterionNumber`, that criterion only (the heat map's drawer).
 */
export function IndicatorsExport({
  response,
  year,
  criterionNumber,
}: {
  response: UnitEvaluationResponse;
  year: number;
  criterionNumber?: string;
}) {
  const { t } = useI18n();
  const text = useIndicatorText();
  const { unit, evaluation, criteriaSet } = response;
  return (
    <ExportTableButton
      title={t('export.scorecardTitle', { name: unit.name })}
      subtitle={exportSubtitle(
        t('export.year', { year }),
        tierLabel(criteriaSet.tier, t),
        criteriaSet.shortName,
        `${t('export.criteriaMet')}: ${evaluation.criteriaMet}/${evaluation.criteriaTotal}`,
      )}
      demo={unit.isDemo}
      fileName={`phieu-danh-gia_${unit.code}_${year}${criterionNumber ? `_tieu-chi-${criterionNumber}` : ''}`}
      columns={[
        t('scorecard.code'),
        t('scorecard.indicator'),
        t('scorecard.value'),
        t('scorecard.threshold'),
        t('export.thresholdSource'),
        t('scorecard.result'),
        t('export.gap'),
      ]}
      rows={() =>
        evaluation.criteria
          .filter((c) => criterionNumber === undefined || c.number === criterionNumber)
          .flatMap((c) => [
            [
              c.number,
              c.name,
              null,
              null,
              null,
              t(outcomeKeys[c.outcome]),
              t('scorecard.indicatorsMet', { met: c.indicatorsMet, total: c.indicatorsTotal }),
            ],
            ...c.indicators.map((i) => [
              i.code,
              i.name,
              text.value(i),
              text.requirement(i),
              i.threshold
                ? [
                    i.threshold.source.ref,
                    i.threshold.source.verified ? null : t('unverified'),
                    i.threshold.illustrative ? t('illustrative') : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')
                : null,
              t(outcomeKeys[i.outcome]),
              text.gap(i),
            ]),
          ])
      }
    />
  );
}

type Recognition = UnitEvaluationResponse['recognitions'][number];

export function RecognitionsExport({
  recognitions,
  unitName,
  unitCode,
  statusLabel,
}: {
  recognitions: readonly Recognition[];
  unitName: string;
  unitCode: string;
  statusLabel(status: Recognition['status']): string;
}) {
  const { t } = useI18n();
  return (
    <ExportTableButton
      title={t('export.recognitionsTitle', { name: unitName })}
      demo={recognitions.some((r) => r.isDemo)}
      fileName={`quyet-dinh-cong-nhan_${unitCode}`}
      disabled={recognitions.length === 0}
      columns={[
        t('scorecard.recognition.tier'),
        t('scorecard.recognition.status'),
        t('scorecard.recognition.decision'),
        { header: t('scorecard.recognition.date'), type: 'date' },
        t('scorecard.recognition.issuer'),
        { header: t('scorecard.recognition.revokedDate'), type: 'date' },
      ]}
      rows={() =>
        recognitions.map((r) => [
          tierLabel(r.tier, t),
          statusLabel(r.status),
          r.decisionNumber,
          r.decisionDate,
          r.issuer,
          r.revokedDate,
        ])
      }
    />
  );
}

import { Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { memo } from 'react';
import type { Measure } from '../../api/catalog';
import { OutcomeTag } from '../../components/OutcomeTag';
import { ThresholdSource } from '../../components/ThresholdSource';
import { useI18n } from '../../i18n';
import {
  formatObservedValue,
  formatRequirement,
  gapWithoutName,
  type IndicatorResult,
} from '../scorecard/indicator-format';
import { EntryField } from './EntryField';
import { type Draft, type EntryGroup, type FieldCheck, isEditableAt, type StoredValue } from './entry-model';

/** What one field shows: the text or choice being edited, its check, and what is saved. */
export interface FieldView {
  draft: Draft;
  check: FieldCheck;
  serverError: string | undefined;
  /** The saved value with its workflow status; undefined when nothing is saved yet. */
  stored: StoredValue | undefined;
}

export interface FieldState {
  /** The fields of this criterion, by measure code. */
  views: Readonly<Record<string, FieldView>>;
  change(measure: Measure, draft: Draft): void;
}

interface Props {
  group: EntryGroup;
  level: string;
  fields: FieldState;
}

const unchanged: FieldView = {
  draft: null,
  check: { kind: 'unchanged' },
  serverError: undefined,
  stored: undefined,
};

function Current({ indicator }: { indicator: IndicatorResult }) {
  const { t } = useI18n();
  const yesNo = { yes: t('scorecard.valueYes'), no: t('scorecard.valueNo') };
  const gap =
    indicator.outcome === 'no_data'
      ? t('noData')
      : indicator.gap && !(indicator.outcome === 'met' && indicator.valueType === 'boolean')
        ? gapWithoutName(indicator.gap.sentence, indicator.name)
        : '';
  return (
    <Flex
      vertical
      gap={2}
      align="flex-start"
      data-testid={`entry-result-${indicator.code}`}
      data-outcome={indicator.outcome}
    >
      <OutcomeTag outcome={indicator.outcome} />
      {indicator.threshold && (
        <Flex gap={4} align="center" wrap>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('dataEntry.requirement')}{' '}
            {formatRequirement(indicator.comparator, indicator.threshold.value, indicator, yesNo)}
          </Typography.Text>
          <ThresholdSource
            source={indicator.threshold.source}
            illustrative={indicator.threshold.illustrative}
          />
        </Flex>
      )}
      <Typography.Text
        type={indicator.outcome === 'not_met' ? 'danger' : 'secondary'}
        style={{ fontSize: 12 }}
      >
        {gap}
      </Typography.Text>
      {indicator.value !== null && indicator.provenance !== 'own' && indicator.provenance !== null && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`scorecard.provenance.${indicator.provenance}`)}:{' '}
          {formatObservedValue(indicator.value, indicator, yesNo)}
        </Typography.Text>
      )}
    </Flex>
  );
}

function MeasureInput({
  measure,
  label,
  level,
  fields,
}: {
  measure: Measure;
  label: string;
  level: string;
  fields: FieldState;
}) {
  const { t } = useI18n();
  if (!isEditableAt(measure, level)) {
    return <Typography.Text type="secondary">{t('dataEntry.notAtLevel')}</Typography.Text>;
  }
  const view = fields.views[measure.code] ?? unchanged;
  const stored = view.stored;
  if (stored?.status === 'verified') {
    const yesNo = { yes: t('scorecard.valueYes'), no: t('scorecard.valueNo') };
    return (
      <Flex vertical gap={2} align="flex-start" data-testid={`entry-${measure.code}`} data-locked="verified">
        <Typography.Text strong>{formatObservedValue(stored.value, measure, yesNo)}</Typography.Text>
        <Tag color="geekblue">{t('dataEntry.verifiedLocked')}</Tag>
      </Flex>
    );
  }
  return (
    <EntryField
      approved={stored?.status === 'approved'}
      measure={measure}
      label={label}
      draft={view.draft}
      check={view.check}
      serverError={view.serverError}
      onChange={(draft) => fields.change(measure, draft)}
    />
  );
}

function CriterionCard({ group, level, fields }: Props) {
  const { t } = useI18n();
  const { criterion } = group;
  return (
    <Card
      size="small"
      id={`tieu-chi-${criterion.number}`}
      title={
        <Flex gap={8} align="center" wrap>
          <span>
            {criterion.number}. {criterion.name}
          </span>
          <OutcomeTag outcome={criterion.outcome} />
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            {t('scorecard.indicatorsMet', { met: criterion.indicatorsMet, total: criterion.indicatorsTotal })}
          </Typography.Text>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        {group.rows.map((row) => (
          <Row
            key={row.indicator.code}
            gutter={[12, 4]}
            align="top"
            data-testid={`entry-row-${row.indicator.code}`}
          >
            <Col xs={24} md={10}>
              <Typography.Text strong>{row.indicator.code}</Typography.Text> {row.indicator.name}
              {row.measure === null && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('dataEntry.derivedHint')}
                  </Typography.Text>
                </div>
              )}
            </Col>
            <Col xs={24} md={7}>
              {row.measure ? (
                <MeasureInput
                  measure={row.measure}
                  label={`${row.indicator.code} ${row.indicator.name}`}
                  level={level}
                  fields={fields}
                />
              ) : (
                <Flex vertical gap={8}>
                  {row.inputs.map((m) => (
                    <div key={m.code}>
                      <Typography.Text style={{ fontSize: 13 }}>{m.name}</Typography.Text>
                      <MeasureInput measure={m} label={m.name} level={level} fields={fields} />
                    </div>
                  ))}
                </Flex>
              )}
            </Col>
            <Col xs={24} md={7}>
              <Current indicator={row.indicator} />
            </Col>
          </Row>
        ))}
      </Flex>
    </Card>
  );
}

function sameViews(a: FieldState['views'], b: FieldState['views']): boolean {
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((k) => {
      const x = a[k];
      const y = b[k];
      return (
        x !== undefined &&
        y !== undefined &&
        x.draft === y.draft &&
        x.serverError === y.serverError &&
        x.stored === y.stored &&
        JSON.stringify(x.check) === JSON.stringify(y.check)
      );
    })
  );
}

/**
 * One criterion of the form: each indicator with its input, requirement and current result.
 * Typing re-renders only the criterion whose field changed; a 19-criterion form stays responsive.
 */
export const EntryCriterion = memo(
  CriterionCard,
  (a, b) =>
    a.group === b.group &&
    a.level === b.level &&
    a.fields.change === b.fields.change &&
    sameViews(a.fields.views, b.fields.views),
);

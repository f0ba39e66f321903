import { Input, Radio, Select, Tag, Typography } from 'antd';
import { useId } from 'react';
import type { Measure } from '../../api/catalog';
import { useI18n } from '../../i18n';
import type { Draft, FieldCheck } from './entry-model';

interface Props {
  measure: Measure;
  label: string;
  draft: Draft;
  check: FieldCheck;
  /** A problem the server reported for this field on the last save. */
  serverError: string | undefined;
  /** An approved value: changing it makes a correction, which needs a reason. */
  approved: boolean;
  onChange(draft: Draft): void;
}

/** One measure's input: Đạt/Không đạt, a level, or a number typed the Vietnamese way ("6,2"). */
export function EntryField({ measure, label, draft, check, serverError, approved, onChange }: Props) {
  const { t } = useI18n();
  const errorId = useId();
  const error = check.kind === 'invalid' ? check.message : serverError;
  const common = {
    'aria-label': label,
    'aria-invalid': error !== undefined,
    'aria-describedby': error !== undefined ? errorId : undefined,
    'data-testid': `entry-${measure.code}`,
  };
  let input: React.ReactNode;
  switch (measure.valueType) {
    case 'boolean':
      input = (
        <Radio.Group
          {...common}
          optionType="button"
          buttonStyle="solid"
          value={draft}
          onChange={(e) => onChange(e.target.value as boolean)}
          options={[
            { value: true, label: t('scorecard.valueYes') },
            { value: false, label: t('scorecard.valueNo') },
          ]}
        />
      );
      break;
    case 'level':
      input = (
        <Select
          {...common}
          style={{ width: '100%' }}
          value={typeof draft === 'string' ? draft : undefined}
          placeholder={t('dataEntry.chooseLevel')}
          onChange={(value: string) => onChange(value)}
          options={(measure.levels ?? []).map((level) => ({ value: level, label: level }))}
          status={error ? 'error' : undefined}
        />
      );
      break;
    case 'number':
    case 'percent':
      input = (
        <Input
          {...common}
          inputMode="decimal"
          autoComplete="off"
          value={typeof draft === 'string' ? draft : ''}
          onChange={(e) => onChange(e.target.value)}
          suffix={measure.unit || undefined}
          status={error ? 'error' : undefined}
        />
      );
      break;
  }
  return (
    <div>
      {input}
      {approved && (
        <Tag color="green" style={{ marginTop: 4 }}>
          {check.kind === 'changed' ? t('dataEntry.correctionMark') : t('dataEntry.approvedMark')}
        </Tag>
      )}
      {check.kind === 'changed' && (
        <Tag color="blue" style={{ marginTop: 4 }}>
          {t('dataEntry.unsavedMark')}
        </Tag>
      )}
      {error !== undefined && (
        <div>
          <Typography.Text id={errorId} type="danger" role="alert" style={{ fontSize: 13 }}>
            {error}
          </Typography.Text>
        </div>
      )}
    </div>
  );
}

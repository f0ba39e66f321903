import type { UnitDetailResponse } from '@ntm/server/contract/units';
import { useQueryClient } from '@tanstack/react-query';
import { Affix, App, Button, Card, Flex, Input, Segmented, Typography } from 'antd';
import { type KeyboardEvent, useCallback, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { type Measure, useMeasures } from '../../api/catalog';
import { ApiError } from '../../api/client';
import { queryKeys, useCriteriaSet, useUnitValues, useWriteValues } from '../../api/queries';
import { useTierEvaluation } from '../../api/scorecard';
import { DemoBadge } from '../../components/DemoBadge';
import { QueryState } from '../../components/QueryState';
import { ValueWorkflow } from '../../components/workflow/ValueWorkflow';
import { useI18n } from '../../i18n';
import { useScope } from '../../scope';
import { EntryCriterion, type FieldState } from './EntryCriterion';
import {
  buildGroups,
  checkDraft,
  type Draft,
  type EntryGroup,
  formMeasures,
  type StoredValue,
  toDraft,
} from './entry-model';
import { UnsavedGuard } from './UnsavedGuard';

type Filter = 'all' | 'not_met' | 'no_data';

interface FormProps {
  unit: UnitDetailResponse['unit'];
  year: number;
  groups: EntryGroup[];
  saved: ReadonlyMap<string, StoredValue>;
  setName: string;
  criteriaMet: number;
  criteriaTotal: number;
}

function EntryForm({ unit, year, groups, saved, setName, criteriaMet, criteriaTotal }: FormProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const write = useWriteValues();
  const client = useQueryClient();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [filter, setFilter] = useState<Filter>('all');
  const measures = formMeasures(groups);

  const draftOf = (m: Measure): Draft =>
    m.code in drafts ? (drafts[m.code] ?? null) : toDraft(m, saved.get(m.code)?.value);
  const checks = new Map(
    measures.map((m) => [m.code, checkDraft(m, draftOf(m), saved.get(m.code)?.value, t)]),
  );
  const changed = measures.flatMap((m) => {
    const check = checks.get(m.code);
    return check?.kind === 'changed' ? [{ measure: m.code, value: check.value }] : [];
  });
  const invalid = [...checks.values()].filter((c) => c.kind === 'invalid').length;
  const dirty = changed.length > 0 || invalid > 0;
  // An approved value is locked: changing it is a correction, which the audit log needs a reason for.
  const correcting = changed.some((c) => saved.get(c.measure)?.status === 'approved');

  // The save bar is pinned to the bottom: a field reached with Tab must scroll above it, not under it.
  useEffect(() => {
    const root = document.documentElement;
    root.style.scrollPaddingBottom = '96px';
    return () => {
      root.style.scrollPaddingBottom = '';
    };
  }, []);
  const change = useCallback((m: Measure, draft: Draft) => {
    setDrafts((current) => ({ ...current, [m.code]: draft }));
    setServerErrors(({ [m.code]: _dropped, ...rest }) => rest);
  }, []);
  const fieldsOf = (group: EntryGroup): FieldState => ({
    change,
    views: Object.fromEntries(
      formMeasures([group]).map((m) => [
        m.code,
        {
          draft: draftOf(m),
          check: checks.get(m.code) ?? { kind: 'unchanged' },
          serverError: serverErrors[m.code],
          stored: saved.get(m.code),
        },
      ]),
    ),
  });

  async function save() {
    if (invalid > 0) {
      void message.error(t('dataEntry.fixErrors', { count: invalid }));
      return;
    }
    if (changed.length === 0 || write.isPending) return;
    if (correcting && reason.trim() === '') {
      setReasonError(t('dataEntry.reasonRequired'));
      void message.error(t('dataEntry.reasonRequired'));
      return;
    }
    try {
      const result = await write.mutateAsync({
        // The version each edit started from: a value changed meanwhile by someone else is refused, not overwritten.
        values: changed.map((c) => ({
          unitId: unit.id,
          year,
          measure: c.measure,
          value: c.value,
          expectedVersion: saved.get(c.measure)?.version ?? 0,
        })),
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(correcting ? { correction: true } : {}),
      });
      setDrafts({});
      setReason('');
      setReasonError(undefined);
      void message.success(t('dataEntry.saved', { count: result.written }));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'stale_version') {
        await client.invalidateQueries({ queryKey: queryKeys.values(unit.id, year) });
      }
      if (error instanceof ApiError && error.rows.length > 0) {
        const byMeasure: Record<string, string> = {};
        for (const row of error.rows) {
          const code = changed[row.row]?.measure;
          if (row.field === 'reason') setReasonError(row.message);
          else if (code) byMeasure[code] = row.message;
        }
        setServerErrors(byMeasure);
      }
      void message.error(error instanceof ApiError ? error.detail : t('dataEntry.saveFailed'));
    }
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void save();
    }
  };

  const shown = groups.filter((g) => filter === 'all' || g.criterion.outcome === filter);
  return (
    <Flex vertical gap={12} onKeyDown={onKeyDown}>
      <UnsavedGuard dirty={dirty} />
      <Flex gap={8} wrap align="center" justify="space-between">
        <Typography.Text>
          {t('dataEntry.setUsed', { set: setName })} ·{' '}
          <Typography.Text strong data-testid="entry-criteria-met">
            {t('scorecard.criteriaOf', { met: criteriaMet, total: criteriaTotal })}
          </Typography.Text>
        </Typography.Text>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: t('scorecard.filterAll') },
            { value: 'not_met', label: t('notMet') },
            { value: 'no_data', label: t('noData') },
          ]}
        />
      </Flex>
      {shown.map((group) => (
        <EntryCriterion
          key={group.criterion.number}
          group={group}
          level={unit.level}
          fields={fieldsOf(group)}
        />
      ))}
      <Affix offsetBottom={0}>
        <Card size="small" style={{ boxShadow: '0 -2px 8px rgba(0,0,0,0.08)' }}>
          <Flex gap={8} wrap align="center">
            <Typography.Text data-testid="entry-change-count">
              {invalid > 0
                ? t('dataEntry.invalidCount', { count: invalid })
                : t('dataEntry.changeCount', { count: changed.length })}
            </Typography.Text>
            <Flex vertical style={{ flex: 1, minWidth: 200 }}>
              <Input
                aria-label={t('dataEntry.reason')}
                placeholder={correcting ? t('dataEntry.reasonCorrection') : t('dataEntry.reason')}
                value={reason}
                maxLength={1000}
                status={reasonError ? 'error' : undefined}
                data-testid="entry-reason"
                onChange={(e) => {
                  setReason(e.target.value);
                  setReasonError(undefined);
                }}
              />
              {reasonError && (
                <Typography.Text type="danger" role="alert" style={{ fontSize: 13 }}>
                  {reasonError}
                </Typography.Text>
              )}
            </Flex>
            <Button
              onClick={() => {
                setDrafts({});
                setServerErrors({});
              }}
              disabled={!dirty}
            >
              {t('dataEntry.undo')}
            </Button>
            <Button
              type="primary"
              data-testid="entry-save"
              loading={write.isPending}
              disabled={changed.length === 0}
              onClick={() => void save()}
            >
              {t('dataEntry.save')}
            </Button>
          </Flex>
        </Card>
      </Affix>
    </Flex>
  );
}

/** The data-entry form of one unit and year (/nhap-lieu/:id?nam=). */
export function UnitEntry({ detail }: { detail: UnitDetailResponse }) {
  const { t } = useI18n();
  const { year } = useScope();
  const { unit } = detail;
  const tier = unit.level === 'village' ? 'village_standard' : 'standard';
  const evaluation = useTierEvaluation(unit.id, year, tier);
  const set = useCriteriaSet(evaluation.data?.criteriaSet.id);
  const measures = useMeasures();
  const values = useUnitValues(unit.id, year);
  // Built once per answer, so that typing re-renders only the criterion being edited.
  const groups = useMemo(
    () =>
      evaluation.data && set.data && measures.data
        ? buildGroups(
            evaluation.data.evaluation.criteria,
            set.data.criteriaSet,
            new Map(measures.data.measures.map((m) => [m.code, m])),
          )
        : undefined,
    [evaluation.data, set.data, measures.data],
  );
  const saved = useMemo(
    () => (values.data ? new Map(values.data.values.map((v) => [v.measure, v])) : undefined),
    [values.data],
  );
  const combined = {
    data: evaluation.data && groups && saved ? { evaluation: evaluation.data, groups, saved } : undefined,
    error: evaluation.error ?? set.error ?? measures.error ?? values.error,
    isPending: evaluation.isPending || set.isPending || measures.isPending || values.isPending,
    refetch: () => Promise.all([evaluation.refetch(), set.refetch(), measures.refetch(), values.refetch()]),
  };
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="baseline" justify="space-between">
        <Flex gap={8} wrap align="baseline">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('dataEntry.title', { name: unit.name, year })}
          </Typography.Title>
          {unit.isDemo && <DemoBadge />}
        </Flex>
        <Flex gap={12}>
          <Link to={`/don-vi/${encodeURIComponent(unit.id)}?nam=${year}`}>
            {t('dataEntry.openScorecard')}
          </Link>
          <Link to={`/nhap-lieu?nam=${year}`}>{t('dataEntry.otherUnit')}</Link>
        </Flex>
      </Flex>
      <QueryState query={combined}>
        {(data) => (
          <EntryForm
            key={`${unit.id}-${year}`}
            unit={unit}
            year={year}
            groups={data.groups}
            saved={data.saved}
            setName={data.evaluation.criteriaSet.shortName}
            criteriaMet={data.evaluation.evaluation.criteriaMet}
            criteriaTotal={data.evaluation.evaluation.criteriaTotal}
          />
        )}
      </QueryState>
      <ValueWorkflow unitId={unit.id} year={year} />
    </Flex>
  );
}

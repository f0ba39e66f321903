import { Alert, Button, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { type Language, type MessageKey, useI18n } from '../i18n';

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch(): unknown;
}

const errorKeys: Partial<Record<string, MessageKey>> = {
  forbidden: 'error.forbidden',
  not_found: 'error.notFound',
  unit_not_found: 'error.notFound',
  unit_not_evaluable: 'error.notEvaluable',
  no_criteria_set: 'error.noCriteriaSet',
  criteria_set_incomplete: 'error.setIncomplete',
  network_error: 'error.network',
  unauthenticated: 'error.unauthenticated',
  validation_failed: 'error.validation',
};

/**
 * The server explains refusals in Vietnamese; in English the stable code picks a sentence and
 * the server's own words follow, since they name the unit or the rule concerned.
 */
export function errorText(error: ApiError, language: Language, t: (key: MessageKey) => string): string {
  const key = errorKeys[error.code];
  if (language === 'vi' || key === undefined) return error.detail;
  return `${t(key)} (${t('error.serverSaid')}: ${error.detail})`;
}

/** Loading skeleton, a readable error with a retry, or the content. */
export function QueryState<T>({
  query,
  children,
}: {
  query: QueryLike<T>;
  children: (data: T) => ReactNode;
}) {
  const { t, language } = useI18n();
  if (query.error) {
    const message =
      query.error instanceof ApiError ? errorText(query.error, language, t) : String(query.error);
    return (
      <Alert
        type="error"
        showIcon
        message={t('errorTitle')}
        description={message}
        action={
          <Button size="small" onClick={() => void query.refetch()}>
            {t('retry')}
          </Button>
        }
      />
    );
  }
  if (query.isPending || query.data === undefined) return <Skeleton active paragraph={{ rows: 6 }} />;
  return <>{children(query.data)}</>;
}

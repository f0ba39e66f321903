import { Alert, Button, Skeleton } from 'antd';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n';

interface QueryLike<T> {
  data: T | undefined;
  error: unknown;
  isPending: boolean;
  refetch(): unknown;
}

/** Loading skeleton, a readable error with a retry, or the content. */
export function QueryState<T>({
  query,
  children,
}: {
  query: QueryLike<T>;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (query.error) {
    const message = query.error instanceof ApiError ? query.error.detail : String(query.error);
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

import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { AppError } from '../../../shared/errors';
import { useI18n } from '../i18n/I18nProvider';

/** Loading, error (with retry) and data states of a query, the same on every screen. */
export function QueryState<T>({ query, children }: { query: UseQueryResult<T, AppError>; children: (data: T) => ReactNode }) {
  const { t } = useI18n();
  if (query.isPending) {
    return (
      <Center py="xl" role="status" aria-live="polite">
        <Loader size="sm" aria-label={t('app.loading')} />
      </Center>
    );
  }
  if (query.isError) {
    return (
      <Alert color="red" title={t(`error.${query.error.code}`)} role="alert">
        <Stack gap="xs" align="flex-start">
          {query.error.message}
          <Button size="xs" variant="light" onClick={() => void query.refetch()}>
            {t('app.retry')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}

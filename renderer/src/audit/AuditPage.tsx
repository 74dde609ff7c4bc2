import { Alert, Button, Stack, Table } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useCommand } from '../api/hooks';
import { call } from '../api/client';
import { EmptyState } from '../app/EmptyState';
import { QueryState } from '../app/QueryState';
import { useI18n } from '../i18n/I18nProvider';
import { useMutation } from '@tanstack/react-query';
import { PageHeader } from '../app/PageHeader';

export function AuditPage() {
  const { t, dateTime } = useI18n();
  const query = useCommand('audit.list', { limit: 200 });
  const verify = useMutation({ mutationFn: () => call('audit.verify', {}) });
  return (
    <Stack>
      <PageHeader
        title={t('audit.title')}
        description={t('audit.intro')}
        actions={
          <Button leftSection={<IconShieldCheck size={16} />} onClick={() => verify.mutate()} loading={verify.isPending}>
            {t('audit.verify')}
          </Button>
        }
      />
      {verify.data && (
        <Alert color={verify.data.ok ? 'teal' : 'red'} role="status" data-testid="audit-verify-result">
          {verify.data.message}
        </Alert>
      )}
      <QueryState query={query}>
        {(data) =>
          data.entries.length === 0 ? (
            <EmptyState message={t('audit.empty')} />
          ) : (
            <Table.ScrollContainer minWidth={700}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('audit.time')}</Table.Th>
                    <Table.Th>{t('audit.actor')}</Table.Th>
                    <Table.Th>{t('audit.command')}</Table.Th>
                    <Table.Th>{t('audit.record')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.entries.map((e) => (
                    <Table.Tr key={e.seq}>
                      <Table.Td>{dateTime(e.at)}</Table.Td>
                      <Table.Td>{e.actorName ?? t('audit.system')}</Table.Td>
                      <Table.Td ff="monospace">{e.command}</Table.Td>
                      <Table.Td ff="monospace" fz="xs">
                        {e.recordTable ? `${e.recordTable} · ${e.recordId?.slice(-8)}` : '-'}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Stack>
  );
}

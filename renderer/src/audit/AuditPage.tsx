import { Alert, Badge, Button, Group, List, Modal, Select, Stack, Table, Text, Title } from '@mantine/core';
import { DateField } from '../app/DateField';
import { IconShieldCheck } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuditEntry } from '../../../shared/audit/commands';
import type { CommandInput } from '../../../shared/commands';
import { call } from '../api/client';
import { useCommand } from '../api/hooks';
import { EmptyState } from '../app/EmptyState';
import { PageHeader } from '../app/PageHeader';
import { QueryState } from '../app/QueryState';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/catalog';

/** Capabilities a user can filter on, in the order of the menu. */
const capabilities = ['auth', 'accounts', 'org', 'people', 'year', 'skp', 'realisasi', 'feedback', 'dialogue', 'evaluation', 'appeal', 'backup', 'setup', 'sistem', 'seed'] as const;

const pageSize = 50;

type Filters = Omit<CommandInput<'audit.list'>, 'limit' | 'beforeSeq'>;

export function AuditPage() {
  const { t, dateTime } = useI18n();
  const [filters, setFilters] = useState<Filters>({});
  const [open, setOpen] = useState<number | null>(null);
  const actors = useCommand('audit.actors', {});
  const list = useInfiniteQuery({
    queryKey: ['audit.list', filters],
    queryFn: ({ pageParam }) => call('audit.list', { ...filters, limit: pageSize, ...(pageParam ? { beforeSeq: pageParam } : {}) }),
    initialPageParam: 0,
    getNextPageParam: (last) => last.nextBeforeSeq ?? undefined,
  });
  const verify = useMutation({ mutationFn: () => call('audit.verify', {}) });
  const set = (patch: Partial<Filters>) => setFilters((f) => Object.fromEntries(Object.entries({ ...f, ...patch }).filter(([, v]) => v)) as Filters);
  const entries = list.data?.pages.flatMap((p) => p.entries) ?? [];
  const filtered = Object.keys(filters).length > 0;

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
        <Alert color={verify.data.ok ? 'teal' : 'red'} role="status" data-testid="audit-verify-result" title={verify.data.ok ? t('audit.verifyOk') : t('audit.verifyBad', { n: verify.data.findingsTotal })}>
          <Text size="sm">{verify.data.message}</Text>
          {!verify.data.ok && (
            <List size="sm" mt="xs" spacing={2} data-testid="audit-findings">
              {verify.data.findings.map((f, i) => (
                <List.Item key={i}>{f.message}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}

      <Group align="end" gap="sm" wrap="wrap" role="search" aria-label={t('audit.filters')}>
        <Select
          label={t('audit.filterPerson')}
          placeholder={t('audit.all')}
          data={(actors.data?.actors ?? []).map((a) => ({ value: a.userId, label: a.name }))}
          value={filters.actorUserId ?? null}
          onChange={(v) => set({ actorUserId: v ?? undefined })}
          searchable
          clearable
          w={220}
        />
        <Select
          label={t('audit.filterCapability')}
          placeholder={t('audit.all')}
          data={capabilities.map((c) => ({ value: c, label: t(`audit.cap.${c}` as MessageKey) }))}
          value={filters.capability ?? null}
          onChange={(v) => set({ capability: v ?? undefined })}
          clearable
          w={200}
        />
        <DateField label={t('audit.filterFrom')} value={filters.from ?? ''} onChange={(v) => set({ from: v || undefined })} w={200} />
        <DateField label={t('audit.filterTo')} value={filters.to ?? ''} onChange={(v) => set({ to: v || undefined })} w={200} />
        <Select
          label={t('audit.filterOutcome')}
          placeholder={t('audit.all')}
          data={[
            { value: 'berhasil', label: t('audit.outcome.berhasil') },
            { value: 'gagal', label: t('audit.outcome.gagal') },
          ]}
          value={filters.outcome ?? null}
          onChange={(v) => set({ outcome: (v as Filters['outcome']) ?? undefined })}
          clearable
          w={150}
        />
        {filtered && (
          <Button variant="subtle" onClick={() => setFilters({})}>
            {t('audit.clearFilters')}
          </Button>
        )}
      </Group>

      {list.isPending ? (
        <Text c="dimmed">{t('app.loading')}</Text>
      ) : list.isError ? (
        <Alert color="red">{list.error.message}</Alert>
      ) : entries.length === 0 ? (
        <EmptyState message={filtered ? t('audit.emptyFiltered') : t('audit.empty')} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={600}>
            <Table striped highlightOnHover data-testid="audit-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={170}>{t('audit.time')}</Table.Th>
                  <Table.Th>{t('audit.what')}</Table.Th>
                  <Table.Th w={110}>{t('audit.outcome')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((e) => (
                  <EntryRow key={e.seq} entry={e} when={dateTime(e.at)} onOpen={() => setOpen(e.seq)} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {list.hasNextPage && (
            <Group justify="center">
              <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
                {t('audit.more')}
              </Button>
            </Group>
          )}
        </>
      )}
      {open !== null && <EntryDetail seq={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
}

function OutcomeBadge({ outcome }: { outcome: AuditEntry['outcome'] }) {
  const { t } = useI18n();
  return (
    <Badge color={outcome === 'gagal' ? 'red' : 'teal'} variant="light" style={{ whiteSpace: 'nowrap', overflow: 'visible' }}>
      {t(`audit.outcome.${outcome}`)}
    </Badge>
  );
}

function EntryRow({ entry, when, onOpen }: { entry: AuditEntry; when: string; onOpen: () => void }) {
  const { t } = useI18n();
  return (
    <Table.Tr
      onClick={onOpen}
      onKeyDown={(ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          onOpen();
        }
      }}
      tabIndex={0}
      style={{ cursor: 'pointer' }}
      aria-label={t('audit.openRow', { what: entry.summary })}
      data-testid="audit-row"
    >
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{when}</Table.Td>
      <Table.Td>{entry.summary}</Table.Td>
      <Table.Td>
        <OutcomeBadge outcome={entry.outcome} />
      </Table.Td>
    </Table.Tr>
  );
}

/** A value as a reader sees it: text as is, empty as a dash, the rest as compact JSON. */
function EntryDetail({ seq, onClose }: { seq: number; onClose: () => void }) {
  const { t, dateTime } = useI18n();
  const query = useCommand('audit.get', { seq });
  return (
    <Modal opened onClose={onClose} size="xl" title={t('audit.detailTitle')}>
      <QueryState query={query}>
        {(data) => (
          <Stack gap="md" data-testid="audit-detail">
            <Stack gap={4}>
              <Text fw={600}>{data.entry.summary}</Text>
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  {dateTime(data.entry.at)}
                  {data.entry.actorNip ? ` · NIP ${data.entry.actorNip}` : ''}
                </Text>
                <OutcomeBadge outcome={data.entry.outcome} />
              </Group>
            </Stack>
            {data.changes.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('audit.noChanges')}
              </Text>
            ) : (
              data.changes.map((c) => (
                <Stack key={`${c.table}:${c.id}`} gap={4}>
                  <Group gap="xs">
                    <Title order={4} size="h5">
                      {c.label}
                    </Title>
                    <Badge variant="outline" color="gray">
                      {c.tableLabel} · {t(`audit.kind.${c.kind}`)}
                    </Badge>
                  </Group>
                  <Table.ScrollContainer minWidth={480}>
                    <Table withTableBorder fz="sm">
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th w="24%">{t('audit.field')}</Table.Th>
                          <Table.Th>{t('audit.before')}</Table.Th>
                          <Table.Th>{t('audit.after')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {c.fields.map((f) => (
                          <Table.Tr key={f.field}>
                            <Table.Td>{f.label}</Table.Td>
                            <Table.Td style={{ wordBreak: 'break-word' }}>{f.beforeText}</Table.Td>
                            <Table.Td style={{ wordBreak: 'break-word' }}>{f.afterText}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                </Stack>
              ))
            )}
            {data.truncated && (
              <Text size="sm" c="dimmed">
                {t('audit.truncated')}
              </Text>
            )}
          </Stack>
        )}
      </QueryState>
    </Modal>
  );
}

import { Anchor, Badge, Chip, Group, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { problemKinds, type ProblemKind } from '../../../shared/people/commands';
import { formatNip } from '../../../shared/people/nip';
import { useCommand } from '../api/hooks';
import { EmptyState } from '../app/EmptyState';
import { QueryState } from '../app/QueryState';
import { useI18n } from '../i18n/I18nProvider';
import { problemColors, problemKeys, todayLocal } from './labels';
import { PageHeader } from '../app/PageHeader';
import { DateField } from '../app/DateField';

/** Masalah Penilai: whose appraisal chain is broken on a date, to fix before the year starts. */
export function ProblemsPage() {
  const { t } = useI18n();
  const [day, setDay] = useState(todayLocal());
  const [kind, setKind] = useState<ProblemKind | 'all'>('all');
  const query = useCommand('people.problems', { date: day || undefined }, { placeholderData: keepPreviousData });
  return (
    <Stack>
      <PageHeader
        title={t('people.problems.title')}
        description={t('people.problems.intro')}
        actions={<DateField label={t('people.detail.date')} value={day} onChange={(value) => setDay(value)} w={200} />}
      />
      <QueryState query={query}>
        {(data) => {
          if (data.items.length === 0) return <EmptyState message={t('people.problems.none')} />;
          const rows = kind === 'all' ? data.items : data.items.filter((i) => i.kind === kind);
          return (
            <Stack gap="sm">
              <Chip.Group multiple={false} value={kind} onChange={(v) => setKind(v as ProblemKind | 'all')}>
                <Group gap="xs">
                  <Chip value="all" size="sm">
                    {t('people.problems.all', { count: data.items.length })}
                  </Chip>
                  {problemKinds
                    .filter((k) => (data.counts[k] ?? 0) > 0)
                    .map((k) => (
                      <Chip key={k} value={k} size="sm" color={problemColors[k]}>
                        {t(problemKeys[k])} ({data.counts[k]})
                      </Chip>
                    ))}
                </Group>
              </Chip.Group>
              <Table.ScrollContainer minWidth={900}>
                <Table striped data-testid="problems-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('people.col.name')}</Table.Th>
                      <Table.Th>{t('people.col.position')}</Table.Th>
                      <Table.Th>{t('people.problems.kind')}</Table.Th>
                      <Table.Th>{t('people.problems.reason')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((p) => (
                      <Table.Tr key={`${p.employeeId}-${p.kind}`}>
                        <Table.Td>
                          <Anchor component={Link} to={`/pegawai/${p.employeeId}`} size="sm">
                            {p.name}
                          </Anchor>
                          <Text size="xs" ff="monospace" c="dimmed">
                            {formatNip(p.nip)}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{p.positionName ?? '—'}</Text>
                          {p.unitName && (
                            <Text size="xs" c="dimmed">
                              {p.unitName}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Badge color={problemColors[p.kind]} variant="light">
                            {t(problemKeys[p.kind])}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{p.reason}</Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}

import { Alert, Anchor, Badge, Card, Group, Pagination, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Unit } from '../../../shared/org/commands';
import { formatNip } from '../../../shared/people/nip';
import type { SkpMonitorStatus } from '../../../shared/skp/workflow';
import type { PerformanceYear } from '../../../shared/year/commands';
import { useCommand } from '../api/hooks';
import { EmptyState } from '../app/EmptyState';
import { QueryState } from '../app/QueryState';
import { useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';
import { useChosenYear, useYears, YearPicker } from '../year/ui';
import { monitorStatuses, statusColors, statusKeys, StatusBadge } from './labels';
import { PageHeader } from '../app/PageHeader';

const pageSize = 50;

/** Pemantauan SKP: each employee's status for a year with counts and the deadline; office-wide for admins, the team for appraisers. */
export function MonitorPage() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const years = useYears();
  const [year, chooseYear] = useChosenYear(years.data);
  const isAdmin = hasRole('pengelola');
  const [scope, setScope] = useState<'office' | 'team'>(isAdmin ? 'office' : 'team');

  return (
    <Stack>
      <PageHeader title={t('skp.monitor.title')} description={scope === 'office' ? t('skp.monitor.introOffice') : t('skp.monitor.introTeam')} />
      <QueryState query={years}>
        {(y) =>
          !year ? (
            <EmptyState message={isAdmin ? t('year.noneAdmin') : t('year.none')} />
          ) : (
            <Stack>
              <Group align="flex-end">
                <YearPicker years={y.years} today={y.today} value={year} onChange={chooseYear} />
                {isAdmin && hasRole('penilai') && (
                  <SegmentedControl
                    aria-label={t('skp.monitor.scope')}
                    value={scope}
                    onChange={(v) => setScope(v as 'office' | 'team')}
                    data={[
                      { value: 'office', label: t('skp.monitor.scopeOffice') },
                      { value: 'team', label: t('skp.monitor.scopeTeam') },
                    ]}
                  />
                )}
              </Group>
              <MonitorBody key={`${year.id}-${scope}`} year={year} scope={scope} />
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}

function unitOptions(units: Unit[]): { value: string; label: string }[] {
  const children = new Map<string | null, Unit[]>();
  for (const u of units) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u]);
  const out: { value: string; label: string }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const u of (children.get(parent) ?? []).sort((a, b) => (a.code ?? a.name).localeCompare(b.code ?? b.name, 'id'))) {
      out.push({ value: u.id, label: `${'\u2003'.repeat(depth)}${u.name}` });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

function MonitorBody({ year, scope }: { year: PerformanceYear; scope: 'office' | 'team' }) {
  const { t, date } = useI18n();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [status, setStatus] = useState<SkpMonitorStatus | null>(null);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const search = useDeferredValue(q.trim().toLowerCase());
  const units = useCommand('org.listUnits', {}, { enabled: scope === 'office' });
  const query = useCommand('skp.monitor', { yearId: year.id, scope, ...(unitId ? { unitId } : {}) }, { placeholderData: (prev) => prev });
  const rows = useMemo(() => {
    const all = query.data?.rows ?? [];
    return all.filter((r) => (!status || r.status === status) && (!search || `${r.name} ${r.nip} ${r.position ?? ''}`.toLowerCase().includes(search)));
  }, [query.data, status, search]);
  const pages = Math.max(1, Math.ceil(rows.length / pageSize));
  const current = Math.min(page, pages);
  const shown = rows.slice((current - 1) * pageSize, current * pageSize);

  return (
    <QueryState query={query}>
      {(data) => (
        <Stack>
          <Alert color={data.overdue ? 'red' : 'blue'} data-testid="deadline">
            {data.overdue
              ? t('skp.monitor.deadlinePassed', { date: date(data.deadline), count: (data.counts.belum_dibuat ?? 0) + (data.counts.draf ?? 0) + (data.counts.diajukan ?? 0) + (data.counts.dikembalikan ?? 0) })
              : t('skp.monitor.deadline', { date: date(data.deadline) })}
          </Alert>
          <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }}>
            {monitorStatuses.map((s) => (
              <UnstyledButton
                key={s}
                onClick={() => {
                  setStatus((cur) => (cur === s ? null : s));
                  setPage(1);
                }}
                aria-pressed={status === s}
              >
                <Card
                  withBorder
                  padding="sm"
                  data-testid={`count-${s}`}
                  style={status === s ? { borderColor: `var(--mantine-color-${statusColors[s]}-6)`, borderWidth: 2 } : undefined}
                >
                  <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                    {t(statusKeys[s])}
                  </Text>
                  <Text size="xl" fw={700} c={`${statusColors[s]}.8`}>
                    {data.counts[s] ?? 0}
                  </Text>
                </Card>
              </UnstyledButton>
            ))}
          </SimpleGrid>
          <Group align="flex-end">
            {scope === 'office' && (
              <Select
                label={t('skp.monitor.unit')}
                placeholder={t('skp.monitor.allUnits')}
                data={unitOptions(units.data?.units ?? [])}
                value={unitId}
                onChange={(v) => {
                  setUnitId(v);
                  setPage(1);
                }}
                clearable
                searchable
                w={360}
              />
            )}
            <Select
              label={t('skp.monitor.status')}
              placeholder={t('skp.monitor.allStatuses')}
              data={monitorStatuses.map((s) => ({ value: s, label: t(statusKeys[s]) }))}
              value={status}
              onChange={(v) => {
                setStatus(v as SkpMonitorStatus | null);
                setPage(1);
              }}
              clearable
              w={200}
            />
            <TextInput
              label={t('skp.search')}
              leftSection={<IconSearch size={14} />}
              value={q}
              onChange={(e) => {
                setQ(e.currentTarget.value);
                setPage(1);
              }}
              w={260}
            />
          </Group>
          {rows.length === 0 ? (
            <EmptyState message={scope === 'team' && (query.data?.rows.length ?? 0) === 0 ? t('skp.monitor.noTeam') : t('skp.monitor.empty')} />
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {t('skp.monitor.shown', { from: (current - 1) * pageSize + 1, to: (current - 1) * pageSize + shown.length, total: rows.length })}
              </Text>
              <Table.ScrollContainer minWidth={720}>
                <Table striped highlightOnHover verticalSpacing={6}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('skp.col.employee')}</Table.Th>
                      {/* Status right after the name: at 1024 px the last columns scroll out of sight, and the status is what this page is for. */}
                      <Table.Th miw={130}>{t('skp.col.status')}</Table.Th>
                      <Table.Th>{t('skp.col.unit')}</Table.Th>
                      <Table.Th>{t('skp.col.position')}</Table.Th>
                      {scope === 'office' && <Table.Th>{t('skp.col.appraiser')}</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {shown.map((r) => (
                      <Table.Tr key={r.employeeId} data-testid="monitor-row">
                        <Table.Td>
                          {r.skpId ? (
                            <Anchor component={Link} to={`/skp/${r.skpId}`} size="sm" fw={600}>
                              {r.name}
                            </Anchor>
                          ) : (
                            <Text size="sm" fw={600}>
                              {r.name}
                            </Text>
                          )}
                          <Text size="xs" ff="monospace" c="dimmed">
                            {formatNip(r.nip)}
                          </Text>
                        </Table.Td>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <StatusBadge status={r.status} size="sm" />
                          {(r.status === 'disetujui' ? r.approvedAt : r.status === 'diajukan' ? r.submittedAt : null) && (
                            <Text size="xs" c="dimmed" mt={2}>
                              {date(r.status === 'disetujui' ? r.approvedAt : r.submittedAt)}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{r.unit ?? '-'}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{r.position ?? '-'}</Text>
                        </Table.Td>
                        {scope === 'office' && (
                          <Table.Td>
                            {r.appraiserName ? (
                              <Text size="sm">{r.appraiserName}</Text>
                            ) : (
                              <Badge color="red" variant="light">
                                {t('skp.appraiserUnknown')}
                              </Badge>
                            )}
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {pages > 1 && <Pagination total={pages} value={current} onChange={setPage} aria-label={t('skp.pages')} />}
            </>
          )}
        </Stack>
      )}
    </QueryState>
  );
}

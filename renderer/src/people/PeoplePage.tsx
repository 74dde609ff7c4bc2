import { Anchor, Badge, Button, Group, MultiSelect, Pagination, Select, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconDownload, IconFileImport, IconSearch, IconSelector, IconUserPlus } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { positionTypeLabels, positionTypes, type PositionType } from '../../../shared/org/jabatan';
import type { EmployeeListFilters } from '../../../shared/people/commands';
import { employeeStatuses, type EmployeeStatus } from '../../../shared/people/fields';
import { formatNip } from '../../../shared/people/nip';
import { useCommand } from '../api/hooks';
import { useAuth } from '../auth/AuthProvider';
import { EmptyState } from '../app/EmptyState';
import { notifyError } from '../app/notify';
import { QueryState } from '../app/QueryState';
import type { MessageKey } from '../i18n/catalog';
import { useI18n } from '../i18n/I18nProvider';
import { unitOptions, useUnits } from '../org/useOrg';
import { EmployeeForm } from './EmployeeForm';
import { downloadExport } from './files';
import { golonganGroups, statusColors, statusKeys } from './labels';
import { PageHeader } from '../app/PageHeader';

type Sort = 'name' | 'nip' | 'golongan' | 'position' | 'unit' | 'status';
const pageSizes = ['25', '50', '100', '200'];

/**
 * Pegawai: the office's employees, paged on the server (50 of 5.000 at a time), with search,
 * filters and sorting kept in the address bar so Back returns to the same list.
 */
export function PeoplePage() {
  const { t, number } = useI18n();
  const { hasRole } = useAuth();
  const canEdit = hasRole('pengelola');
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search, 250);
  const [adding, setAdding] = useState(false);
  const [exporting, setExporting] = useState(false);
  const units = useUnits();

  const set = (changes: Record<string, string | string[] | null>, resetPage = true) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      next.delete(k);
      if (Array.isArray(v)) v.forEach((x) => next.append(k, x));
      else if (v) next.set(k, v);
    }
    if (resetPage) next.delete('page');
    setParams(next, { replace: true });
  };

  useEffect(() => {
    if ((params.get('q') ?? '') !== debounced) set({ q: debounced || null });
    // Only the debounced text drives the address bar.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  const filters: EmployeeListFilters = useMemo(
    () => ({
      q: params.get('q') || undefined,
      unitId: params.get('unit') || undefined,
      golongan: params.getAll('gol').length ? params.getAll('gol') : undefined,
      kind: (params.get('jenis') as 'PNS' | 'PPPK' | null) || undefined,
      positionType: (params.get('jabatan') as PositionType | null) || undefined,
      status: params.getAll('status').length ? (params.getAll('status') as EmployeeStatus[]) : undefined,
    }),
    [params],
  );
  const sort = (params.get('sort') as Sort | null) ?? 'name';
  const dir = params.get('dir') === 'desc' ? 'desc' : 'asc';
  const size = Number(params.get('size') ?? 50);
  const page = Math.max(1, Number(params.get('page') ?? 1));
  const query = useCommand('people.list', { ...filters, sort, dir, limit: size, offset: (page - 1) * size }, { placeholderData: keepPreviousData });
  const anyFilter = Boolean(filters.q || filters.unitId || filters.golongan || filters.kind || filters.positionType || filters.status);

  const header = (key: Sort, label: MessageKey) => {
    const active = sort === key;
    const Icon = !active ? IconSelector : dir === 'asc' ? IconArrowUp : IconArrowDown;
    return (
      <Table.Th aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <UnstyledButton
          onClick={() => set({ sort: key, dir: active && dir === 'asc' ? 'desc' : 'asc' }, false)}
          aria-label={t('people.sortBy', { column: t(label) })}
        >
          <Group gap={4} wrap="nowrap">
            <Text size="sm" fw={700}>
              {t(label)}
            </Text>
            <Icon size={14} />
          </Group>
        </UnstyledButton>
      </Table.Th>
    );
  };

  return (
    <Stack>
      <PageHeader
        title={t('people.title')}
        description={t('people.intro')}
        actions={
          <>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            loading={exporting}
            onClick={() => {
              setExporting(true);
              downloadExport(filters)
                .catch((err) => notifyError(err, t))
                .finally(() => setExporting(false));
            }}
          >
            {t('people.export')}
          </Button>
          {canEdit && (
            <>
              <Button component={Link} to="/pegawai/impor" variant="default" leftSection={<IconFileImport size={16} />}>
                {t('people.import')}
              </Button>
              <Button leftSection={<IconUserPlus size={16} />} onClick={() => setAdding(true)}>
                {t('people.add')}
              </Button>
            </>
          )}
          </>
        }
      />

      <Group align="flex-end" gap="sm">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('people.search')}
          aria-label={t('people.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={220}
        />
        <Select
          label={t('people.filter.unit')}
          placeholder={t('people.filter.any')}
          data={unitOptions(units.data?.units ?? [])}
          value={filters.unitId ?? null}
          onChange={(v) => set({ unit: v })}
          clearable
          searchable
          w={220}
        />
        <MultiSelect
          label={t('people.filter.golongan')}
          placeholder={filters.golongan ? undefined : t('people.filter.any')}
          data={golonganGroups}
          value={filters.golongan ?? []}
          onChange={(v) => set({ gol: v })}
          clearable
          searchable
          w={140}
        />
        <Select
          label={t('people.filter.kind')}
          placeholder={t('people.filter.any')}
          data={['PNS', 'PPPK']}
          value={filters.kind ?? null}
          onChange={(v) => set({ jenis: v })}
          clearable
          w={110}
        />
        <Select
          label={t('people.filter.positionType')}
          placeholder={t('people.filter.any')}
          data={positionTypes.map((p) => ({ value: p, label: positionTypeLabels[p] }))}
          value={filters.positionType ?? null}
          onChange={(v) => set({ jabatan: v })}
          clearable
          w={160}
        />
        <MultiSelect
          label={t('people.filter.status')}
          placeholder={filters.status ? undefined : t('people.filter.any')}
          data={employeeStatuses.map((s) => ({ value: s, label: t(statusKeys[s]) }))}
          value={filters.status ?? []}
          onChange={(v) => set({ status: v })}
          clearable
          w={160}
        />
        {anyFilter && (
          <Button
            variant="subtle"
            onClick={() => {
              setSearch('');
              set({ q: null, unit: null, gol: null, jenis: null, jabatan: null, status: null });
            }}
          >
            {t('people.filter.clear')}
          </Button>
        )}
      </Group>

      <QueryState query={query}>
        {(data) => {
          if (data.total === 0) return <EmptyState message={anyFilter ? t('people.noMatch') : t('people.empty')} />;
          const pages = Math.max(1, Math.ceil(data.total / size));
          return (
            <Stack gap="xs" style={{ opacity: query.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }}>
              <Text size="sm" c="dimmed" data-testid="people-count">
                {t('people.showing', { from: number(data.offset + 1), to: number(data.offset + data.items.length), total: number(data.total) })}
              </Text>
              <Table.ScrollContainer minWidth={720}>
                <Table striped highlightOnHover horizontalSpacing="xs" data-testid="people-table">
                  <Table.Thead>
                    <Table.Tr>
                      {header('name', 'people.col.name')}
                      {header('nip', 'people.col.nip')}
                      {header('golongan', 'people.col.golongan')}
                      {header('position', 'people.col.position')}
                      {header('unit', 'people.col.unit')}
                      {header('status', 'people.col.status')}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((e) => (
                      <Table.Tr key={e.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/pegawai/${e.id}`} size="sm" fw={500}>
                            {e.fullName}
                          </Anchor>
                          {e.kind === 'PPPK' && (
                            <Badge size="xs" variant="outline" ml={6}>
                              PPPK
                            </Badge>
                          )}
                        </Table.Td>
                        <Table.Td ff="monospace" fz="xs" style={{ whiteSpace: 'nowrap' }}>
                          <Text size="sm">{formatNip(e.nip)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{e.golongan ?? '—'}</Text>
                          {e.pangkat && (
                            <Text size="xs" c="dimmed">
                              {e.pangkat}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm" c={e.positionName ? undefined : 'orange'}>
                            {e.positionName ?? t('people.noPosition')}
                          </Text>
                          {e.acting.map((a) => (
                            <Badge key={a} size="xs" color="violet" variant="light">
                              {a}
                            </Badge>
                          ))}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{e.unitName ?? '—'}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Badge color={statusColors[e.status]} variant="light" miw="max-content">
                            {t(statusKeys[e.status])}
                          </Badge>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Group justify="space-between">
                <Pagination total={pages} value={Math.min(page, pages)} onChange={(p) => set({ page: String(p) }, false)} aria-label={t('people.pages')} />
                <Select
                  aria-label={t('people.pageSize')}
                  data={pageSizes}
                  value={String(size)}
                  onChange={(v) => set({ size: v })}
                  allowDeselect={false}
                  w={90}
                />
              </Group>
            </Stack>
          );
        }}
      </QueryState>
      {adding && <EmployeeForm onClose={() => setAdding(false)} />}
    </Stack>
  );
}

import { Alert, Anchor, Badge, Button, Checkbox, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Position } from '../../../shared/org/commands';
import { actingPrefix, isManagerial, levelsOf, positionLevelLabels, positionTypeLabels, positionTypes, type PositionLevel, type PositionType } from '../../../shared/org/jabatan';
import { useCommandMutation } from '../api/hooks';
import { useAuth } from '../auth/AuthProvider';
import { EmptyState } from '../app/EmptyState';
import { fieldErrors } from '../app/forms';
import { notifySuccess } from '../app/notify';
import { PagedList } from '../app/PagedList';
import { QueryState } from '../app/QueryState';
import { FormActions } from '../app/FormActions';
import { useI18n } from '../i18n/I18nProvider';
import { positionOptions, positionTypeText, unitOptions, usePositions, useUnits } from './useOrg';
import { PageHeader } from '../app/PageHeader';
import { RemoveDialog } from './RemoveDialog';

/** Jabatan: every position, its type, unit, superior and holders today. */
export function PositionsPage() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const canEdit = hasRole('pengelola');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const needle = useDeferredValue(search.trim().toLowerCase());
  const units = useUnits();
  const query = usePositions();
  const [form, setForm] = useState<{ position?: Position } | null>(null);
  const [removing, setRemoving] = useState<Position | null>(null);

  return (
    <Stack>
      <PageHeader
        title={t('org.positions.title')}
        description={t('org.positions.intro')}
        actions={
          canEdit && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setForm({})}>
              {t('org.positions.add')}
            </Button>
          )
        }
      />
      <Group>
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t('org.positions.search')}
          aria-label={t('org.positions.search')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={280}
        />
        <Select
          aria-label={t('org.positions.unitFilter')}
          placeholder={t('org.positions.allUnits')}
          data={unitOptions(units.data?.units ?? [])}
          value={unitId}
          onChange={setUnitId}
          clearable
          searchable
          w={320}
        />
      </Group>
      <QueryState query={query}>
        {(data) => {
          if (data.positions.length === 0) {
            return <EmptyState message={t('org.positions.empty')} action={canEdit ? <Button variant="light" onClick={() => setForm({})}>{t('org.positions.add')}</Button> : undefined} />;
          }
          const rows = data.positions.filter((p) => (!unitId || p.unitId === unitId) && (!needle || p.name.toLowerCase().includes(needle)));
          if (rows.length === 0) return <EmptyState message={t('org.positions.noMatch')} />;
          return (
            <PagedList key={`${unitId ?? ''}|${needle}`} items={rows} label={t('org.positions.pages')}>
              {(shown) => (
                <Table.ScrollContainer minWidth={720}>
                  <Table striped highlightOnHover>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('org.positions.name')}</Table.Th>
                        <Table.Th>{t('org.positions.type')}</Table.Th>
                        <Table.Th>{t('org.positions.unit')}</Table.Th>
                        <Table.Th>{t('org.positions.reportsTo')}</Table.Th>
                        <Table.Th>{t('org.positions.holders')}</Table.Th>
                        {canEdit && <Table.Th />}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {shown.map((p) => (
                        <Table.Tr key={p.id} data-testid={`position-${p.name}`}>
                          <Table.Td>
                            <Text size="sm" fw={500}>
                              {p.name}
                            </Text>
                            {p.isHead && (
                              <Badge size="xs" color="grape" variant="light">
                                {t('org.positions.headBadge')}
                              </Badge>
                            )}
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{positionTypeText(p)}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm">{p.unitName ?? t('org.positions.leadership')}</Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" c={p.reportsToName ? undefined : 'dimmed'}>
                              {p.reportsToName ?? '—'}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Holders position={p} />
                          </Table.Td>
                          {canEdit && (
                            <Table.Td>
                              <Group gap={4} justify="flex-end" wrap="nowrap">
                                <Button size="compact-xs" variant="light" onClick={() => setForm({ position: p })}>
                                  {t('org.edit')}
                                </Button>
                                <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRemoving(p)}>
                                  {t('org.remove')}
                                </Button>
                              </Group>
                            </Table.Td>
                          )}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </PagedList>
          );
        }}
      </QueryState>
      {form && <PositionForm position={form.position} positions={query.data?.positions ?? []} onClose={() => setForm(null)} />}
      {removing && <RemovePosition position={removing} onClose={() => setRemoving(null)} />}
    </Stack>
  );
}

function Holders({ position: p }: { position: Position }) {
  const { t } = useI18n();
  if (p.holders.length === 0) {
    return (
      <Badge color={isManagerial(p.type) ? 'orange' : 'gray'} variant="light">
        {t('org.positions.vacant')}
      </Badge>
    );
  }
  const shown = p.holders.slice(0, 3);
  const more = p.holderCount + p.holders.filter((h) => h.kind !== 'definitif').length - shown.length;
  return (
    <Stack gap={0}>
      {shown.map((h) => (
        <Anchor key={h.assignmentId} component={Link} to={`/pegawai/${h.employeeId}`} size="sm">
          {actingPrefix(h.kind)}
          {h.name}
        </Anchor>
      ))}
      {more > 0 && (
        <Text size="xs" c="dimmed">
          {t('org.positions.more', { count: more })}
        </Text>
      )}
    </Stack>
  );
}

function PositionForm({ position, positions, onClose }: { position?: Position; positions: Position[]; onClose(): void }) {
  const { t } = useI18n();
  const units = useUnits();
  const [name, setName] = useState(position?.name ?? '');
  const [type, setType] = useState<PositionType | null>(position?.type ?? null);
  const [level, setLevel] = useState<PositionLevel | null>(position?.level ?? null);
  const [unitId, setUnitId] = useState<string | null>(position?.unitId ?? null);
  const [reportsTo, setReportsTo] = useState<string | null>(position?.reportsToPositionId ?? null);
  const [isHead, setIsHead] = useState(position?.isHead ?? false);
  const create = useCommandMutation('org.createPosition', { invalidates: ['org', 'people'] });
  const update = useCommandMutation('org.updatePosition', { invalidates: ['org', 'people'] });
  const error = create.error ?? update.error;
  const errors = fieldErrors(error);
  const pending = create.isPending || update.isPending;
  const levels = type ? levelsOf(type) : [];
  const superiors = useMemo(() => positionOptions(positions, position?.id), [positions, position?.id]);

  const submit = () => {
    const input = { name, type: type as PositionType, level: levels.length ? level : null, unitId, reportsToPositionId: isHead ? null : reportsTo, isHead };
    const done = {
      onSuccess: () => {
        notifySuccess(t('org.position.saved', { name }));
        onClose();
      },
    };
    if (position) update.mutate({ id: position.id, version: position.version, ...input }, done);
    else create.mutate(input, done);
  };

  return (
    <Modal opened onClose={pending ? () => undefined : onClose} title={position ? t('org.position.formEdit') : t('org.position.formAdd')} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          {error && !Object.keys(errors).length && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          <TextInput label={t('org.position.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} required data-autofocus />
          <Group grow align="flex-start">
            <Select
              label={t('org.position.type')}
              data={positionTypes.map((x) => ({ value: x, label: positionTypeLabels[x] }))}
              value={type}
              onChange={(v) => {
                setType(v as PositionType | null);
                setLevel(null);
              }}
              error={errors.type}
              required
              allowDeselect={false}
            />
            {levels.length > 0 && (
              <Select
                label={t('org.position.level')}
                data={levels.map((l) => ({ value: l, label: positionLevelLabels[l] }))}
                value={level}
                onChange={(v) => setLevel(v as PositionLevel | null)}
                error={errors.level}
                required
              />
            )}
          </Group>
          {!levels.length && errors.level && (
            <Text c="red" size="xs">
              {errors.level}
            </Text>
          )}
          <Select
            label={t('org.position.unit')}
            data={unitOptions(units.data?.units ?? [])}
            value={unitId}
            onChange={setUnitId}
            placeholder={t('org.position.unitNone')}
            clearable
            searchable
            error={errors.unitId}
          />
          <Checkbox label={t('org.position.isHead')} checked={isHead} onChange={(e) => setIsHead(e.currentTarget.checked)} />
          {!isHead && (
            <Select
              label={t('org.position.reportsTo')}
              description={t('org.position.reportsToHelp')}
              data={superiors}
              value={reportsTo}
              onChange={setReportsTo}
              placeholder={t('org.position.reportsToNone')}
              clearable
              searchable
              limit={60}
              error={errors.reportsToPositionId}
            />
          )}
          <FormActions onCancel={onClose} pending={pending} />
        </Stack>
      </form>
    </Modal>
  );
}

function RemovePosition({ position, onClose }: { position: Position; onClose(): void }) {
  const { t } = useI18n();
  return (
    <RemoveDialog
      command="org.removePosition"
      item={position}
      title={t('org.position.removeTitle', { name: position.name })}
      help={t('org.position.removeHelp')}
      removed={t('org.position.removed', { name: position.name })}
      onClose={onClose}
    />
  );
}

import { ActionIcon, Alert, Badge, Button, Card, Group, Menu, Modal, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconDots, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { Office, Unit } from '../../../shared/org/commands';
import { actingPrefix, unitKindLabels, unitKinds, type UnitKind } from '../../../shared/org/jabatan';
import { formatNip } from '../../../shared/people/nip';
import { useCommand, useCommandMutation } from '../api/hooks';
import { useAuth } from '../auth/AuthProvider';
import { EmptyState } from '../app/EmptyState';
import { fieldErrors } from '../app/forms';
import { notifyError, notifySuccess } from '../app/notify';
import { QueryState } from '../app/QueryState';
import { FormActions } from '../app/FormActions';
import { useI18n } from '../i18n/I18nProvider';
import { unitOptions, unitTree, usePositionChoices, useUnits, type UnitNode } from './useOrg';
import { PageHeader } from '../app/PageHeader';
import { RemoveDialog } from './RemoveDialog';

/** Unit Kerja: the office profile and the tree of units, for the Pengelola Kinerja. */
export function UnitsPage() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const canEdit = hasRole('pengelola');
  const query = useUnits();
  const [form, setForm] = useState<{ unit?: Unit; parentId?: string | null } | null>(null);
  const [removing, setRemoving] = useState<Unit | null>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());

  return (
    <Stack>
      <PageHeader
        title={t('org.units.title')}
        description={t('org.units.intro')}
        actions={
          canEdit && (
            <Button leftSection={<IconPlus size={16} />} onClick={() => setForm({ parentId: null })}>
              {t('org.units.add')}
            </Button>
          )
        }
      />
      <OfficeCard canEdit={canEdit} />
      <QueryState query={query}>
        {(data) => {
          if (data.units.length === 0) {
            return <EmptyState message={t('org.units.empty')} action={canEdit ? <Button variant="light" onClick={() => setForm({ parentId: null })}>{t('org.units.add')}</Button> : undefined} />;
          }
          const tree = unitTree(data.units);
          const withChildren = data.units.filter((u) => data.units.some((c) => c.parentId === u.id)).map((u) => u.id);
          return (
            <Stack gap={4}>
              <Group gap="xs">
                <Button size="compact-xs" variant="subtle" onClick={() => setCollapsed(new Set())}>
                  {t('org.units.expandAll')}
                </Button>
                <Button size="compact-xs" variant="subtle" onClick={() => setCollapsed(new Set(withChildren))}>
                  {t('org.units.collapseAll')}
                </Button>
              </Group>
              <div role="tree" aria-label={t('org.units.title')}>
                {tree.map((n) => (
                  <UnitRow
                    key={n.unit.id}
                    node={n}
                    collapsed={collapsed}
                    onToggle={(id) =>
                      setCollapsed((s) => {
                        const next = new Set(s);
                        if (next.has(id)) next.delete(id);
                        else next.add(id);
                        return next;
                      })
                    }
                    canEdit={canEdit}
                    onAddChild={(u) => setForm({ parentId: u.id })}
                    onEdit={(u) => setForm({ unit: u })}
                    onRemove={setRemoving}
                  />
                ))}
              </div>
            </Stack>
          );
        }}
      </QueryState>
      {form && <UnitForm units={query.data?.units ?? []} unit={form.unit} parentId={form.parentId ?? null} onClose={() => setForm(null)} />}
      {removing && <RemoveUnit unit={removing} onClose={() => setRemoving(null)} />}
    </Stack>
  );
}

function UnitRow(props: {
  node: UnitNode;
  collapsed: Set<string>;
  onToggle(id: string): void;
  canEdit: boolean;
  onAddChild(u: Unit): void;
  onEdit(u: Unit): void;
  onRemove(u: Unit): void;
}) {
  const { t } = useI18n();
  const { node } = props;
  const u = node.unit;
  const open = !props.collapsed.has(u.id);
  const hasChildren = node.children.length > 0;
  return (
    <div role="treeitem" aria-expanded={hasChildren ? open : undefined} aria-level={node.depth + 1} aria-selected={false}>
      <Card withBorder padding="xs" ml={node.depth * 28} mb={4} data-testid={`unit-${u.name}`}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            {hasChildren ? (
              <ActionIcon variant="subtle" size="sm" onClick={() => props.onToggle(u.id)} aria-label={t('org.units.toggle', { name: u.name })}>
                {open ? <IconChevronDown size={16} /> : <IconChevronRight size={16} />}
              </ActionIcon>
            ) : (
              <span style={{ width: 22, display: 'inline-block' }} />
            )}
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Group gap={6} wrap="nowrap">
                <Text fw={600} truncate>
                  {u.name}
                </Text>
                <Badge size="xs" variant="light">
                  {unitKindLabels[u.kind]}
                </Badge>
                {u.code && (
                  <Text size="xs" c="dimmed" ff="monospace">
                    {u.code}
                  </Text>
                )}
              </Group>
              <Text size="xs" c={u.headPositionId && !u.headName ? 'orange' : 'dimmed'} truncate>
                {u.headPositionId ? `${u.headPositionName}: ${u.headName ?? t('org.units.headVacant')}` : t('org.units.noHeadPosition')}
                {' · '}
                {t('org.units.people', { count: u.employeeCount })} · {t('org.units.positions', { count: u.positionCount })}
              </Text>
            </Stack>
          </Group>
          {props.canEdit && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" aria-label={`${t('org.edit')} ${u.name}`}>
                  <IconDots size={16} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPlus size={14} />} onClick={() => props.onAddChild(u)}>
                  {t('org.units.addChild')}
                </Menu.Item>
                <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => props.onEdit(u)}>
                  {t('org.edit')}
                </Menu.Item>
                <Menu.Item leftSection={<IconTrash size={14} />} color="red" onClick={() => props.onRemove(u)}>
                  {t('org.unit.remove')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Card>
      {/* Nested items sit in a group: a treeitem's parent must be a tree or a group (WAI-ARIA). */}
      {open && hasChildren && (
        <div role="group">
          {node.children.map((c) => (
            <UnitRow key={c.unit.id} {...props} node={c} />
          ))}
        </div>
      )}
    </div>
  );
}

function UnitForm({ units, unit, parentId, onClose }: { units: Unit[]; unit?: Unit; parentId: string | null; onClose(): void }) {
  const { t } = useI18n();
  const [name, setName] = useState(unit?.name ?? '');
  const [kind, setKind] = useState<UnitKind | null>(unit?.kind ?? null);
  const [code, setCode] = useState(unit?.code ?? '');
  const [parent, setParent] = useState<string | null>(unit ? unit.parentId : parentId);
  const create = useCommandMutation('org.createUnit', { invalidates: ['org', 'people'] });
  const update = useCommandMutation('org.updateUnit', { invalidates: ['org', 'people'] });
  const error = create.error ?? update.error;
  const errors = fieldErrors(error);
  const pending = create.isPending || update.isPending;
  const options = useMemo(() => unitOptions(units, unit?.id), [units, unit?.id]);

  const submit = () => {
    const done = {
      onSuccess: () => {
        notifySuccess(t('org.unit.saved', { name }));
        onClose();
      },
    };
    if (unit) update.mutate({ id: unit.id, version: unit.version, name, kind: kind ?? undefined, code, parentId: parent }, done);
    else create.mutate({ name, kind: kind as UnitKind, code, parentId: parent }, done);
  };

  return (
    <Modal opened onClose={pending ? () => undefined : onClose} title={unit ? t('org.unit.formEdit') : t('org.unit.formAdd')}>
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
          <TextInput label={t('org.unit.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} required data-autofocus />
          <Select
            label={t('org.unit.kind')}
            data={unitKinds.map((k) => ({ value: k, label: unitKindLabels[k] }))}
            value={kind}
            onChange={(v) => setKind(v as UnitKind | null)}
            error={errors.kind}
            required
            allowDeselect={false}
          />
          <Select
            label={t('org.unit.parent')}
            data={options}
            value={parent}
            onChange={setParent}
            placeholder={t('org.unit.parentNone')}
            clearable
            searchable
            error={errors.parentId}
          />
          <TextInput label={t('org.unit.code')} description={t('org.unit.codeHelp')} value={code} onChange={(e) => setCode(e.currentTarget.value)} error={errors.code} />
          <FormActions onCancel={onClose} pending={pending} />
        </Stack>
      </form>
    </Modal>
  );
}

function RemoveUnit({ unit, onClose }: { unit: Unit; onClose(): void }) {
  const { t } = useI18n();
  return (
    <RemoveDialog
      command="org.removeUnit"
      item={unit}
      title={t('org.unit.removeTitle', { name: unit.name })}
      help={t('org.unit.removeHelp')}
      removed={t('org.unit.removed', { name: unit.name })}
      onClose={onClose}
    />
  );
}

function OfficeCard({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const query = useCommand('org.getOffice', {});
  const [editing, setEditing] = useState<Office | null>(null);
  return (
    <QueryState query={query}>
      {({ office }) => (
        <Card withBorder padding="md" data-testid="office-card">
          <Group justify="space-between" align="flex-start">
            <div>
              <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
                {t('org.office.title')}
              </Text>
              <Title order={2} size="h3">
                {office.name} {office.code && <Text span c="dimmed" size="sm">({office.code})</Text>}
              </Title>
              {office.address && <Text size="sm">{office.address}</Text>}
              {(office.phone || office.email) && (
                <Text size="sm" c="dimmed">
                  {[office.phone, office.email].filter(Boolean).join(' · ')}
                </Text>
              )}
            </div>
            {canEdit && (
              <Button variant="light" size="xs" leftSection={<IconPencil size={14} />} onClick={() => setEditing(office)}>
                {t('org.office.edit')}
              </Button>
            )}
          </Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
            <div>
              <Text size="xs" c="dimmed">
                {t('org.office.head')}
              </Text>
              {office.headPositionId ? (
                <Text size="sm">
                  {office.head ? actingPrefix(office.head.kind) + office.head.name : t('org.office.vacant')}
                  <Text span c="dimmed" size="xs">
                    {' '}
                    — {office.headPositionName}
                  </Text>
                </Text>
              ) : (
                <Text size="sm" c="orange">
                  {t('org.office.noHead')}
                </Text>
              )}
            </div>
            <div>
              <Text size="xs" c="dimmed">
                {t('org.office.headAppraiser')}
              </Text>
              {office.headAppraiserName ? (
                <Text size="sm">
                  {office.headAppraiserName}
                  {office.headAppraiserPosition && <Text span c="dimmed" size="xs"> — {office.headAppraiserPosition}</Text>}
                  {office.headAppraiserSuperiorName && (
                    <Text span c="dimmed" size="xs">
                      {' '}
                      · {t('people.chain.atasan')}: {office.headAppraiserSuperiorName}
                    </Text>
                  )}
                </Text>
              ) : (
                <Text size="sm" c="orange">
                  {t('people.chain.none')}
                </Text>
              )}
            </div>
          </SimpleGrid>
          {editing && <OfficeForm office={editing} onClose={() => setEditing(null)} />}
        </Card>
      )}
    </QueryState>
  );
}

function OfficeForm({ office, onClose }: { office: Office; onClose(): void }) {
  const { t } = useI18n();
  const positions = usePositionChoices();
  const [v, setV] = useState({
    name: office.name,
    code: office.code ?? '',
    address: office.address ?? '',
    phone: office.phone ?? '',
    email: office.email ?? '',
    headPositionId: office.headPositionId,
    headAppraiserName: office.headAppraiserName ?? '',
    headAppraiserNip: office.headAppraiserNip ? formatNip(office.headAppraiserNip) : '',
    headAppraiserPosition: office.headAppraiserPosition ?? '',
    headAppraiserSuperiorName: office.headAppraiserSuperiorName ?? '',
    headAppraiserSuperiorNip: office.headAppraiserSuperiorNip ? formatNip(office.headAppraiserSuperiorNip) : '',
    headAppraiserSuperiorPosition: office.headAppraiserSuperiorPosition ?? '',
  });
  const update = useCommandMutation('org.updateOffice', { invalidates: ['org', 'people', 'auth.me'] });
  const errors = fieldErrors(update.error);
  const text = (key: Exclude<keyof typeof v, 'headPositionId'>, label: Parameters<typeof t>[0], props: { description?: string; required?: boolean } = {}) => (
    <TextInput label={t(label)} value={v[key]} onChange={(e) => setV({ ...v, [key]: e.currentTarget.value })} error={errors[key]} {...props} />
  );
  const tops = (positions.data?.positions ?? []).filter((p) => !p.reportsToPositionId);
  return (
    <Modal opened onClose={update.isPending ? () => undefined : onClose} title={t('org.office.title')} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          update.mutate(
            { version: office.version, ...v },
            {
              onSuccess: () => {
                notifySuccess(t('org.office.saved'));
                onClose();
              },
              onError: (err) => {
                if (!Object.keys(fieldErrors(err)).length) notifyError(err, t);
              },
            },
          );
        }}
      >
        <Stack>
          {text('name', 'org.office.name', { required: true })}
          <Group grow>
            {text('code', 'org.office.code')}
            {text('phone', 'org.office.phone')}
            {text('email', 'org.office.email')}
          </Group>
          <Textarea label={t('org.office.address')} value={v.address} onChange={(e) => setV({ ...v, address: e.currentTarget.value })} error={errors.address} autosize minRows={2} />
          <Select
            label={t('org.office.headPosition')}
            description={t('org.office.headPositionHelp')}
            data={tops.map((p) => ({ value: p.id, label: p.name }))}
            value={v.headPositionId}
            onChange={(x) => setV({ ...v, headPositionId: x })}
            clearable
            error={errors.headPositionId}
          />
          <Text size="sm" fw={600}>
            {t('org.office.headAppraiser')}
          </Text>
          <Text size="xs" c="dimmed" mt={-12}>
            {t('org.office.headAppraiserHelp')}
          </Text>
          {text('headAppraiserName', 'org.office.headAppraiserName')}
          <Group grow>
            {text('headAppraiserNip', 'org.office.headAppraiserNip')}
            {text('headAppraiserPosition', 'org.office.headAppraiserPosition')}
          </Group>
          {text('headAppraiserSuperiorName', 'org.office.superiorName')}
          <Group grow>
            {text('headAppraiserSuperiorNip', 'org.office.superiorNip')}
            {text('headAppraiserSuperiorPosition', 'org.office.superiorPosition')}
          </Group>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={update.isPending}>
              {t('org.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending}>
              {t('app.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}


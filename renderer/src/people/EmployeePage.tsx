import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Timeline, Title } from '@mantine/core';
import { IconArrowLeft, IconPencil, IconPlus, IconUserCheck } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { assignmentKinds, isManagerial, type AssignmentKind } from '../../../shared/org/jabatan';
import type { AppraisalChain, AppraisalOverride, Assignment, ChainPerson, Employee } from '../../../shared/people/commands';
import { formatNip } from '../../../shared/people/nip';
import { EmployeeAccountSection } from '../accounts/EmployeeAccountSection';
import { useCommand, useCommandMutation } from '../api/hooks';
import { useAuth } from '../auth/AuthProvider';
import { fieldErrors } from '../app/forms';
import { notifyError, notifySuccess } from '../app/notify';
import { QueryState } from '../app/QueryState';
import { useI18n } from '../i18n/I18nProvider';
import { positionOptions, usePositionChoices } from '../org/useOrg';
import { EmployeeForm } from './EmployeeForm';
import { EmployeePicker } from './EmployeePicker';
import { assignmentKindKeys, basisKeys, stateColors, stateKeys, statusColors, statusKeys, todayLocal } from './labels';
import { DateField } from '../app/DateField';

/**
 * One employee: data, positions over time, the appraisal chain on a chosen date (with why it is
 * what it is), explicit appraiser assignments, whom they appraise, and the change history.
 * Everyone may open their own page; appraisers those of their appraisees; the admin everyone's.
 */
export function EmployeePage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { hasRole } = useAuth();
  const [day, setDay] = useState(todayLocal());
  const query = useCommand('people.get', { id, date: day || undefined }, { placeholderData: keepPreviousData });

  return (
    <Stack>
      {hasRole('pengelola', 'admin_pusat') && (
        <Anchor component={Link} to="/pegawai" size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} />
            {t('people.back')}
          </Group>
        </Anchor>
      )}
      <QueryState query={query}>{(data) => <EmployeeView data={data} day={day} onDay={setDay} />}</QueryState>
    </Stack>
  );
}

type Detail = NonNullable<ReturnType<typeof useCommand<'people.get'>>['data']>;

function EmployeeView({ data, day, onDay }: { data: Detail; day: string; onDay(d: string): void }) {
  const { t, date, dateTime } = useI18n();
  const e = data.employee;
  const [editing, setEditing] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const [ending, setEnding] = useState<Assignment | null>(null);
  const [cancelling, setCancelling] = useState<Assignment | null>(null);
  const [overriding, setOverriding] = useState(false);
  const removeOverride = useCommandMutation('people.removeOverride', { invalidates: ['people'] });
  const canManageAccounts = useAuth().hasRole('pengelola', 'admin_pusat');

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2" data-testid="employee-name">
            {e.fullName}
          </Title>
          <Group gap="xs">
            <Text ff="monospace">{formatNip(e.nip)}</Text>
            <Badge variant="outline">{t(e.kind === 'PNS' ? 'people.kind.PNS' : 'people.kind.PPPK')}</Badge>
            <Badge color={statusColors[e.status]} variant="light">
              {t(statusKeys[e.status])}
            </Badge>
            <Text size="sm" c="dimmed">
              {data.officeName}
            </Text>
          </Group>
        </div>
        <DateField
          label={t('people.detail.date')}
          description={t('people.detail.dateHelp')}
          value={day}
          onChange={(value) => onDay(value)}
          w={220}
        />
      </Group>

      <Section
        title={t('people.detail.data')}
        action={
          data.canEdit && (
            <Button size="xs" variant="light" leftSection={<IconPencil size={14} />} onClick={() => setEditing(true)}>
              {t('people.detail.edit')}
            </Button>
          )
        }
      >
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
          <Fact label={t('people.detail.golongan')} value={e.golongan ? `${e.golongan}${e.pangkat ? ` - ${e.pangkat}` : ''}` : '—'} />
          <Fact label={t('people.detail.tmtGolongan')} value={date(e.tmtGolongan)} />
          <Fact label={t('people.detail.sex')} value={e.sex ? t(e.sex === 'L' ? 'people.sex.L' : 'people.sex.P') : '—'} />
          <Fact label={t('people.detail.birthDate')} value={date(e.birthDate)} />
          <Fact label={t('people.detail.phone')} value={e.phone ?? '—'} />
          <Fact label={t('people.detail.email')} value={e.email ?? '—'} />
        </SimpleGrid>
      </Section>

      {canManageAccounts && <EmployeeAccountSection employee={e} />}

      <ChainSection chain={data.chain} />

      <Section
        title={t('people.assignments.title')}
        action={
          data.canEdit && (
            <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setAssigning(true)}>
              {t('people.assignments.add')}
            </Button>
          )
        }
      >
        {data.assignments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('people.assignments.empty')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table data-testid="assignments">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('people.assignments.position')}</Table.Th>
                  <Table.Th>{t('people.assignments.unit')}</Table.Th>
                  <Table.Th>{t('people.assignments.kind')}</Table.Th>
                  <Table.Th>{t('people.assignments.start')}</Table.Th>
                  <Table.Th>{t('people.assignments.end')}</Table.Th>
                  <Table.Th>{t('people.assignments.state')}</Table.Th>
                  {data.canEdit && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.assignments.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Text size="sm">{a.positionName}</Text>
                      {a.skNumber && (
                        <Text size="xs" c="dimmed">
                          SK {a.skNumber}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{a.unitName ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={a.kind === 'definitif' ? 'blue' : 'violet'}>
                        {t(assignmentKindKeys[a.kind])}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{date(a.startDate)}</Table.Td>
                    <Table.Td>{a.endDate ? date(a.endDate) : '—'}</Table.Td>
                    <Table.Td>
                      <Badge color={stateColors[a.state]} variant="dot">
                        {t(stateKeys[a.state])}
                      </Badge>
                    </Table.Td>
                    {data.canEdit && (
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          {!a.endDate && (
                            <Button size="compact-xs" variant="light" onClick={() => setEnding(a)}>
                              {t('people.assignments.endAction')}
                            </Button>
                          )}
                          <Button size="compact-xs" variant="subtle" color="red" onClick={() => setCancelling(a)}>
                            {t('people.assignments.cancelAction')}
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
      </Section>

      <Section
        title={t('people.overrides.title')}
        action={
          data.canEdit && (
            <Button size="xs" variant="light" leftSection={<IconUserCheck size={14} />} onClick={() => setOverriding(true)}>
              {t('people.overrides.add')}
            </Button>
          )
        }
      >
        <Text size="xs" c="dimmed" mb="xs">
          {t('people.overrides.intro')}
        </Text>
        {data.overrides.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('people.overrides.empty')}
          </Text>
        ) : (
          <Stack gap="xs">
            {data.overrides.map((o) => (
              <OverrideRow
                key={o.id}
                override={o}
                canEdit={data.canEdit}
                onRemove={() =>
                  removeOverride.mutate(
                    { id: o.id, version: o.version },
                    { onSuccess: () => notifySuccess(t('people.overrides.removed')), onError: (err) => notifyError(err, t) },
                  )
                }
              />
            ))}
          </Stack>
        )}
      </Section>

      <Section title={t('people.appraisees.title')}>
        {data.appraisees.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('people.appraisees.empty')}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {(['penilai', 'atasan_penilai'] as const).map((link) => {
              const list = data.appraisees.filter((a) => a.link === link);
              if (!list.length) return null;
              return (
                <div key={link}>
                  <Text size="sm" fw={600} mb={4}>
                    {t(link === 'penilai' ? 'people.appraisees.penilai' : 'people.appraisees.atasan')} ({list.length})
                  </Text>
                  <Stack gap={2}>
                    {list.map((a) => (
                      <Text size="sm" key={a.employeeId}>
                        <Anchor component={Link} to={`/pegawai/${a.employeeId}`}>
                          {a.name}
                        </Anchor>
                        <Text span size="xs" c="dimmed">
                          {' '}
                          — {a.positionName ?? '—'}
                        </Text>
                      </Text>
                    ))}
                  </Stack>
                </div>
              );
            })}
          </SimpleGrid>
        )}
      </Section>

      <Section title={t('people.history.title')}>
        {data.history.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('people.history.empty')}
          </Text>
        ) : (
          <Timeline bulletSize={12} lineWidth={2} data-testid="history">
            {data.history.map((h, i) => (
              <Timeline.Item key={`${h.at}-${i}`}>
                <Text size="sm">{h.summary}</Text>
                <Text size="xs" c="dimmed">
                  {dateTime(h.at)}
                  {h.actorName ? ` · ${t('people.history.by', { name: h.actorName })}` : ''}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        )}
      </Section>

      {editing && <EmployeeForm employee={e} onClose={() => setEditing(false)} />}
      {assigning && <AssignModal employee={e} day={day} onClose={() => setAssigning(false)} />}
      {ending && <EndModal assignment={ending} onClose={() => setEnding(null)} />}
      {cancelling && <CancelModal assignment={cancelling} onClose={() => setCancelling(null)} />}
      {overriding && <OverrideModal employee={e} day={day} onClose={() => setOverriding(false)} />}
    </Stack>
  );
}

function Section({ title, action, children }: { title: string; action?: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder padding="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Card>
  );
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

function PersonCard({ title, person, testId }: { title: string; person: ChainPerson | null; testId: string }) {
  const { t } = useI18n();
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Text size="xs" c="dimmed" fw={700} tt="uppercase">
        {title}
      </Text>
      {person ? (
        <>
          <Text fw={600}>
            {person.employeeId ? (
              <Anchor component={Link} to={`/pegawai/${person.employeeId}`} inherit>
                {person.name}
              </Anchor>
            ) : (
              person.name
            )}
          </Text>
          {person.nip && (
            <Text size="sm" ff="monospace">
              NIP {formatNip(person.nip)}
            </Text>
          )}
          {person.positionName && <Text size="sm">{person.positionName}</Text>}
          <Group gap={4} mt={4}>
            <Badge size="xs" variant="light" color={person.basis === 'definitif' ? 'blue' : person.basis === 'override' ? 'grape' : 'violet'}>
              {t(basisKeys[person.basis])}
            </Badge>
            {person.outsideOffice && (
              <Badge size="xs" variant="outline" color="gray">
                {t('people.chain.outside')}
              </Badge>
            )}
          </Group>
        </>
      ) : (
        <Text c="orange.7" fw={600}>
          {t('people.chain.none')}
        </Text>
      )}
    </Card>
  );
}

function ChainSection({ chain }: { chain: AppraisalChain }) {
  const { t } = useI18n();
  return (
    <Card withBorder padding="md" data-testid="appraisal-chain">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('people.chain.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('people.chain.position')}: {chain.position ? `${chain.position.name}${chain.position.unitName ? ` — ${chain.position.unitName}` : ''}` : t('people.noPosition')}
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <PersonCard title={t('people.chain.appraiser')} person={chain.appraiser} testId="chain-appraiser" />
        <PersonCard title={t('people.chain.atasan')} person={chain.atasan} testId="chain-atasan" />
      </SimpleGrid>
      {chain.notes.length > 0 && (
        <Alert color={chain.appraiser ? 'blue' : 'orange'} variant="light" mt="sm" title={t('people.chain.notes')}>
          <Stack gap={2}>
            {chain.notes.map((n) => (
              <Text size="sm" key={n}>
                {n}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
    </Card>
  );
}

function OverrideRow({ override: o, canEdit, onRemove }: { override: AppraisalOverride; canEdit: boolean; onRemove(): void }) {
  const { t, date } = useI18n();
  return (
    <Card withBorder padding="xs">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Group gap="xs">
            <Badge color={stateColors[o.state]} variant="dot">
              {t(stateKeys[o.state])}
            </Badge>
            <Text size="sm">
              {t('people.overrides.period')}: {date(o.startDate)} – {o.endDate ? date(o.endDate) : '…'}
            </Text>
          </Group>
          <Text size="sm">
            {t('people.overrides.appraiser')}: <b>{o.appraiserName}</b> ({formatNip(o.appraiserNip)})
          </Text>
          <Text size="sm">
            {t('people.overrides.atasan')}: {o.atasanName ?? t('people.overrides.atasanAuto')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('people.overrides.reason')}: {o.reason}
          </Text>
        </div>
        {canEdit && (
          <Button size="compact-xs" color="red" variant="subtle" onClick={onRemove}>
            {t('people.overrides.remove')}
          </Button>
        )}
      </Group>
    </Card>
  );
}

function FormModal(props: { title: string; pending: boolean; error: ReturnType<typeof fieldErrors>; message?: string | null; onClose(): void; onSubmit(): void; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Modal opened onClose={props.pending ? () => undefined : props.onClose} title={props.title} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          props.onSubmit();
        }}
      >
        <Stack>
          {props.message && !Object.keys(props.error).length && (
            <Alert color="red" role="alert">
              {props.message}
            </Alert>
          )}
          {props.children}
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose} disabled={props.pending}>
              {t('people.cancel')}
            </Button>
            <Button type="submit" loading={props.pending}>
              {t('people.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function AssignModal({ employee, day, onClose }: { employee: Employee; day: string; onClose(): void }) {
  const { t } = useI18n();
  const positions = usePositionChoices();
  const [positionId, setPositionId] = useState<string | null>(null);
  const [kind, setKind] = useState<AssignmentKind>('definitif');
  const [startDate, setStart] = useState(day || todayLocal());
  const [endDate, setEnd] = useState('');
  const [skNumber, setSk] = useState('');
  const [endPrevious, setEndPrevious] = useState(true);
  const assign = useCommandMutation('people.assign', { invalidates: ['people', 'org'] });
  const errors = fieldErrors(assign.error);
  const chosen = positions.data?.positions.find((p) => p.id === positionId);
  return (
    <FormModal
      title={t('people.assign.title', { name: employee.fullName })}
      pending={assign.isPending}
      error={errors}
      message={assign.error?.message}
      onClose={onClose}
      onSubmit={() =>
        assign.mutate(
          { employeeId: employee.id, positionId: positionId ?? '', kind, startDate, endDate: endDate || null, skNumber, endPrevious },
          {
            onSuccess: () => {
              notifySuccess(t('people.assign.saved', { name: employee.fullName, position: chosen?.name ?? '' }));
              onClose();
            },
          },
        )
      }
    >
      <Select
        label={t('people.assign.position')}
        description={t('people.assign.positionHelp')}
        data={positionOptions(positions.data?.positions ?? [])}
        value={positionId}
        onChange={setPositionId}
        searchable
        limit={60}
        required
        error={errors.positionId}
        data-autofocus
      />
      <Select
        label={t('people.assign.kind')}
        description={t('people.assign.kindHelp')}
        data={assignmentKinds
          .filter((k) => k === 'definitif' || !chosen || isManagerial(chosen.type))
          .map((k) => ({ value: k, label: t(assignmentKindKeys[k]) }))}
        value={kind}
        onChange={(v) => setKind((v as AssignmentKind) ?? 'definitif')}
        allowDeselect={false}
        error={errors.kind}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <DateField label={t('people.assign.start')} value={startDate} onChange={(value) => setStart(value)} required error={errors.startDate} />
        <DateField label={t('people.assign.end')} value={endDate} onChange={(value) => setEnd(value)} error={errors.endDate} />
        <TextInput label={t('people.assign.sk')} value={skNumber} onChange={(e) => setSk(e.currentTarget.value)} error={errors.skNumber} />
      </SimpleGrid>
      {kind === 'definitif' && <Checkbox label={t('people.assign.endPrevious')} checked={endPrevious} onChange={(e) => setEndPrevious(e.currentTarget.checked)} />}
    </FormModal>
  );
}

function EndModal({ assignment, onClose }: { assignment: Assignment; onClose(): void }) {
  const { t } = useI18n();
  const [endDate, setEnd] = useState(todayLocal());
  const end = useCommandMutation('people.endAssignment', { invalidates: ['people', 'org'] });
  const errors = fieldErrors(end.error);
  return (
    <FormModal
      title={t('people.end.title', { position: assignment.positionName })}
      pending={end.isPending}
      error={errors}
      message={end.error?.message}
      onClose={onClose}
      onSubmit={() =>
        end.mutate(
          { id: assignment.id, version: assignment.version, endDate },
          {
            onSuccess: () => {
              notifySuccess(t('people.end.saved'));
              onClose();
            },
          },
        )
      }
    >
      <Text size="sm">{t('people.end.help')}</Text>
      <DateField label={t('people.end.date')} value={endDate} onChange={(value) => setEnd(value)} required error={errors.endDate} data-autofocus />
    </FormModal>
  );
}

function CancelModal({ assignment, onClose }: { assignment: Assignment; onClose(): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const cancel = useCommandMutation('people.cancelAssignment', { invalidates: ['people', 'org'] });
  const errors = fieldErrors(cancel.error);
  return (
    <FormModal
      title={t('people.cancel.title', { position: assignment.positionName })}
      pending={cancel.isPending}
      error={errors}
      message={cancel.error?.message}
      onClose={onClose}
      onSubmit={() =>
        cancel.mutate(
          { id: assignment.id, version: assignment.version, reason },
          {
            onSuccess: () => {
              notifySuccess(t('people.cancel.saved'));
              onClose();
            },
          },
        )
      }
    >
      <Text size="sm">{t('people.cancel.help')}</Text>
      <Textarea label={t('people.cancel.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} required error={errors.reason} autosize minRows={2} data-autofocus />
    </FormModal>
  );
}

function OverrideModal({ employee, day, onClose }: { employee: Employee; day: string; onClose(): void }) {
  const { t } = useI18n();
  const [appraiser, setAppraiser] = useState<string | null>(null);
  const [atasan, setAtasan] = useState<string | null>(null);
  const [startDate, setStart] = useState(day || todayLocal());
  const [endDate, setEnd] = useState('');
  const [reason, setReason] = useState('');
  const save = useCommandMutation('people.setOverride', { invalidates: ['people'] });
  const errors = fieldErrors(save.error);
  return (
    <FormModal
      title={t('people.override.title', { name: employee.fullName })}
      pending={save.isPending}
      error={errors}
      message={save.error?.message}
      onClose={onClose}
      onSubmit={() =>
        save.mutate(
          { employeeId: employee.id, appraiserEmployeeId: appraiser ?? '', atasanEmployeeId: atasan, startDate, endDate: endDate || null, reason },
          {
            onSuccess: () => {
              notifySuccess(t('people.override.saved'));
              onClose();
            },
          },
        )
      }
    >
      <EmployeePicker label={t('people.override.appraiser')} value={appraiser} onChange={setAppraiser} error={errors.appraiserEmployeeId} required exclude={[employee.id]} />
      <EmployeePicker
        label={t('people.override.atasan')}
        description={t('people.override.atasanHelp')}
        value={atasan}
        onChange={setAtasan}
        error={errors.atasanEmployeeId}
        exclude={[employee.id]}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField label={t('people.override.start')} value={startDate} onChange={(value) => setStart(value)} required error={errors.startDate} />
        <DateField label={t('people.override.end')} value={endDate} onChange={(value) => setEnd(value)} error={errors.endDate} />
      </SimpleGrid>
      <Textarea
        label={t('people.override.reason')}
        description={t('people.override.reasonHelp')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        required
        error={errors.reason}
        autosize
        minRows={2}
      />
    </FormModal>
  );
}

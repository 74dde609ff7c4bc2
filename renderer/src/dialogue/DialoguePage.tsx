import { ActionIcon, Alert, Badge, Button, Card, Checkbox, Divider, Group, Modal, Paper, Radio, Select, SimpleGrid, Stack, Tabs, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconCalendarEvent, IconCheck, IconMessages, IconNotes, IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { actionOwners, dialogueKinds, type Dialogue } from '../../../shared/dialogue/commands';
import { localDate } from '../../../shared/people/dates';
import { useCommand, useCommandMutation } from '../api/hooks';
import { EmptyState } from '../app/EmptyState';
import { fieldErrors } from '../app/forms';
import { notifySuccess } from '../app/notify';
import { QueryState } from '../app/QueryState';
import { useAuth } from '../auth/AuthProvider';
import type { MessageKey } from '../i18n/catalog';
import { useI18n } from '../i18n/I18nProvider';
import { notifySkpError } from '../skp/labels';
import { PageHeader } from '../app/PageHeader';
import { useRunningYear } from '../year/ui';
import { useWaiting } from '../reports/waiting';
import { DateField, DateTimeField } from '../app/DateField';

type Kind = (typeof dialogueKinds)[number];
type Owner = (typeof actionOwners)[number];

const statusColors: Record<Dialogue['status'], string> = { diminta: 'yellow', dijadwalkan: 'blue', dicatat: 'grape', dikonfirmasi: 'teal', dibatalkan: 'gray' };
const kindColors: Record<Kind, string> = { perencanaan: 'indigo', pemantauan: 'cyan', evaluasi: 'violet', keberatan: 'orange' };
const active = (d: Dialogue) => d.status === 'diminta' || d.status === 'dijadwalkan' || d.status === 'dicatat';

/** `2026-02-05T09:00` for a datetime-local input, in the computer's own zone. */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** `/dialog`: performance dialogues, mine and (for appraisers) with the people I appraise. */
export function DialoguePage() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const [chosenTab, setTab] = useState<string | null>(null);
  const [requesting, setRequesting] = useState<'mine' | 'team' | null>(null);
  const appraiser = hasRole('penilai');
  // Opens on the tab where something waits for the user (a request to answer, minutes to confirm).
  const waiting = useWaiting().data?.dialogues;
  const tab = chosenTab ?? (waiting && waiting.team > 0 && waiting.mine === 0 ? 'team' : 'mine');
  return (
    <Stack>
      <PageHeader
        title={t('dialogue.title')}
        description={t('dialogue.intro')}
        actions={
          <Button leftSection={<IconMessages size={16} />} onClick={() => setRequesting(tab === 'team' ? 'team' : 'mine')}>
            {t('dialogue.request')}
          </Button>
        }
      />
      {appraiser ? (
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="mine" rightSection={<TabCount count={waiting?.mine} />}>
              {t('dialogue.tab.mine')}
            </Tabs.Tab>
            <Tabs.Tab value="team" rightSection={<TabCount count={waiting?.team} />}>
              {t('dialogue.tab.team')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="mine" pt="md">
            <DialogueList asAppraiser={false} />
          </Tabs.Panel>
          <Tabs.Panel value="team" pt="md">
            <DialogueList asAppraiser />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <DialogueList asAppraiser={false} />
      )}
      {requesting && <RequestModal forTeam={requesting === 'team'} onClose={() => setRequesting(null)} onDone={(team) => setTab(team ? 'team' : 'mine')} />}
    </Stack>
  );
}

/** How many dialogues on a tab wait for the user; nothing when none. */
function TabCount({ count }: { count: number | undefined }) {
  if (!count) return null;
  return (
    <Badge size="sm" color="red" circle={count < 10} data-testid="tab-count">
      {count}
    </Badge>
  );
}

function DialogueList({ asAppraiser }: { asAppraiser: boolean }) {
  const { t } = useI18n();
  const query = useCommand('dialogue.list', { asAppraiser });
  return (
    <QueryState query={query}>
      {(data) => {
        if (data.dialogues.length === 0) return <EmptyState message={t(asAppraiser ? 'dialogue.emptyTeam' : 'dialogue.emptyMine')} />;
        const running = data.dialogues.filter(active);
        const done = data.dialogues.filter((d) => !active(d));
        const reload = () => void query.refetch();
        return (
          <Stack gap="lg">
            {running.length > 0 && (
              <section>
                <Title order={2} size="h4" mb="xs">
                  {t('dialogue.active')}
                </Title>
                <Stack>
                  {running.map((d) => (
                    <DialogueCard key={d.id} dialogue={d} reload={reload} />
                  ))}
                </Stack>
              </section>
            )}
            {done.length > 0 && (
              <section>
                <Title order={2} size="h4" mb="xs">
                  {t('dialogue.finished')}
                </Title>
                <Stack>
                  {done.map((d) => (
                    <DialogueCard key={d.id} dialogue={d} reload={reload} />
                  ))}
                </Stack>
              </section>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {children}
      </Text>
    </div>
  );
}

type DialogKind = 'schedule' | 'record' | 'confirm' | 'cancel';

function DialogueCard({ dialogue: d, reload }: { dialogue: Dialogue; reload(): void }) {
  const { t, date, dateTime } = useI18n();
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const side = d.viewerSide;
  const other = side === 'pegawai' ? (d.appraiserName ?? '-') : d.employeeName;
  const iConfirmed = side === 'pegawai' ? !!d.employeeConfirmedAt : side === 'penilai' ? !!d.appraiserConfirmedAt : false;
  // Names come from the same employee record (with titles) on all three fields.
  const requestedByMe = side === 'pegawai' ? d.requestedByName === d.employeeName : d.requestedByName === d.appraiserName;
  const participant = side === 'pegawai' || side === 'penilai';

  const next: string = (() => {
    switch (d.status) {
      case 'diminta':
        return requestedByMe ? t('dialogue.next.diminta.mine', { name: other }) : t('dialogue.next.diminta.other', { name: d.requestedByName });
      case 'dijadwalkan':
        return t('dialogue.next.dijadwalkan');
      case 'dicatat':
        return iConfirmed ? t('dialogue.next.dicatatDone', { name: other }) : t('dialogue.next.dicatat');
      case 'dikonfirmasi':
        return t('dialogue.next.dikonfirmasi');
      case 'dibatalkan':
        return t('dialogue.next.dibatalkan');
    }
  })();

  return (
    <Card withBorder data-testid="dialogue-card">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Group gap="xs">
              <Badge color={kindColors[d.kind]} variant="light" miw="max-content">
                {t(`dialogue.kind.${d.kind}` as MessageKey)}
              </Badge>
              <Badge color={statusColors[d.status]} variant={d.status === 'dibatalkan' ? 'outline' : 'filled'} miw="max-content" data-testid="dialogue-status">
                {t(`dialogue.status.${d.status}` as MessageKey)}
              </Badge>
            </Group>
            <Title order={3} size="h5" mt={6}>
              {t('dialogue.cardTitle', { kind: t(`dialogue.kind.${d.kind}` as MessageKey), name: other })}
            </Title>
            <Text size="xs" c="dimmed">
              {t('dialogue.requestedBy', { name: d.requestedByName, date: date(d.createdAt) })}
            </Text>
          </div>
          {participant && (
            <Group gap="xs">
              {(d.status === 'diminta' || d.status === 'dijadwalkan') && (
                <Button size="xs" variant={d.status === 'diminta' ? 'filled' : 'light'} leftSection={<IconCalendarEvent size={14} />} onClick={() => setDialog('schedule')}>
                  {t(d.status === 'diminta' ? 'dialogue.action.schedule' : 'dialogue.action.reschedule')}
                </Button>
              )}
              {(d.status === 'dijadwalkan' || d.status === 'dicatat') && (
                <Button size="xs" variant={d.status === 'dijadwalkan' ? 'filled' : 'light'} leftSection={<IconNotes size={14} />} onClick={() => setDialog('record')}>
                  {t(d.status === 'dijadwalkan' ? 'dialogue.action.record' : 'dialogue.action.editMinutes')}
                </Button>
              )}
              {d.status === 'dicatat' && !iConfirmed && (
                <Button size="xs" color="teal" leftSection={<IconCheck size={14} />} onClick={() => setDialog('confirm')}>
                  {t('dialogue.action.confirm')}
                </Button>
              )}
              {(d.status === 'diminta' || d.status === 'dijadwalkan') && (
                <Button size="xs" variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={() => setDialog('cancel')}>
                  {t('dialogue.action.cancel')}
                </Button>
              )}
            </Group>
          )}
        </Group>

        <Text size="sm" c={d.status === 'dibatalkan' ? 'dimmed' : 'blue.8'} data-testid="dialogue-next">
          {next}
        </Text>

        {d.requestNote && d.requestNote !== d.agenda && <Field label={t('dialogue.requestNote')}>{d.requestNote}</Field>}
        {(d.status !== 'diminta' || d.scheduledAt) && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Field label={t('dialogue.when')}>{d.scheduledAt ? dateTime(d.scheduledAt) : t('dialogue.notSet')}</Field>
            <Field label={t('dialogue.where')}>{d.place || t('dialogue.notSet')}</Field>
            <Field label={t('dialogue.agenda')}>{d.agenda || t('dialogue.notSet')}</Field>
          </SimpleGrid>
        )}

        {d.discussion && (
          <>
            <Divider label={t('dialogue.minutes')} labelPosition="left" />
            {d.participants && <Field label={t('dialogue.participants')}>{d.participants}</Field>}
            <Field label={t('dialogue.discussion')}>{d.discussion}</Field>
            {d.employeeConcerns && (
              <Paper withBorder p="sm" bg="var(--mantine-color-yellow-light)" data-testid="dialogue-concerns">
                <Text size="xs" fw={700} c="dimmed">
                  {t('dialogue.concerns')}
                </Text>
                <Text size="sm" fs="italic" style={{ whiteSpace: 'pre-wrap' }}>
                  “{d.employeeConcerns}”
                </Text>
              </Paper>
            )}
            {d.agreed && <Field label={t('dialogue.agreed')}>{d.agreed}</Field>}
            <Actions dialogue={d} reload={reload} />
            <div>
              <Text size="xs" c="dimmed">
                {t('dialogue.confirmations')}
              </Text>
              <Group gap="md">
                <ConfirmLine side={t('dialogue.side.pegawai')} at={d.employeeConfirmedAt} />
                <ConfirmLine side={t('dialogue.side.penilai')} at={d.appraiserConfirmedAt} />
              </Group>
            </div>
          </>
        )}
      </Stack>
      {dialog === 'schedule' && <ScheduleModal dialogue={d} reload={reload} onClose={() => setDialog(null)} />}
      {dialog === 'record' && <RecordModal dialogue={d} reload={reload} onClose={() => setDialog(null)} />}
      {dialog === 'confirm' && <ConfirmModal dialogue={d} reload={reload} onClose={() => setDialog(null)} />}
      {dialog === 'cancel' && <CancelModal dialogue={d} reload={reload} onClose={() => setDialog(null)} />}
    </Card>
  );
}

function ConfirmLine({ side, at }: { side: string; at: string | null }) {
  const { t, dateTime } = useI18n();
  return (
    <Group gap={4}>
      {at ? <IconCheck size={14} color="var(--mantine-color-teal-7)" aria-hidden /> : null}
      <Text size="sm" c={at ? undefined : 'dimmed'}>
        {at ? t('dialogue.confirmedBy', { side, date: dateTime(at) }) : t('dialogue.notConfirmedBy', { side })}
      </Text>
    </Group>
  );
}

function Actions({ dialogue: d, reload }: { dialogue: Dialogue; reload(): void }) {
  const { t } = useI18n();
  const canTick = d.viewerSide === 'pegawai' || d.viewerSide === 'penilai';
  return (
    <div>
      <Text size="xs" c="dimmed" mb={4}>
        {t('dialogue.actions')}
      </Text>
      {d.actions.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dialogue.noActions')}
        </Text>
      ) : (
        <Stack gap={6}>
          {d.actions.map((a) => (
            <ActionItem key={a.id} action={a} canTick={canTick} reload={reload} />
          ))}
        </Stack>
      )}
    </div>
  );
}

function ActionItem({ action: a, canTick, reload }: { action: Dialogue['actions'][number]; canTick: boolean; reload(): void }) {
  const { t, date } = useI18n();
  const complete = useCommandMutation('dialogue.completeAction', { invalidates: ['dialogue', 'reports'] });
  // The box shows the new state at once while it is saved; the refreshed list then takes over.
  const [optimistic, setOptimistic] = useState<boolean | null>(null);
  const done = optimistic ?? !!a.doneAt;
  const overdue = !done && !!a.dueDate && a.dueDate < localDate(new Date());
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Checkbox
        checked={done}
        disabled={!canTick || complete.isPending}
        aria-label={t('dialogue.actionToggle', { text: a.text })}
        onChange={(e) => {
          const next = e.currentTarget.checked;
          setOptimistic(next);
          complete.mutate(
            { actionId: a.id, done: next },
            {
              onSuccess: () => notifySuccess(t(next ? 'dialogue.actionDone' : 'dialogue.actionUndone')),
              onError: (err) => notifySkpError(err, t, reload),
              onSettled: () => setOptimistic(null),
            },
          );
        }}
        mt={2}
      />
      <div>
        <Text size="sm" td={done ? 'line-through' : undefined}>
          {a.text}
        </Text>
        <Group gap={6}>
          <Badge size="xs" variant="light" color="gray">
            {t(`dialogue.actionOwner.${a.owner}` as MessageKey)}
          </Badge>
          {a.dueDate && (
            <Text size="xs" c={overdue ? 'red' : 'dimmed'}>
              {t('dialogue.actionDue', { date: date(a.dueDate) })}
              {overdue ? ` · ${t('dialogue.actionOverdue')}` : ''}
            </Text>
          )}
          {a.doneAt && (
            <Text size="xs" c="teal.8">
              {t('dialogue.actionDoneOn', { date: date(a.doneAt) })}
            </Text>
          )}
        </Group>
      </div>
    </Group>
  );
}

function FormModal({ title, onClose, onSubmit, busy, submitLabel, children, size = 'lg', color }: { title: string; onClose(): void; onSubmit(): void; busy: boolean; submitLabel: string; children: ReactNode; size?: string; color?: string }) {
  const { t } = useI18n();
  return (
    <Modal opened onClose={busy ? () => undefined : onClose} title={title} size={size}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            onSubmit();
          }
        }}
      >
        <Stack>
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={busy} color={color}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Asking for a dialogue: the employee with their own appraiser, or the appraiser with someone they appraise. */
function RequestModal({ forTeam, onClose, onDone }: { forTeam: boolean; onClose(): void; onDone(team: boolean): void }) {
  const { t } = useI18n();
  const { year: open } = useRunningYear();
  const mySkps = useCommand('skp.list', { yearId: open?.id ?? '' }, { enabled: !!open && !forTeam });
  const team = useCommand('reports.team', { yearId: open?.id ?? '' }, { enabled: !!open && forTeam });
  const [kind, setKind] = useState<Kind>('pemantauan');
  const [employeeId, setEmployeeId] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [proposedAt, setProposedAt] = useState('');
  const [touched, setTouched] = useState(false);
  const request = useCommandMutation('dialogue.request', { invalidates: ['dialogue', 'reports'] });
  const members = team.data?.members ?? [];
  const member = members.find((m) => m.employeeId === employeeId);
  const withError = forTeam && touched && !employeeId ? t('dialogue.withRequired') : undefined;
  const fields = fieldErrors(request.error);

  const submit = () => {
    setTouched(true);
    if (forTeam && !employeeId) return;
    const skpId = forTeam ? member?.skpId : mySkps.data?.skps[0]?.id;
    request.mutate(
      {
        kind,
        ...(forTeam ? { employeeId: employeeId! } : {}),
        ...(skpId ? { skpId } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(proposedAt ? { proposedAt: new Date(proposedAt).toISOString() } : {}),
      },
      {
        onSuccess: (r) => {
          const name = forTeam ? r.dialogue.employeeName : r.dialogue.appraiserName;
          notifySuccess(name ? t('dialogue.requested', { name }) : t('dialogue.requestedNoName'));
          onDone(forTeam);
          onClose();
        },
        onError: (err) => {
          if (err.code !== 'VALIDATION') notifySkpError(err, t, () => undefined);
        },
      },
    );
  };

  return (
    <FormModal title={t('dialogue.requestTitle')} onClose={onClose} onSubmit={submit} busy={request.isPending} submitLabel={t('dialogue.requestSend')}>
      <Text size="sm">{t('dialogue.requestHelp')}</Text>
      {forTeam &&
        (members.length === 0 && !team.isPending ? (
          <Alert color="yellow">{t('dialogue.noTeam')}</Alert>
        ) : (
          <Select
            label={t('dialogue.with')}
            placeholder={t('dialogue.withPlaceholder')}
            data={members.map((m) => ({ value: m.employeeId, label: m.position ? `${m.name} (${m.position})` : m.name }))}
            value={employeeId}
            onChange={setEmployeeId}
            searchable
            error={withError}
            required
            data-autofocus
          />
        ))}
      <Radio.Group label={t('dialogue.kind')} value={kind} onChange={(v) => setKind(v as Kind)} required>
        <Stack gap="xs" mt={6}>
          {dialogueKinds.map((k) => (
            <Radio key={k} value={k} label={t(`dialogue.kind.${k}` as MessageKey)} description={t(`dialogue.kindHelp.${k}` as MessageKey)} />
          ))}
        </Stack>
      </Radio.Group>
      <Textarea
        label={t('dialogue.note')}
        placeholder={t('dialogue.notePlaceholder')}
        autosize
        minRows={3}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={fields.note}
        data-autofocus={forTeam ? undefined : true}
      />
      <DateTimeField
        label={t('dialogue.proposedAt')}
        description={t('dialogue.proposedAtHelp')}
        value={proposedAt}
        onChange={(value) => setProposedAt(value)}
        error={fields.proposedAt}
        maw={280}
      />
    </FormModal>
  );
}

function ScheduleModal({ dialogue: d, reload, onClose }: { dialogue: Dialogue; reload(): void; onClose(): void }) {
  const { t } = useI18n();
  const [when, setWhen] = useState(toLocalInput(d.scheduledAt));
  const [place, setPlace] = useState(d.place ?? '');
  const [agenda, setAgenda] = useState(d.agenda ?? d.requestNote ?? '');
  const [touched, setTouched] = useState(false);
  const schedule = useCommandMutation('dialogue.schedule', { invalidates: ['dialogue', 'reports'] });
  const fields = fieldErrors(schedule.error);
  const submit = () => {
    setTouched(true);
    if (!when || !agenda.trim()) return;
    schedule.mutate(
      { dialogueId: d.id, version: d.version, scheduledAt: new Date(when).toISOString(), place: place.trim() || undefined, agenda: agenda.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('dialogue.scheduled'));
          onClose();
        },
        onError: (err) => {
          if (err.code !== 'VALIDATION') {
            notifySkpError(err, t, reload);
            onClose();
          }
        },
      },
    );
  };
  return (
    <FormModal title={t('dialogue.scheduleTitle')} onClose={onClose} onSubmit={submit} busy={schedule.isPending} submitLabel={t('dialogue.scheduleSave')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateTimeField
          label={t('dialogue.scheduledAt')}
          value={when}
          onChange={(value) => setWhen(value)}
          error={(touched && !when ? t('dialogue.scheduledAtRequired') : undefined) ?? fields.scheduledAt}
          required
          data-autofocus
        />
        <TextInput label={t('dialogue.place')} placeholder={t('dialogue.placePlaceholder')} value={place} maxLength={300} onChange={(e) => setPlace(e.currentTarget.value)} />
      </SimpleGrid>
      <Textarea
        label={t('dialogue.agenda')}
        description={t('dialogue.agendaHelp')}
        autosize
        minRows={3}
        maxLength={4000}
        value={agenda}
        onChange={(e) => setAgenda(e.currentTarget.value)}
        error={(touched && !agenda.trim() ? t('dialogue.agendaRequired') : undefined) ?? fields.agenda}
        required
      />
    </FormModal>
  );
}

interface ActionRow {
  key: number;
  text: string;
  owner: Owner;
  dueDate: string;
}

function RecordModal({ dialogue: d, reload, onClose }: { dialogue: Dialogue; reload(): void; onClose(): void }) {
  const { t } = useI18n();
  const [participants, setParticipants] = useState(d.participants ?? [d.employeeName, d.appraiserName].filter(Boolean).join(', '));
  const [discussion, setDiscussion] = useState(d.discussion ?? '');
  const [concerns, setConcerns] = useState(d.employeeConcerns ?? '');
  const [agreed, setAgreed] = useState(d.agreed ?? '');
  const [actions, setActions] = useState<ActionRow[]>(() => d.actions.map((a, n) => ({ key: n, text: a.text, owner: a.owner, dueDate: a.dueDate ?? '' })));
  const [nextKey, setNextKey] = useState(d.actions.length);
  const [touched, setTouched] = useState(false);
  const record = useCommandMutation('dialogue.record', { invalidates: ['dialogue', 'reports'] });
  const fields = fieldErrors(record.error);
  const hadConfirmations = !!(d.employeeConfirmedAt || d.appraiserConfirmedAt);

  const setAction = (key: number, patch: Partial<ActionRow>) => setActions((all) => all.map((a) => (a.key === key ? { ...a, ...patch } : a)));
  const submit = () => {
    setTouched(true);
    if (!discussion.trim() || actions.some((a) => !a.text.trim())) return;
    record.mutate(
      {
        dialogueId: d.id,
        version: d.version,
        participants: participants.trim() || undefined,
        discussion: discussion.trim(),
        employeeConcerns: concerns.trim() || undefined,
        agreed: agreed.trim() || undefined,
        actions: actions.map((a) => ({ text: a.text.trim(), owner: a.owner, dueDate: a.dueDate || null })),
      },
      {
        onSuccess: () => {
          notifySuccess(t('dialogue.recorded'));
          onClose();
        },
        onError: (err) => {
          if (err.code !== 'VALIDATION') {
            notifySkpError(err, t, reload);
            onClose();
          }
        },
      },
    );
  };
  const ownerData = actionOwners.map((o) => ({ value: o, label: t(`dialogue.actionOwner.${o}` as MessageKey) }));

  return (
    <FormModal title={t('dialogue.recordTitle')} onClose={onClose} onSubmit={submit} busy={record.isPending} submitLabel={t('dialogue.recordSave')} size="xl">
      <Text size="sm">{t('dialogue.recordHelp')}</Text>
      {hadConfirmations && <Alert color="yellow">{t('dialogue.recordResets')}</Alert>}
      <TextInput label={t('dialogue.participants')} description={t('dialogue.participantsHelp')} value={participants} maxLength={2000} onChange={(e) => setParticipants(e.currentTarget.value)} />
      <Textarea
        label={t('dialogue.discussion')}
        description={t('dialogue.discussionHelp')}
        autosize
        minRows={4}
        maxLength={8000}
        value={discussion}
        onChange={(e) => setDiscussion(e.currentTarget.value)}
        error={(touched && !discussion.trim() ? t('dialogue.discussionRequired') : undefined) ?? fields.discussion}
        required
        data-autofocus
      />
      <Textarea
        label={t('dialogue.concerns')}
        description={t('dialogue.concernsHelp')}
        autosize
        minRows={3}
        maxLength={8000}
        value={concerns}
        onChange={(e) => setConcerns(e.currentTarget.value)}
        error={fields.employeeConcerns}
      />
      <Textarea
        label={t('dialogue.agreed')}
        description={t('dialogue.agreedHelp')}
        autosize
        minRows={2}
        maxLength={8000}
        value={agreed}
        onChange={(e) => setAgreed(e.currentTarget.value)}
        error={fields.agreed}
      />
      <Stack gap="xs">
        <Text size="sm" fw={500}>
          {t('dialogue.actions')}
        </Text>
        {actions.map((a, n) => (
          <Group key={a.key} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput
              style={{ flex: 1 }}
              label={t('dialogue.actionText', { no: n + 1 })}
              placeholder={t('dialogue.actionTextPlaceholder')}
              value={a.text}
              maxLength={1000}
              onChange={(e) => setAction(a.key, { text: e.currentTarget.value })}
              error={(touched && !a.text.trim() ? t('dialogue.actionRequired') : undefined) ?? fields[`actions.${n}.text`]}
            />
            <Select label={t('dialogue.actionOwner')} w={150} data={ownerData} value={a.owner} allowDeselect={false} onChange={(v) => v && setAction(a.key, { owner: v as Owner })} />
            <DateField label={t('dialogue.actionDueDate')} w={160} value={a.dueDate} onChange={(value) => setAction(a.key, { dueDate: value })} />
            <ActionIcon variant="subtle" color="red" mt={26} aria-label={t('dialogue.actionRemove', { no: n + 1 })} onClick={() => setActions((all) => all.filter((x) => x.key !== a.key))}>
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            onClick={() => {
              setActions((all) => [...all, { key: nextKey, text: '', owner: 'pegawai', dueDate: '' }]);
              setNextKey((k) => k + 1);
            }}
          >
            {t('dialogue.actionAdd')}
          </Button>
        </Group>
      </Stack>
    </FormModal>
  );
}

function ConfirmModal({ dialogue: d, reload, onClose }: { dialogue: Dialogue; reload(): void; onClose(): void }) {
  const { t } = useI18n();
  const confirm = useCommandMutation('dialogue.confirm', { invalidates: ['dialogue', 'reports'] });
  const submit = () =>
    confirm.mutate(
      { dialogueId: d.id, version: d.version },
      {
        onSuccess: (r) => {
          notifySuccess(t(r.dialogue.status === 'dikonfirmasi' ? 'dialogue.confirmedBoth' : 'dialogue.confirmed'));
          onClose();
        },
        onError: (err) => {
          notifySkpError(err, t, reload);
          onClose();
        },
      },
    );
  return (
    <FormModal title={t('dialogue.confirmTitle')} onClose={onClose} onSubmit={submit} busy={confirm.isPending} submitLabel={t('dialogue.action.confirm')} color="teal">
      <Text size="sm">{t('dialogue.confirmHelp')}</Text>
    </FormModal>
  );
}

function CancelModal({ dialogue: d, reload, onClose }: { dialogue: Dialogue; reload(): void; onClose(): void }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const cancel = useCommandMutation('dialogue.cancel', { invalidates: ['dialogue', 'reports'] });
  const submit = () => {
    setTouched(true);
    if (!reason.trim()) return;
    cancel.mutate(
      { dialogueId: d.id, version: d.version, reason: reason.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('dialogue.cancelled'));
          onClose();
        },
        onError: (err) => {
          if (err.code !== 'VALIDATION') {
            notifySkpError(err, t, reload);
            onClose();
          }
        },
      },
    );
  };
  return (
    <FormModal title={t('dialogue.cancelTitle')} onClose={onClose} onSubmit={submit} busy={cancel.isPending} submitLabel={t('dialogue.cancelConfirm')} color="red">
      <Text size="sm">{t('dialogue.cancelHelp')}</Text>
      <Textarea
        label={t('dialogue.cancelReason')}
        autosize
        minRows={2}
        maxLength={1000}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={(touched && !reason.trim() ? t('dialogue.cancelReasonRequired') : undefined) ?? fieldErrors(cancel.error).reason}
        required
        data-autofocus
      />
    </FormModal>
  );
}

import { Badge, Button, Card, Checkbox, Divider, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconCheck, IconNotes, IconX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import type { Dialogue } from '../../../shared/dialogue/commands';
import { localDate } from '../../../shared/people/dates';
import { useCommandMutation } from '../api/hooks';
import { notifyCommandError, notifySuccess } from '../app/notify';
import type { MessageKey } from '../i18n/catalog';
import { useI18n } from '../i18n/I18nProvider';
import { CancelModal, ConfirmModal } from './ConfirmCancelModals';
import { RecordModal } from './RecordModal';
import { ScheduleModal } from './ScheduleModal';
import { kindColors, statusColors } from './labels';

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

/** One dialogue: who with, its state and what comes next, the minutes, and the actions the viewer may take. */
export function DialogueCard({ dialogue: d, reload }: { dialogue: Dialogue; reload(): void }) {
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
              onError: (err) => notifyCommandError(err, t, reload),
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


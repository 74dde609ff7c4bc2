import { Alert, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import { dialogueKinds, dialogueWindow } from '../../../shared/dialogue/commands';
import { useCommand } from '../api/hooks';
import { DateTimeField } from '../app/DateField';
import { FormModal } from '../app/FormModal';
import { notifySuccess } from '../app/notify';
import { useCommandForm } from '../app/useCommandForm';
import type { MessageKey } from '../i18n/catalog';
import { useI18n } from '../i18n/I18nProvider';
import { useRunningYear } from '../year/ui';
import { fromLocalInput, insideYear } from './labels';

type Kind = (typeof dialogueKinds)[number];

/** Asking for a dialogue: the employee with their own appraiser, or the appraiser with someone they appraise. */
export function RequestModal({ forTeam, onClose, onDone }: { forTeam: boolean; onClose(): void; onDone(team: boolean): void }) {
  const { t, date } = useI18n();
  const { year: open } = useRunningYear();
  const mySkps = useCommand('skp.list', { yearId: open?.id ?? '' }, { enabled: !!open && !forTeam });
  const team = useCommand('reports.team', { yearId: open?.id ?? '' }, { enabled: !!open && forTeam });
  const members = team.data?.members ?? [];
  const skpOf = (employeeId: string | null) => (forTeam ? members.find((m) => m.employeeId === employeeId)?.skpId : mySkps.data?.skps[0]?.id) ?? undefined;
  const f = useCommandForm('dialogue.request', {
    initialValues: { kind: 'pemantauan' as Kind, employeeId: null as string | null, note: '', proposedAt: '' },
    invalidates: ['dialogue', 'reports'],
    toInput: (v) => {
      const skpId = skpOf(v.employeeId);
      return {
        kind: v.kind,
        ...(forTeam && v.employeeId ? { employeeId: v.employeeId } : {}),
        ...(skpId ? { skpId } : {}),
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
        ...(v.proposedAt ? { proposedAt: fromLocalInput(v.proposedAt) } : {}),
      };
    },
    rules: (v) => ({
      employeeId: forTeam && !v.employeeId ? t('form.required') : undefined,
      proposedAt: (() => {
        if (!v.proposedAt || !open || !skpOf(v.employeeId)) return undefined;
        const w = dialogueWindow(v.kind, { year: open.year, start: open.startDate, end: open.endDate });
        return insideYear(v.proposedAt, w) ? undefined : t('dialogue.outsideYear', { year: w.year, start: date(w.start), end: date(w.end) });
      })(),
    }),
    onSuccess: (r) => {
      const name = forTeam ? r.dialogue.employeeName : r.dialogue.appraiserName;
      notifySuccess(name ? t('dialogue.requested', { name }) : t('dialogue.requestedNoName'));
      onDone(forTeam);
      onClose();
    },
  });

  return (
    <FormModal title={t('dialogue.requestTitle')} onClose={onClose} form={f} submitLabel={t('dialogue.requestSend')}>
      <Text size="sm">{t('dialogue.requestHelp')}</Text>
      {forTeam &&
        (members.length === 0 && !team.isPending ? (
          <Alert color="yellow">{t('dialogue.noTeam')}</Alert>
        ) : (
          <Select
            label={t('dialogue.with')}
            placeholder={t('dialogue.withPlaceholder')}
            data={members.map((m) => ({ value: m.employeeId, label: m.position ? `${m.name} (${m.position})` : m.name }))}
            {...f.form.getInputProps('employeeId')}
            searchable
            required
            data-autofocus
          />
        ))}
      <Radio.Group label={t('dialogue.kind')} {...f.form.getInputProps('kind')} required>
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
        {...f.form.getInputProps('note')}
        data-autofocus={forTeam ? undefined : true}
      />
      <DateTimeField label={t('dialogue.proposedAt')} description={t('dialogue.proposedAtHelp')} {...f.form.getInputProps('proposedAt')} maw={280} />
    </FormModal>
  );
}

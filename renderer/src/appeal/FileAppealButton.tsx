import { Button, Text, Textarea, type ButtonProps } from '@mantine/core';
import { IconScale } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { localDate } from '../../../shared/people/dates';
import { draftKey } from '../app/drafts';
import { FormModal } from '../app/FormModal';
import { notifySuccess } from '../app/notify';
import { useCommandForm } from '../app/useCommandForm';
import { useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';

export interface FileAppealButtonProps {
  evaluationId: string;
  /** The last day to file (`YYYY-MM-DD`, from `evaluation.get`'s `appealDeadline`); null before the result is acknowledged. */
  deadline: string | null;
  /** After filing: defaults to opening the Keberatan page. */
  onFiled?(appealId: string): void;
  size?: ButtonProps['size'];
  variant?: ButtonProps['variant'];
}

/**
 * "Ajukan keberatan" for a final, acknowledged evaluation: the reasons go to the Atasan Pejabat
 * Penilai. Place it wherever an evaluation is shown; after the deadline it says when filing closed.
 * The backend decides again (day 14 accepted, day 15 refused).
 */
export function FileAppealButton({ evaluationId, deadline, onFiled, size = 'sm', variant = 'light' }: FileAppealButtonProps) {
  const { t, date } = useI18n();
  const [open, setOpen] = useState(false);
  const closed = !!deadline && localDate(new Date()) > deadline;

  if (closed) {
    return (
      <Text size="xs" c="dimmed" data-testid="appeal-closed">
        {t('appeal.fileClosed', { date: date(deadline) })}
      </Text>
    );
  }
  return (
    <>
      <Button size={size} variant={variant} color="orange" leftSection={<IconScale size={16} />} onClick={() => setOpen(true)} disabled={!deadline}>
        {t('appeal.file')}
      </Button>
      {open && <FileAppealModal evaluationId={evaluationId} deadline={deadline} onFiled={onFiled} onClose={() => setOpen(false)} />}
    </>
  );
}

/** The reasons, kept in this browser as a draft until the appeal is filed (a reload loses nothing). */
function FileAppealModal({ evaluationId, deadline, onFiled, onClose }: { evaluationId: string; deadline: string | null; onFiled?(appealId: string): void; onClose(): void }) {
  const { t, date } = useI18n();
  const { user } = useAuth();
  const navigate = useNavigate();
  const f = useCommandForm('appeal.file', {
    initialValues: { reasons: '' },
    invalidates: ['appeal', 'evaluation', 'reports'],
    toInput: (v) => ({ evaluationId, reasons: v.reasons }),
    draft: { key: draftKey(user?.userId, 'keberatan', evaluationId), fields: ['reasons'] },
    onSuccess: (r) => {
      notifySuccess(t('appeal.filed'));
      onClose();
      if (onFiled) onFiled(r.appeal.id);
      else navigate('/keberatan');
    },
  });
  return (
    <FormModal title={t('appeal.fileTitle')} onClose={onClose} form={f} submitLabel={t('appeal.fileSend')} color="orange">
      <Text size="sm">{t('appeal.fileHelp')}</Text>
      {deadline && (
        <Text size="sm" fw={600}>
          {t('appeal.fileDeadline', { date: date(deadline) })}
        </Text>
      )}
      <Textarea label={t('appeal.fileReasons')} description={t('appeal.fileReasonsHelp')} autosize minRows={5} maxLength={8000} {...f.form.getInputProps('reasons')} required data-autofocus />
    </FormModal>
  );
}

import { Alert, Button, Group, Modal, Stack, Text, Textarea, type ButtonProps } from '@mantine/core';
import { IconScale } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { localDate } from '../../../shared/people/dates';
import { useCommandMutation } from '../api/hooks';
import { fieldErrors } from '../app/forms';
import { notifyError, notifySuccess } from '../app/notify';
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
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [reasons, setReasons] = useState('');
  const [touched, setTouched] = useState(false);
  const file = useCommandMutation('appeal.file', { invalidates: ['appeal', 'evaluation', 'reports'] });
  const closed = !!deadline && localDate(new Date()) > deadline;

  if (closed) {
    return (
      <Text size="xs" c="dimmed" data-testid="appeal-closed">
        {t('appeal.fileClosed', { date: date(deadline) })}
      </Text>
    );
  }

  const error = (touched && !reasons.trim() ? t('appeal.fileReasonsRequired') : undefined) ?? fieldErrors(file.error).reasons;
  const send = () => {
    if (!reasons.trim()) {
      setTouched(true);
      return;
    }
    file.mutate(
      { evaluationId, reasons: reasons.trim() },
      {
        onSuccess: (r) => {
          notifySuccess(t('appeal.filed'));
          setOpen(false);
          if (onFiled) onFiled(r.appeal.id);
          else navigate('/keberatan');
        },
        onError: (err) => {
          if (err.code !== 'VALIDATION') notifyError(err, t);
        },
      },
    );
  };

  return (
    <>
      <Button size={size} variant={variant} color="orange" leftSection={<IconScale size={16} />} onClick={() => setOpen(true)} disabled={!deadline}>
        {t('appeal.file')}
      </Button>
      {open && (
        <Modal opened onClose={() => setOpen(false)} title={t('appeal.fileTitle')} size="lg">
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              send();
            }}
          >
            <Stack>
              <Text size="sm">{t('appeal.fileHelp')}</Text>
              {deadline && (
                <Text size="sm" fw={600}>
                  {t('appeal.fileDeadline', { date: date(deadline) })}
                </Text>
              )}
              <Textarea
                label={t('appeal.fileReasons')}
                description={t('appeal.fileReasonsHelp')}
                autosize
                minRows={5}
                maxLength={8000}
                value={reasons}
                onChange={(e) => setReasons(e.currentTarget.value)}
                onBlur={() => setTouched(true)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                    e.preventDefault();
                    send();
                  }
                }}
                error={error}
                required
                data-autofocus
              />
              {file.error?.code === 'VALIDATION' && !fieldErrors(file.error).reasons && (
                <Alert color="red" role="alert">
                  {file.error.message}
                </Alert>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={() => setOpen(false)} disabled={file.isPending}>
                  {t('app.cancel')}
                </Button>
                <Button type="submit" color="orange" loading={file.isPending}>
                  {t('appeal.fileSend')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Modal>
      )}
    </>
  );
}

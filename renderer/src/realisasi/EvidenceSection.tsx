import { ActionIcon, Alert, Anchor, Button, FileInput, Group, Modal, Progress, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconExternalLink, IconFile, IconLink, IconPaperclip, IconPlus, IconTrash, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import type { Evidence } from '../../../shared/realisasi/commands';
import { evidenceAccept, evidenceNameRefusal, maxEvidenceBytes } from '../../../shared/realisasi/evidence-rules';
import { useCommandMutation } from '../api/hooks';
import { DownloadLink } from '../app/Download';
import { fieldErrors } from '../app/forms';
import { notifySuccess } from '../app/notify';
import { useI18n } from '../i18n/I18nProvider';
import { notifySkpError } from '../skp/labels';
import { formatBytes } from './labels';

interface Props {
  skpId: string;
  period: string;
  /** null: evidence of the whole period, not tied to one indicator (bukti dukung umum). */
  indicatorId: string | null;
  /** What the add dialog says the evidence is for: the indicator, or the whole period. */
  forText: string;
  evidence: Evidence[];
  canEdit: boolean;
  /**
   * New evidence may be added (default: when canEdit). False for an indicator an approved
   * amendment removed: its evidence may only be removed while the report is a draft.
   */
  canAdd?: boolean;
  reload(): void;
  /** The period's general evidence has its own heading, help and button. */
  general?: { title: string; help: string; none: string; add: string };
}

/**
 * The evidence (bukti dukung) of one indicator, or of the whole period: files and links, added and
 * removed while the period is editable.
 */
export function EvidenceSection({ skpId, period, indicatorId, forText, evidence, canEdit, canAdd = canEdit, reload, general }: Props) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Evidence | null>(null);
  return (
    <Stack gap={6} data-testid={general ? 'general-evidence' : 'evidence'}>
      <Group gap={6}>
        <IconPaperclip size={16} aria-hidden />
        <Text size="sm" fw={600}>
          {general?.title ?? t('evidence.title')}
        </Text>
      </Group>
      {general && (
        <Text size="xs" c="dimmed">
          {general.help}
        </Text>
      )}
      {evidence.length === 0 ? (
        <Text size="sm" c="dimmed">
          {general?.none ?? t('evidence.none')}
        </Text>
      ) : (
        <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {evidence.map((e) => (
            <EvidenceItem key={e.id} evidence={e} canEdit={canEdit} onRemove={() => setRemoving(e)} />
          ))}
        </Stack>
      )}
      {canEdit && canAdd && (
        <Group>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)}>
            {general?.add ?? t('evidence.add')}
          </Button>
        </Group>
      )}
      {adding && <AddEvidenceModal skpId={skpId} period={period} indicatorId={indicatorId} forText={forText} reload={reload} onClose={() => setAdding(false)} />}
      {removing && <RemoveEvidenceModal evidence={removing} reload={reload} onClose={() => setRemoving(null)} />}
    </Stack>
  );
}

function EvidenceItem({ evidence: e, canEdit, onRemove }: { evidence: Evidence; canEdit: boolean; onRemove(): void }) {
  const { t, date, number } = useI18n();
  const isFile = e.kind === 'file';
  const meta = [isFile && e.fileName !== e.title ? e.fileName : null, isFile && e.size !== null ? formatBytes(e.size, number) : null, t('evidence.addedAt', { date: date(e.createdAt) })]
    .filter(Boolean)
    .join(' · ');
  return (
    <Group component="li" gap="xs" wrap="nowrap" align="flex-start" data-testid="evidence-item">
      {isFile ? <IconFile size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} /> : <IconLink size={18} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />}
      <div style={{ flex: 1, minWidth: 0 }}>
        {isFile ? (
          // Both transports: the browser's route or the desktop bridge (renderer/src/app/Download.tsx).
          <DownloadLink name="evidence" query={{ id: e.id }} fileName={e.fileName} size="sm" aria-label={t('evidence.download', { title: e.title })} style={{ wordBreak: 'break-word' }}>
            {e.title}
          </DownloadLink>
        ) : e.url ? (
          <Anchor href={e.url} size="sm" target="_blank" rel="noopener noreferrer" aria-label={t('evidence.openLink', { title: e.title })} style={{ wordBreak: 'break-word' }}>
            {e.title}
            <IconExternalLink size={12} style={{ marginLeft: 4, verticalAlign: 'middle' }} aria-hidden />
          </Anchor>
        ) : (
          <Text size="sm" style={{ wordBreak: 'break-word' }}>
            {e.title}
          </Text>
        )}
        <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
          {isFile ? meta : `${e.url} · ${t('evidence.addedAt', { date: date(e.createdAt) })}`}
        </Text>
      </div>
      {canEdit && (
        <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('evidence.remove', { title: e.title })}>
          <IconTrash size={16} />
        </ActionIcon>
      )}
    </Group>
  );
}

function RemoveEvidenceModal({ evidence, reload, onClose }: { evidence: Evidence; reload(): void; onClose(): void }) {
  const { t } = useI18n();
  const remove = useCommandMutation('realisasi.removeEvidence', { invalidates: ['realisasi'] });
  return (
    <Modal opened onClose={onClose} title={t('evidence.removeTitle')}>
      <Stack>
        <Text size="sm">{t('evidence.removeHelp', { title: evidence.title })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('app.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() =>
              remove.mutate(
                { evidenceId: evidence.id },
                {
                  onSuccess: () => {
                    notifySuccess(t('evidence.removed'));
                    onClose();
                  },
                  onError: (err) => {
                    notifySkpError(err, t, reload);
                    onClose();
                  },
                },
              )
            }
          >
            {t('evidence.removeConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Reads a file as base64, reporting progress (large scans take a moment on office computers). */
function readAsBase64(file: File, onProgress: (percent: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

type Phase = { kind: 'idle' } | { kind: 'reading'; percent: number } | { kind: 'uploading' };

function AddEvidenceModal({
  skpId,
  period,
  indicatorId,
  forText,
  reload,
  onClose,
}: {
  skpId: string;
  period: string;
  indicatorId: string | null;
  forText: string;
  reload(): void;
  onClose(): void;
}) {
  const { t, number } = useI18n();
  const [kind, setKind] = useState<'file' | 'link'>('file');
  const [file, setFile] = useState<File | null>(null);
  const [link, setLink] = useState('');
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<{ field: 'file' | 'link'; message: string } | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const add = useCommandMutation('realisasi.addEvidence', { invalidates: ['realisasi'] });
  const busy = phase.kind !== 'idle';
  const serverFields = fieldErrors(add.error);

  /** What is wrong with the chosen file, said before anything is sent. */
  const fileProblem = (f: File | null): string | null => {
    if (!f) return t('evidence.chooseFile');
    const refusal = evidenceNameRefusal(f.name);
    if (refusal) return refusal;
    if (f.size > maxEvidenceBytes) return t('evidence.tooLarge', { name: f.name, size: formatBytes(f.size, number) });
    if (f.size === 0) return t('evidence.emptyFile', { name: f.name });
    return null;
  };

  const done = (saved: Evidence) => {
    notifySuccess(t('evidence.added', { title: saved.title }));
    onClose();
  };

  const submit = async () => {
    add.reset();
    const base = { skpId, period, indicatorId, ...(title.trim() ? { title: title.trim() } : {}) };
    if (kind === 'link') {
      const value = link.trim();
      if (!value) return setProblem({ field: 'link', message: t('evidence.linkRequired') });
      if (!/^https?:\/\/[^\s]+\.[^\s]+/i.test(value)) return setProblem({ field: 'link', message: t('evidence.linkInvalid') });
      setProblem(null);
      setPhase({ kind: 'uploading' });
      add.mutate(
        { ...base, link: value },
        {
          onSuccess: (r) => done(r.evidence),
          onError: (err) => {
            setPhase({ kind: 'idle' });
            if (err.code !== 'VALIDATION') notifySkpError(err, t, reload);
          },
        },
      );
      return;
    }
    const message = fileProblem(file);
    if (message) return setProblem({ field: 'file', message });
    setProblem(null);
    setPhase({ kind: 'reading', percent: 0 });
    let contentBase64: string;
    try {
      contentBase64 = await readAsBase64(file!, (percent) => setPhase({ kind: 'reading', percent }));
    } catch {
      setPhase({ kind: 'idle' });
      return setProblem({ field: 'file', message: t('evidence.readFailed') });
    }
    setPhase({ kind: 'uploading' });
    add.mutate(
      { ...base, file: { name: file!.name, contentBase64 } },
      {
        onSuccess: (r) => done(r.evidence),
        onError: (err) => {
          setPhase({ kind: 'idle' });
          if (err.code !== 'VALIDATION') notifySkpError(err, t, reload);
        },
      },
    );
  };

  const serverMessage = add.error?.code === 'VALIDATION' ? add.error.message : null;
  const fileError = (problem?.field === 'file' ? problem.message : null) ?? serverFields.file ?? serverFields['file.name'] ?? null;
  const linkError = (problem?.field === 'link' ? problem.message : null) ?? serverFields.link ?? null;

  return (
    <Modal opened onClose={busy ? () => undefined : onClose} title={t('evidence.addTitle')} size="lg" closeOnEscape={!busy} withCloseButton={!busy}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            {forText}
          </Text>
          <SegmentedControl
            value={kind}
            onChange={(v) => {
              setKind(v as 'file' | 'link');
              setProblem(null);
              add.reset();
            }}
            disabled={busy}
            data={[
              { value: 'file', label: t('evidence.kindFile') },
              { value: 'link', label: t('evidence.kindLink') },
            ]}
            aria-label={t('evidence.addTitle')}
          />
          {kind === 'file' ? (
            <FileInput
              label={t('evidence.file')}
              description={t('evidence.fileHelp')}
              placeholder={t('evidence.filePlaceholder')}
              accept={evidenceAccept}
              value={file}
              clearable
              disabled={busy}
              leftSection={<IconUpload size={16} />}
              onChange={(f) => {
                setFile(f);
                add.reset();
                // Say at once when the file cannot be sent, before the user clicks Unggah.
                const message = f ? fileProblem(f) : null;
                setProblem(message ? { field: 'file', message } : null);
              }}
              error={fileError}
              required
              data-autofocus
            />
          ) : (
            <TextInput
              type="url"
              label={t('evidence.link')}
              description={t('evidence.linkHelp')}
              placeholder="https://"
              value={link}
              disabled={busy}
              onChange={(e) => setLink(e.currentTarget.value)}
              error={linkError}
              required
              data-autofocus
            />
          )}
          <TextInput
            label={t('evidence.titleField')}
            description={t('evidence.titleHelp')}
            value={title}
            maxLength={300}
            disabled={busy}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          {serverMessage && !fileError && !linkError && (
            <Alert color="red" role="alert">
              {serverMessage}
            </Alert>
          )}
          {phase.kind !== 'idle' && kind === 'file' && (
            <Stack gap={4} role="status" aria-live="polite" data-testid="evidence-progress">
              {phase.kind === 'reading' ? (
                <Progress value={phase.percent} aria-label={t('evidence.reading', { percent: phase.percent })} />
              ) : (
                <Progress value={100} striped animated aria-label={t('evidence.uploading', { size: formatBytes(file?.size ?? 0, number) })} />
              )}
              <Text size="sm" c="dimmed">
                {phase.kind === 'reading' ? t('evidence.reading', { percent: phase.percent }) : t('evidence.uploading', { size: formatBytes(file?.size ?? 0, number) })}
              </Text>
            </Stack>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>
              {t('app.cancel')}
            </Button>
            <Button type="submit" loading={busy} leftSection={kind === 'file' ? <IconUpload size={16} /> : <IconLink size={16} />}>
              {kind === 'file' ? t('evidence.upload') : t('evidence.saveLink')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

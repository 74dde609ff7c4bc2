import { Alert, Button, Card, FileInput, Group, List, Stack, Text } from '@mantine/core';
import { IconDownload, IconFileImport, IconUpload } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { CommandOutput } from '../../../shared/commands';
import { useCommandMutation } from '../api/hooks';
import { EmptyState } from '../app/EmptyState';
import { PageHeader } from '../app/PageHeader';
import { notifyError } from '../app/notify';
import { useI18n } from '../i18n/I18nProvider';
import { readFileBase64, saveBase64 } from '../sync/files';

/**
 * The central's USB bundle import (Admin Pusat): an office's bundle goes through the same apply
 * path as LAN sync; the reply bundle goes back to the office. A bundle imported twice says so.
 */
export function BundlePage() {
  const { t, dateTime, number } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [reading, setReading] = useState(false);
  const [outcome, setOutcome] = useState<CommandOutput<'central.importBundle'> | null>(null);
  const importBundle = useCommandMutation('central.importBundle', { invalidates: ['central.'] });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setReading(true);
    let contentBase64: string;
    try {
      contentBase64 = await readFileBase64(file);
    } finally {
      setReading(false);
    }
    importBundle.mutate(
      { fileName: file.name, contentBase64 },
      {
        onSuccess: (r) => {
          setOutcome(r);
          setFile(null);
        },
        onError: (err) => notifyError(err, t),
      },
    );
  };

  return (
    <Stack>
      <PageHeader title={t('bundle.title')} description={t('bundle.description')} />
      <Card withBorder component="form" onSubmit={(e: FormEvent) => void submit(e)}>
        <Stack>
          <FileInput
            label={t('bundle.file')}
            placeholder={t('bundle.filePlaceholder')}
            accept=".kinerja,application/octet-stream,application/gzip"
            value={file}
            onChange={setFile}
            leftSection={<IconFileImport size={16} />}
            clearable
          />
          <Group>
            <Button type="submit" leftSection={<IconUpload size={16} />} disabled={!file} loading={reading || importBundle.isPending}>
              {t('bundle.import')}
            </Button>
          </Group>
        </Stack>
      </Card>
      {!outcome ? (
        <EmptyState message={t('bundle.empty')} />
      ) : (
        <Card withBorder data-testid="hasil-impor">
          <Stack>
            {outcome.importedBefore ? (
              <Alert color="blue" role="status">
                {t('bundle.again', { time: dateTime(outcome.importedBefore) })}
              </Alert>
            ) : (
              <Alert color={outcome.errors.length > 0 ? 'yellow' : 'teal'} role="status">
                {t('bundle.done', { office: outcome.officeName, batches: number(outcome.batches), applied: number(outcome.applied) })}
              </Alert>
            )}
            {outcome.errors.length > 0 && (
              <Alert color="red">
                <Text size="sm">{t('bundle.errors')}</Text>
                <List size="sm">
                  {outcome.errors.map((e) => (
                    <List.Item key={e}>{e}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            <Text size="sm">{t('bundle.replyHelp', { office: outcome.officeName })}</Text>
            <Group>
              <Button leftSection={<IconDownload size={16} />} onClick={() => saveBase64(outcome.reply.fileName, outcome.reply.contentBase64)}>
                {t('bundle.downloadReply')}
              </Button>
              <Text size="sm" c="dimmed">
                {outcome.reply.fileName}
              </Text>
            </Group>
          </Stack>
        </Card>
      )}
    </Stack>
  );
}

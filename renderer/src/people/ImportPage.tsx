import { Alert, Anchor, Button, Card, FileInput, Group, List, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { IconDownload, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CommandOutput } from '../../../shared/commands';
import type { ImportProblem } from '../../../shared/people/import';
import { asAppError, notifyError } from '../app/notify';
import { useI18n } from '../i18n/I18nProvider';
import { applyImport, downloadTemplate, previewImport, type ImportPhase } from './files';
import { PageHeader } from '../app/PageHeader';

type Preview = CommandOutput<'people.importPreview'>;
type Summary = Preview['summary'];

/**
 * Impor Pegawai: template, file, a full check (nothing saved), then the import itself, all rows
 * or none. Every bad row is listed with its column and reason.
 */
export function ImportPage() {
  const { t, number } = useI18n();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<ImportPhase | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [problems, setProblems] = useState<ImportProblem[] | null>(null);
  const [done, setDone] = useState<Summary | null>(null);
  const [templateBusy, setTemplateBusy] = useState(false);
  const [fatal, setFatal] = useState<string | null>(null);

  const reset = (f: File | null) => {
    setFile(f);
    setPreview(null);
    setProblems(null);
    setDone(null);
    setFatal(null);
  };

  const failed = (err: unknown) => {
    const e = asAppError(err);
    const list = e.details?.problems as ImportProblem[] | undefined;
    if (list) setProblems(list);
    else setFatal(e.message);
  };

  const check = async () => {
    if (!file) return;
    reset(file);
    try {
      const r = await previewImport(file, setPhase);
      setPreview(r);
      if (!r.ok) setProblems(r.problems);
    } catch (err) {
      failed(err);
    } finally {
      setPhase(null);
    }
  };

  const apply = async () => {
    if (!file) return;
    try {
      const r = await applyImport(file, setPhase);
      setDone(r.summary);
      setPreview(null);
      await client.invalidateQueries({ predicate: (q) => /^(people|org)\./.test(String(q.queryKey[0])) });
    } catch (err) {
      failed(err);
    } finally {
      setPhase(null);
    }
  };

  const busy = phase !== null;
  const progress =
    phase?.phase === 'upload' ? (
      <Progress value={phase.percent} animated aria-label={t('people.import.uploading', { percent: phase.percent })} />
    ) : phase ? (
      <Progress value={100} animated striped aria-label={t(phase.phase === 'save' ? 'people.import.importing' : 'people.import.checking')} />
    ) : null;
  const phaseText =
    phase?.phase === 'upload' ? t('people.import.uploading', { percent: phase.percent }) : phase?.phase === 'save' ? t('people.import.importing') : phase ? t('people.import.checking') : null;
  const rowsWithProblems = problems ? new Set(problems.map((p) => p.row)).size : 0;

  return (
    <Stack maw={960}>
      <Anchor component={Link} to="/pegawai" size="sm">
        {t('people.back')}
      </Anchor>
      <PageHeader title={t('people.import.title')} description={t('people.import.intro')} />

      <Card withBorder>
        <Title order={2} size="h4">
          {t('people.import.step1')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('people.import.step1Help')}
        </Text>
        <Group>
          <Button
            variant="light"
            leftSection={<IconDownload size={16} />}
            loading={templateBusy}
            onClick={() => {
              setTemplateBusy(true);
              downloadTemplate()
                .catch((err) => notifyError(err, t))
                .finally(() => setTemplateBusy(false));
            }}
          >
            {t('people.import.template')}
          </Button>
        </Group>
      </Card>

      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('people.import.step2')}
        </Title>
        <Group align="flex-end">
          <FileInput
            label={t('people.import.file')}
            placeholder={t('people.import.filePlaceholder')}
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            value={file}
            onChange={reset}
            leftSection={<IconFileSpreadsheet size={16} />}
            clearable
            w={380}
            disabled={busy}
          />
          <Button leftSection={<IconUpload size={16} />} onClick={() => void check()} disabled={!file || busy} loading={busy && !preview}>
            {t('people.import.check')}
          </Button>
        </Group>
        {phaseText && (
          <Stack gap={4} mt="sm" role="status" aria-live="polite">
            <Text size="sm">{phaseText}</Text>
            {progress}
          </Stack>
        )}
      </Card>

      {fatal && (
        <Alert color="red" role="alert">
          {fatal}
        </Alert>
      )}

      {(preview || problems) && !done && (
        <Card withBorder data-testid="import-result">
          <Title order={2} size="h4" mb="sm">
            {t('people.import.step3')}
          </Title>
          {problems && problems.length > 0 ? (
            <Stack>
              <Alert color="red" role="alert">
                {t('people.import.bad', { rows: number(rowsWithProblems), count: number(problems.length) })}
              </Alert>
              <Table.ScrollContainer minWidth={600}>
                <Table striped data-testid="import-problems">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('people.import.row')}</Table.Th>
                      <Table.Th>{t('people.import.column')}</Table.Th>
                      <Table.Th>{t('people.import.reason')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {problems.slice(0, 500).map((p, i) => (
                      <Table.Tr key={`${p.row}-${p.column}-${i}`}>
                        <Table.Td>{p.row}</Table.Td>
                        <Table.Td>{p.column || '—'}</Table.Td>
                        <Table.Td>{p.reason}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          ) : preview ? (
            <Stack>
              <Alert color="teal">
                <Text fw={600}>{t('people.import.ok', { total: number(preview.summary.total) })}</Text>
                <Text size="sm">
                  {t('people.import.summary', {
                    create: number(preview.summary.create),
                    update: number(preview.summary.update),
                    unchanged: number(preview.summary.unchanged),
                    assign: number(preview.summary.assign),
                  })}
                </Text>
              </Alert>
              {preview.summary.newPositions.length > 0 && (
                <div>
                  <Text size="sm" fw={600}>
                    {t('people.import.newPositions')}
                  </Text>
                  <List size="sm">
                    {preview.summary.newPositions.map((p) => (
                      <List.Item key={p}>{p}</List.Item>
                    ))}
                  </List>
                </div>
              )}
              <Group>
                <Button onClick={() => void apply()} loading={busy} disabled={busy}>
                  {t('people.import.apply', { total: number(preview.summary.total) })}
                </Button>
              </Group>
            </Stack>
          ) : null}
        </Card>
      )}

      {done && (
        <Alert color="teal" title={t('people.import.done', { create: number(done.create), update: number(done.update), unchanged: number(done.unchanged) })} data-testid="import-done">
          <Group mt="xs">
            <Button component={Link} to="/pegawai" variant="light" size="xs">
              {t('people.import.seeList')}
            </Button>
            <Button variant="subtle" size="xs" onClick={() => reset(null)}>
              {t('people.import.again')}
            </Button>
          </Group>
        </Alert>
      )}
    </Stack>
  );
}

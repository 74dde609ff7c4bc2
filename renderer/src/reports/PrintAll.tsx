import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { DownloadButton } from '../app/Download';
import { useI18n } from '../i18n/I18nProvider';

/**
 * "Cetak semua (PDF)": the Dokumen Evaluasi of everyone on a screen's list for one period, as one
 * PDF made by a batch job with progress (`evaluasi-batch.pdf`, laid out in the server's worker
 * thread or desktop main's). Final evaluations only unless the user asks for the drafts too. The
 * backend prints only what the user may open (evaluation.get); `mine` narrows it to the plans the
 * user appraises, which is what the Penilaian list shows.
 */
export function PrintAll({
  yearId,
  period,
  unitId,
  mine,
  counts,
  help,
}: {
  yearId: string;
  period: string;
  unitId?: string | null;
  mine?: boolean;
  /** What the screen knows there is to print (`all`: drafts too, when known); nothing disables the button. */
  counts?: { final: number; all?: number };
  help?: string;
}) {
  const { t } = useI18n();
  const [finalOnly, setFinalOnly] = useState(true);
  const available = counts ? (finalOnly ? counts.final : (counts.all ?? null)) : null;
  const query = { yearId, period, unitId: unitId ?? undefined, final: finalOnly ? '1' : undefined, mine: mine ? '1' : undefined };
  return (
    <Stack gap={4}>
      <Group gap="sm" align="center">
        {available === 0 ? (
          <Button variant="default" leftSection={<IconPrinter size={16} />} disabled>
            {t('print.all')}
          </Button>
        ) : (
          <DownloadButton name="evaluasi-batch.pdf" query={query} job variant="default" leftSection={<IconPrinter size={16} />} data-testid="print-all">
            {t('print.all')}
          </DownloadButton>
        )}
        <Checkbox label={t('print.finalOnly')} checked={finalOnly} onChange={(e) => setFinalOnly(e.currentTarget.checked)} />
      </Group>
      <Text size="xs" c="dimmed" maw={560}>
        {available === 0 ? t(finalOnly ? 'print.nothingFinal' : 'print.nothing') : (help ?? t('print.help'))}
      </Text>
    </Stack>
  );
}

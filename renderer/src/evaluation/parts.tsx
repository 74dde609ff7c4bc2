import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconExternalLink, IconFile } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { EvaluationDetail } from '../../../shared/evaluation/commands';
import { predikatOf, type Rating } from '../../../shared/evaluation/predikat';
import type { Evidence } from '../../../shared/realisasi/commands';
import { formatNip } from '../../../shared/people/nip';
import type { PersonSnapshot } from '../../../shared/skp/commands';
import { DownloadLink } from '../app/Download';
import type { MessageKey } from '../i18n/catalog';
import { useI18n } from '../i18n/I18nProvider';
import { aspekKeys, perspektifKeys } from '../skp/labels';
import { predikatColors, predikatKeys, ratingKeys } from './ui';

type Indicator = EvaluationDetail['rhk'][number]['indicators'][number];
export type FeedbackItem = EvaluationDetail['rhk'][number]['feedback'][number];

function Person({ title, person }: { title: MessageKey; person: PersonSnapshot | null }) {
  const { t } = useI18n();
  return (
    <Card withBorder padding="sm">
      <Text fw={700} size="xs" tt="uppercase" c="blue" mb={4}>
        {t(title)}
      </Text>
      {person ? (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {person.name}
          </Text>
          <Text size="xs" ff="monospace" c="dimmed">
            {person.nip ? `NIP ${formatNip(person.nip)}` : '-'}
            {person.golongan ? ` · ${person.golongan}` : ''}
          </Text>
          <Text size="xs">{[person.position, person.unit].filter(Boolean).join(' · ') || '-'}</Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('eval.person.unknown')}
        </Text>
      )}
    </Card>
  );
}

export function IdentitySection({ detail }: { detail: EvaluationDetail }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="eval-identity">
      <Title order={2} size="h4" mb={4} id="eval-identity">
        {t('eval.identity')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {detail.header.officeName}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Person title="eval.person.pegawai" person={detail.header.employee} />
        <Person title="eval.person.penilai" person={detail.header.appraiser} />
        <Person title="eval.person.atasan" person={detail.header.atasan} />
      </SimpleGrid>
    </section>
  );
}

function sizeLabel(bytes: number | null, number: (v: number, d?: number) => string): string {
  if (bytes === null) return '';
  if (bytes < 1024 * 1024) return `${number(Math.max(1, Math.round(bytes / 1024)))} KB`;
  return `${number(bytes / (1024 * 1024), 1)} MB`;
}

/** Bukti dukung: files download (renderer/src/app/Download.tsx, both transports), links open in a new tab. */
export function EvidenceList({ items }: { items: Evidence[] }) {
  const { t, number } = useI18n();
  if (items.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {t('eval.evidence.none')}
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      {items.map((e) =>
        e.kind === 'link' && e.url ? (
          <Anchor key={e.id} href={e.url} target="_blank" rel="noopener noreferrer" size="xs" data-testid="evidence">
            <IconExternalLink size={12} aria-hidden /> {e.title || e.url}
          </Anchor>
        ) : (
          <div key={e.id}>
            <DownloadLink name="evidence" query={{ id: e.id }} fileName={e.fileName} size="xs" data-testid="evidence">
              <IconFile size={12} aria-hidden /> {e.title || e.fileName} {e.size !== null && <Text span size="xs" c="dimmed">({sizeLabel(e.size, number)})</Text>}
            </DownloadLink>
          </div>
        ),
      )}
    </Stack>
  );
}

/** Target against realisasi for each indicator of an RHK, with the employee's notes and evidence. */
export function RealisasiTable({ indicators }: { indicators: Indicator[] }) {
  const { t, number } = useI18n();
  if (indicators.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('eval.realisasi.noIndicators')}
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table withTableBorder withColumnBorders verticalSpacing={6} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('eval.col.indicator')}</Table.Th>
            <Table.Th w={150}>{t('eval.col.target')}</Table.Th>
            <Table.Th w={200}>{t('eval.col.realisasiValue')}</Table.Th>
            <Table.Th w={220}>{t('eval.col.evidence')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {indicators.map((i) => {
            const empty = i.value === null && !i.description;
            return (
              <Table.Tr key={i.indicatorId} data-testid="indicator-row">
                <Table.Td>
                  <Text size="sm">{i.indicatorText}</Text>
                  {(i.aspek || i.perspektif) && (
                    <Text size="xs" c="dimmed">
                      {i.aspek ? t(aspekKeys[i.aspek]) : t(perspektifKeys[i.perspektif!])}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{i.targetLabel}</Table.Td>
                <Table.Td>
                  {empty ? (
                    <Text size="sm" c="dimmed">
                      {t('eval.realisasi.empty')}
                    </Text>
                  ) : (
                    <Stack gap={2}>
                      {i.value !== null && (
                        <Text size="sm" fw={600}>
                          {number(i.value)}
                        </Text>
                      )}
                      {i.description && (
                        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                          {i.description}
                        </Text>
                      )}
                    </Stack>
                  )}
                  {i.notes && (
                    <Text size="xs" c="dimmed" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                      {t('eval.realisasi.notes')}: {i.notes}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <EvidenceList items={i.evidence} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Who said what and when; for the annual evaluation each message names its period. */
export function FeedbackList({ items, periodLabels, empty }: { items: FeedbackItem[]; periodLabels: Map<string, string> | null; empty: string }) {
  const { dateTime } = useI18n();
  if (items.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <Stack gap={6}>
      {items.map((f, n) => (
        <div key={`${f.at}-${n}`} data-testid="feedback" style={{ borderLeft: '2px solid var(--mantine-color-gray-4)', paddingLeft: 8 }}>
          <Text size="xs" c="dimmed">
            <Text span size="xs" fw={600} c="var(--mantine-color-text)">
              {f.authorName}
            </Text>{' '}
            · {dateTime(f.at)}
            {periodLabels ? ` · ${periodLabels.get(f.period) ?? f.period}` : ''}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {f.body}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

const matrixRows: Rating[] = ['diatas', 'sesuai', 'dibawah'];
const matrixCols: Rating[] = ['dibawah', 'sesuai', 'diatas'];

/** The predikat matrix of PermenPANRB 6/2022 with the chosen cell marked, so the result explains itself. */
export function PredikatMatrix({ results, behaviour }: { results: Rating | null; behaviour: Rating | null }) {
  const { t } = useI18n();
  return (
    <Table withTableBorder withColumnBorders fz="xs" verticalSpacing={4} horizontalSpacing={6} data-testid="predikat-matrix">
      <Table.Caption>{t('eval.matrix.caption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('eval.matrix.corner')}</Table.Th>
          {matrixCols.map((c) => (
            <Table.Th key={c}>{t(ratingKeys[c])}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {matrixRows.map((r) => (
          <Table.Tr key={r}>
            <Table.Th>{t(ratingKeys[r])}</Table.Th>
            {matrixCols.map((c) => {
              const p = predikatOf(r, c);
              const here = r === results && c === behaviour;
              return (
                <Table.Td
                  key={c}
                  aria-current={here ? 'true' : undefined}
                  style={
                    here
                      ? { background: `var(--mantine-color-${predikatColors[p]}-light)`, outline: `2px solid var(--mantine-color-${predikatColors[p]}-6)`, fontWeight: 700 }
                      : undefined
                  }
                >
                  {t(predikatKeys[p])}
                </Table.Td>
              );
            })}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function JudgementBadge({ judgement }: { judgement: Rating | null }) {
  const { t } = useI18n();
  if (!judgement) {
    return (
      <Badge miw="max-content" color="gray" variant="outline">
        {t('eval.judgement.none')}
      </Badge>
    );
  }
  return (
    <Badge miw="max-content" color={judgement === 'diatas' ? 'teal' : judgement === 'sesuai' ? 'blue' : 'orange'} variant="light">
      {t(ratingKeys[judgement])}
    </Badge>
  );
}

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap={6} wrap="nowrap" align="baseline">
      <Text size="sm" c="dimmed">
        {label}:
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Group>
  );
}

import { Anchor, Badge, Button, Card, Group, Pagination, Progress, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconSearch } from '@tabler/icons-react';
import { useDeferredValue, useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { Period } from '../../../shared/evaluation/periods';
import { formatNip } from '../../../shared/people/nip';
import type { PerformanceYear } from '../../../shared/year/commands';
import { useCommand } from '../api/hooks';
import { DownloadButton } from '../app/Download';
import { EmptyState } from '../app/EmptyState';
import { QueryState } from '../app/QueryState';
import { predikatAxis, predikatKeys } from '../evaluation/ui';
import { useI18n } from '../i18n/I18nProvider';
import { PeriodScreen } from '../evaluation/PeriodScreen';
import { PrintAll } from './PrintAll';

const pageSize = 25;

/**
 * Dasbor Kinerja for the Pengelola Kinerja: for one period, who has not reported realisasi,
 * evaluations pending per appraiser, appeals open, and the spread of predikat per unit with its
 * breaches (each opening the curve).
 */
export function DashboardPage() {
  const { t } = useI18n();
  return (
    <PeriodScreen
      title={t('dash.title')}
      description={t('dash.intro')}
      empty={<EmptyState message={t('year.noneAdmin')} action={<Anchor component={Link} to="/tahun-penilaian">{t('nav.years')}</Anchor>} />}
    >
      {(year, period) => <DashboardBody key={`${year.id}-${period.code}`} year={year} period={period} />}
    </PeriodScreen>
  );
}

function Stat({ label, value, of, color, testId, children }: { label: string; value: number; of?: number; color: string; testId: string; children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Card withBorder padding="sm" data-testid={testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text size="xl" fw={700} c={`${color}.8`}>
        {value}
        {of !== undefined && (
          <Text span size="sm" c="dimmed" fw={500}>
            {' '}
            {t('dash.of', { total: of })}
          </Text>
        )}
      </Text>
      {of !== undefined && of > 0 && <Progress value={(value / of) * 100} color={color} size="sm" mt={4} aria-label={label} />}
      {children}
    </Card>
  );
}

function DashboardBody({ year, period }: { year: PerformanceYear; period: Period }) {
  const { t, periodName } = useI18n();
  const query = useCommand('reports.officeDashboard', { yearId: year.id, period: period.code });
  const curveLink = (unitId: string | null) => `/kurva-distribusi?tahun=${year.year}&periode=${period.code}&unit=${unitId ?? 'kantor'}`;
  return (
    <QueryState query={query}>
      {(d) => (
        <Stack>
          <SimpleGrid cols={{ base: 2, md: 4 }}>
            <Stat label={t('dash.stat.employees')} value={d.employees} color="blue" testId="dash-employees" />
            <Stat label={t('dash.stat.realisasi')} value={d.realisasiSubmitted} of={d.employees} color="teal" testId="dash-realisasi" />
            <Stat label={t('dash.stat.final')} value={d.evaluationsFinal} of={d.employees} color="indigo" testId="dash-final" />
            <Stat label={t('dash.stat.appeals')} value={d.openAppeals} color={d.openAppeals > 0 ? 'grape' : 'gray'} testId="dash-appeals">
              <Anchor component={Link} to="/keberatan" size="xs">
                {t('dash.appeals.open')}
              </Anchor>
            </Stat>
          </SimpleGrid>
          <PrintSection year={year} period={period} units={d.predikatByUnit} finals={d.evaluationsFinal} />
          {d.employees === 0 && <EmptyState message={t('dash.noPlans')} action={<Anchor component={Link} to={`/pemantauan-skp?tahun=${year.year}`}>{t('nav.skpMonitor')}</Anchor>} />}

          <NotReported rows={d.notReported} period={periodName(period.code, d.periodLabel)} />

          <Card withBorder component="section" aria-labelledby="dash-appraisers">
            <Title order={2} size="h4" id="dash-appraisers" mb="xs">
              {t('dash.appraisers.title', { period: periodName(period.code, d.periodLabel) })}
            </Title>
            {d.pendingByAppraiser.length === 0 ? (
              <EmptyState message={t('dash.appraisers.empty')} />
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table striped fz="sm" data-testid="dash-appraisers">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('dash.col.appraiser')}</Table.Th>
                      <Table.Th ta="right">{t('dash.col.pending')}</Table.Th>
                      <Table.Th ta="right">{t('dash.col.final')}</Table.Th>
                      <Table.Th w={220}>{t('dash.col.progress')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {d.pendingByAppraiser.map((a) => {
                      const total = a.pending + a.final;
                      return (
                        <Table.Tr key={a.appraiserId ?? a.appraiserName}>
                          <Table.Td fw={500}>{a.appraiserName}</Table.Td>
                          <Table.Td ta="right">
                            {a.pending > 0 ? (
                              <Badge miw="max-content" color="yellow" variant="light">
                                {a.pending}
                              </Badge>
                            ) : (
                              0
                            )}
                          </Table.Td>
                          <Table.Td ta="right">{a.final}</Table.Td>
                          <Table.Td>
                            <Progress value={total === 0 ? 0 : (a.final / total) * 100} color="indigo" aria-label={t('dash.appraisers.progressOf', { name: a.appraiserName })} />
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Card>

          <Card withBorder component="section" aria-labelledby="dash-units">
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h4" id="dash-units">
                {t('dash.units.title', { period: periodName(period.code, d.periodLabel) })}
              </Title>
              <Anchor component={Link} to={curveLink(null)} size="sm">
                {t('dash.units.curve')}
              </Anchor>
            </Group>
            <Text size="xs" c="dimmed" mb="xs">
              {t('dash.units.help')}
            </Text>
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover fz="sm" data-testid="dash-units">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('dash.col.unit')}</Table.Th>
                    {predikatAxis.map((p) => (
                      <Table.Th key={p} ta="right">
                        {t(predikatKeys[p])}
                      </Table.Th>
                    ))}
                    <Table.Th>{t('dash.col.breaches')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {d.predikatByUnit.map((u, i) => (
                    <Table.Tr key={u.unitId ?? 'kantor'}>
                      <Table.Td fw={i === 0 ? 700 : 500}>
                        <Anchor component={Link} to={curveLink(u.unitId)} size="sm">
                          {i === 0 ? t('dash.units.office', { name: u.unitName }) : u.unitName}
                        </Anchor>
                      </Table.Td>
                      {predikatAxis.map((p) => (
                        <Table.Td key={p} ta="right">
                          {u.counts[p] ?? 0}
                        </Table.Td>
                      ))}
                      <Table.Td>
                        {u.breaches > 0 ? (
                          <Button component={Link} to={curveLink(u.unitId)} size="compact-xs" color="yellow" variant="light" aria-label={t('dash.units.breachesOf', { unit: u.unitName, count: u.breaches })}>
                            {t('dash.units.breaches', { count: u.breaches })}
                          </Button>
                        ) : (
                          <Text size="sm" c="dimmed">
                            -
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        </Stack>
      )}
    </QueryState>
  );
}

/**
 * The period's documents for the Pengelola Kinerja: every Dokumen Evaluasi of the office or of one
 * unit (with its sub-units) as one PDF, and the Laporan Penilaian SKP in the e-Kinerja BKN shape.
 */
function PrintSection({ year, period, units, finals }: { year: PerformanceYear; period: Period; units: { unitId: string | null; unitName: string }[]; finals: number }) {
  const { t } = useI18n();
  const [unitId, setUnitId] = useState<string | null>(null);
  const options = [
    { value: '', label: t('print.wholeOffice') },
    ...units.filter((u): u is { unitId: string; unitName: string } => u.unitId !== null).map((u) => ({ value: u.unitId, label: u.unitName })),
  ];
  return (
    <Card withBorder component="section" aria-labelledby="dash-print">
      <Title order={2} size="h4" id="dash-print" mb="xs">
        {t('print.title')}
      </Title>
      <Group align="flex-start" justify="space-between" gap="xl">
        <Group align="flex-start" gap="md">
          <Select label={t('print.unit')} data={options} value={unitId ?? ''} onChange={(v) => setUnitId(v ? v : null)} allowDeselect={false} searchable w={260} />
          <div style={{ paddingTop: 25 }}>
            {/* The office's count is known here; a unit's drafts and finals are for the backend to find. */}
            <PrintAll yearId={year.id} period={period.code} unitId={unitId} counts={unitId ? undefined : { final: finals }} />
          </div>
        </Group>
        <Stack gap={4} maw={360} pt={25}>
          <DownloadButton name="laporan-penilaian.xlsx" query={{ year: year.year, period: period.code }} variant="default" leftSection={<IconFileSpreadsheet size={16} />} data-testid="laporan-download">
            {t('laporan.download')}
          </DownloadButton>
          <Text size="xs" c="dimmed">
            {t('laporan.help')}
          </Text>
        </Stack>
      </Group>
    </Card>
  );
}

type NotReportedRow = { employeeId: string; name: string; nip: string; unit: string | null; appraiserName: string | null };

function NotReported({ rows, period }: { rows: NotReportedRow[]; period: string }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const search = useDeferredValue(q.trim().toLowerCase());
  const filtered = useMemo(
    () => (search ? rows.filter((r) => `${r.name} ${r.nip} ${r.unit ?? ''} ${r.appraiserName ?? ''}`.toLowerCase().includes(search)) : rows),
    [rows, search],
  );
  const pages = Math.max(1, Math.ceil(filtered.length / pageSize));
  const current = Math.min(page, pages);
  const shown = filtered.slice((current - 1) * pageSize, current * pageSize);
  return (
    <Card withBorder component="section" aria-labelledby="dash-not-reported">
      <Group justify="space-between" align="flex-end" mb="xs">
        <Title order={2} size="h4" id="dash-not-reported">
          {t('dash.notReported.title', { period, count: rows.length })}
        </Title>
        {rows.length > pageSize && (
          <TextInput
            aria-label={t('dash.search')}
            placeholder={t('dash.search')}
            leftSection={<IconSearch size={14} />}
            value={q}
            onChange={(e) => {
              setQ(e.currentTarget.value);
              setPage(1);
            }}
            w={260}
          />
        )}
      </Group>
      {rows.length === 0 ? (
        <EmptyState message={t('dash.notReported.empty')} />
      ) : (
        <Stack>
          <Table.ScrollContainer minWidth={720}>
            <Table striped fz="sm" data-testid="dash-not-reported">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dash.col.employee')}</Table.Th>
                  <Table.Th>{t('dash.col.unit')}</Table.Th>
                  <Table.Th>{t('dash.col.appraiser')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((r) => (
                  <Table.Tr key={r.employeeId}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {r.name}
                      </Text>
                      <Text size="xs" ff="monospace" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {formatNip(r.nip)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{r.unit ?? '-'}</Table.Td>
                    <Table.Td>{r.appraiserName ?? '-'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {filtered.length === 0 && <EmptyState message={t('dash.noMatch')} />}
          {pages > 1 && <Pagination total={pages} value={current} onChange={setPage} aria-label={t('dash.pages')} />}
        </Stack>
      )}
    </Card>
  );
}

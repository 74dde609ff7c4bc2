import { Alert, Badge, Button, Card, List, Select, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { UnitDistribution } from '../../../shared/distribution/commands';
import type { Period } from '../../../shared/evaluation/periods';
import type { PerformanceYear } from '../../../shared/year/commands';
import { useCommand } from '../api/hooks';
import { EmptyState } from '../app/EmptyState';
import { QueryState } from '../app/QueryState';
import { useAuth } from '../auth/AuthProvider';
import { orgRatingKeys } from '../evaluation/ui';
import { useI18n } from '../i18n/I18nProvider';
import { PeriodScreen } from '../evaluation/PeriodScreen';
import { CurveChart, useCurveRows } from './CurveChart';
import { OrgRatingModal, OrgRatingsSection } from './OrgRatingsSection';

/** `?unit=` names a unit id, or `kantor` for the whole office. */
const officeKey = 'kantor';

/**
 * Kurva Distribusi: per unit and period, the spread of final predikat against the pattern the
 * unit's Capaian Kinerja Organisasi requires, as the official picture, a table, and each breach in
 * words. Breaches are warnings, never blocks. The org ratings are recorded on the same screen.
 */
export function DistributionPage() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  return (
    <PeriodScreen title={t('dist.title')} description={t('dist.intro')} empty={<EmptyState message={hasRole('pengelola') ? t('year.noneAdmin') : t('year.none')} />}>
      {(year, period) => <DistributionBody key={`${year.id}-${period.code}`} year={year} period={period} />}
    </PeriodScreen>
  );
}

function DistributionBody({ year, period }: { year: PerformanceYear; period: Period }) {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const [params, setParams] = useSearchParams();
  const query = useCommand('distribution.get', { yearId: year.id, period: period.code });
  const ratings = useCommand('evaluation.orgRatings', { yearId: year.id, period: period.code });
  const [recording, setRecording] = useState<UnitDistribution | null>(null);
  const chooseUnit = (key: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('unit', key);
        return next;
      },
      { replace: true },
    );

  return (
    <QueryState query={query}>
      {(data) => {
        // The office-wide spread is for those who answer for the whole office.
        const officeWide = hasRole('pengelola') || hasRole('admin_pusat') || !!ratings.data?.canSet;
        const all = officeWide ? [data.office, ...data.units] : data.units;
        const wanted = params.get('unit');
        const chosen = all.find((u) => (u.unitId ?? officeKey) === wanted) ?? all[0] ?? null;
        return (
          <Stack>
            {all.length > 1 && (
              <Select
                label={t('dist.unit')}
                w={{ base: '100%', sm: 560 }}
                allowDeselect={false}
                searchable
                value={chosen ? (chosen.unitId ?? officeKey) : null}
                data={all.map((u) => ({ value: u.unitId ?? officeKey, label: u.unitId ? u.unitName : t('dist.officeWide', { name: u.unitName }) }))}
                onChange={(v) => v && chooseUnit(v)}
              />
            )}
            {chosen ? (
              <CurveCard d={chosen} period={period} canSet={!!ratings.data?.canSet} onRecord={() => setRecording(chosen)} />
            ) : (
              <EmptyState message={t('dist.noUnits')} />
            )}
            {all.length > 1 && <UnitsOverview units={all} chosen={chosen} onChoose={chooseUnit} />}
            <OrgRatingsSection
              year={year}
              period={period}
              officeName={data.office.unitName}
              fallbackUnits={data.units}
            />
            {recording && (
              <OrgRatingModal
                year={year}
                period={period}
                unit={{ unitId: recording.unitId, name: recording.unitName }}
                current={ratings.data?.ratings.find((r) => (r.unitId ?? '') === (recording.unitId ?? '')) ?? null}
                onClose={() => setRecording(null)}
              />
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}

function CurveCard({ d, period, canSet, onRecord }: { d: UnitDistribution; period: Period; canSet: boolean; onRecord(): void }) {
  const { t, number } = useI18n();
  const rows = useCurveRows(d);
  const pct = (v: number) => `${number(Math.round(v * 1000) / 10, 1)}%`;
  const title = d.orgRating ? t('dist.chart.title', { rating: t(orgRatingKeys[d.orgRating]).toUpperCase() }) : t('dist.chart.titleNoRating');
  return (
    <Card withBorder component="section" aria-labelledby="curve-title" data-testid="curve">
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" ta="center" id="curve-title" data-testid="curve-title">
            {title}
          </Title>
          <Text size="sm" c="dimmed" ta="center">
            {d.unitName} · {period.label} · {t('dist.evaluatedCount', { count: d.total })}
          </Text>
        </div>

        {!d.orgRating && (
          <Alert color="yellow" icon={<IconAlertTriangle />} title={t('dist.noRating.title')}>
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{canSet ? t('dist.noRating.canSet', { unit: d.unitName }) : t('dist.noRating.ask', { unit: d.unitName })}</Text>
              {canSet && (
                <Button size="xs" onClick={onRecord}>
                  {t('dist.noRating.record')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}

        {d.total === 0 ? (
          <EmptyState message={t('dist.noFinal', { period: period.label })} />
        ) : (
          <CurveChart d={d} rows={rows} />
        )}

        {d.orgRating && d.pattern && (
          <Text size="sm" ta="center" fs="italic" data-testid="curve-pattern" maw={820} mx="auto">
            {t('dist.patternLine', { rating: t(orgRatingKeys[d.orgRating]), pattern: d.pattern })}
          </Text>
        )}

        {d.total > 0 && d.orgRating && (
          d.breaches.length > 0 ? (
            <Alert color="yellow" icon={<IconAlertTriangle />} title={t('dist.breaches.title', { count: d.breaches.length, rating: t(orgRatingKeys[d.orgRating]) })} data-testid="breaches">
              <List size="sm" spacing={4}>
                {d.rules
                  .filter((r) => !r.ok)
                  .map((r) => (
                    <List.Item key={r.text}>{t('dist.breaches.item', { rule: r.text, n: r.actualCount, total: d.total, pct: pct(r.actualShare) })}</List.Item>
                  ))}
              </List>
              <Text size="xs" mt="xs">
                {t('dist.breaches.help')}
              </Text>
            </Alert>
          ) : (
            <Alert color="teal" icon={<IconCircleCheck />} data-testid="no-breaches">
              {t('dist.breaches.none', { rating: t(orgRatingKeys[d.orgRating]) })}
            </Alert>
          )
        )}

        <Table.ScrollContainer minWidth={640}>
          <Table withTableBorder striped fz="sm" data-testid="curve-table">
            <Table.Caption>{t('dist.table.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dist.col.predikat')}</Table.Th>
                <Table.Th ta="right">{t('dist.col.count')}</Table.Th>
                <Table.Th ta="right">{t('dist.col.share')}</Table.Th>
                <Table.Th>{t('dist.col.allowed')}</Table.Th>
                <Table.Th>{t('dist.col.check')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...rows].reverse().map((r) => (
                <Table.Tr key={r.predikat}>
                  <Table.Td fw={600}>{r.label}</Table.Td>
                  <Table.Td ta="right">{r.actual}</Table.Td>
                  <Table.Td ta="right">{d.total > 0 ? pct(r.share) : '-'}</Table.Td>
                  <Table.Td>{d.orgRating ? `${r.bandText} ${r.bandPeople}`.trim() : '-'}</Table.Td>
                  <Table.Td>
                    {!d.orgRating || !r.band || d.total === 0 ? (
                      <Text size="sm" c="dimmed">
                        -
                      </Text>
                    ) : r.ok ? (
                      <Badge miw="max-content" color="teal" variant="light">
                        {t('dist.check.ok')}
                      </Badge>
                    ) : (
                      <Badge miw="max-content" color="red" variant="light">
                        {r.actual > r.band[1] ? t('dist.check.over') : t('dist.check.under')}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td fw={700}>{t('dist.total')}</Table.Td>
                <Table.Td ta="right" fw={700}>
                  {d.total}
                </Table.Td>
                <Table.Td ta="right">{d.total > 0 ? '100%' : '-'}</Table.Td>
                <Table.Td />
                <Table.Td />
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>

        {d.rules.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table withTableBorder fz="sm" data-testid="curve-rules">
              <Table.Caption>{t('dist.rules.caption', { rating: d.orgRating ? t(orgRatingKeys[d.orgRating]) : '-' })}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dist.col.rule')}</Table.Th>
                  <Table.Th>{t('dist.col.actual')}</Table.Th>
                  <Table.Th>{t('dist.col.check')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.rules.map((r) => (
                  <Table.Tr key={r.text}>
                    <Table.Td>{r.text}</Table.Td>
                    <Table.Td>{d.total > 0 ? t('dist.rules.actual', { n: r.actualCount, pct: pct(r.actualShare) }) : '-'}</Table.Td>
                    <Table.Td>
                      {d.total === 0 ? (
                        '-'
                      ) : r.ok ? (
                        <Badge miw="max-content" color="teal" variant="light">
                          {t('dist.check.met')}
                        </Badge>
                      ) : (
                        <Badge miw="max-content" color="red" variant="light">
                          {t('dist.check.notMet')}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}

function UnitsOverview({ units, chosen, onChoose }: { units: UnitDistribution[]; chosen: UnitDistribution | null; onChoose(key: string): void }) {
  const { t } = useI18n();
  return (
    <Card withBorder component="section" aria-labelledby="units-overview">
      <Title order={2} size="h4" id="units-overview" mb="xs">
        {t('dist.units.title')}
      </Title>
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover fz="sm" data-testid="units-overview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('dist.col.unit')}</Table.Th>
              <Table.Th>{t('dist.col.orgRating')}</Table.Th>
              <Table.Th ta="right">{t('dist.col.evaluated')}</Table.Th>
              <Table.Th>{t('dist.col.breaches')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {units.map((u) => {
              const key = u.unitId ?? officeKey;
              const current = chosen && (chosen.unitId ?? officeKey) === key;
              return (
                <Table.Tr key={key} aria-current={current ? 'true' : undefined}>
                  <Table.Td fw={u.unitId ? 500 : 700}>{u.unitId ? u.unitName : t('dist.officeWide', { name: u.unitName })}</Table.Td>
                  <Table.Td>{u.orgRating ? t(orgRatingKeys[u.orgRating]) : <Text size="sm" c="orange">{t('dist.org.notSet')}</Text>}</Table.Td>
                  <Table.Td ta="right">{u.total}</Table.Td>
                  <Table.Td>
                    {u.breaches.length > 0 ? (
                      <Badge color="yellow" variant="light" miw="max-content">
                        {t('dist.units.breaches', { count: u.breaches.length })}
                      </Badge>
                    ) : u.orgRating && u.total > 0 ? (
                      <Badge miw="max-content" color="teal" variant="light">
                        {t('dist.check.ok')}
                      </Badge>
                    ) : (
                      '-'
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button size="xs" variant={current ? 'filled' : 'light'} onClick={() => onChoose(key)} aria-label={t('dist.units.showOf', { unit: u.unitName })}>
                      {t('dist.units.show')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}

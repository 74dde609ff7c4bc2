import { Alert, Anchor, Button, Card, Checkbox, Group, Radio, Stack, Table, Text, Title } from '@mantine/core';
import { IconFilePlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { actingPrefix } from '../../../shared/org/jabatan';
import type { SkpSummary } from '../../../shared/skp/commands';
import type { PerformanceYear } from '../../../shared/year/commands';
import { useCommand, useCommandMutation } from '../api/hooks';
import { EmptyState } from '../app/EmptyState';
import { notifyError, notifySuccess } from '../app/notify';
import { QueryState } from '../app/QueryState';
import { useAuth } from '../auth/AuthProvider';
import { useI18n } from '../i18n/I18nProvider';
import { useYears } from '../year/ui';
import { approachKeys, StatusBadge } from './labels';
import { PageHeader } from '../app/PageHeader';

/** The employee's own SKP, newest year first, and a start for each open year without one. */
export function MySkpPage() {
  const { t } = useI18n();
  const { hasRole } = useAuth();
  const { user } = useAuth();
  const years = useYears();
  const skps = useCommand('skp.list', {});
  // A mid-year transfer: the current position has no SKP yet although the year has one.
  const chain = useCommand('people.appraisalChain', { employeeId: user?.employeeId ?? '' }, { enabled: !!user });
  const current = chain.data?.position ? `${actingPrefix(chain.data.position.kind)}${chain.data.position.name}` : null;

  return (
    <Stack>
      <PageHeader title={t('skp.mine.title')} description={t('skp.mine.intro')} />
      <QueryState query={years}>
        {(y) => (
          <QueryState query={skps}>
            {(s) => {
              if (y.years.length === 0) {
                return (
                  <EmptyState
                    message={hasRole('pengelola') ? t('year.noneAdmin') : t('year.none')}
                    action={
                      hasRole('pengelola') ? (
                        <Anchor component={Link} to="/tahun-penilaian">
                          {t('year.open')}
                        </Anchor>
                      ) : undefined
                    }
                  />
                );
              }
              const open = y.years.filter((yr) => yr.status === 'terbuka');
              const openWithout = open.filter((yr) => !s.skps.some((k) => k.yearId === yr.id));
              const moved = open.filter(
                (yr) => current && !openWithout.includes(yr) && !s.skps.some((k) => k.yearId === yr.id && k.position === current),
              );
              return (
                <Stack>
                  {openWithout.map((yr) => (
                    <CreateSkpCard key={yr.id} year={yr} previous={s.skps.filter((k) => k.year < yr.year)} />
                  ))}
                  {moved.map((yr) => (
                    <CreateSkpCard key={yr.id} year={yr} previous={s.skps.filter((k) => k.year < yr.year)} newPosition={current} />
                  ))}
                  {s.skps.length > 0 ? <SkpTable skps={s.skps} /> : openWithout.length === 0 && <EmptyState message={t('skp.mine.empty')} />}
                </Stack>
              );
            }}
          </QueryState>
        )}
      </QueryState>
    </Stack>
  );
}

function SkpTable({ skps }: { skps: SkpSummary[] }) {
  const { t, date } = useI18n();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('skp.col.year')}</Table.Th>
            <Table.Th>{t('skp.col.position')}</Table.Th>
            <Table.Th>{t('skp.col.period')}</Table.Th>
            <Table.Th>{t('skp.col.status')}</Table.Th>
            <Table.Th>{t('skp.col.rhk')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {skps.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td fw={700}>{s.year}</Table.Td>
              <Table.Td>
                <Text size="sm">{s.position ?? '-'}</Text>
                <Text size="xs" c="dimmed">
                  {s.unit ?? ''}
                </Text>
              </Table.Td>
              <Table.Td>
                {date(s.periodStart)} – {date(s.periodEnd)}
              </Table.Td>
              <Table.Td>
                <StatusBadge status={s.status} amending={s.amending} size="sm" />
              </Table.Td>
              <Table.Td>{s.rhkCount}</Table.Td>
              <Table.Td>
                <Button component={Link} to={`/skp/${s.id}`} size="xs" variant="light" aria-label={t('skp.openFor', { year: s.year, position: s.position ?? '-' })}>
                  {t('skp.open')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Start a plan for an open year: the approach, and last year's plan as a start when there is one. */
function CreateSkpCard({ year, previous, newPosition }: { year: PerformanceYear; previous: SkpSummary[]; newPosition?: string | null }) {
  const { t, date } = useI18n();
  const navigate = useNavigate();
  const last = previous[0];
  const [approach, setApproach] = useState<'kuantitatif' | 'kualitatif'>(last?.approach ?? 'kuantitatif');
  const [copy, setCopy] = useState(!!last);
  const create = useCommandMutation('skp.create', { invalidates: ['skp'] });
  return (
    <Card withBorder data-testid="skp-create">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            { yearId: year.id, approach, ...(copy && last ? { copyFromSkpId: last.id } : {}) },
            {
              onSuccess: (r) => {
                notifySuccess(t('skp.created', { year: year.year }));
                navigate(`/skp/${r.skp.id}`);
              },
              onError: (err) => notifyError(err, t),
            },
          );
        }}
      >
        <Stack>
          <div>
            <Title order={2} size="h4">
              {newPosition ? t('skp.create.titleMoved', { year: year.year }) : t('skp.create.title', { year: year.year })}
            </Title>
            <Text size="sm" c="dimmed">
              {newPosition ? t('skp.create.helpMoved', { position: newPosition }) : t('skp.create.help', { deadline: date(year.skpDeadline) })}
            </Text>
          </div>
          <Radio.Group label={t('skp.approach')} value={approach} onChange={(v) => setApproach(v as 'kuantitatif' | 'kualitatif')}>
            <Stack gap="xs" mt={6}>
              <Radio value="kuantitatif" label={t(approachKeys.kuantitatif)} description={t('skp.approach.kuantitatifHelp')} />
              <Radio value="kualitatif" label={t(approachKeys.kualitatif)} description={t('skp.approach.kualitatifHelp')} />
            </Stack>
          </Radio.Group>
          {last && (
            <Checkbox
              label={t('skp.create.copy', { year: last.year })}
              description={t('skp.create.copyHelp', { count: last.rhkCount })}
              checked={copy}
              onChange={(e) => setCopy(e.currentTarget.checked)}
            />
          )}
          {create.error && (
            <Alert color="red" role="alert">
              {create.error.message}
            </Alert>
          )}
          <Group>
            <Button type="submit" leftSection={<IconFilePlus size={16} />} loading={create.isPending}>
              {t('skp.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

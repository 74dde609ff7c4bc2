import { Alert, Anchor, Badge, Button, Checkbox, Group, Modal, NumberInput, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { cadences, type Cadence, type PerformanceYear } from '../../../shared/year/commands';
import { useCommandMutation } from '../api/hooks';
import { EmptyState } from '../app/EmptyState';
import { fieldErrors } from '../app/forms';
import { notifyError, notifySuccess } from '../app/notify';
import { QueryState } from '../app/QueryState';
import type { MessageKey } from '../i18n/catalog';
import { FormActions } from '../app/FormActions';
import { useI18n } from '../i18n/I18nProvider';
import { SlowProgress, useYears, yearDefaults } from './ui';
import { PageHeader } from '../app/PageHeader';
import { DateField } from '../app/DateField';

export const cadenceKeys: Record<Cadence, MessageKey> = { bulanan: 'year.cadence.bulanan', triwulanan: 'year.cadence.triwulanan' };

/** Pengelola Kinerja: open, adjust and close the office's performance years. */
export function YearsPage() {
  const { t, date } = useI18n();
  const query = useYears();
  const [opening, setOpening] = useState(false);
  const [editing, setEditing] = useState<PerformanceYear | null>(null);
  const [closing, setClosing] = useState<PerformanceYear | null>(null);

  return (
    <Stack>
      <PageHeader
        title={t('year.title')}
        description={t('year.intro')}
        actions={
          <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => setOpening(true)}>
            {t('year.open')}
          </Button>
        }
      />
      <QueryState query={query}>
        {(data) =>
          data.years.length === 0 ? (
            <EmptyState
              message={t('year.empty')}
              action={
                <Button variant="light" onClick={() => setOpening(true)}>
                  {t('year.open')}
                </Button>
              }
            />
          ) : (
            <Table.ScrollContainer minWidth={720}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('year.year')}</Table.Th>
                    <Table.Th>{t('year.period')}</Table.Th>
                    <Table.Th>{t('year.cadence')}</Table.Th>
                    <Table.Th>{t('year.deadline')}</Table.Th>
                    <Table.Th>{t('year.status')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.years.map((y) => (
                    <Table.Tr key={y.id} data-testid={`year-row-${y.year}`}>
                      <Table.Td fw={700}>{y.year}</Table.Td>
                      {/* Each date stays whole; the range may break after the dash on a narrow window. */}
                      <Table.Td>
                        <span style={{ whiteSpace: 'nowrap' }}>{date(y.startDate)} –</span> <span style={{ whiteSpace: 'nowrap' }}>{date(y.endDate)}</span>
                      </Table.Td>
                      <Table.Td>{t(cadenceKeys[y.cadence])}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{date(y.skpDeadline)}</Table.Td>
                      <Table.Td>
                        {y.status === 'terbuka' ? (
                          <Badge color="teal" variant="light" miw="max-content">
                            {t('year.status.terbuka')}
                          </Badge>
                        ) : (
                          <Badge color="gray" variant="light" miw="max-content">
                            {t('year.closedOn', { date: date(y.closedAt) })}
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" justify="flex-end">
                          <Anchor component={Link} to={`/pemantauan-skp?tahun=${y.year}`} size="sm" style={{ whiteSpace: 'nowrap' }}>
                            {t('year.monitor')}
                          </Anchor>
                          {y.status === 'terbuka' && (
                            <>
                              <Button size="xs" variant="light" onClick={() => setEditing(y)}>
                                {t('year.edit')}
                              </Button>
                              <Button size="xs" variant="subtle" color="red" onClick={() => setClosing(y)}>
                                {t('year.close')}
                              </Button>
                            </>
                          )}
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      {opening && <YearForm existing={query.data?.years ?? []} onClose={() => setOpening(false)} />}
      {editing && <YearForm year={editing} existing={query.data?.years ?? []} onClose={() => setEditing(null)} />}
      {closing && <CloseYearModal year={closing} onClose={() => setClosing(null)} />}
    </Stack>
  );
}

function suggestedYear(existing: PerformanceYear[]): number {
  const now = new Date().getFullYear();
  const taken = new Set(existing.map((y) => y.year));
  let y = now;
  while (taken.has(y)) y++;
  return y;
}

/** Opening (no `year`) or changing a year. Dates default to 1 January - 31 December, deadline 31 January. */
function YearForm({ year, existing, onClose }: { year?: PerformanceYear; existing: PerformanceYear[]; onClose(): void }) {
  const { t } = useI18n();
  const [yearNo, setYearNo] = useState<number>(year?.year ?? suggestedYear(existing));
  const [dates, setDates] = useState(year ? { startDate: year.startDate, endDate: year.endDate, skpDeadline: year.skpDeadline } : yearDefaults(yearNo));
  const [cadence, setCadence] = useState<Cadence>(year?.cadence ?? 'bulanan');
  const [createShells, setCreateShells] = useState(true);
  const open = useCommandMutation('year.open', { invalidates: ['year', 'skp'] });
  const update = useCommandMutation('year.update', { invalidates: ['year', 'skp'] });
  const pending = open.isPending || update.isPending;
  const error = open.error ?? update.error;
  const errors = fieldErrors(error);

  const changeYear = (value: number) => {
    setYearNo(value);
    // The dates follow the year until the user picks their own.
    if (value >= 2020 && value <= 2100) setDates(yearDefaults(value));
  };

  const submit = () => {
    if (year) {
      update.mutate(
        { yearId: year.id, version: year.version, cadence, ...dates },
        {
          onSuccess: () => {
            notifySuccess(t('year.updated', { year: year.year }));
            onClose();
          },
          onError: (err) => notifyError(err, t),
        },
      );
    } else {
      open.mutate(
        { year: yearNo, cadence, createShells, ...dates },
        {
          onSuccess: (r) => {
            notifySuccess(createShells ? t('year.openedWithShells', { year: r.year.year, count: r.shellsCreated }) : t('year.opened', { year: r.year.year }));
            onClose();
          },
          onError: (err) => notifyError(err, t),
        },
      );
    }
  };

  const dateField = (key: keyof typeof dates, label: MessageKey, help?: MessageKey) => (
    <DateField
      data-autofocus={year && key === 'startDate' ? true : undefined}
      label={t(label)}
      description={help ? t(help) : undefined}
      value={dates[key]}
      onChange={(value) => {
        const v = value;
        setDates((d) => ({ ...d, [key]: v }));
      }}
      error={errors[key]}
      required
    />
  );

  return (
    <Modal opened onClose={pending ? () => undefined : onClose} title={year ? t('year.editTitle', { year: year.year }) : t('year.openTitle')} size="lg">
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          {error && !Object.keys(errors).length && (
            <Alert color="red" role="alert">
              {error.message}
            </Alert>
          )}
          {!year && (
            <NumberInput
              label={t('year.year')}
              value={yearNo}
              onChange={(v) => changeYear(typeof v === 'number' ? v : Number(v))}
              min={2020}
              max={2100}
              thousandSeparator=""
              allowDecimal={false}
              error={errors.year}
              data-autofocus
              required
            />
          )}
          <Group grow align="flex-start">
            {dateField('startDate', 'year.startDate')}
            {dateField('endDate', 'year.endDate')}
          </Group>
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('year.cadence')}
            </Text>
            <SegmentedControl
              aria-label={t('year.cadence')}
              value={cadence}
              onChange={(v) => setCadence(v as Cadence)}
              data={cadences.map((c) => ({ value: c, label: t(cadenceKeys[c]) }))}
            />
            <Text size="xs" c="dimmed" mt={4}>
              {t('year.cadenceHelp')}
            </Text>
          </div>
          {dateField('skpDeadline', 'year.deadline', 'year.deadlineHelp')}
          {!year && (
            <Checkbox
              label={t('year.createShells')}
              description={t('year.createShellsHelp')}
              checked={createShells}
              onChange={(e) => setCreateShells(e.currentTarget.checked)}
            />
          )}
          <SlowProgress active={pending} label={!year && createShells ? t('year.openingShells') : t('year.saving')} />
          <FormActions onCancel={onClose} pending={pending} submit={year ? t('app.save') : t('year.open')} />
        </Stack>
      </form>
    </Modal>
  );
}

function CloseYearModal({ year, onClose }: { year: PerformanceYear; onClose(): void }) {
  const { t } = useI18n();
  const close = useCommandMutation('year.close', { invalidates: ['year', 'skp'] });
  return (
    <Modal opened onClose={onClose} title={t('year.closeTitle', { year: year.year })}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          close.mutate(
            { yearId: year.id, version: year.version },
            {
              onSuccess: () => {
                notifySuccess(t('year.closed', { year: year.year }));
                onClose();
              },
            },
          );
        }}
      >
        <Stack>
          <Text size="sm">{t('year.closeHelp')}</Text>
          {close.error && (
            <Alert color="red" role="alert" title={t(`error.${close.error.code}` as MessageKey)}>
              {close.error.message}
            </Alert>
          )}
          <SlowProgress active={close.isPending} label={t('year.saving')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('app.cancel')}
            </Button>
            <Button type="submit" color="red" loading={close.isPending}>
              {t('year.close')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

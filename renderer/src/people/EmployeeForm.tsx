import { Alert, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Employee } from '../../../shared/people/commands';
import { employeeStatuses, type EmployeeStatus } from '../../../shared/people/fields';
import { normalizeGolongan } from '../../../shared/people/golongan';
import { formatFullName } from '../../../shared/people/names';
import { formatNip, parseNip } from '../../../shared/people/nip';
import { useCommandMutation } from '../api/hooks';
import { fieldErrors } from '../app/forms';
import { notifySuccess } from '../app/notify';
import { FormActions } from '../app/FormActions';
import { useI18n } from '../i18n/I18nProvider';
import { positionOptions, usePositionChoices } from '../org/useOrg';
import { golonganOptions, statusKeys, todayLocal } from './labels';
import { DateField } from '../app/DateField';

/**
 * Adding (optionally with the first position) or changing an employee. The NIP is read as it is
 * typed, so birth date, sex and TMT show before saving; the backend's field errors land under
 * their fields.
 */
export function EmployeeForm({ employee, onClose }: { employee?: Employee; onClose(): void }) {
  const { t, date } = useI18n();
  const navigate = useNavigate();
  const [kind, setKind] = useState<'PNS' | 'PPPK'>(employee?.kind ?? 'PNS');
  const [v, setV] = useState({
    nip: employee ? formatNip(employee.nip) : '',
    frontTitle: employee?.frontTitle ?? '',
    name: employee?.name ?? '',
    backTitle: employee?.backTitle ?? '',
    golongan: employee?.golongan ?? null,
    tmtGolongan: employee?.tmtGolongan ?? '',
    phone: employee?.phone ?? '',
    email: employee?.email ?? '',
    status: (employee?.status ?? 'aktif') as EmployeeStatus,
    positionId: null as string | null,
    positionStart: todayLocal(),
  });
  const positions = usePositionChoices();
  const create = useCommandMutation('people.create', { invalidates: ['people', 'org'] });
  const update = useCommandMutation('people.update', { invalidates: ['people', 'org'] });
  const error = create.error ?? update.error;
  const errors = fieldErrors(error);
  const pending = create.isPending || update.isPending;
  const nipCheck = v.nip.trim().length >= 18 ? parseNip(v.nip, kind) : null;
  const fullName = formatFullName(v.frontTitle, v.name || '…', v.backTitle);

  const submit = () => {
    const common = {
      kind,
      nip: v.nip,
      frontTitle: v.frontTitle,
      name: v.name,
      backTitle: v.backTitle,
      golongan: v.golongan,
      tmtGolongan: v.tmtGolongan || null,
      phone: v.phone,
      email: v.email,
      status: v.status,
    };
    if (employee) {
      update.mutate(
        { id: employee.id, version: employee.version, ...common },
        {
          onSuccess: () => {
            notifySuccess(t('people.form.saved', { name: fullName }));
            onClose();
          },
        },
      );
    } else {
      create.mutate(
        { ...common, ...(v.positionId ? { assignment: { positionId: v.positionId, startDate: v.positionStart } } : {}) },
        {
          onSuccess: (r) => {
            notifySuccess(t('people.form.created', { name: r.employee.fullName }));
            onClose();
            navigate(`/pegawai/${r.employee.id}`);
          },
        },
      );
    }
  };

  const text = (key: 'frontTitle' | 'name' | 'backTitle' | 'phone' | 'email', label: Parameters<typeof t>[0], props: Record<string, unknown> = {}) => (
    <TextInput label={t(label)} value={v[key]} onChange={(e) => setV({ ...v, [key]: e.currentTarget.value })} error={errors[key]} {...props} />
  );

  return (
    <Modal opened onClose={pending ? () => undefined : onClose} title={employee ? t('people.form.editTitle', { name: employee.fullName }) : t('people.form.addTitle')} size="lg">
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
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('people.form.kind')}
            </Text>
            <SegmentedControl
              value={kind}
              onChange={(x) => {
                const next = x as 'PNS' | 'PPPK';
                setKind(next);
                // A grade of the other kind would be refused; keep it only if it still fits.
                setV((cur) => ({ ...cur, golongan: cur.golongan && normalizeGolongan(cur.golongan, next) }));
              }}
              data={[
                { value: 'PNS', label: t('people.kind.PNS') },
                { value: 'PPPK', label: t('people.kind.PPPK') },
              ]}
            />
          </div>
          <TextInput
            label={t('people.form.nip')}
            description={
              nipCheck?.ok
                ? t('people.form.nipFacts', {
                    birth: date(nipCheck.facts.birthDate),
                    sex: t(nipCheck.facts.sex === 'L' ? 'people.sex.L' : 'people.sex.P'),
                    tmt: nipCheck.facts.tmtMonth ? `${String(nipCheck.facts.tmtMonth).padStart(2, '0')}/${nipCheck.facts.tmtYear}` : String(nipCheck.facts.tmtYear),
                  })
                : t('people.form.nipHelp')
            }
            value={v.nip}
            onChange={(e) => setV({ ...v, nip: e.currentTarget.value })}
            error={errors.nip ?? errors.sex ?? errors.birthDate ?? (nipCheck && !nipCheck.ok ? nipCheck.message : undefined)}
            required
            ff="monospace"
            inputMode="numeric"
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            {text('frontTitle', 'people.form.frontTitle', { placeholder: 'Drs.' })}
            {text('name', 'people.form.name', { required: true })}
            {text('backTitle', 'people.form.backTitle', { placeholder: 'S.Pd., M.Pd.' })}
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={-8}>
            {t('people.form.preview', { name: fullName })}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('people.form.golongan')}
              data={golonganOptions(kind)}
              value={v.golongan}
              onChange={(x) => setV({ ...v, golongan: x })}
              clearable
              searchable
              error={errors.golongan}
            />
            <DateField label={t('people.form.tmtGolongan')} value={v.tmtGolongan} onChange={(value) => setV({ ...v, tmtGolongan: value })} error={errors.tmtGolongan} />
            {text('phone', 'people.form.phone', { inputMode: 'tel' })}
            {text('email', 'people.form.email', { type: 'email' })}
          </SimpleGrid>
          {employee && (
            <Select
              label={t('people.form.status')}
              data={employeeStatuses.map((s) => ({ value: s, label: t(statusKeys[s]) }))}
              value={v.status}
              onChange={(x) => setV({ ...v, status: (x as EmployeeStatus) ?? 'aktif' })}
              allowDeselect={false}
              error={errors.status}
              description={(v.status === 'pindah' || v.status === 'pensiun') && employee.status !== v.status ? t('people.form.statusGoneWarning') : undefined}
            />
          )}
          {!employee && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('people.form.assignment')}
                data={positionOptions(positions.data?.positions ?? [])}
                value={v.positionId}
                onChange={(x) => setV({ ...v, positionId: x })}
                clearable
                searchable
                limit={60}
                error={errors['assignment.positionId'] ?? errors['assignment.kind']}
              />
              {v.positionId && (
                <DateField
                  label={t('people.form.assignmentStart')}
                  value={v.positionStart}
                  onChange={(value) => setV({ ...v, positionStart: value })}
                  error={errors['assignment.startDate']}
                  required
                />
              )}
            </SimpleGrid>
          )}
          <FormActions onCancel={onClose} pending={pending} />
        </Stack>
      </form>
    </Modal>
  );
}

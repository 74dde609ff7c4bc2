import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { formatNip } from '../../../shared/people/nip';
import { useCommand } from '../api/hooks';
import { useI18n } from '../i18n/I18nProvider';

/** Picks an employee by typing a name or NIP; the office may have thousands, so it searches. */
export function EmployeePicker(props: {
  label: string;
  description?: string;
  value: string | null;
  onChange(id: string | null): void;
  error?: string;
  required?: boolean;
  exclude?: string[];
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const query = useCommand('people.list', { q: debounced || undefined, limit: 20, status: ['aktif', 'cuti'] }, { placeholderData: keepPreviousData });
  const data = (query.data?.items ?? [])
    .filter((e) => !props.exclude?.includes(e.id))
    .map((e) => ({ value: e.id, label: `${e.fullName} — ${formatNip(e.nip)}` }));
  if (chosen && !data.some((d) => d.value === chosen.value)) data.unshift(chosen);
  return (
    <Select
      label={props.label}
      description={props.description}
      placeholder={t('people.picker.placeholder')}
      nothingFoundMessage={t('people.picker.nothing')}
      data={data}
      value={props.value}
      onChange={(v, option) => {
        setChosen(option ?? null);
        props.onChange(v);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already filtered by the text; do not filter its answers again.
      filter={({ options }) => options}
      clearable
      error={props.error}
      required={props.required}
    />
  );
}

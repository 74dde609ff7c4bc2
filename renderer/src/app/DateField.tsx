import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import 'dayjs/locale/id';
import { useI18n } from '../i18n/I18nProvider';
import { parseTypedDate } from './date-parse';

type Common = Omit<DateInputProps, 'value' | 'defaultValue' | 'onChange' | 'valueFormat' | 'dateParser' | 'locale' | 'withTime'>;

/**
 * A calendar date in the reader's language, never the operating system's `mm/dd/yyyy`: shown as
 * `29 November 2026`, picked from an Indonesian calendar (weeks start on Monday) or typed as
 * `29/11/2026`, `2026-11-29` or `29 Nov 2026`. The value stays `YYYY-MM-DD` ('' when empty), as the
 * commands expect it.
 */
export function DateField({ value, onChange, ...rest }: Common & { value?: string; onChange(value: string): void }) {
  const { lang } = useI18n();
  return (
    <DateInput
      {...rest}
      locale={lang}
      firstDayOfWeek={1}
      valueFormat="D MMMM YYYY"
      placeholder={rest.placeholder ?? (lang === 'id' ? 'contoh: 29 November 2026' : 'e.g. 29 November 2026')}
      leftSection={<IconCalendar size={16} aria-hidden />}
      value={value || null}
      onChange={(v) => onChange(v ? String(v).slice(0, 10) : '')}
      dateParser={(typed) => parseTypedDate(typed)?.date ?? null}
      clearable={!rest.required}
      popoverProps={{ withinPortal: true }}
    />
  );
}

/**
 * A date and time, shown as `3 Februari 2026 09.00` (Indonesian) and typed the same way or as
 * `2026-02-03T09:00`. The value is `YYYY-MM-DDTHH:mm` in the computer's own zone ('' when empty), as
 * the `datetime-local` input it replaces gave.
 */
export function DateTimeField({ value, onChange, ...rest }: Common & { value?: string; onChange(value: string): void }) {
  const { lang } = useI18n();
  return (
    <DateInput
      {...rest}
      locale={lang}
      firstDayOfWeek={1}
      withTime
      valueFormat={lang === 'id' ? 'D MMMM YYYY HH.mm' : 'D MMMM YYYY HH:mm'}
      placeholder={rest.placeholder ?? (lang === 'id' ? 'contoh: 3 Februari 2026 09.00' : 'e.g. 3 February 2026 09:00')}
      leftSection={<IconCalendar size={16} aria-hidden />}
      value={value ? `${value.slice(0, 10)} ${value.slice(11, 16)}:00` : null}
      onChange={(v) => onChange(v ? `${String(v).slice(0, 10)}T${String(v).slice(11, 16) || '09:00'}` : '')}
      dateParser={(typed) => {
        const p = parseTypedDate(typed);
        return p ? `${p.date} ${p.time ?? '09:00'}:00` : null;
      }}
      clearable={!rest.required}
      popoverProps={{ withinPortal: true }}
    />
  );
}

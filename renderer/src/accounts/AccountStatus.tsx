import { Badge } from '@mantine/core';
import type { AccountRow } from '../../../shared/accounts/commands';
import { useI18n } from '../i18n/I18nProvider';
import { statusKeys } from '../people/labels';

/** One badge for an account's state, the same on Akun Pengguna and the employee page. */
export function AccountStatusBadge({ account: a }: { account: AccountRow }) {
  const { t, dateTime } = useI18n();
  const common = { miw: 'max-content' as const };
  if (a.deactivatedAt) return <Badge color="gray" {...common}>{t('accounts.inactive')}</Badge>;
  if (a.employeeStatus === 'pindah' || a.employeeStatus === 'pensiun') {
    return (
      <Badge color="orange" {...common}>
        {t('accounts.gone', { status: t(statusKeys[a.employeeStatus]) })}
      </Badge>
    );
  }
  if (a.lockedUntil && new Date(a.lockedUntil) > new Date()) return <Badge color="red" {...common}>{t('accounts.locked', { time: dateTime(a.lockedUntil) })}</Badge>;
  if (a.mustChangePassword) return <Badge color="yellow" {...common}>{t('accounts.mustChange')}</Badge>;
  return (
    <Badge color="teal" variant="light" {...common}>
      {t('accounts.active')}
    </Badge>
  );
}

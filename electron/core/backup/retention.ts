import type { BackupKind } from './layout';

/**
 * Which backups to keep: grandfather-father-son over calendar days and months.
 *
 * - daily: for each of the `daily` most recent days on which any backup was made, the newest one;
 * - monthly: for each of the `monthly` most recent months with a backup, the newest one (the state
 *   at the month's end once the month is over);
 * - besides: the newest `keepPerKind` manual and pre-migration backups, whatever their day, because
 *   someone made them on purpose (before a big change, before an upgrade) and may want exactly them.
 *
 * "Most recent days with a backup" rather than "the last 14 calendar days": a PC that was off for a
 * month-long leave must not come back and delete every daily backup it has.
 */

export interface RetentionPolicy {
  daily: number;
  monthly: number;
  keepPerKind: number;
}

export const defaultRetention: RetentionPolicy = { daily: 14, monthly: 12, keepPerKind: 3 };

export interface RetainedBackup {
  id: string;
  kind: BackupKind;
  createdAt: string;
}

/** The office's calendar day of an instant: local time, as the people in the office count days. */
export function localDayKey(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function backupsToPrune(
  backups: readonly RetainedBackup[],
  policy: RetentionPolicy = defaultRetention,
  dayKey: (iso: string) => string = localDayKey,
): string[] {
  const newestFirst = [...backups].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  const keep = new Set<string>();

  const keepNewestPer = (keyOf: (b: RetainedBackup) => string, periods: number) => {
    const seen = new Set<string>();
    for (const b of newestFirst) {
      const key = keyOf(b);
      if (seen.has(key)) continue;
      if (seen.size >= periods) break;
      seen.add(key);
      keep.add(b.id);
    }
  };
  keepNewestPer((b) => dayKey(b.createdAt), policy.daily);
  keepNewestPer((b) => dayKey(b.createdAt).slice(0, 7), policy.monthly);

  for (const kind of ['manual', 'pre-migration'] as const) {
    newestFirst
      .filter((b) => b.kind === kind)
      .slice(0, policy.keepPerKind)
      .forEach((b) => keep.add(b.id));
  }
  return newestFirst.filter((b) => !keep.has(b.id)).map((b) => b.id);
}

/** The daily automatic backup is due when none was made on the office's current day. */
export function isDailyBackupDue(backups: readonly RetainedBackup[], now: Date, dayKey: (iso: string) => string = localDayKey): boolean {
  const today = dayKey(now.toISOString());
  return !backups.some((b) => b.kind === 'daily' && dayKey(b.createdAt) === today);
}

import { describe, expect, it } from 'vitest';
import type { BackupKind } from './layout';
import { backupsToPrune, isDailyBackupDue, type RetainedBackup } from './retention';

const utcDay = (iso: string) => iso.slice(0, 10);

function daily(from: string, days: number, kind: BackupKind = 'daily'): RetainedBackup[] {
  const start = Date.parse(from);
  return Array.from({ length: days }, (_, i) => {
    const createdAt = new Date(start + i * 86_400_000).toISOString();
    return { id: `${createdAt}-${kind}`, kind, createdAt };
  });
}

describe('retention: 14 daily + 12 monthly', () => {
  it('keeps everything while there are fewer than 14 days', () => {
    expect(backupsToPrune(daily('2025-01-01T02:00:00Z', 10), undefined, utcDay)).toEqual([]);
  });

  it('keeps the newest 14 days and the newest backup of each of 12 months', () => {
    const all = daily('2024-01-01T02:00:00Z', 500);
    const doomed = new Set(backupsToPrune(all, undefined, utcDay));
    const kept = all.filter((b) => !doomed.has(b.id)).map((b) => b.createdAt.slice(0, 10));
    const last14 = all.slice(-14).map((b) => b.createdAt.slice(0, 10));
    for (const d of last14) expect(kept).toContain(d);
    // Month ends of the 11 months before the current one (the current month's newest is in last14).
    const monthEnds = kept.filter((d) => !last14.includes(d));
    expect(monthEnds).toHaveLength(11);
    for (const d of monthEnds) {
      const next = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000);
      expect(next.getUTCDate()).toBe(1);
    }
    expect(kept).toHaveLength(14 + 11);
    expect(kept).not.toContain('2024-01-31');
  });

  it('keeps only the newest backup of a day in the daily tier', () => {
    const day = [
      { id: 'a', kind: 'daily' as const, createdAt: '2025-05-05T01:00:00Z' },
      { id: 'b', kind: 'daily' as const, createdAt: '2025-05-05T09:00:00Z' },
    ];
    expect(backupsToPrune(day, undefined, utcDay)).toEqual(['a']);
  });

  it('counts days with a backup, not calendar days: a long leave deletes nothing recent', () => {
    const beforeLeave = daily('2025-01-01T02:00:00Z', 14);
    const afterLeave = daily('2025-03-01T02:00:00Z', 1);
    const doomed = backupsToPrune([...beforeLeave, ...afterLeave], undefined, utcDay);
    expect(doomed).toEqual([beforeLeave[0]!.id]);
  });

  it('always keeps the newest manual and pre-migration backups', () => {
    const old = [
      ...daily('2020-01-01T03:00:00Z', 5, 'manual'),
      ...daily('2020-02-01T03:00:00Z', 4, 'pre-migration'),
    ];
    const recent = daily('2025-01-01T02:00:00Z', 400);
    const doomed = new Set(backupsToPrune([...old, ...recent], undefined, utcDay));
    const manualKept = old.filter((b) => b.kind === 'manual' && !doomed.has(b.id));
    const preKept = old.filter((b) => b.kind === 'pre-migration' && !doomed.has(b.id));
    expect(manualKept.map((b) => b.createdAt.slice(0, 10))).toEqual(['2020-01-03', '2020-01-04', '2020-01-05']);
    expect(preKept).toHaveLength(3);
  });

  it('honours a custom policy', () => {
    const all = daily('2025-01-01T02:00:00Z', 40);
    const doomed = backupsToPrune(all, { daily: 3, monthly: 0, keepPerKind: 0 }, utcDay);
    expect(doomed).toHaveLength(37);
  });
});

describe('daily backup due', () => {
  const backups = [{ id: 'x', kind: 'daily' as const, createdAt: '2025-05-05T01:00:00Z' }];
  it('is due when today has no daily backup', () => {
    expect(isDailyBackupDue(backups, new Date('2025-05-06T00:30:00Z'), utcDay)).toBe(true);
    expect(isDailyBackupDue([], new Date('2025-05-06T00:30:00Z'), utcDay)).toBe(true);
  });
  it('is not due when one was made today; a manual one does not count', () => {
    expect(isDailyBackupDue(backups, new Date('2025-05-05T23:00:00Z'), utcDay)).toBe(false);
    expect(isDailyBackupDue([{ id: 'm', kind: 'manual', createdAt: '2025-05-06T01:00:00Z' }], new Date('2025-05-06T05:00:00Z'), utcDay)).toBe(true);
  });
});

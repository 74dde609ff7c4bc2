import { afterAll, describe, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { TestClock } from '../helpers/clock';
import { removeTempDirs, tempDir } from '../people/fixture';
import { seedAndCheckDemoStory } from './demo-story';

afterAll(() => removeTempDirs());

/**
 * `seed --demo` tells the same story on every day of the week and every date of the year (issue
 * 11): each weekday, the first days of January, the last of December and the middle of the year,
 * at hours from early morning to late evening in Langsa (the replay must never schedule an event
 * after the moment the seed runs).
 */
const dates: [string, string][] = [
  ['Senin', '2026-12-07T00:30:00Z'],
  ['Selasa', '2026-12-08T07:00:00Z'],
  ['Rabu, pertengahan tahun', '2026-07-15T02:00:00Z'],
  ['Kamis', '2027-03-04T09:45:00Z'],
  ['Jumat', '2027-04-16T16:30:00Z'],
  ['Sabtu', '2026-10-10T03:00:00Z'],
  ['Minggu', '2027-02-14T12:00:00Z'],
  ['2 Januari', '2027-01-02T01:00:00Z'],
  ['31 Desember', '2026-12-31T16:50:00Z'],
];

describe('seed --demo on any date', () => {
  for (const [name, at] of dates) {
    it(`${name} (${at})`, async () => {
      const dir = tempDir('kinerja-demo-date-');
      const core = Core.open({ dataDir: dir, beforeMigrate: null, clock: new TestClock(at).now });
      try {
        await seedAndCheckDemoStory(core, dir);
      } finally {
        core.close();
      }
    }, 180_000);
  }
});

import { afterAll, describe, it } from 'vitest';
import { Core } from '../../electron/core/core';
import { removeTempDirs, tempDir } from '../people/fixture';
import { seedAndCheckDemoStory } from './demo-story';

afterAll(() => removeTempDirs());

/**
 * seed --demo carries the year forward (docs/spec/operations.md §9), on the process clock as `kinerja seed
 * --demo` runs it: in this suite that is the fixed date of vitest.config.ts (early January, so the
 * story is the year just past). demo-dates.test.ts runs the same claims on other dates.
 */
describe('seed --demo: the year carried forward', () => {
  it('has realisasi with evidence, feedback, dialogues, finalised evaluations with real dates, curve breaches and an appeal awaiting the atasan', async () => {
    const dir = tempDir('kinerja-eval-demo-');
    const core = Core.open({ dataDir: dir, beforeMigrate: null });
    try {
      await seedAndCheckDemoStory(core, dir);
    } finally {
      core.close();
    }
  }, 180_000);
});

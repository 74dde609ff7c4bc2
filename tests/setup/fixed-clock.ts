import { vi } from 'vitest';
import { fakeNowVariable } from '../../electron/core/clock';

/**
 * Guard against tests that depend on the day they run (docs/spec/operations.md §9): the whole unit suite runs on the
 * date in KINERJA_FAKE_NOW (vitest.config.ts sets an unusual one, a Sunday in early January, when
 * the year has barely started). `Date` in the test process and the process clock of every child
 * this suite spawns (CLI, servers; they inherit the variable) start there, so a test that reads the
 * real clock meets that date instead of a convenient one and fails loudly. Tests that need another
 * moment inject it (`Core.open({ clock })`, tests/helpers/clock.ts).
 */
const fixed = process.env[fakeNowVariable];
if (fixed) vi.useFakeTimers({ now: new Date(fixed), toFake: ['Date'], shouldAdvanceTime: true });

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { systemNow } from '../../electron/core/clock';

describe('the suite runs on a fixed date', () => {
  it('Date in the test process starts at KINERJA_FAKE_NOW and keeps running', () => {
    const fixed = Date.parse(process.env.KINERJA_FAKE_NOW!);
    const now = Date.now();
    expect(now).toBeGreaterThanOrEqual(fixed);
    expect(now - fixed).toBeLessThan(60 * 60 * 1000);
    expect(Math.abs(systemNow().getTime() - now)).toBeLessThan(60 * 60 * 1000);
  });

  it('a child process inherits the clock through the process clock of the backend', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', "import('./electron/core/clock.ts').then((m) => console.log(m.systemNow().toISOString()))"], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const child = Date.parse(r.stdout.trim());
    expect(child - Date.parse(process.env.KINERJA_FAKE_NOW!)).toBeLessThan(60 * 60 * 1000);
    expect(child).toBeGreaterThanOrEqual(Date.parse(process.env.KINERJA_FAKE_NOW!));
  });
});

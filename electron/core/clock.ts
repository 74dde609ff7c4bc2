/**
 * The one place the backend reads the machine's clock. Everything else takes its time from a
 * Core's injected clock (`ctx.now`), so tests and the demo can move it.
 *
 * `KINERJA_FAKE_NOW` (an ISO timestamp) starts the process clock at that moment and lets it run
 * from there. It exists for tests: the unit suite and the Playwright servers run on a fixed,
 * deliberately unusual date so that nothing can silently depend on the day CI happens to run
 * (see docs/testing.md). A production install never sets it.
 */
export const fakeNowVariable = 'KINERJA_FAKE_NOW';

function parseFakeNow(value: string | undefined): number | null {
  if (!value) return null;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`${fakeNowVariable}="${value}" bukan waktu ISO yang sah (contoh: 2028-01-02T03:00:00Z).`);
  return ms;
}

const fakeStart = parseFakeNow(process.env[fakeNowVariable]);
// performance.now() is monotonic and not touched by faked Date implementations, so the fake clock
// runs at the real pace from its start even where a test framework also fakes `Date`.
const realStart = performance.now();

/** Now, by the process clock (shifted to KINERJA_FAKE_NOW when it is set). */
export function systemNow(): Date {
  return fakeStart === null ? new Date() : new Date(fakeStart + (performance.now() - realStart));
}

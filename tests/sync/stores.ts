import { afterAll, beforeAll } from 'vitest';
import type { TestClock } from '../helpers';
import { removeAllTempDirs } from '../helpers/tempdir';
import { TestCentral, type StoreKind } from './harness';
import { pgUnavailableReason, startPgCluster, type PgCluster } from './postgres';

/**
 * The central's stores a sync test file runs on: SQLite always, PostgreSQL where its binaries exist
 * (a throw-away cluster for the file, started once). Registers the file's beforeAll/afterAll, so
 * call it at the top level of the test file. `prefix` names the file's PostgreSQL databases.
 */
export function centralStores(prefix: string): { kinds: StoreKind[]; pgSkip: string | null; centralOn(kind: StoreKind, clock: TestClock): Promise<TestCentral> } {
  const pgSkip = pgUnavailableReason();
  let pg: PgCluster | null = null;
  let dbCounter = 0;
  beforeAll(async () => {
    if (!pgSkip) pg = await startPgCluster();
  }, 60_000);
  afterAll(() => {
    pg?.stop();
    removeAllTempDirs();
  });
  return {
    kinds: pgSkip ? ['sqlite'] : ['sqlite', 'postgres'],
    pgSkip,
    async centralOn(kind, clock) {
      if (kind === 'sqlite') return TestCentral.start(clock);
      const name = `${prefix}_${++dbCounter}`;
      pg!.createDatabase(name);
      return TestCentral.start(clock, pg!.url(name));
    },
  };
}

import type { Digest } from '../../../shared/sync/protocol';
import type { Core } from '../core';
import { listReplicatedTables } from '../db/replicated';
import { bucketOf, tableDigest } from './digest';
import { localStamps } from './local';

/**
 * The office's digest kept between syncs, so an increment rehashes only the buckets its changes
 * touched instead of the whole year. Stored in meta with the change_log position it covers; every
 * write through the record writer leaves a change_log row, which names the (table, bucket) to
 * recount. Writes outside the outbox (rows taken back from the central) drop the stored digest.
 * Whatever the stored digest says, a mismatch with the central is settled by a full recount
 * (`fullLocalDigest`) before anything is repaired, and a full recount happens at least daily.
 */
export const digestStateKey = 'sync.digest_state';

const fullRecountEveryMs = 24 * 60 * 60 * 1000;

interface DigestState {
  /** The highest change_log seq the digest includes. */
  seq: number;
  /** When the rows were last all hashed (ISO). */
  countedAt: string;
  tables: Digest;
}

function maxSeq(core: Core): number {
  const r = core.q.first(core.db.selectFrom('change_log').select((eb) => eb.fn.max('seq').as('seq')));
  return Number(r?.seq ?? 0);
}

function readState(core: Core): DigestState | null {
  const raw = core.getMeta(digestStateKey);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as DigestState;
  } catch {
    return null;
  }
}

/** Every row hashed, and stored as the new starting point. */
export function fullLocalDigest(core: Core, officeId: string): Digest {
  const seq = maxSeq(core);
  const tables: Digest = {};
  for (const table of listReplicatedTables()) tables[table] = tableDigest(localStamps(core, officeId, table));
  core.setMeta(digestStateKey, JSON.stringify({ seq, countedAt: core.now().toISOString(), tables } satisfies DigestState));
  return tables;
}

/** The digest as of now: the stored one with the buckets changed since recounted. */
export function currentLocalDigest(core: Core, officeId: string): Digest {
  const state = readState(core);
  if (!state || core.now().getTime() - Date.parse(state.countedAt) > fullRecountEveryMs) return fullLocalDigest(core, officeId);
  const seq = maxSeq(core);
  if (seq < state.seq) return fullLocalDigest(core, officeId);
  if (seq === state.seq) return state.tables;
  const dirty = new Map<string, Set<string>>();
  for (const r of core.q.all(core.db.selectFrom('change_log').select(['table_name', 'row_id']).distinct().where('seq', '>', state.seq))) {
    let buckets = dirty.get(r.table_name);
    if (!buckets) dirty.set(r.table_name, (buckets = new Set()));
    buckets.add(bucketOf(r.row_id));
  }
  const tables: Digest = { ...state.tables };
  const replicated = new Set<string>(listReplicatedTables());
  for (const [table, buckets] of dirty) {
    if (!replicated.has(table)) continue;
    const recount = tableDigest(localStamps(core, officeId, table).filter((s) => buckets.has(bucketOf(s.id))));
    const next = { ...(tables[table] ?? recount) };
    for (const b of buckets) next[b] = recount[b]!;
    tables[table] = next;
  }
  core.setMeta(digestStateKey, JSON.stringify({ seq, countedAt: state.countedAt, tables } satisfies DigestState));
  return tables;
}

/** After writes outside the outbox: the next digest hashes every row again. */
export function dropLocalDigest(core: Core): void {
  core.q.run(core.db.deleteFrom('meta').where('key', '=', digestStateKey));
}

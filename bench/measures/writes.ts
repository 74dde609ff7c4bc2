import { isDeepStrictEqual } from 'node:util';
import { periodsOf, type Period } from '../../shared/evaluation/periods';
import type { OrgRating } from '../../shared/evaluation/predikat';
import { call, inRollback, sessionFor, type Dataset } from '../lib/data';
import { summarize } from '../lib/stats';
import type { Measure } from '../lib/types';

/**
 * Opening a year with an SKP shell for everyone (year.open with createShells), committed like a
 * real run: each repetition opens the next year, so it runs on a database that grows as a real one.
 */
export function yearOpenMeasure(d: Dataset, repetitions: number, label: string): Measure {
  const token = sessionFor(d.core, { username: 'admin' });
  const ms: number[] = [];
  const cpu: number[] = [];
  let shells = 0;
  let changeLogRows = 0;
  // The next years not opened yet (a reused benchmark folder may have opened some already).
  const last = (d.core.q.prepare('SELECT MAX(year) AS y FROM performance_years WHERE deleted_at IS NULL').get() as { y: number }).y;
  for (let i = 0; i < repetitions; i++) {
    const year = last + 1 + i;
    const before = (d.core.q.prepare('SELECT COALESCE(MAX(seq), 0) AS s FROM change_log').get() as { s: number }).s;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = call<{ shellsCreated: number }>(d.core, token, 'year.open', { year, cadence: d.cadence, createShells: true });
    ms.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    shells = r.shellsCreated;
    changeLogRows = (d.core.q.prepare('SELECT COUNT(*) AS n FROM change_log WHERE seq > ?').get(before) as { n: number }).n;
  }
  return {
    id: 'year.open',
    title: 'Membuka Tahun Penilaian dengan SKP awal untuk semua (year.open createShells)',
    scale: label,
    unit: 'ms',
    handler: summarize(ms, cpu),
    extra: { shellsCreated: shells, changeLogRows, repetitions },
    status: 'ok',
  };
}

interface EvalState {
  id: string;
  status: string;
  org_rating: string | null;
  version: number;
  finalized: boolean;
}

/**
 * Finalising the evaluations of one unit at once (evaluation.finalizeMany) by its head, against
 * the same UPDATEs by hand. Each run happens in a transaction that is rolled back: the unit's
 * evaluations of one past period are put back to draft (not timed), then finalised (timed).
 */
export function finalizeManyMeasure(d: Dataset, iterations: number, label: string): Measure {
  // The appraiser with the most evaluations in one ended period: the head of the big unit.
  const pick = d.core.q
    .prepare(
      `SELECT e.appraiser_employee_id AS appraiser, e.period, e.unit_id, COUNT(*) AS n FROM evaluations e
       WHERE e.year_id = ? AND e.status = 'final' AND e.deleted_at IS NULL AND e.appraiser_employee_id IS NOT NULL
       GROUP BY e.appraiser_employee_id, e.period, e.unit_id ORDER BY n DESC, e.period LIMIT 1`,
    )
    .get(d.yearId) as { appraiser: string; period: string; unit_id: string; n: number };
  const ids = (
    d.core.q
      .prepare(
        `SELECT e.id FROM evaluations e JOIN skps s ON s.id = e.skp_id
         WHERE e.year_id = ? AND e.period = ? AND e.unit_id = ? AND e.appraiser_employee_id = ? AND s.appraiser_employee_id = ? AND e.status = 'final' AND e.deleted_at IS NULL
         ORDER BY e.id LIMIT 200`,
      )
      .all(d.yearId, pick.period, pick.unit_id, pick.appraiser, pick.appraiser) as { id: string }[]
  ).map((r) => r.id);
  const token = sessionFor(d.core, { employeeId: pick.appraiser });
  const json = JSON.stringify(ids);
  const reopen = d.core.sqlite.prepare(
    `UPDATE evaluations SET status = 'draf', finalized_at = NULL, org_rating = NULL, acknowledged_at = NULL, appeal_deadline = NULL
     WHERE id IN (SELECT value FROM json_each(?))`,
  );
  const versions = d.core.sqlite.prepare('SELECT id, version FROM evaluations WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id');
  const state = d.core.sqlite.prepare(
    'SELECT id, status, org_rating, version, finalized_at IS NOT NULL AS finalized FROM evaluations WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id',
  );
  const logged = d.core.sqlite.prepare("SELECT COUNT(*) AS n FROM change_log WHERE table_name = 'evaluations' AND row_id IN (SELECT value FROM json_each(?)) AND seq > ?");
  const maxSeq = d.core.sqlite.prepare('SELECT COALESCE(MAX(seq), 0) AS s FROM change_log');

  // By hand: the organisation rating in force for the unit, then one UPDATE per evaluation.
  const ratings = d.core.sqlite.prepare('SELECT unit_id, rating FROM org_ratings WHERE year_id = ? AND period = ? AND deleted_at IS NULL');
  const parentOf = d.core.sqlite.prepare('SELECT id, parent_id FROM units WHERE office_id = ?');
  const rows = d.core.sqlite.prepare('SELECT id, version, unit_id FROM evaluations WHERE id IN (SELECT value FROM json_each(?))');
  const update = d.core.sqlite.prepare(
    `UPDATE evaluations SET status = 'final', finalized_at = ?, org_rating = ?, updated_at = ?, version = version + 1, hlc = ?
     WHERE id = ? AND version = ? AND status = 'draf' AND deleted_at IS NULL`,
  );
  const raw = () => {
    const now = new Date().toISOString();
    const byUnit = new Map((ratings.all(d.yearId, pick.period) as { unit_id: string | null; rating: OrgRating }[]).map((r) => [r.unit_id ?? '', r.rating]));
    const parent = new Map((parentOf.all(d.officeId) as { id: string; parent_id: string | null }[]).map((u) => [u.id, u.parent_id]));
    const ratingOf = (unit: string | null): OrgRating | null => {
      if (byUnit.size === 0) return null;
      for (let u = unit, k = 0; u && k < 32; u = parent.get(u) ?? null, k++) if (byUnit.has(u)) return byUnit.get(u)!;
      return byUnit.get('') ?? null;
    };
    d.core.sqlite.transaction(() => {
      for (const e of rows.all(json) as { id: string; version: number; unit_id: string | null }[]) {
        const r = update.run(now, ratingOf(e.unit_id), now, `${now}-0000-${'0'.repeat(16)}`, e.id, e.version);
        if (r.changes !== 1) throw new Error('conflict');
      }
    })();
  };

  const h = { ms: [] as number[], cpu: [] as number[] };
  const r = { ms: [] as number[], cpu: [] as number[] };
  let handlerState: EvalState[] = [];
  let rawState: EvalState[] = [];
  let changeLogRows = 0;
  const timed = (fn: () => void, into: typeof h) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    into.ms.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    into.cpu.push((c.user + c.system) / 1000);
  };
  for (let i = -1; i < iterations; i++) {
    inRollback(d.core, () => {
      reopen.run(json);
      const items = (versions.all(json) as { id: string; version: number }[]).map((v) => ({ evaluationId: v.id, version: v.version }));
      const seq = (maxSeq.get() as { s: number }).s;
      timed(() => call(d.core, token, 'evaluation.finalizeMany', { items }), h);
      handlerState = state.all(json) as EvalState[];
      changeLogRows = (logged.get(json, seq) as { n: number }).n;
    });
    inRollback(d.core, () => {
      reopen.run(json);
      timed(raw, r);
      rawState = state.all(json) as EvalState[];
    });
    if (i === -1) {
      h.ms.length = h.cpu.length = r.ms.length = r.cpu.length = 0;
      if (!isDeepStrictEqual(handlerState, rawState)) {
        throw new Error(`Raw-SQL baseline of evaluation.finalizeMany left different rows than the handler: ${JSON.stringify(handlerState[0])} vs ${JSON.stringify(rawState[0])}`);
      }
    }
  }
  const hs = summarize(h.ms, h.cpu);
  const rs = summarize(r.ms, r.cpu);
  return {
    id: 'evaluation.finalizeMany',
    title: `Mengunci penilaian satu unit sekaligus (evaluation.finalizeMany, ${ids.length} penilaian)`,
    scale: label,
    unit: 'ms',
    handler: hs,
    raw: rs,
    ratio: { median: Math.round((hs.median / rs.median) * 100) / 100, p95: Math.round((hs.p95 / rs.p95) * 100) / 100 },
    sameAnswer: true,
    extra: { evaluations: ids.length, period: pick.period, changeLogRows, note: 'raw: tanpa change_log dan audit' },
    status: 'ok',
  };
}

/** What one typical write command adds to change_log (the outbox sync ships): bytes per command. */
export function changeLogMeasure(d: Dataset, label: string): Measure {
  const admin = sessionFor(d.core, { username: 'admin' });
  const db = d.core.sqlite;
  // An employee with an approved plan in a running period, their appraiser, and a draft evaluation.
  const submitted = db.prepare("SELECT 1 FROM period_reports WHERE skp_id = ? AND period = ? AND status = 'diajukan' AND deleted_at IS NULL");
  const current = (
    db
      .prepare(
        `SELECT s.id, s.employee_id, s.appraiser_employee_id FROM skps s
         WHERE s.year_id = ? AND s.approved_version > 0 AND s.appraiser_employee_id IS NOT NULL AND s.deleted_at IS NULL
           AND s.period_start <= ? AND s.period_end >= ? LIMIT 500`,
      )
      .all(d.yearId, currentPeriod(d).end, currentPeriod(d).start) as { id: string; employee_id: string; appraiser_employee_id: string }[]
  ).find((s) => !submitted.get(s.id, currentPeriodCode(d)))!;
  const indicator = db.prepare('SELECT id FROM skp_indicators WHERE skp_id = ? ORDER BY order_no LIMIT 1').get(current.id) as { id: string };
  const rhk = db.prepare("SELECT id FROM skp_rhk WHERE skp_id = ? AND kind = 'utama' ORDER BY order_no").all(current.id) as { id: string }[];
  const draft = db
    .prepare(
      `SELECT e.id, e.version, e.skp_id, e.period, s.appraiser_employee_id FROM evaluations e JOIN skps s ON s.id = e.skp_id
       WHERE e.year_id = ? AND e.status = 'draf' AND s.appraiser_employee_id = e.appraiser_employee_id ORDER BY e.id LIMIT 1`,
    )
    .get(d.yearId) as { id: string; version: number; skp_id: string; period: string; appraiser_employee_id: string } | undefined;
  const employee = db.prepare('SELECT id, version FROM employees WHERE id = ?').get(current.employee_id) as { id: string; version: number };
  const me = sessionFor(d.core, { employeeId: current.employee_id });
  const appraiser = sessionFor(d.core, { employeeId: current.appraiser_employee_id });
  const period = currentPeriodCode(d);
  // realisasi.save sends the version of the realisasi read (null: none reported yet).
  const reported = db.prepare('SELECT version FROM realisasi WHERE indicator_id = ? AND period = ? AND deleted_at IS NULL').get(indicator.id, period) as { version: number } | undefined;
  const commands: { name: string; as: string; input: unknown }[] = [
    { name: 'people.update', as: admin, input: { id: employee.id, version: employee.version, phone: '081234567890' } },
    { name: 'realisasi.save', as: me, input: { skpId: current.id, period, entries: [{ indicatorId: indicator.id, version: reported?.version ?? null, value: 3, description: 'Tiga laporan selesai' }] } },
    { name: 'feedback.post', as: appraiser, input: { skpId: current.id, period, target: { kind: 'rhk', rhkId: rhk[0]!.id }, body: 'Bagus, lanjutkan dengan bukti dukung.' } },
    { name: 'dialogue.request', as: me, input: { kind: 'pemantauan', skpId: current.id, note: 'Mohon waktu membahas target.' } },
  ];
  if (draft) {
    const draftAs = sessionFor(d.core, { employeeId: draft.appraiser_employee_id });
    const draftRhk = db.prepare('SELECT id FROM skp_rhk WHERE skp_id = ?').all(draft.skp_id) as { id: string }[];
    commands.push({
      name: 'evaluation.save',
      as: draftAs,
      input: { skpId: draft.skp_id, period: draft.period, version: draft.version, rhk: draftRhk.map((x) => ({ rhkId: x.id, judgement: 'sesuai' })), resultsRating: 'sesuai', behaviourRating: 'sesuai' },
    });
    commands.push({ name: 'evaluation.finalize', as: draftAs, input: { evaluationId: draft.id, version: draft.version } });
  }
  const perCommand: { command: string; rows: number; bytes: number; auditBytes: number }[] = [];
  for (const c of commands) {
    inRollback(d.core, () => {
      const seq = (db.prepare('SELECT COALESCE(MAX(seq), 0) AS s FROM change_log').get() as { s: number }).s;
      const aseq = (db.prepare('SELECT COALESCE(MAX(seq), 0) AS s FROM audit_log').get() as { s: number }).s;
      call(d.core, c.as, c.name, c.input);
      const log = db
        .prepare(
          `SELECT COUNT(*) AS rows, COALESCE(SUM(length(id) + length(office_id) + length(table_name) + length(row_id) + length(op) + length(hlc) + length(data) + length(created_at) + 8), 0) AS bytes
           FROM change_log WHERE seq > ?`,
        )
        .get(seq) as { rows: number; bytes: number };
      const audit = db
        .prepare('SELECT COALESCE(SUM(length(id) + length(at) + length(command) + COALESCE(length(before), 0) + COALESCE(length(after), 0) + 128 + 8), 0) AS bytes FROM audit_log WHERE seq > ?')
        .get(aseq) as { bytes: number };
      perCommand.push({ command: c.name, rows: log.rows, bytes: log.bytes, auditBytes: audit.bytes });
    });
  }
  const sorted = perCommand.map((p) => p.bytes).sort((a, b) => a - b);
  return {
    id: 'changeLog.bytes',
    title: 'Byte change_log per perintah tulis biasa (beban sinkronisasi)',
    scale: label,
    unit: 'bytes',
    value: sorted[Math.floor((sorted.length - 1) / 2)]!,
    extra: { perCommand, note: 'nilai = median; audit_log ditulis juga, tidak ikut dikirim sinkronisasi' },
    status: 'ok',
  };
}

/** The period running today in the dataset's year; the year's last when that year is already over (a bench run in January). */
function currentPeriod(d: Dataset): Period {
  const today = d.core.now().toISOString().slice(0, 10);
  const periods = periodsOf(d.year, d.cadence).filter((p) => !p.annual);
  return periods.find((p) => p.start <= today && today <= p.end) ?? periods.at(-1)!;
}

function currentPeriodCode(d: Dataset): string {
  return currentPeriod(d).code;
}


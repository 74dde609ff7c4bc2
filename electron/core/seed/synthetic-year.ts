import type Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { angkaKredit } from '../../../shared/evaluation/angka-kredit';
import { periodsOf, type Period } from '../../../shared/evaluation/periods';
import { predikatOf, type OrgRating, type Predikat, type Rating } from '../../../shared/evaluation/predikat';
import { addDays as addDaysUncached } from '../../../shared/people/dates';
import { perilakuCodes } from '../../../shared/skp/perilaku';
import { appendAudit } from '../audit/chain';
import type { Core } from '../core';
import type { SkpsTable } from '../db/schema';
import { storeEvidence } from '../realisasi/evidence-store';
import { OfficeSnapshot } from '../people/source';
import { snapshotOf } from '../skp/read';
import { headerSnapshot, personOn } from '../skp/snapshot';
import { chainDate } from '../skp/service';
import { rng } from './names';
import { registerSyntheticStep, type SyntheticContext } from './registry';

/**
 * The synthetic performance year (the bench data, docs/spec/operations.md §10): the current year opened, an approved SKP for everyone
 * who holds a position (RHK cascaded along the appraisal chain, indicators, expectations, annex,
 * the approved version and its workflow events), then every period that has ended: realisasi with
 * evidence metadata, feedback, finalised evaluations with a realistic predikat spread and the
 * organisation's rating per unit; the current period has drafts. Deterministic from the run's seed.
 *
 * Speed: rows are written with one prepared INSERT per table inside the seed's single transaction
 * (a city's year is about a million rows; through the dispatcher it would take hours). Rows are
 * what commands write: UUIDv7 ids, office_id, created/updated times (dated inside the year, when
 * the action would have happened), an HLC stamp from the core's clock, and the version the record
 * would have after its workflow (an approved SKP was created, submitted and approved: version 3).
 *
 * change_log: NOT written for these rows. The change_log is the outbox LAN sync ships to central
 * HR; synthetic data is for measuring and must never be shipped, and writing the whole record as
 * JSON for every row would triple the database and the seed time. A later real edit of a synthetic
 * row goes through the RecordWriter and logs the whole record then, as for any row. The run is
 * recorded by one audit entry (`seed.synthetic.year`) with its counts, and `meta.synthetic_year`.
 */

type Row = Record<string, unknown>;

/** One prepared INSERT per table; the managed columns are stamped here. */
class Inserter {
  private readonly stmt: Database.Statement;
  count = 0;

  constructor(
    private readonly y: YearWriter,
    readonly table: string,
    private readonly cols: string[],
  ) {
    const all = ['id', 'office_id', 'created_at', 'updated_at', 'hlc', 'version', 'deleted_at', ...cols];
    this.stmt = y.core.sqlite.prepare(`INSERT INTO ${table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`);
  }

  add(values: Row, at: string, opts: { updatedAt?: string; version?: number } = {}): string {
    const id = uuidv7();
    const args: unknown[] = [id, this.y.officeId, at, opts.updatedAt ?? at, this.y.core.hlc.now(), opts.version ?? 1, null];
    for (const c of this.cols) {
      const v = values[c];
      args.push(v === undefined ? null : v);
    }
    this.stmt.run(...args);
    this.count++;
    return id;
  }
}

class YearWriter {
  readonly inserters: Inserter[] = [];
  constructor(
    readonly core: Core,
    readonly officeId: string,
  ) {}

  table(name: string, cols: string[]): Inserter {
    const i = new Inserter(this, name, cols);
    this.inserters.push(i);
    return i;
  }
}

/** An ISO timestamp on a date, at a working hour drawn from `random`. */
function at(date: string, random: () => number): string {
  const h = 8 + Math.floor(random() * 8);
  const m = Math.floor(random() * 60);
  return `${date}T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}.000Z`;
}

const dayCache = new Map<string, string>();
/** addDays, remembered: the seed asks for the same few hundred dates hundreds of thousands of times. */
function addDays(iso: string, days: number): string {
  const key = `${iso}|${days}`;
  let out = dayCache.get(key);
  if (out === undefined) {
    out = addDaysUncached(iso, days);
    dayCache.set(key, out);
  }
  return out;
}

const minDate = (a: string, b: string) => (a < b ? a : b);

/** Predikat spread across a year: most Baik, some Sangat Baik, a tail below. */
const predikatWeights: [Predikat, number][] = [
  ['sangat_baik', 0.12],
  ['baik', 0.66],
  ['butuh_perbaikan', 0.14],
  ['kurang', 0.05],
  ['sangat_kurang', 0.03],
];

function drawPredikat(random: () => number): Predikat {
  let x = random();
  for (const [p, w] of predikatWeights) {
    if (x < w) return p;
    x -= w;
  }
  return 'baik';
}

/** A (results, behaviour) pair giving the predikat through the official matrix. */
function ratingsFor(p: Predikat, random: () => number): [Rating, Rating] {
  const x = random();
  switch (p) {
    case 'sangat_baik':
      return ['diatas', 'diatas'];
    case 'baik':
      return x < 0.7 ? ['sesuai', 'sesuai'] : x < 0.85 ? ['diatas', 'sesuai'] : ['sesuai', 'diatas'];
    case 'butuh_perbaikan':
      return x < 0.8 ? ['dibawah', 'sesuai'] : ['dibawah', 'diatas'];
    case 'kurang':
      return x < 0.8 ? ['sesuai', 'dibawah'] : ['diatas', 'dibawah'];
    case 'sangat_kurang':
      return ['dibawah', 'dibawah'];
  }
}

/** Per-RHK judgements consistent with the results rating (no Utama below for "Di atas"). */
function judgementFor(results: Rating, kind: 'utama' | 'tambahan', n: number, random: () => number): Rating {
  if (results === 'diatas') return kind === 'tambahan' && random() < 0.3 ? 'sesuai' : 'diatas';
  if (results === 'sesuai') return random() < 0.15 ? 'diatas' : 'sesuai';
  // Below expectation: the first Utama is below, the others mostly as expected.
  return n === 0 || random() < 0.4 ? 'dibawah' : 'sesuai';
}

const leaderTypes = new Set(['jpt_utama', 'jpt_madya', 'jpt_pratama', 'administrator', 'pengawas']);

const leaderRhk = [
  'Meningkatnya kualitas layanan',
  'Terwujudnya tata kelola kinerja yang akuntabel',
  'Meningkatnya capaian program',
  'Terlaksananya pembinaan dan pengawasan',
  'Meningkatnya kualitas perencanaan dan penganggaran',
];
const staffRhk = [
  'Tersusunnya laporan pelaksanaan kegiatan',
  'Terkelolanya administrasi persuratan',
  'Tersedianya data yang mutakhir',
  'Terlaksananya verifikasi dokumen',
  'Tersusunnya bahan rapat koordinasi',
  'Terlayaninya permohonan masyarakat',
  'Terkelolanya arsip dinamis',
  'Tersusunnya rekapitulasi kehadiran dan kinerja',
];
const tambahanRhk = ['Terlaksananya tugas sebagai anggota tim pengadaan', 'Terlaksananya tugas sebagai pengelola media sosial', 'Terlaksananya tugas sebagai fasilitator pelatihan'];
const documents = ['laporan', 'dokumen', 'berkas', 'kegiatan', 'surat'];
const expectationTexts = [
  'Memberikan layanan yang ramah dan tepat waktu',
  'Menyelesaikan tugas dengan cermat dan jujur',
  'Mengikuti pelatihan dan berbagi pengetahuan dengan rekan',
  'Menjaga suasana kerja yang saling menghargai',
  'Menjaga nama baik instansi dan patuh pada aturan',
  'Terbuka terhadap perubahan dan cepat menyesuaikan diri',
  'Aktif bekerja sama lintas unit',
];
const feedbackTexts = [
  'Laporan sudah baik, lengkapi bukti dukungnya.',
  'Pertahankan ketepatan waktu penyampaian laporan.',
  'Perlu peningkatan kualitas dokumen; perhatikan format.',
  'Koordinasi dengan seksi lain sudah berjalan baik.',
  'Target bulan ini belum tercapai; mari kita bahas kendalanya.',
  'Terima kasih atas inisiatifnya membantu rekan kerja.',
];
const replyTexts = ['Baik, akan saya perbaiki.', 'Terima kasih, Pak/Bu.', 'Kendalanya pada data dari unit lain; sudah saya koordinasikan.'];

interface Plan {
  skpId: string;
  employeeId: string;
  name: string;
  appraiserId: string | null;
  appraiserName: string | null;
  atasanId: string | null;
  atasanName: string | null;
  unitId: string | null;
  positionType: string | null;
  positionLevel: string | null;
  periodStart: string;
  periodEnd: string;
  approved: boolean;
  rhk: { id: string; kind: 'utama' | 'tambahan'; indicators: { id: string; aspek: string | null; target: number; unit: string }[] }[];
  /** The employee's usual predikat; periods mostly follow it. */
  tendency: Predikat;
}

export function seedSyntheticYear(ctx: SyntheticContext): void {
  const { core, officeId, log } = ctx;
  const started = Date.now();
  const random = rng((ctx.seed * 2654435761) >>> 0 || 1);
  const cadence = ctx.options.cadence ?? 'bulanan';
  const today = ctx.today;
  // The running year once two of its periods have ended, before that the year just past, so that
  // a synthetic office made in January still has a year of results to measure (docs/spec/operations.md §9).
  const running = Number(today.slice(0, 4));
  const yearNo = periodsOf(running, cadence).filter((p) => !p.annual && p.end < today).length >= 2 ? running : running - 1;
  const w = new YearWriter(core, officeId);
  const nowIso = core.now().toISOString();
  // A city's indexes are far larger than SQLite's default 2 MB page cache; inserting into them
  // in period order touches pages all over each index. A large cache for the seed only.
  const cacheSize = core.sqlite.pragma('cache_size', { simple: true }) as number;
  core.sqlite.pragma('cache_size = -524288');

  // Tables and their columns (managed columns are added by the Inserter).
  const years = w.table('performance_years', ['year', 'start_date', 'end_date', 'cadence', 'skp_deadline', 'status', 'closed_at']);
  const skps = w.table('skps', [
    'year_id', 'employee_id', 'position_id', 'assignment_id', 'period_start', 'period_end', 'approach', 'is_jpt', 'status', 'return_note',
    'submitted_at', 'approved_at', 'approved_version', 'amending', 'copied_from_skp_id', 'office_name', 'employee_name', 'employee_nip',
    'employee_golongan', 'employee_position', 'employee_unit', 'appraiser_employee_id', 'appraiser_name', 'appraiser_nip', 'appraiser_golongan',
    'appraiser_position', 'appraiser_unit', 'atasan_employee_id', 'atasan_name', 'atasan_nip', 'atasan_golongan', 'atasan_position', 'atasan_unit',
  ]);
  const rhkT = w.table('skp_rhk', ['skp_id', 'kind', 'text', 'parent_rhk_id', 'pk_reference', 'order_no']);
  const indT = w.table('skp_indicators', ['skp_id', 'rhk_id', 'aspek', 'perspektif', 'text', 'target_min', 'target_max', 'target_unit', 'target_text', 'order_no']);
  const expT = w.table('skp_expectations', ['skp_id', 'value_code', 'text']);
  const annexT = w.table('skp_annex', ['skp_id', 'kind', 'text', 'order_no']);
  const versionsT = w.table('skp_versions', ['skp_id', 'version_no', 'approved_at', 'approved_by_employee_id', 'note', 'snapshot']);
  const eventsT = w.table('skp_events', ['skp_id', 'action', 'from_status', 'to_status', 'actor_employee_id', 'actor_name', 'note', 'at']);
  const reportsT = w.table('period_reports', ['skp_id', 'employee_id', 'period', 'status', 'submitted_at']);
  const realT = w.table('realisasi', ['skp_id', 'indicator_id', 'period', 'value', 'description', 'notes']);
  const evidenceT = w.table('evidence', ['skp_id', 'indicator_id', 'period', 'kind', 'title', 'sha256', 'file_name', 'mime_type', 'size', 'url']);
  const feedbackT = w.table('feedback', ['skp_id', 'employee_id', 'period', 'target_kind', 'rhk_id', 'value_code', 'author_employee_id', 'author_name', 'author_role', 'body']);
  const evalT = w.table('evaluations', [
    'skp_id', 'employee_id', 'year_id', 'period', 'unit_id', 'status', 'results_rating', 'behaviour_rating', 'predikat', 'org_rating', 'notes',
    'angka_kredit', 'appraiser_employee_id', 'finalized_at', 'acknowledged_at', 'appeal_deadline', 'skp_version_no',
  ]);
  const evalRhkT = w.table('evaluation_rhk', ['evaluation_id', 'rhk_id', 'judgement', 'note']);
  const orgT = w.table('org_ratings', ['year_id', 'period', 'unit_id', 'rating', 'set_by_employee_id', 'set_by_name', 'note']);
  const appealsT = w.table('appeals', [
    'evaluation_id', 'employee_id', 'appraiser_employee_id', 'atasan_employee_id', 'atasan_name', 'status', 'filed_at', 'reasons',
    'appraiser_explanation', 'appraiser_explained_at', 'employee_explanation', 'employee_explained_at', 'decision', 'original_results_rating',
    'original_behaviour_rating', 'original_predikat', 'decided_results_rating', 'decided_behaviour_rating', 'decided_predikat', 'decision_reason', 'decided_at',
  ]);
  const dialoguesT = w.table('dialogues', [
    'employee_id', 'appraiser_employee_id', 'skp_id', 'year_id', 'kind', 'status', 'requested_by_employee_id', 'request_note', 'scheduled_at', 'place',
    'agenda', 'participants', 'discussion', 'employee_concerns', 'agreed', 'employee_confirmed_at', 'appraiser_confirmed_at',
  ]);
  const actionsT = w.table('dialogue_actions', ['dialogue_id', 'text', 'owner', 'due_date', 'done_at', 'order_no']);

  // The year, opened in the first days of January.
  const startDate = `${yearNo}-01-01`;
  const endDate = `${yearNo}-12-31`;
  const yearId = years.add(
    { year: yearNo, start_date: startDate, end_date: endDate, cadence, skp_deadline: `${yearNo}-01-31`, status: 'terbuka', closed_at: null },
    `${yearNo - 1}-12-20T09:00:00.000Z`,
  );
  const date = chainDate({ start_date: startDate, end_date: endDate }, core.now());
  const src = new OfficeSnapshot(core, officeId, date);
  const adminRow = core.q.prepare('SELECT e.id, e.name FROM users u JOIN employees e ON e.id = u.employee_id WHERE u.is_pengelola = 1 ORDER BY u.created_at LIMIT 1').get() as {
    id: string;
    name: string;
  };
  const levels = new Map((core.q.prepare('SELECT id, level FROM positions WHERE office_id = ?').all(officeId) as { id: string; level: string | null }[]).map((p) => [p.id, p.level]));
  const unitParent = new Map(
    (core.q.prepare('SELECT id, parent_id FROM units WHERE office_id = ? AND deleted_at IS NULL').all(officeId) as { id: string; parent_id: string | null }[]).map((u) => [
      u.id,
      u.parent_id,
    ]),
  );

  // Who gets a plan: as year.open's shells, everyone active holding a position on the date.
  interface Draft {
    employeeId: string;
    header: ReturnType<typeof headerSnapshot>;
    positionId: string;
    assignmentId: string;
    positionType: string | null;
    unitId: string | null;
    periodStart: string;
    periodEnd: string;
  }
  const drafts = new Map<string, Draft>();
  for (const employeeId of ctx.employeeIds) {
    const e = src.employee(employeeId);
    if (!e || e.status !== 'aktif') continue;
    const person = personOn(core, employeeId, date, src);
    if (!person?.positionId || !person.assignmentId) continue;
    const a = src.assignmentsOfEmployee(employeeId, date).find((x) => x.id === person.assignmentId)!;
    drafts.set(employeeId, {
      employeeId,
      header: headerSnapshot(core, officeId, employeeId, date, src),
      positionId: person.positionId,
      assignmentId: person.assignmentId,
      positionType: person.positionType,
      unitId: src.position(person.positionId)?.unit_id ?? null,
      periodStart: a.start_date > startDate ? a.start_date : startDate,
      periodEnd: a.end_date && a.end_date < endDate ? a.end_date : endDate,
    });
  }
  // Appraisers plan first, so each RHK can name the superior RHK it supports (the cascade).
  const depth = new Map<string, number>();
  const depthOf = (id: string, guard = 0): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const up = drafts.get(id)?.header.appraiser_employee_id;
    const d = up && drafts.has(up) && guard < 32 ? depthOf(up, guard + 1) + 1 : 0;
    depth.set(id, d);
    return d;
  };
  const order = [...drafts.values()].sort((a, b) => depthOf(a.employeeId) - depthOf(b.employeeId));

  const plans: Plan[] = [];
  const utamaOf = new Map<string, string[]>();
  for (const [n, d] of order.entries()) {
    const h = d.header;
    const leader = d.positionType !== null && leaderTypes.has(d.positionType);
    const isJpt = d.positionType?.startsWith('jpt') ? 1 : 0;
    // Plans without an appraiser in this office (the head's, approved by the Sekda outside the app) stay submitted.
    const approved = h.appraiser_employee_id !== null;
    const created = `${yearNo}-01-${String(2 + Math.floor(random() * 6)).padStart(2, '0')}`;
    const submitted = addDays(created, 2 + Math.floor(random() * 6));
    const approvedOn = addDays(submitted, 1 + Math.floor(random() * 10));
    const createdAt = at(created, random);
    const submittedAt = at(submitted, random);
    const approvedAt = approved ? at(approvedOn, random) : null;
    const skpId = skps.add(
      {
        year_id: yearId,
        employee_id: d.employeeId,
        position_id: d.positionId,
        assignment_id: d.assignmentId,
        period_start: d.periodStart,
        period_end: d.periodEnd,
        approach: 'kuantitatif',
        is_jpt: isJpt,
        status: approved ? 'disetujui' : 'diajukan',
        return_note: null,
        submitted_at: submittedAt,
        approved_at: approvedAt,
        approved_version: approved ? 1 : 0,
        amending: 0,
        copied_from_skp_id: null,
        ...h,
      },
      createdAt,
      { updatedAt: approvedAt ?? submittedAt, version: approved ? 3 : 2 },
    );
    eventsT.add({ skp_id: skpId, action: 'buat', from_status: null, to_status: 'draf', actor_employee_id: d.employeeId, actor_name: h.employee_name, note: null, at: createdAt }, createdAt);
    eventsT.add(
      { skp_id: skpId, action: 'ajukan', from_status: 'draf', to_status: 'diajukan', actor_employee_id: d.employeeId, actor_name: h.employee_name, note: null, at: submittedAt },
      submittedAt,
    );
    if (approvedAt) {
      eventsT.add(
        {
          skp_id: skpId,
          action: 'setujui',
          from_status: 'diajukan',
          to_status: 'disetujui',
          actor_employee_id: h.appraiser_employee_id,
          actor_name: h.appraiser_name,
          note: 'Versi 1',
          at: approvedAt,
        },
        approvedAt,
      );
    }

    // RHK: leaders three Utama, staff two (every third also a Tambahan); Utama cascade from the appraiser's.
    const parents = h.appraiser_employee_id ? (utamaOf.get(h.appraiser_employee_id) ?? []) : [];
    const utamaCount = leader ? 3 : 2;
    const unitName = h.employee_unit ?? h.office_name;
    const rhk: Plan['rhk'] = [];
    const mine: string[] = [];
    for (let r = 0; r < utamaCount + (!leader && n % 3 === 1 ? 1 : 0); r++) {
      const kind = r < utamaCount ? 'utama' : 'tambahan';
      const text =
        kind === 'tambahan'
          ? tambahanRhk[Math.floor(random() * tambahanRhk.length)]!
          : `${(leader ? leaderRhk : staffRhk)[Math.floor(random() * (leader ? leaderRhk.length : staffRhk.length))]!} ${unitName}`;
      const rhkId = rhkT.add(
        {
          skp_id: skpId,
          kind,
          text,
          parent_rhk_id: kind === 'utama' && parents.length > 0 ? parents[(n + r) % parents.length]! : null,
          pk_reference: isJpt && kind === 'utama' ? `Perjanjian Kinerja ${yearNo}, sasaran ${r + 1}` : null,
          order_no: r + 1,
        },
        createdAt,
      );
      if (kind === 'utama') mine.push(rhkId);
      const doc = documents[Math.floor(random() * documents.length)]!;
      const specs: { aspek: 'kuantitas' | 'kualitas' | 'waktu'; perspektif: string; text: string; target: number; unit: string }[] = [
        { aspek: 'kuantitas', perspektif: 'penerima_layanan', text: `Jumlah ${doc} yang diselesaikan`, target: 12 * (1 + Math.floor(random() * 4)), unit: doc },
        { aspek: 'kualitas', perspektif: 'proses_bisnis', text: `Persentase ${doc} yang diterima tanpa revisi`, target: 90, unit: 'persen' },
        { aspek: 'waktu', perspektif: 'penguatan_internal', text: `Ketepatan waktu penyelesaian ${doc}`, target: 12, unit: 'bulan' },
      ];
      const count = kind === 'tambahan' ? 1 : leader ? 3 : 2;
      const indicators: Plan['rhk'][number]['indicators'] = [];
      for (let i = 0; i < count; i++) {
        const s = specs[i]!;
        const id = indT.add(
          {
            skp_id: skpId,
            rhk_id: rhkId,
            aspek: isJpt ? null : s.aspek,
            perspektif: isJpt ? s.perspektif : null,
            text: s.text,
            target_min: s.target,
            target_max: null,
            target_unit: s.unit,
            target_text: null,
            order_no: i + 1,
          },
          createdAt,
        );
        indicators.push({ id, aspek: s.aspek, target: s.target, unit: s.unit });
      }
      rhk.push({ id: rhkId, kind, indicators });
    }
    utamaOf.set(d.employeeId, mine);
    // The appraiser's expectations for each BerAKHLAK value, and the annex.
    const expectAt = approvedAt ?? submittedAt;
    for (const [i, code] of perilakuCodes.entries()) expT.add({ skp_id: skpId, value_code: code, text: expectationTexts[i % expectationTexts.length]! }, expectAt);
    annexT.add({ skp_id: skpId, kind: 'dukungan_sumber_daya', text: 'Anggaran kegiatan dan sarana kerja unit', order_no: 1 }, createdAt);
    annexT.add({ skp_id: skpId, kind: 'skema_pertanggungjawaban', text: 'Laporan bulanan kepada Pejabat Penilai', order_no: 1 }, createdAt);
    annexT.add({ skp_id: skpId, kind: 'konsekuensi', text: 'Sesuai ketentuan penilaian kinerja yang berlaku', order_no: 1 }, createdAt);

    plans.push({
      skpId,
      employeeId: d.employeeId,
      name: h.employee_name,
      appraiserId: h.appraiser_employee_id,
      appraiserName: h.appraiser_name,
      atasanId: h.atasan_employee_id,
      atasanName: h.atasan_name,
      unitId: d.unitId,
      positionType: d.positionType,
      positionLevel: levels.get(d.positionId) ?? null,
      periodStart: d.periodStart,
      periodEnd: d.periodEnd,
      approved,
      rhk,
      tendency: drawPredikat(random),
    });
  }
  // The approved version keeps the plan as approved (what skp.approve stores), built by the same code.
  const skpById = core.sqlite.prepare('SELECT * FROM skps WHERE id = ?');
  for (const p of plans) {
    if (!p.approved) continue;
    const s = skpById.get(p.skpId) as SkpsTable;
    versionsT.add(
      { skp_id: s.id, version_no: 1, approved_at: s.approved_at, approved_by_employee_id: s.appraiser_employee_id, note: null, snapshot: JSON.stringify(snapshotOf(core, s)) },
      s.approved_at!,
    );
  }
  log(`  ${plans.length} SKP, ${rhkT.count} RHK, ${indT.count} indikator (${Date.now() - started} ms)`);

  // Organisation ratings per period: the office and every top-level unit (OPD or bidang).
  const periods = periodsOf(yearNo, cadence).filter((p) => !p.annual);
  const past = periods.filter((p) => p.end < today);
  const current = periods.find((p) => p.start <= today && today <= p.end) ?? null;
  const topUnits = [...unitParent.entries()].filter(([, parent]) => !parent).map(([id]) => id);
  const ratingOf = new Map<string, Map<string, OrgRating>>();
  for (const p of past) {
    const rated = new Map<string, OrgRating>();
    const setOn = at(addDays(p.end, 3), random);
    rated.set('', 'baik');
    orgT.add({ year_id: yearId, period: p.code, unit_id: null, rating: 'baik', set_by_employee_id: adminRow.id, set_by_name: adminRow.name, note: null }, setOn);
    for (const u of topUnits) {
      const x = random();
      const rating: OrgRating = x < 0.15 ? 'istimewa' : x < 0.95 ? 'baik' : 'butuh_perbaikan';
      rated.set(u, rating);
      orgT.add({ year_id: yearId, period: p.code, unit_id: u, rating, set_by_employee_id: adminRow.id, set_by_name: adminRow.name, note: null }, setOn);
    }
    ratingOf.set(p.code, rated);
  }
  const lineage = (unitId: string | null): string[] => {
    const out: string[] = [];
    for (let u = unitId; u && out.length < 32; u = unitParent.get(u) ?? null) out.push(u);
    return out;
  };
  const orgRatingFor = (period: string, unitId: string | null): OrgRating | null => {
    const rated = ratingOf.get(period);
    if (!rated) return null;
    for (const u of lineage(unitId)) {
      const r = rated.get(u);
      if (r) return r;
    }
    return rated.get('') ?? null;
  };

  // Tiny evidence files, stored content-addressed like uploads (all rows point at these few).
  const files = Array.from({ length: 6 }, (_, k) => {
    const content = Buffer.from(`%PDF-1.4\n% Bukti kinerja sintetis ${k + 1}\n%%EOF\n`, 'latin1');
    return { sha: storeEvidence(core.dataDir, content), size: content.length };
  });

  const lastPast = past[past.length - 1]?.code;
  for (const p of [...past, ...(current ? [current] : [])]) {
    const isCurrent = p === current;
    const isLast = p.code === lastPast;
    for (const plan of plans) {
      if (!plan.approved || p.end < plan.periodStart || p.start > plan.periodEnd) continue;
      const x = random();
      if (isCurrent) {
        // The running period: about a third have started their report.
        if (x < 0.3) draftReport(plan, p);
        continue;
      }
      const reported = isLast ? x < 0.9 : x < 0.985;
      if (!reported) continue;
      const submittedOn = minDate(addDays(p.end, 1 + Math.floor(random() * 5)), addDays(today, -1));
      const submittedAt = at(submittedOn, random);
      reportsT.add({ skp_id: plan.skpId, employee_id: plan.employeeId, period: p.code, status: 'diajukan', submitted_at: submittedAt }, at(addDays(p.end, -3), random), {
        updatedAt: submittedAt,
        version: 2,
      });
      realisasiRows(plan, p, submittedAt);
      const evidenceAt = submittedAt;
      const file = files[Math.floor(random() * files.length)]!;
      evidenceT.add(
        {
          skp_id: plan.skpId,
          indicator_id: plan.rhk[0]!.indicators[0]!.id,
          period: p.code,
          kind: 'file',
          title: `Laporan ${p.label}`,
          sha256: file.sha,
          file_name: `laporan-${p.code}.pdf`,
          mime_type: 'application/pdf',
          size: file.size,
          url: null,
        },
        evidenceAt,
      );
      if (random() < 0.2) {
        evidenceT.add(
          { skp_id: plan.skpId, indicator_id: null, period: p.code, kind: 'link', title: 'Dokumentasi kegiatan', sha256: null, file_name: null, mime_type: null, size: null, url: 'https://drive.example.go.id/bukti' },
          evidenceAt,
        );
      }
      feedbackFor(plan, p, submittedOn);
      // Evaluation by the appraiser: older periods final, the last one still in progress for some.
      if (!plan.appraiserId) continue;
      const y = random();
      const status: 'final' | 'draf' | null = isLast ? (y < 0.82 ? 'final' : y < 0.92 ? 'draf' : null) : y < 0.99 ? 'final' : 'draf';
      if (!status) continue;
      evaluate(plan, p, status, submittedOn);
    }
  }

  function draftReport(plan: Plan, p: Period): void {
    const on = minDate(addDays(p.start, 5 + Math.floor(random() * 20)), today);
    const t = at(on, random);
    reportsT.add({ skp_id: plan.skpId, employee_id: plan.employeeId, period: p.code, status: 'draf', submitted_at: null }, t);
    const first = plan.rhk[0]!.indicators[0]!;
    realT.add({ skp_id: plan.skpId, indicator_id: first.id, period: p.code, value: valueFor(first, p), description: 'Sedang berjalan', notes: null }, t);
  }

  function valueFor(ind: Plan['rhk'][number]['indicators'][number], p: Period): number {
    const share = p.months / 12;
    if (ind.unit === 'persen') return Math.round(80 + random() * 20);
    if (ind.unit === 'bulan') return p.months;
    return Math.max(0, Math.round(ind.target * share * (0.7 + random() * 0.6)));
  }

  function realisasiRows(plan: Plan, p: Period, t: string): void {
    for (const r of plan.rhk) {
      for (const ind of r.indicators) {
        realT.add({ skp_id: plan.skpId, indicator_id: ind.id, period: p.code, value: valueFor(ind, p), description: `Capaian ${p.label}`, notes: null }, t);
      }
    }
  }

  function feedbackFor(plan: Plan, p: Period, after: string): void {
    if (!plan.appraiserId || random() >= 0.4) return;
    const on = minDate(addDays(after, 1 + Math.floor(random() * 4)), addDays(today, -1));
    const t = at(on, random);
    const k = random();
    const target = k < 0.5 ? 'rhk' : k < 0.8 ? 'perilaku' : 'umum';
    const rhkId = target === 'rhk' ? plan.rhk[Math.floor(random() * plan.rhk.length)]!.id : null;
    feedbackT.add(
      {
        skp_id: plan.skpId,
        employee_id: plan.employeeId,
        period: p.code,
        target_kind: target,
        rhk_id: rhkId,
        value_code: target === 'perilaku' ? perilakuCodes[Math.floor(random() * perilakuCodes.length)]! : null,
        author_employee_id: plan.appraiserId,
        author_name: plan.appraiserName ?? '',
        author_role: 'penilai',
        body: feedbackTexts[Math.floor(random() * feedbackTexts.length)]!,
      },
      t,
    );
    if (random() < 0.3) {
      feedbackT.add(
        {
          skp_id: plan.skpId,
          employee_id: plan.employeeId,
          period: p.code,
          target_kind: 'umum',
          rhk_id: null,
          value_code: null,
          author_employee_id: plan.employeeId,
          author_name: plan.name,
          author_role: 'pegawai',
          body: replyTexts[Math.floor(random() * replyTexts.length)]!,
        },
        at(minDate(addDays(on, 1), today), random),
      );
    }
  }

  function evaluate(plan: Plan, p: Period, status: 'final' | 'draf', after: string): void {
    const predikat = random() < 0.75 ? plan.tendency : drawPredikat(random);
    const [results, behaviour] = ratingsFor(predikat, random);
    const created = minDate(addDays(after, 1 + Math.floor(random() * 5)), today);
    const createdAt = at(created, random);
    const finalizedOn = minDate(addDays(created, Math.floor(random() * 5)), today);
    const finalizedAt = status === 'final' ? at(finalizedOn, random) : null;
    const acknowledgedOn = finalizedAt && random() < 0.9 ? addDays(finalizedOn, 1 + Math.floor(random() * 6)) : null;
    const acknowledged = acknowledgedOn && acknowledgedOn <= today ? acknowledgedOn : null;
    const acknowledgedAt = acknowledged ? at(acknowledged, random) : null;
    const fungsional = plan.positionType?.startsWith('fungsional') ?? false;
    const version = status === 'final' ? (acknowledgedAt ? 4 : 3) : 2;
    const evaluationId = evalT.add(
      {
        skp_id: plan.skpId,
        employee_id: plan.employeeId,
        year_id: yearId,
        period: p.code,
        unit_id: plan.unitId,
        status,
        results_rating: results,
        behaviour_rating: behaviour,
        predikat: predikatOf(results, behaviour),
        org_rating: status === 'final' ? orgRatingFor(p.code, plan.unitId) : null,
        notes: null,
        angka_kredit: fungsional ? angkaKredit(predikat, plan.positionLevel, p.months) : null,
        appraiser_employee_id: plan.appraiserId,
        finalized_at: finalizedAt,
        acknowledged_at: acknowledgedAt,
        appeal_deadline: acknowledged ? addDays(acknowledged, 14) : null,
        // Locked against the one approved version each synthetic plan has (as evaluation.finalize records it).
        skp_version_no: status === 'final' ? 1 : null,
      },
      createdAt,
      { updatedAt: acknowledgedAt ?? finalizedAt ?? createdAt, version },
    );
    let utama = 0;
    for (const r of plan.rhk) {
      evalRhkT.add({ evaluation_id: evaluationId, rhk_id: r.id, judgement: judgementFor(results, r.kind, r.kind === 'utama' ? utama++ : 1, random), note: null }, createdAt);
    }
    // A few below Baik appeal within their 14 days; older appeals are decided (kept).
    if (acknowledged && predikat !== 'sangat_baik' && predikat !== 'baik' && random() < 0.05) {
      const filed = addDays(acknowledged, 1 + Math.floor(random() * 10));
      if (filed > today) return;
      const decided = addDays(filed, 10) < today;
      const filedAt = at(filed, random);
      const decidedAt = decided ? at(addDays(filed, 10), random) : null;
      appealsT.add(
        {
          evaluation_id: evaluationId,
          employee_id: plan.employeeId,
          appraiser_employee_id: plan.appraiserId,
          atasan_employee_id: plan.atasanId,
          atasan_name: plan.atasanName,
          status: decided ? 'diputus' : 'diajukan',
          filed_at: filedAt,
          reasons: 'Capaian realisasi saya sesuai target; mohon ditinjau kembali.',
          appraiser_explanation: decided ? 'Penilaian sudah mempertimbangkan bukti dukung.' : null,
          appraiser_explained_at: decided ? filedAt : null,
          employee_explanation: null,
          employee_explained_at: null,
          decision: decided ? 'tetap' : null,
          original_results_rating: results,
          original_behaviour_rating: behaviour,
          original_predikat: predikat,
          decided_results_rating: decided ? results : null,
          decided_behaviour_rating: decided ? behaviour : null,
          decided_predikat: decided ? predikat : null,
          decision_reason: decided ? 'Penilaian Pejabat Penilai sudah sesuai bukti.' : null,
          decided_at: decidedAt,
        },
        filedAt,
        { updatedAt: decidedAt ?? filedAt, version: decided ? 3 : 1 },
      );
    }
  }

  // Dialogues: everyone's planning dialogue in January; some monitoring ones; a few still requested.
  for (const plan of plans) {
    if (!plan.appraiserId) continue;
    const jan = `${yearNo}-01-${String(3 + Math.floor(random() * 10)).padStart(2, '0')}`;
    const t = at(jan, random);
    dialoguesT.add(
      {
        employee_id: plan.employeeId,
        appraiser_employee_id: plan.appraiserId,
        skp_id: plan.skpId,
        year_id: yearId,
        kind: 'perencanaan',
        status: 'dikonfirmasi',
        requested_by_employee_id: plan.appraiserId,
        request_note: null,
        scheduled_at: t,
        place: 'Ruang rapat',
        agenda: 'Penyusunan SKP',
        participants: null,
        discussion: 'Membahas rencana hasil kerja dan ekspektasi perilaku.',
        employee_concerns: null,
        agreed: 'RHK dan target disepakati.',
        employee_confirmed_at: t,
        appraiser_confirmed_at: t,
      },
      t,
      { version: 4 },
    );
    const x = random();
    if (x < 0.12 && past.length > 1) {
      const p = past[Math.floor(random() * past.length)]!;
      const on = at(addDays(p.end, -5), random);
      const id = dialoguesT.add(
        {
          employee_id: plan.employeeId,
          appraiser_employee_id: plan.appraiserId,
          skp_id: plan.skpId,
          year_id: yearId,
          kind: 'pemantauan',
          status: 'dikonfirmasi',
          requested_by_employee_id: plan.employeeId,
          request_note: 'Mohon waktu membahas kendala capaian.',
          scheduled_at: on,
          place: 'Ruang kepala seksi',
          agenda: 'Kendala capaian target',
          participants: null,
          discussion: 'Kendala data dari unit lain.',
          employee_concerns: 'Keterlambatan data.',
          agreed: 'Koordinasi mingguan dengan unit terkait.',
          employee_confirmed_at: on,
          appraiser_confirmed_at: on,
        },
        on,
        { version: 5 },
      );
      actionsT.add({ dialogue_id: id, text: 'Menyusun jadwal koordinasi mingguan', owner: 'pegawai', due_date: addDays(p.end, 10), done_at: on, order_no: 1 }, on);
    } else if (x < 0.135) {
      const on = at(addDays(today, -Math.floor(random() * 7)), random);
      dialoguesT.add(
        {
          employee_id: plan.employeeId,
          appraiser_employee_id: plan.appraiserId,
          skp_id: plan.skpId,
          year_id: yearId,
          kind: 'pemantauan',
          status: 'diminta',
          requested_by_employee_id: plan.employeeId,
          request_note: 'Mohon bimbingan untuk target triwulan ini.',
          scheduled_at: null,
          place: null,
          agenda: null,
          participants: null,
          discussion: null,
          employee_concerns: null,
          agreed: null,
          employee_confirmed_at: null,
          appraiser_confirmed_at: null,
        },
        on,
      );
    }
  }

  core.sqlite.pragma(`cache_size = ${cacheSize}`);
  const counts = Object.fromEntries(w.inserters.map((i) => [i.table, i.count]));
  const rows = w.inserters.reduce((s, i) => s + i.count, 0);
  core.setMeta('synthetic_year', JSON.stringify({ seed: ctx.seed, year: yearNo, cadence, rows }));
  appendAudit(core, {
    at: nowIso,
    actorUserId: null,
    actorNip: null,
    actorName: 'kinerja seed --synthetic',
    command: 'seed.synthetic.year',
    recordTable: 'performance_years',
    recordId: yearId,
    before: null,
    after: { seed: ctx.seed, year: yearNo, cadence, rows: counts, changeLog: 'tidak ditulis (data sintetis bukan antrean sinkronisasi)' },
  });
  log(`  Tahun ${yearNo} (${cadence}): ${rows.toLocaleString('id-ID')} baris dalam ${((Date.now() - started) / 1000).toFixed(1)} detik`);
}

registerSyntheticStep({ name: 'Tahun penilaian: SKP, realisasi, umpan balik, dialog, penilaian', run: seedSyntheticYear });

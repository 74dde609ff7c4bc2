import { periodsOf, type Period } from '../../../shared/evaluation/periods';
import { predikatOf, type OrgRating, type Predikat, type Rating } from '../../../shared/evaluation/predikat';
import { addDays } from '../../../shared/people/dates';
import type { Indicator, Rhk } from '../../../shared/skp/commands';
import { perilakuCodes } from '../../../shared/skp/perilaku';
import type { PerformanceYearsTable, SkpsTable } from '../db/schema';
import { demoCycle, demoCycleDone, HistoricalCore, wibTime, workday } from '../seed/history';
import { rng } from '../seed/names';
import { registerDemoStep, type DemoContext } from '../seed/registry';
import type { CliActor } from '../seed/session';
import { appraisalLink } from '../access';
import { rhkOf } from '../skp/read';
import { activityPng, reportPdf } from './demo-files';
import {
  appealTexts,
  descriptiveRealisasi,
  evaluasiDialogue,
  evaluationNotes,
  pemantauanDialogue,
  perilakuComments,
  realisasiNotes,
  replies,
  requestNotes,
  rhkComments,
  rhkNotes,
} from './demo-texts';
import { unitLineage, unitOfSkp } from './service';

/**
 * Demo data (docs/spec/operations.md §9): the demo office's year carried forward to today. For every period of the
 * year that has ended, each employee with an approved SKP reports realisasi with evidence (a PDF
 * report or a photo, generated here, uploaded through `realisasi.addEvidence`) and submits it; the
 * appraiser comments on RHK and BerAKHLAK values during the period and the employee replies; the
 * Kepala Dinas records each unit's Capaian Kinerja Organisasi (the admin records the office's);
 * the appraiser evaluates and finalises; the employee acknowledges receipt. On top of that:
 * performance dialogues in every state, a Kurang/Misconduct, two breaches of the distribution
 * curve (so its warnings show), evaluations still pending for the latest period, and one appeal
 * filed a few days ago, explained by the appraiser and waiting for the atasan (the Sekretaris).
 *
 * Time: the demo runs today and commands cannot be backdated, so this step replays the past
 * through a second Core whose clock it sets to each moment (seed/history.ts): January's realisasi
 * is submitted in early February, its evaluation finalised a week later, and so on, so dates on
 * screens, in the audit trail and on the printed documents read like a real year. The year is the
 * one the SKP step opened (the current calendar year, the year's cadence, monthly by default);
 * only periods whose cycle has already happened are replayed, the period running today gets drafts
 * and recent feedback, and run in January the carried-forward part is simply short.
 *
 * Speed: about seven commands per employee and period; each evidence file is a few kilobytes.
 */

interface Person {
  employeeId: string;
  userId: string;
  name: string;
  /** `Bapak` or `Ibu`, from the sex digit of the NIP, for replies. */
  sapaan: string;
}

interface Plan {
  skpId: string;
  employee: Person;
  appraiser: Person;
  atasanId: string | null;
  /** The top-level unit (Sekretariat, a bidang): the group whose predikat spread is checked. */
  topUnit: string | null;
  unitName: string;
  position: string;
  nip: string;
  periodStart: string;
  periodEnd: string;
  rhk: Rhk[];
  /** 0..1: how strong this person's year is (fixed per person, so their results are consistent). */
  strength: number;
}

interface Outcome {
  predikat: Predikat;
  results: Rating;
  behaviour: Rating;
  judgements: Map<string, Rating>;
}

type Event = { at: Date; order: number; run: () => void };

const pick = <T>(list: readonly T[], n: number): T => list[Math.abs(Math.floor(n)) % list.length]!;

function lower(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function sapaanOf(nip: string): string {
  return nip.replace(/\s/g, '')[14] === '2' ? 'Ibu' : 'Bapak';
}

/** Previous working day (or the same day): events "a few days ago" fall on office days. */
function backToWorkday(iso: string): string {
  let d = iso;
  for (let i = 0; i < 3; i++) {
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (dow !== 0 && dow !== 6) return d;
    d = addDays(d, -1);
  }
  return d;
}

/**
 * Predikat for one unit group in one period, spread the way the "Baik" organisation pattern wants
 * (some Butuh Perbaikan, most but at most 70% Baik, the rest Sangat Baik), the weakest of the period getting
 * the Butuh Perbaikan. `shape` bends it for the designed breaches.
 */
function spread(members: { plan: Plan; score: number }[], shape: 'pola' | 'semua-baik' | 'banyak-sangat-baik'): Map<string, Predikat> {
  const n = members.length;
  const sorted = [...members].sort((a, b) => b.score - a.score);
  const out = new Map<string, Predikat>();
  if (shape === 'semua-baik') {
    sorted.forEach((m, i) => out.set(m.plan.skpId, i === 0 ? 'sangat_baik' : 'baik'));
    return out;
  }
  if (shape === 'banyak-sangat-baik') {
    const sb = Math.ceil(n * 0.8);
    sorted.forEach((m, i) => out.set(m.plan.skpId, i < sb ? 'sangat_baik' : 'baik'));
    return out;
  }
  const bp = n >= 3 ? Math.max(1, Math.round(n * 0.12)) : 0;
  // Most (more than half) and at most 70% Baik: both hold from 5 members up (and for 3).
  const baik = Math.min(n - bp, Math.floor(n * 0.7), Math.max(Math.floor(n / 2) + 1, n - bp - Math.round(n * 0.2)));
  sorted.forEach((m, i) => out.set(m.plan.skpId, i < n - bp - baik ? 'sangat_baik' : i < n - bp ? 'baik' : 'butuh_perbaikan'));
  return out;
}

function outcomeOf(plan: Plan, predikat: Predikat, r: () => number, period: number): Outcome {
  let results: Rating;
  let behaviour: Rating;
  switch (predikat) {
    case 'sangat_baik':
      [results, behaviour] = ['diatas', 'diatas'];
      break;
    case 'baik': {
      const x = r();
      [results, behaviour] = x < 0.7 ? ['sesuai', 'sesuai'] : x < 0.85 ? ['diatas', 'sesuai'] : ['sesuai', 'diatas'];
      break;
    }
    case 'butuh_perbaikan':
      [results, behaviour] = ['dibawah', 'sesuai'];
      break;
    case 'kurang':
      [results, behaviour] = ['sesuai', 'dibawah'];
      break;
    case 'sangat_kurang':
      [results, behaviour] = ['dibawah', 'dibawah'];
      break;
  }
  const judgements = new Map<string, Rating>();
  const utama = plan.rhk.filter((x) => x.kind === 'utama');
  const below = utama.length ? utama[period % utama.length]!.id : null;
  for (const x of plan.rhk) {
    let j: Rating = results;
    if (results === 'dibawah') j = x.id === below ? 'dibawah' : 'sesuai';
    else if (results === 'diatas' && x.kind === 'utama' && utama.length > 1 && x.id === utama[utama.length - 1]!.id && r() < 0.35) j = 'sesuai';
    else if (results === 'sesuai' && r() < 0.15) j = 'diatas';
    judgements.set(x.id, j);
  }
  return { predikat: predikatOf(results, behaviour), results, behaviour, judgements };
}

/** A period's realisasi for one indicator, from its target and how the RHK went. */
function realisasiValue(i: Indicator, j: Rating, p: Period, r: () => number): { value: number | null; description: string | null } {
  if (i.targetMin === null) return { value: null, description: pick(descriptiveRealisasi, r() * 3 + (j === 'dibawah' ? 2 : 0)) };
  const factor = j === 'diatas' ? 1.12 : j === 'dibawah' ? 0.72 : 1;
  const unit = (i.targetUnit ?? '').toLowerCase();
  if (unit === 'persen') return { value: Math.min(100, Math.round(i.targetMin * (j === 'diatas' ? 1.06 : j === 'dibawah' ? 0.85 : 1.01))), description: null };
  if (unit === 'bulan') return { value: j === 'dibawah' ? p.months - 1 : p.months, description: null };
  if (i.targetMin === 0) return { value: j === 'dibawah' ? 150000 : 0, description: null };
  const base = (i.targetMin * p.months) / 12;
  const v = base * factor;
  // Annual counts split over short periods: small counts stay whole numbers.
  return { value: v >= 10 ? Math.round(v) : Math.max(j === 'dibawah' ? 0 : 1, Math.round(v + (r() - 0.5) * 0.8)), description: null };
}

export function seedDemoYear(ctx: DemoContext): void {
  const { core } = ctx;
  const yearNo = ctx.storyYear;
  const year = core.q.prepare('SELECT * FROM performance_years WHERE office_id = ? AND year = ? AND deleted_at IS NULL').get(ctx.officeId, yearNo) as
    | PerformanceYearsTable
    | undefined;
  if (!year) {
    ctx.log('  Tahun Penilaian belum dibuka: tahun berjalan tidak diisi.');
    return;
  }
  const random = rng(20260607);
  const periods = periodsOf(year.year, year.cadence).filter((p) => !p.annual);

  // People: every account holder, by employee.
  const users = new Map(
    (
      core.q
        .prepare('SELECT u.id AS user_id, e.id AS employee_id, e.name, e.nip FROM users u JOIN employees e ON e.id = u.employee_id WHERE u.deleted_at IS NULL')
        .all() as { user_id: string; employee_id: string; name: string; nip: string }[]
    ).map((u) => [u.employee_id, { employeeId: u.employee_id, userId: u.user_id, name: u.name, sapaan: sapaanOf(u.nip) } satisfies Person]),
  );
  const unitNames = new Map((core.q.prepare('SELECT id, name, code FROM units WHERE deleted_at IS NULL').all() as { id: string; name: string; code: string | null }[]).map((u) => [u.id, u]));
  const unitByCode = (code: string) => [...unitNames.values()].find((u) => u.code === code)?.id ?? null;

  const skps = core.q
    .prepare('SELECT * FROM skps WHERE year_id = ? AND approved_version > 0 AND deleted_at IS NULL ORDER BY employee_name')
    .all(year.id) as SkpsTable[];
  const plans: Plan[] = [];
  for (const s of skps) {
    const employee = users.get(s.employee_id);
    const appraiser = s.appraiser_employee_id ? users.get(s.appraiser_employee_id) : undefined;
    if (!employee || !appraiser) continue; // appraised outside this office: nothing to replay here
    const unit = unitOfSkp(core, s);
    const lineage = unitLineage(core, unit);
    plans.push({
      skpId: s.id,
      employee,
      appraiser,
      atasanId: s.atasan_employee_id,
      topUnit: lineage.at(-1) ?? null,
      unitName: s.employee_unit ?? '',
      position: s.employee_position ?? '',
      nip: s.employee_nip,
      periodStart: s.period_start,
      periodEnd: s.period_end,
      rhk: rhkOf(core, s.id),
      strength: random(),
    });
  }
  if (plans.length === 0) return;

  const h = HistoricalCore.open(core, new Date(`${year.year}-01-02T01:00:00Z`));
  const as = (p: Person): CliActor => h.as(p.userId, p.name);
  const admin = users.get(ctx.people.admin?.employeeId ?? '');
  const kadis = users.get(ctx.people.kadis?.employeeId ?? '');
  // The replay queue, in time order. Events added while it runs (the minutes after a meeting, the
  // explanation after an appeal) are inserted at their place among the events still to come.
  const queue: Event[] = [];
  let cursor = -1;
  let order = 0;
  const later = (a: Event, b: Event) => a.at.getTime() - b.at.getTime() || a.order - b.order;
  const at = (date: string, hhmm: string, run: () => void) => {
    const ev: Event = { at: wibTime(date, hhmm), order: order++, run };
    if (cursor < 0) {
      queue.push(ev);
      return;
    }
    let lo = cursor + 1;
    let hi = queue.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (later(queue[mid]!, ev) <= 0) lo = mid + 1;
      else hi = mid;
    }
    queue.splice(lo, 0, ev);
  };
  const minutes = (base: string, k: number) => {
    const [hh, mm] = base.split(':').map(Number) as [number, number];
    const t = hh * 60 + mm + k;
    return `${String(Math.min(16, Math.floor(t / 60))).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
  };

  // The periods whose whole cycle lies in the past, and the one running now.
  // Each step a few working days after the one before, so none lands before its cause.
  const cycle = demoCycle;
  const done = periods.filter((p) => demoCycleDone(p, core.now()));
  const latest = done.at(-1) ?? null;
  const current = periods.find((p) => p.start <= ctx.today && ctx.today <= p.end) ?? null;
  const inPlan = (plan: Plan, p: Period) => !(p.end < plan.periodStart || p.start > plan.periodEnd);

  // Designed moments (see the module comment).
  const sdUnit = unitByCode('SD');
  const smpUnit = unitByCode('SMP');
  const breachEarly = done.length >= 3 ? done[2]! : (done[0] ?? null); // SMP rated Istimewa, 80% Sangat Baik
  const misconductPeriod = done.length >= 5 ? done[4]! : (done.at(-2) ?? null);
  const appellant =
    plans.find((p) => p.appraiser.employeeId === ctx.people.kasubbagUmum?.employeeId && p.employee.employeeId !== ctx.people.admin?.employeeId && p.atasanId) ??
    plans.find((p) => p.atasanId && p.topUnit && unitNames.get(p.topUnit)?.code === 'SEK');
  // Someone whose plan covered that period (the Seksi GTK SD newcomer's SKP starts in October).
  const misconduct = misconductPeriod ? plans.find((p) => p !== appellant && p.topUnit === unitByCode('GTK') && inPlan(p, misconductPeriod)) : undefined;
  // Kebudayaan's staff changed appraiser mid-year (the Plt): their past dialogues would name another appraiser.
  const budUnit = unitByCode('BUD');
  const kabidSmp = plans.find((p) => p.topUnit === smpUnit && p.position.startsWith('Kepala Bidang'))?.employee.employeeId;
  const kasiGtkSd = plans.find((p) => p.position === 'Kepala Seksi GTK Sekolah Dasar')?.employee.employeeId;

  // 1. Outcomes per period, unit by unit.
  const outcomes = new Map<string, Outcome>(); // `${skpId}|${period}`
  done.forEach((p, idx) => {
    const groups = new Map<string, { plan: Plan; score: number }[]>();
    for (const plan of plans) {
      if (!inPlan(plan, p)) continue;
      const key = plan.topUnit ?? '';
      groups.set(key, [...(groups.get(key) ?? []), { plan, score: plan.strength * 0.7 + random() * 0.3 - (plan === appellant && p === latest ? 5 : 0) }]);
    }
    for (const [unit, members] of groups) {
      const shape = p === latest && unit === sdUnit ? 'semua-baik' : p === breachEarly && unit === smpUnit ? 'banyak-sangat-baik' : 'pola';
      for (const [skpId, predikat] of spread(members, shape)) {
        const plan = members.find((m) => m.plan.skpId === skpId)!.plan;
        const forced: Predikat = plan === misconduct && p === misconductPeriod ? 'kurang' : plan === appellant && p === latest ? 'butuh_perbaikan' : predikat;
        outcomes.set(`${skpId}|${p.code}`, outcomeOf(plan, forced, random, idx));
      }
    }
  });

  const counts = { realisasi: 0, evidence: 0, feedback: 0, evaluations: 0, final: 0, acknowledged: 0 };

  // 2. Realisasi with evidence, feedback during the period, for past periods and (as drafts) the current one.
  const report = (plan: Plan, p: Period, o: Outcome | null, submit: boolean, k: number) => {
    const r = rng(k + 17);
    const rows = plan.rhk.flatMap((x) => x.indicators.map((i) => ({ rhk: x, i, ...realisasiValue(i, o?.judgements.get(x.id) ?? 'sesuai', p, r) })));
    const entries = rows.map((row, n) => ({
      indicatorId: row.i.id,
      // Each period is reported once, on nothing recorded before.
      version: null,
      value: row.value,
      description: row.description,
      notes: n === 0 && r() < 0.4 ? pick(realisasiNotes, r() * 4) : null,
    }));
    const me = as(plan.employee);
    me.call('realisasi.save', { skpId: plan.skpId, period: p.code, entries });
    counts.realisasi++;
    const first = rows[0];
    if (first) {
      const slug = p.label.toLowerCase().replace(/\s+/g, '-');
      const pdf = reportPdf({
        title: `LAPORAN REALISASI KINERJA ${p.label.toUpperCase()}`,
        lines: [
          `Nama: ${plan.employee.name}`,
          `NIP: ${plan.nip}`,
          `Jabatan: ${plan.position}`,
          `Unit kerja: ${plan.unitName}`,
          '',
          ...rows.map((row) => `- ${row.i.text}: target ${row.i.targetLabel}; realisasi ${row.value ?? row.description ?? '-'}${row.i.targetUnit && row.value !== null ? ` ${row.i.targetUnit}` : ''}`),
          '',
          `Langsa, ${p.end}`,
        ],
      });
      me.call('realisasi.addEvidence', { skpId: plan.skpId, period: p.code, indicatorId: first.i.id, title: `Laporan ${p.label}`, file: { name: `laporan-realisasi-${slug}.pdf`, contentBase64: pdf.toString('base64') } });
      counts.evidence++;
      const photoOf = rows.find((row) => row.rhk.id !== first.rhk.id) ?? first;
      if (r() < 0.35) {
        me.call('realisasi.addEvidence', {
          skpId: plan.skpId,
          period: p.code,
          indicatorId: photoOf.i.id,
          title: 'Dokumentasi kegiatan',
          file: { name: `dokumentasi-kegiatan-${slug}.png`, contentBase64: activityPng(k * 7919 + 3).toString('base64') },
        });
        counts.evidence++;
      } else if (r() < 0.2) {
        me.call('realisasi.addEvidence', { skpId: plan.skpId, period: p.code, indicatorId: photoOf.i.id, title: 'Rekap di Google Drive Dinas', link: `https://drive.langsakota.go.id/disdikbud/${year.year}/${slug}` });
        counts.evidence++;
      }
    }
    if (submit) me.call('realisasi.submit', { skpId: plan.skpId, period: p.code });
  };

  const feedback = (plan: Plan, p: Period, o: Outcome | null, date: string, k: number) => {
    const r = rng(k + 101);
    const target = plan.rhk[k % Math.max(1, plan.rhk.length)];
    if (!target) return;
    const j = o?.judgements.get(target.id) ?? 'sesuai';
    at(date, minutes('10:00', k % 300), () => {
      as(plan.appraiser).call('feedback.post', { skpId: plan.skpId, period: p.code, target: { kind: 'rhk', rhkId: target.id }, body: pick(rhkComments[j], r() * 9).replace('{rhk}', lower(target.text)) });
      counts.feedback++;
    });
    if (r() < 0.75) {
      at(workday(addDays(date, 1)), minutes('08:30', k % 300), () => {
        as(plan.employee).call('feedback.post', { skpId: plan.skpId, period: p.code, target: { kind: 'rhk', rhkId: target.id }, body: pick(replies, r() * 11).replace('{sapaan}', plan.appraiser.sapaan) });
        counts.feedback++;
      });
    }
    if (r() < 0.35) {
      const code = pick(perilakuCodes, r() * 70);
      at(date, minutes('13:00', k % 200), () => {
        as(plan.appraiser).call('feedback.post', { skpId: plan.skpId, period: p.code, target: { kind: 'perilaku', valueCode: code }, body: pick(perilakuComments[code], r() * 5) });
        counts.feedback++;
      });
    }
  };

  let k = 0;
  for (const p of done) {
    const c = cycle(p);
    for (const plan of plans) {
      if (!inPlan(plan, p)) continue;
      const o = outcomes.get(`${plan.skpId}|${p.code}`) ?? null;
      const kk = k++;
      if (random() < 0.55) feedback(plan, p, o, c.feedback, kk);
      at(c.report, minutes('08:00', kk % 400), () => report(plan, p, o, true, kk));
    }
  }

  // 3. Capaian Kinerja Organisasi: the office's by the admin (as set by the Wali Kota), the units' by the Kepala Dinas.
  const topUnits = [...new Set(plans.map((p) => p.topUnit).filter((u): u is string => !!u))];
  for (const p of done) {
    at(cycle(p).org, '09:00', () => {
      if (admin) as(admin).call('evaluation.setOrgRating', { yearId: year.id, period: p.code, unitId: null, version: null, rating: 'baik', note: `Capaian Kinerja Dinas ${p.label} sesuai penetapan Wali Kota Langsa.` });
      if (!kadis) return;
      for (const u of topUnits) {
        const rating: OrgRating = p === breachEarly && u === smpUnit ? 'istimewa' : 'baik';
        as(kadis).call('evaluation.setOrgRating', { yearId: year.id, period: p.code, unitId: u, version: null, rating });
      }
    });
  }

  // 4. Evaluations: each appraiser rates the team and finalises in one go; employees acknowledge.
  for (const p of done) {
    const c = cycle(p);
    const byAppraiser = new Map<string, Plan[]>();
    for (const plan of plans) if (outcomes.has(`${plan.skpId}|${p.code}`)) byAppraiser.set(plan.appraiser.employeeId, [...(byAppraiser.get(plan.appraiser.employeeId) ?? []), plan]);
    let n = 0;
    for (const [appraiserId, team] of byAppraiser) {
      // The latest period is still being worked through: one Kepala Seksi has not started, one Kepala Bidang has drafts only.
      if (p === latest && appraiserId === kasiGtkSd) continue;
      const draftsOnly = p === latest && appraiserId === kabidSmp;
      at(c.evaluate, minutes('10:00', (n += 7)), () => {
        const boss = as(team[0]!.appraiser);
        const items: { evaluationId: string; version: number }[] = [];
        for (const plan of team) {
          const o = outcomes.get(`${plan.skpId}|${p.code}`)!;
          const r = rng(plan.strength * 1e6 + p.months * 31 + items.length);
          const saved = boss.call('evaluation.save', {
            skpId: plan.skpId,
            period: p.code,
            version: null, rhk: plan.rhk.map((x) => ({ rhkId: x.id, judgement: o.judgements.get(x.id)!, note: pick(rhkNotes[o.judgements.get(x.id)!], r() * 5) })),
            resultsRating: o.results,
            behaviourRating: o.behaviour,
            notes: pick(evaluationNotes[o.predikat], r() * 7),
          });
          counts.evaluations++;
          items.push({ evaluationId: saved.evaluationId, version: saved.version });
        }
        if (draftsOnly || items.length === 0) return;
        boss.call('evaluation.finalizeMany', { items });
        counts.final += items.length;
      });
      if (draftsOnly) continue;
      team.forEach((plan, i) => {
        // In the latest period a few have not yet opened their result; the appellant acknowledges later (below).
        if (plan === appellant && p === latest) return;
        if (p === latest && i % 4 === 1) return;
        at(c.acknowledge, minutes('08:00', n + i * 3), () => {
          const me = as(plan.employee);
          const e = me.call('evaluation.get', { skpId: plan.skpId, period: p.code });
          if (e.status !== 'final' || !e.id || e.version === null) return;
          me.call('evaluation.acknowledge', { evaluationId: e.id, version: e.version });
          counts.acknowledged++;
        });
      });
    }
  }

  // 5. The period running today: realisasi drafts for most, some with a file, and this week's feedback.
  if (current) {
    const draftDay = backToWorkday(addDays(ctx.today, -2));
    for (const plan of plans) {
      if (!inPlan(plan, current)) continue;
      const kk = k++;
      if (random() < 0.6 && draftDay >= current.start) at(draftDay, minutes('09:00', kk % 400), () => report(plan, current, null, false, kk));
      if (random() < 0.3) feedback(plan, current, null, backToWorkday(addDays(ctx.today, -3)), kk);
    }
  }

  // 6. Dialogues in every state.
  let dialogues = 0;
  const dialogue = (plan: Plan, kind: 'pemantauan' | 'evaluasi', day: string, texts: typeof pemantauanDialogue | typeof evaluasiDialogue, finish: 'dikonfirmasi' | 'dicatat', byEmployee: boolean) => {
    at(day, '09:00', () => {
      const requester = byEmployee ? as(plan.employee) : as(plan.appraiser);
      let d = requester.call('dialogue.request', {
        kind,
        skpId: plan.skpId,
        ...(byEmployee ? {} : { employeeId: plan.employee.employeeId }),
        note: 'note' in texts ? texts.note : `Membahas hasil evaluasi dan rencana perbaikan.`,
      }).dialogue;
      const meet = workday(addDays(day, 2));
      d = as(plan.appraiser).call('dialogue.schedule', { dialogueId: d.id, version: d.version, scheduledAt: `${meet}T09:00:00+07:00`, place: `Ruang ${plan.unitName}`, agenda: texts.agenda }).dialogue;
      dialogues++;
      at(meet, '11:00', () => {
        let m = as(plan.appraiser).call('dialogue.record', {
          dialogueId: d.id,
          version: d.version,
          participants: `${plan.employee.name}; ${plan.appraiser.name}`,
          discussion: texts.discussion,
          employeeConcerns: texts.concerns,
          agreed: texts.agreed,
          actions: texts.actions.map((a, i) => ({ ...a, dueDate: workday(addDays(meet, 14 * (i + 1))) })),
        }).dialogue;
        if (finish === 'dicatat') return;
        m = as(plan.employee).call('dialogue.confirm', { dialogueId: m.id, version: m.version }).dialogue;
        as(plan.appraiser).call('dialogue.confirm', { dialogueId: m.id, version: m.version });
      });
    });
  };
  // Mid-year pemantauan, asked for by employees, one per unit group.
  const midYear = workday(`${year.year}-07-08`);
  if (h.isPast(wibTime(addDays(midYear, 7), '16:00'))) {
    const seen = new Set<string | null>();
    for (const plan of plans) {
      if (seen.has(plan.topUnit) || plan.topUnit === budUnit || plan === appellant || !inPlan(plan, { start: midYear, end: midYear } as Period)) continue;
      seen.add(plan.topUnit);
      dialogue(plan, 'pemantauan', midYear, pemantauanDialogue, 'dikonfirmasi', true);
    }
  }
  // After a Butuh Perbaikan in an earlier period, the appraiser asks for an evaluasi dialogue.
  const earlierBp = done
    .slice(0, -1)
    .flatMap((p) => plans.filter((plan) => plan !== appellant && plan.topUnit !== budUnit && outcomes.get(`${plan.skpId}|${p.code}`)?.predikat === 'butuh_perbaikan').map((plan) => ({ plan, p })))
    .at(-1);
  if (earlierBp) dialogue(earlierBp.plan, 'evaluasi', workday(addDays(cycle(earlierBp.p).evaluate, 2)), evaluasiDialogue, 'dikonfirmasi', false);
  // Held this week, minutes written, the employee has not confirmed yet.
  const recent = plans.find((plan) => plan !== appellant && plan !== earlierBp?.plan && plan.topUnit === sdUnit);
  const recentDay = backToWorkday(addDays(ctx.today, -5));
  if (recent && latest && recentDay > cycle(latest).acknowledge) dialogue(recent, 'pemantauan', recentDay, pemantauanDialogue, 'dicatat', false);

  // 7. The appeal: the appellant received the latest result a few days ago, objected the next day,
  //    and the appraiser has explained; the Sekretaris (the atasan) has yet to decide.
  let appealFiled = false;
  if (appellant && latest) {
    // Counted back from yesterday, so every step has happened whatever the weekday the seed runs on
    // (counting forward from the receipt put the explanation on today or later on some weekdays,
    // and the replay left it out). When the latest result is too recent for three working days,
    // the three happen on its first day, hours apart.
    const earliest = workday(addDays(cycle(latest).evaluate, 1));
    let explained = backToWorkday(addDays(ctx.today, -1));
    let filed = backToWorkday(addDays(explained, -1));
    let received = backToWorkday(addDays(filed, -1));
    if (received < earliest) received = filed = explained = earliest;
    at(received, '08:15', () => {
      const me = as(appellant.employee);
      const e = me.call('evaluation.get', { skpId: appellant.skpId, period: latest.code });
      if (e.status !== 'final' || !e.id || e.version === null) return;
      me.call('evaluation.acknowledge', { evaluationId: e.id, version: e.version });
      counts.acknowledged++;
      at(filed, '10:30', () => {
        const a = me.call('appeal.file', { evaluationId: e.id!, reasons: appealTexts.reasons }).appeal;
        appealFiled = true;
        at(explained, '14:00', () => {
          as(appellant.appraiser).call('appeal.explain', { appealId: a.id, version: a.version, explanation: appealTexts.appraiserExplanation });
        });
      });
    });
  }

  // 8. Requests still open: the demo staff member asks to discuss this month's results; a Kepala
  //    Seksi asks one of the team for a talk, scheduled for next week.
  const staf = users.get(ctx.people.staf?.employeeId ?? '');
  const yesterday = backToWorkday(addDays(ctx.today, -1));
  if (staf) {
    at(yesterday, '15:00', () => {
      const skp = as(staf).call('skp.list', { yearId: year.id }).skps[0];
      as(staf).call('dialogue.request', { kind: 'pemantauan', ...(skp ? { skpId: skp.id } : {}), note: requestNotes.pemantauanByEmployee });
      dialogues++;
    });
  }
  const kasiKur = users.get(ctx.people.kasiKurikulumSd?.employeeId ?? '');
  if (kasiKur) {
    // Someone the Kepala Seksi appraises today (a team member who has moved on since is not asked).
    const team = (core.q.prepare('SELECT employee_id FROM skps WHERE year_id = ? AND appraiser_employee_id = ? AND deleted_at IS NULL ORDER BY employee_name').all(year.id, kasiKur.employeeId) as { employee_id: string }[]).find(
      (t) => appraisalLink(core, kasiKur.employeeId, t.employee_id, core.now()) === 'penilai',
    );
    if (team) {
      at(yesterday, '10:00', () => {
        const d = as(kasiKur).call('dialogue.request', { kind: 'pemantauan', employeeId: team.employee_id, note: requestNotes.pemantauanByAppraiser }).dialogue;
        as(kasiKur).call('dialogue.schedule', { dialogueId: d.id, version: d.version, scheduledAt: `${workday(addDays(ctx.today, 3))}T09:00:00+07:00`, place: 'Ruang Seksi Kurikulum dan Penilaian SD', agenda: 'Kendala realisasi bulan berjalan' });
        dialogues++;
      });
    }
  }

  // Replay in time order, up to today: what lies ahead has not happened and is left out.
  try {
    queue.sort(later);
    for (cursor = 0; cursor < queue.length; cursor++) {
      const ev = queue[cursor]!;
      if (!h.isPast(ev.at)) break;
      h.set(ev.at);
      ev.run();
    }
  } finally {
    h.close();
  }
  const pending = plans.filter((p) => latest && outcomes.has(`${p.skpId}|${latest.code}`)).length - (latest ? (core.q.prepare("SELECT COUNT(*) AS n FROM evaluations WHERE year_id = ? AND period = ? AND status = 'final' AND deleted_at IS NULL").get(year.id, latest.code) as { n: number }).n : 0);
  ctx.log(
    `  Tahun ${year.year} sampai hari ini: ${done.length} periode selesai; ${counts.realisasi} laporan realisasi, ${counts.evidence} bukti dukung, ${counts.feedback} umpan balik, ${counts.final} penilaian final (${pending} menunggu pada ${latest?.label ?? '-'}), ${counts.acknowledged} diterima pegawai, ${dialogues} dialog kinerja${appealFiled ? ', 1 keberatan menunggu putusan' : ''}`,
  );
}

registerDemoStep({ name: 'Tahun berjalan: realisasi, umpan balik, dialog, penilaian dan keberatan', run: seedDemoYear });

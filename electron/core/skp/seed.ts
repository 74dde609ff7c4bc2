import type { SkpDetail } from '../../../shared/skp/commands';
import { perilakuCodes } from '../../../shared/skp/perilaku';
import { resolveChain } from '../people/appraisal';
import { OfficeSnapshot } from '../people/source';
import { registerDemoStep, type DemoContext } from '../seed/registry';
import { HistoricalCore, wibTime, workday } from '../seed/history';
import { actAs, type CliActor } from '../seed/session';
import { demoAnnex, expectationPool, leaderPlans, returnNotes, staffPlans, tambahanPool, type DemoPlan, type DemoRhk } from './demo-plans';

/**
 * Demo data (docs/spec/operations.md §9): this year's SKP for every demo employee, cascaded from the Kepala Dinas
 * down, in a mix of states. Everything goes through the real commands as the person who would do
 * it (the employee drafts and submits, the appraiser cascades, sets expectations, returns or
 * approves), so the workflow rules hold exactly as in use.
 *
 * States: most Disetujui; the Kasi Kurikulum SD's team and a few others Diajukan (so the demo
 * appraisers have an inbox); two others Draf; two Dikembalikan with a note; the demo `staf` Disetujui,
 * so her login shows a year of results, feedback and evaluations. The
 * Kepala Dinas's own SKP stays Diajukan: the Sekda approves it outside this office's app.
 *
 * Time: plans are written, submitted and decided in early January through a Core with a moved
 * clock (seed/history.ts), so approvals, skp_events and approved versions predate the evaluations
 * the evaluation step replays; only plans whose chain changed since (a transfer, a Plt) are made today.
 */
interface Person {
  employeeId: string;
  userId: string;
  name: string;
  position: string;
  appraiserId: string | null;
  children: Person[];
  plan: DemoPlan;
}

type Target = 'draf' | 'diajukan' | 'dikembalikan' | 'disetujui';

function planFor(position: string, n: number): DemoPlan {
  const base = position.replace(/^(Plt\.|Plh\.)\s*/, '');
  const plan = leaderPlans[base] ?? staffPlans[base];
  if (plan) {
    // Every third staff member also carries an extra duty (Tambahan, not linked upwards).
    if (!leaderPlans[base] && !plan.tambahan && plan.approach !== 'kualitatif' && n % 3 === 1) return { ...plan, tambahan: [tambahanPool[n % tambahanPool.length]!] };
    return plan;
  }
  return {
    utama: [
      {
        text: `Terlaksananya tugas ${base}`,
        supports: 0,
        indicators: [
          { aspek: 'kuantitas', text: 'Jumlah laporan pelaksanaan tugas', targetMin: 12, targetUnit: 'laporan' },
          { aspek: 'kualitas', text: 'Persentase laporan yang diterima tanpa revisi', targetMin: 90, targetUnit: 'persen' },
          { aspek: 'waktu', text: 'Ketepatan waktu penyampaian laporan', targetMin: 12, targetUnit: 'bulan' },
        ],
      },
    ],
  };
}

export function seedDemoSkp(ctx: DemoContext): void {
  const { core, admin } = ctx;
  const year = ctx.storyYear;

  // Plans are agreed in early January (the dialog kinerja at the start of the year): the step acts
  // through a second Core whose clock it moves to those days (seed/history.ts, as the evaluation
  // replay does), so created, submitted and approved dates, skp_events and the approved versions
  // read like the real year. Run in the first days of January, the moments lie ahead and
  // everything happens now instead.
  const janDays = { write: workday(`${year}-01-05`), submit: workday(`${year}-01-08`), decide: workday(`${year}-01-12`) };
  const h = HistoricalCore.open(core, wibTime(`${year}-01-02`));
  let historyOpen = true;
  const closeHistory = () => {
    if (historyOpen) h.close();
    historyOpen = false;
  };
  const inJanuary = h.isPast(wibTime(janDays.decide, '16:00'));

  const existing = admin.call('year.list', {}).years.find((y) => y.year === year);
  let yearId = existing?.id;
  if (!yearId && inJanuary) {
    h.set(wibTime(workday(`${year}-01-02`), '08:00'));
    yearId = h.as(admin.userId, admin.name).call('year.open', { year }).year.id;
  }
  yearId ??= admin.call('year.open', { year }).year.id;

  // Who appraises whom, today (the org the plans are written against); for a year already over
  // (a demo made early in the next year), as it stood on its last day.
  const orgDay = ctx.today < `${year}-12-31` ? ctx.today : `${year}-12-31`;
  const src = new OfficeSnapshot(core, ctx.officeId, orgDay);
  const janSrc = new OfficeSnapshot(core, ctx.officeId, janDays.write);
  const users = new Map(
    (core.q.prepare('SELECT id, employee_id FROM users WHERE deleted_at IS NULL').all() as { id: string; employee_id: string }[]).map((u) => [u.employee_id, u.id]),
  );
  const people = new Map<string, Person>();
  const sameInJanuary = new Set<string>();
  ctx.employeeIds.forEach((employeeId, n) => {
    const chain = resolveChain(src, employeeId, orgDay);
    const userId = users.get(employeeId);
    if (!chain.position || !userId) return;
    const jan = resolveChain(janSrc, employeeId, janDays.write);
    if (jan.position?.id === chain.position.id && jan.appraiser?.employeeId === chain.appraiser?.employeeId && jan.atasan?.employeeId === chain.atasan?.employeeId) {
      sameInJanuary.add(employeeId);
    }
    people.set(employeeId, {
      employeeId,
      userId,
      name: src.employee(employeeId)?.name ?? '',
      position: chain.position.name,
      appraiserId: chain.appraiser?.employeeId ?? null,
      children: [],
      plan: planFor(chain.position.name, n),
    });
  });
  const roots: Person[] = [];
  for (const p of people.values()) {
    const boss = p.appraiserId ? people.get(p.appraiserId) : undefined;
    if (boss) boss.children.push(p);
    else roots.push(p);
  }

  const actors = new Map<string, CliActor>();
  const now = (p: Person): CliActor => {
    let a = actors.get(p.employeeId);
    if (!a) {
      a = actAs(core, p.userId, p.name);
      actors.set(p.employeeId, a);
    }
    return a;
  };
  const past = (p: Person): CliActor => h.as(p.userId, p.name);

  try {
    // Top-down order. A plan is written in January when the person held the same position under the
    // same appraiser then, and so did everyone above them; the others (a mid-year transfer, the staff
    // of a post with a Plt since) write theirs today, against today's org, as before.
    const order: Person[] = [];
    const queue = roots.map((r) => ({ p: r, january: inJanuary }));
    const january = new Set<string>();
    while (queue.length) {
      const { p, january: parentJan } = queue.shift()!;
      order.push(p);
      const jan = parentJan && sameInJanuary.has(p.employeeId);
      if (jan) january.add(p.employeeId);
      queue.push(...p.children.map((c) => ({ p: c, january: jan })));
    }
    const early = order.filter((p) => january.has(p.employeeId));
    const late = order.filter((p) => !january.has(p.employeeId));
    const targets = chooseTargets(order, ctx);
    const plans = { returned: 0 };
    // The whole-order index keeps which plans get expectations the same as when all were written at once.
    const index = new Map(order.map((p, i) => [p.employeeId, i]));
    const ctxFor = (as: (p: Person) => CliActor, tick: (day: string, k: number) => void): Phase => ({ yearId: yearId!, people, as, tick, targets, plans, index });
    if (early.length) {
      let k = 0;
      const hist = ctxFor(past, (day, i) => h.set(wibTime(day, minutes('08:00', i))));
      writePlans(early, hist, janDays.write, () => k++);
      k = 0;
      decide(early, hist, janDays, () => k++);
    }
    // The real Core goes on only once the historical connection is closed (seed/history.ts).
    closeHistory();
    if (late.length) {
      const live = ctxFor(now, () => undefined);
      // Plans agreed in January hand their RHK down today to those who joined their team since.
      for (const p of early) cascadeDown(p, p.children.filter((c) => !january.has(c.employeeId)), live);
      writePlans(late, live, orgDay, () => 0);
      decide(late, live, { submit: ctx.today, decide: ctx.today }, () => 0);
    }
    ctx.log(
      `  SKP ${year}: ${order.length} rencana disusun dan diturunkan dari ${roots.map((r) => r.position).join(', ')}${early.length ? ` (${early.length} disepakati awal Januari)` : ''}`,
    );
    const c = admin.call('skp.monitor', { yearId }).counts;
    ctx.log(`  Status SKP: ${c.disetujui ?? 0} disetujui, ${c.diajukan ?? 0} diajukan, ${c.dikembalikan ?? 0} dikembalikan, ${c.draf ?? 0} draf`);
  } finally {
    for (const a of actors.values()) a.close();
    closeHistory();
  }
}

interface Phase {
  yearId: string;
  people: Map<string, Person>;
  as(p: Person): CliActor;
  /** Moves the historical clock to `day`, the k-th action of the day (a minute apart); a no-op today. */
  tick(day: string, k: number): void;
  targets: Map<string, Target>;
  plans: { returned: number };
  index: Map<string, number>;
}

/** `08:00` plus k minutes, within office hours (the last ones share 16:59). */
function minutes(base: string, k: number): string {
  const [hh, mm] = base.split(':').map(Number) as [number, number];
  const t = Math.min(hh * 60 + mm + k, 16 * 60 + 59);
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

/**
 * 1. Top-down: each person writes their plan (refining what their appraiser handed down), then
 *    hands their own Utama RHK down to the appraisees whose plans support them.
 */
function writePlans(order: Person[], ph: Phase, day: string, next: () => number): void {
  const members = new Set(order.map((p) => p.employeeId));
  for (const p of order) {
    ph.tick(day, next());
    writePlan(p, ph.as(p), ph.yearId, skpOf(ph, p));
    // Only to appraisees written in the same phase: the others' chain then was not this one.
    cascadeDown(p, p.children.filter((c) => members.has(c.employeeId)), ph);
  }
}

function skpOf(ph: Phase, p: Person): SkpDetail | null {
  const s = ph.as(p).call('skp.list', { yearId: ph.yearId }).skps[0];
  return s ? ph.as(p).call('skp.get', { skpId: s.id }) : null;
}

/** Hands p's Utama RHK down to the appraisees whose plans support them. */
function cascadeDown(p: Person, children: Person[], ph: Phase): void {
  if (children.length === 0) return;
  const utama = skpOf(ph, p)!.rhk.filter((r) => r.kind === 'utama');
  const groups = new Map<string, string[]>();
  for (const c of children) {
    const source = utama[Math.min(c.plan.utama[0]?.supports ?? 0, utama.length - 1)];
    if (source) groups.set(source.id, [...(groups.get(source.id) ?? []), c.employeeId]);
  }
  for (const [sourceRhkId, employeeIds] of groups) ph.as(p).call('skp.cascade', { sourceRhkId, employeeIds });
}

/** 2. The states: submit, expectations, return or approve, each by the right person. */
function decide(order: Person[], ph: Phase, days: { submit: string; decide: string }, next: () => number): void {
  const submitted: { p: Person; i: number; skpId: string; version: number }[] = [];
  order.forEach((p) => {
    const i = ph.index.get(p.employeeId)!;
    const target = ph.targets.get(p.employeeId) ?? 'disetujui';
    if (target === 'draf') return;
    const s = ph.as(p).call('skp.get', { skpId: ph.as(p).call('skp.list', { yearId: ph.yearId }).skps[0]!.id });
    ph.tick(days.submit, next());
    submitted.push({ p, i, skpId: s.id, version: ph.as(p).call('skp.submit', { skpId: s.id, version: s.version }).version });
  });
  for (const { p, i, skpId, version } of submitted) {
    const target = ph.targets.get(p.employeeId) ?? 'disetujui';
    const boss = p.appraiserId ? ph.people.get(p.appraiserId) : undefined;
    if (!boss) continue; // the head of office: the Sekda approves outside this app
    let v = version;
    ph.tick(days.decide, next());
    if (i % 2 === 0) {
      const codes = [perilakuCodes[i % 7]!, perilakuCodes[(i + 3) % 7]!];
      v = ph.as(boss).call('skp.setExpectations', { skpId, version: v, expectations: codes.map((c) => ({ valueCode: c, text: expectationPool[c] })) }).version;
    }
    if (target === 'diajukan') continue;
    if (target === 'dikembalikan') {
      ph.as(boss).call('skp.return', { skpId, version: v, note: returnNotes[ph.plans.returned++ % returnNotes.length]! });
      continue;
    }
    ph.as(boss).call('skp.approve', { skpId, version: v });
  }
}

/** Writes a person's plan into their SKP: refines the cascaded RHK, adds the others, the annex. */
function writePlan(p: Person, me: CliActor, yearId: string, current: SkpDetail | null): void {
  const s = current ?? me.call('skp.get', { skpId: me.call('skp.create', { yearId, approach: p.plan.approach ?? 'kuantitatif' }).skp.id });
  let v = s.version;
  if (p.plan.approach && s.approach !== p.plan.approach) v = me.call('skp.setApproach', { skpId: s.id, version: v, approach: p.plan.approach }).version;
  const parents = p.appraiserId ? me.call('skp.parentOptions', { skpId: s.id }).options.filter((o) => o.kind === 'utama') : [];
  const cascaded = s.rhk.filter((r) => r.parentRhkId);
  const save = (r: DemoRhk, kind: 'utama' | 'tambahan', id?: string, parentRhkId?: string | null) =>
    (v = me.call('skp.saveRhk', {
      skpId: s.id,
      version: v,
      rhk: { id, kind, text: r.text, parentRhkId: parentRhkId ?? null, pkReference: r.pk ?? null, indicators: r.indicators },
    }).version);
  p.plan.utama.forEach((r, k) => {
    // The first Utama RHK is the one the appraiser handed down: reword it rather than add a twin.
    const handed = k === 0 ? cascaded[0] : undefined;
    const parent = handed ? handed.parentRhkId : r.supports === undefined || parents.length === 0 ? null : parents[Math.min(r.supports, parents.length - 1)]!.id;
    save(r, 'utama', handed?.id, parent);
  });
  for (const r of p.plan.tambahan ?? []) save(r, 'tambahan');
  me.call('skp.saveAnnex', { skpId: s.id, version: v, ...demoAnnex });
}

/** A fixed, explainable mix of states (see the module comment). */
function chooseTargets(order: Person[], ctx: DemoContext): Map<string, Target> {
  const t = new Map<string, Target>();
  const key = (k: string) => ctx.people[k]?.employeeId;
  const staff = order.filter((p) => p.children.length === 0);
  const kasiKur = key('kasiKurikulumSd');
  for (const p of order) if (kasiKur && p.appraiserId === kasiKur) t.set(p.employeeId, 'diajukan');
  // The demo `staf` login shows a whole year at work (plan approved, results, feedback,
  // evaluations): the default target. Drafts are shown by two other staff members.
  // `staf` stays out of the picks as when she was a draft, so the others' states (who waits for
  // approval, which plans are drafts or returned) are the ones the tests and the guide expect.
  const free = staff.filter((p) => !t.has(p.employeeId) && p.employeeId !== key('admin') && p.employeeId !== key('staf'));
  const pick = (i: number) => free[Math.floor((i * free.length) / 9)];
  for (const [i, target] of [
    [1, 'draf'],
    [5, 'draf'],
    [3, 'dikembalikan'],
    [7, 'dikembalikan'],
    [2, 'diajukan'],
    [4, 'diajukan'],
    [6, 'diajukan'],
  ] as const) {
    const p = pick(i);
    if (p && !t.has(p.employeeId)) t.set(p.employeeId, target);
  }
  return t;
}

registerDemoStep({ name: 'SKP tahun berjalan (cascading dari Kepala Dinas)', run: seedDemoSkp });

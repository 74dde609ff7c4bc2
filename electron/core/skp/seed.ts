import type { SkpDetail } from '../../../shared/skp/commands';
import { perilakuCodes } from '../../../shared/skp/perilaku';
import { resolveChain } from '../people/appraisal';
import { OfficeSnapshot } from '../people/source';
import { registerDemoStep, type DemoContext } from '../seed/registry';
import { actAs, type CliActor } from '../seed/session';
import { demoAnnex, expectationPool, leaderPlans, returnNotes, staffPlans, tambahanPool, type DemoPlan, type DemoRhk } from './demo-plans';

/**
 * Demo data for issue 5: this year's SKP for every demo employee, cascaded from the Kepala Dinas
 * down, in a mix of states. Everything goes through the real commands as the person who would do
 * it (the employee drafts and submits, the appraiser cascades, sets expectations, returns or
 * approves), so the workflow rules hold exactly as in use.
 *
 * States: most Disetujui; the Kasi Kurikulum SD's team and a few others Diajukan (so the demo
 * appraisers have an inbox); the demo `staf` and two others Draf; two Dikembalikan with a note. The
 * Kepala Dinas's own SKP stays Diajukan: the Sekda approves it outside this office's app.
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
  const year = Number(ctx.today.slice(0, 4));
  const existing = admin.call('year.list', {}).years.find((y) => y.year === year);
  const yearId = existing?.id ?? admin.call('year.open', { year }).year.id;

  // Who appraises whom, today (the org the plans are written against).
  const src = new OfficeSnapshot(core, ctx.officeId, ctx.today);
  const users = new Map(
    (core.q.prepare('SELECT id, employee_id FROM users WHERE deleted_at IS NULL').all() as { id: string; employee_id: string }[]).map((u) => [u.employee_id, u.id]),
  );
  const people = new Map<string, Person>();
  ctx.employeeIds.forEach((employeeId, n) => {
    const chain = resolveChain(src, employeeId, ctx.today);
    const userId = users.get(employeeId);
    if (!chain.position || !userId) return;
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
  const as = (p: Person): CliActor => {
    let a = actors.get(p.employeeId);
    if (!a) {
      a = actAs(core, p.userId, p.name);
      actors.set(p.employeeId, a);
    }
    return a;
  };
  const skpOf = (p: Person): SkpDetail | null => {
    const s = as(p).call('skp.list', { yearId }).skps[0];
    return s ? as(p).call('skp.get', { skpId: s.id }) : null;
  };

  try {
    // 1. Top-down: each person writes their plan (refining what their appraiser handed down), then
    //    hands their own Utama RHK down to the appraisees whose plans support them.
    const order: Person[] = [];
    const queue = [...roots];
    while (queue.length) {
      const p = queue.shift()!;
      order.push(p);
      queue.push(...p.children);
      writePlan(p, as(p), yearId, skpOf(p));
      const mine = skpOf(p)!;
      const utama = mine.rhk.filter((r) => r.kind === 'utama');
      const groups = new Map<string, string[]>();
      for (const c of p.children) {
        const source = utama[Math.min(c.plan.utama[0]?.supports ?? 0, utama.length - 1)];
        if (source) groups.set(source.id, [...(groups.get(source.id) ?? []), c.employeeId]);
      }
      for (const [sourceRhkId, employeeIds] of groups) as(p).call('skp.cascade', { sourceRhkId, employeeIds });
    }
    ctx.log(`  SKP ${year}: ${order.length} rencana disusun dan diturunkan dari ${roots.map((r) => r.position).join(', ')}`);

    // 2. The states: submit, expectations, return or approve, each by the right person.
    const targets = chooseTargets(order, ctx);
    let returned = 0;
    order.forEach((p, i) => {
      const target = targets.get(p.employeeId) ?? 'disetujui';
      if (target === 'draf') return;
      const s = skpOf(p)!;
      let v = as(p).call('skp.submit', { skpId: s.id, version: s.version }).version;
      const boss = p.appraiserId ? people.get(p.appraiserId) : undefined;
      if (!boss) return; // the head of office: the Sekda approves outside this app
      if (i % 2 === 0) {
        const codes = [perilakuCodes[i % 7]!, perilakuCodes[(i + 3) % 7]!];
        v = as(boss).call('skp.setExpectations', { skpId: s.id, version: v, expectations: codes.map((c) => ({ valueCode: c, text: expectationPool[c] })) }).version;
      }
      if (target === 'diajukan') return;
      if (target === 'dikembalikan') {
        as(boss).call('skp.return', { skpId: s.id, version: v, note: returnNotes[returned++ % returnNotes.length]! });
        return;
      }
      as(boss).call('skp.approve', { skpId: s.id, version: v });
    });
    const c = admin.call('skp.monitor', { yearId }).counts;
    ctx.log(`  Status SKP: ${c.disetujui ?? 0} disetujui, ${c.diajukan ?? 0} diajukan, ${c.dikembalikan ?? 0} dikembalikan, ${c.draf ?? 0} draf`);
  } finally {
    for (const a of actors.values()) a.close();
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
  const stafKey = key('staf');
  if (stafKey) t.set(stafKey, 'draf');
  const free = staff.filter((p) => !t.has(p.employeeId) && p.employeeId !== key('admin'));
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

import { AppError, forbidden, notFound, ruleViolation } from '../../../shared/errors';
import { localDate } from '../../../shared/people/dates';
import type { SkpSnapshot } from '../../../shared/skp/commands';
import { type AuthedContext, type HandlerMap, type AuthedReadContext } from '../context';
import type { SkpsTable } from '../db/schema';
import { cascadeRhk, cascadeTree } from './cascade';
import { skpMonitor } from './monitor';
import { detailOf, snapshotOf } from './read';
import { headerSnapshot } from './snapshot';
import { assertAction, chainDate, createSkp, loadSkp, loadYear, recordEvent, summaryOf, touchSkp } from './service';
import { annexIds, approvedVersion, childRhkCount, employeeOfficeId, expectationsOf, indicatorsOfRhk, liveRhkById, nextRhkOrder, parentRhkOptions, rhkCount, rhkOwner, skpsOfEmployee, submittedTo } from './queries';
import { canSeeSkp, skpRelation } from '../access';

/** Approving stores the whole plan as a numbered version; later amendments never touch it. */
function approve(ctx: AuthedContext, s: SkpsTable, version: number): { version: number; versionNo: number } {
  assertAction(ctx, s, 'approve');
  const versionNo = s.approved_version + 1;
  const updated = touchSkp(ctx, s, version, { status: 'disetujui', approved_at: ctx.nowIso, approved_version: versionNo, amending: 0, return_note: null });
  ctx.write.insert('skp_versions', {
    skp_id: s.id,
    version_no: versionNo,
    approved_at: ctx.nowIso,
    approved_by_employee_id: ctx.actor.employeeId,
    note: s.amending ? 'Adendum' : null,
    snapshot: JSON.stringify(snapshotOf(ctx.core, updated)),
  });
  const onBehalf = s.appraiser_employee_id ? '' : ` (dicatat oleh Pengelola Kinerja atas persetujuan ${s.appraiser_name})`;
  recordEvent(ctx, s, 'setujui', 'disetujui', `Versi ${versionNo}${onBehalf}`);
  return { version: updated.version, versionNo };
}

function editable(ctx: AuthedReadContext, skpId: string): SkpsTable {
  const s = loadSkp(ctx.core, skpId);
  assertAction(ctx, s, 'edit');
  return s;
}

export const skpHandlers: HandlerMap<
  | 'skp.list'
  | 'skp.get'
  | 'skp.create'
  | 'skp.setApproach'
  | 'skp.saveRhk'
  | 'skp.removeRhk'
  | 'skp.saveAnnex'
  | 'skp.setExpectations'
  | 'skp.submit'
  | 'skp.return'
  | 'skp.approve'
  | 'skp.approveMany'
  | 'skp.amend'
  | 'skp.compare'
  | 'skp.parentOptions'
  | 'skp.cascade'
  | 'skp.cascadeTree'
  | 'skp.inbox'
  | 'skp.monitor'
> = {
  'skp.list': (ctx, input) => {
    const employeeId = input.employeeId ?? ctx.actor.employeeId;
    const rows = skpsOfEmployee(ctx.core, employeeId, input.yearId);
    // Row access: only the SKP this caller may see (own, appraisee's, office's).
    if (employeeId !== ctx.actor.employeeId && rows.length === 0) {
      const officeId = employeeOfficeId(ctx.core, employeeId);
      if (!officeId) throw notFound('Pegawai');
      if (!(ctx.actor.roles.has('pengelola') && officeId === ctx.actor.officeId) && !ctx.actor.roles.has('admin_pusat')) throw forbidden();
    }
    const visible = rows.filter((s) => canSeeSkp(ctx.actor, s));
    if (rows.length > 0 && visible.length === 0) throw forbidden();
    return { skps: visible.map((s) => summaryOf(ctx.core, s)) };
  },

  'skp.get': (ctx, input) => {
    return detailOf(ctx, loadSkp(ctx.core, input.skpId));
  },

  'skp.create': (ctx, input) => {
    const employeeId = input.employeeId ?? ctx.actor.employeeId;
    if (employeeId !== ctx.actor.employeeId && !ctx.actor.roles.has('pengelola')) {
      throw forbidden('SKP dibuat oleh pegawai sendiri (atau oleh Pengelola Kinerja atas namanya).');
    }
    const year = loadYear(ctx.core, ctx.actor.officeId, input.yearId);
    if (year.status === 'ditutup') throw ruleViolation(`Tahun Penilaian ${year.year} sudah ditutup.`);
    const s = createSkp(ctx, ctx.actor.officeId, { year, employeeId, approach: input.approach, copyFromSkpId: input.copyFromSkpId });
    recordEvent(ctx, { ...s, status: 'draf' }, input.copyFromSkpId ? 'salin' : 'buat', 'draf');
    return { skp: summaryOf(ctx.core, s) };
  },

  'skp.setApproach': (ctx, input) => {
    const s = editable(ctx, input.skpId);
    return { version: touchSkp(ctx, s, input.version, { approach: input.approach }).version };
  },

  'skp.saveRhk': (ctx, input) => {
    const s = editable(ctx, input.skpId);
    const r = input.rhk;
    if (r.parentRhkId) {
      // The superior's RHK must belong to this employee's appraiser in the same year.
      const parent = rhkOwner(ctx.core, r.parentRhkId);
      if (!parent) throw new AppError('VALIDATION', 'RHK pimpinan yang dipilih tidak ditemukan.', { fields: { 'rhk.parentRhkId': 'Tidak ditemukan.' } });
      if (parent.year_id !== s.year_id || parent.employee_id !== s.appraiser_employee_id) {
        throw ruleViolation('RHK yang diintervensi harus RHK milik Pejabat Penilai Anda pada tahun yang sama.');
      }
    }
    if (s.is_jpt === 1 && r.parentRhkId) throw ruleViolation('SKP JPT memakai RHK dari Perjanjian Kinerja, bukan RHK pimpinan yang diintervensi.');
    for (const [n, ind] of r.indicators.entries()) {
      if (s.is_jpt === 1 && !ind.perspektif) {
        throw new AppError('VALIDATION', `Indikator ${n + 1}: pilih perspektif (SKP JPT).`, { fields: { [`rhk.indicators.${n}.perspektif`]: 'Pilih perspektif.' } });
      }
      if (s.is_jpt === 0 && !ind.aspek) {
        throw new AppError('VALIDATION', `Indikator ${n + 1}: pilih aspek (Kuantitas, Kualitas, Waktu atau Biaya).`, {
          fields: { [`rhk.indicators.${n}.aspek`]: 'Pilih aspek.' },
        });
      }
      const hasNumber = ind.targetMin != null || ind.targetMax != null;
      if (s.approach === 'kuantitatif' && !hasNumber) {
        throw new AppError('VALIDATION', `Indikator ${n + 1}: pendekatan kuantitatif memerlukan target berupa angka.`, {
          fields: { [`rhk.indicators.${n}.targetMin`]: 'Isi target angka.' },
        });
      }
      if (s.approach === 'kualitatif' && !ind.targetText?.trim()) {
        throw new AppError('VALIDATION', `Indikator ${n + 1}: pendekatan kualitatif memerlukan target berupa uraian.`, {
          fields: { [`rhk.indicators.${n}.targetText`]: 'Uraikan target.' },
        });
      }
    }
    let rhkId = r.id;
    const values = { kind: r.kind, text: r.text, parent_rhk_id: r.parentRhkId ?? null, pk_reference: r.pkReference ?? null };
    if (rhkId) {
      const existing = liveRhkById(ctx.core, rhkId);
      if (!existing || existing.skp_id !== s.id) throw notFound('RHK');
      ctx.write.update('skp_rhk', rhkId, { ...values, order_no: r.orderNo ?? existing.order_no });
    } else {
      rhkId = ctx.write.insert('skp_rhk', { skp_id: s.id, ...values, order_no: r.orderNo ?? nextRhkOrder(ctx.core, s.id) }).id;
    }
    // Indicators: update those sent with an id, add new ones, tombstone the rest.
    const current = indicatorsOfRhk(ctx.core, rhkId);
    const keep = new Set<string>();
    r.indicators.forEach((ind, order) => {
      const v = {
        aspek: s.is_jpt ? null : (ind.aspek ?? null),
        perspektif: s.is_jpt ? (ind.perspektif ?? null) : null,
        text: ind.text,
        target_min: ind.targetMin ?? null,
        target_max: ind.targetMax ?? null,
        target_unit: ind.targetUnit || null,
        target_text: ind.targetText || null,
        order_no: order,
      };
      if (ind.id && current.some((c2) => c2.id === ind.id)) {
        keep.add(ind.id);
        ctx.write.update('skp_indicators', ind.id, v);
      } else {
        ctx.write.insert('skp_indicators', { skp_id: s.id, rhk_id: rhkId!, ...v });
      }
    });
    for (const old of current) if (!keep.has(old.id)) ctx.write.remove('skp_indicators', old.id);
    return { rhkId: rhkId!, version: touchSkp(ctx, s, input.version).version };
  },

  'skp.removeRhk': (ctx, input) => {
    const s = editable(ctx, input.skpId);
    const r = liveRhkById(ctx.core, input.rhkId);
    if (!r || r.skp_id !== s.id) throw notFound('RHK');
    const children = childRhkCount(ctx.core, r.id);
    if (children > 0) {
      throw ruleViolation(`RHK ini sudah diturunkan ke ${children} RHK pegawai yang Anda nilai; lepaskan kaitan itu lebih dulu.`);
    }
    for (const i of indicatorsOfRhk(ctx.core, r.id)) {
      ctx.write.remove('skp_indicators', i.id);
    }
    ctx.write.remove('skp_rhk', r.id);
    return { version: touchSkp(ctx, s, input.version).version };
  },

  'skp.saveAnnex': (ctx, input) => {
    const s = editable(ctx, input.skpId);
    for (const old of annexIds(ctx.core, s.id)) {
      ctx.write.remove('skp_annex', old.id);
    }
    for (const kind of ['dukungan_sumber_daya', 'skema_pertanggungjawaban', 'konsekuensi'] as const) {
      input[kind].forEach((text, order) => ctx.write.insert('skp_annex', { skp_id: s.id, kind, text, order_no: order }));
    }
    return { version: touchSkp(ctx, s, input.version).version };
  },

  'skp.setExpectations': (ctx, input) => {
    const s = loadSkp(ctx.core, input.skpId);
    if (skpRelation(ctx.actor, s) !== 'penilai') throw ruleViolation('Hanya Pejabat Penilai Kinerja pegawai ini yang dapat menetapkan Ekspektasi Khusus Pimpinan.');
    if (s.status === 'disetujui') throw ruleViolation('SKP sudah disetujui; ubah ekspektasi melalui adendum.');
    const existing = expectationsOf(ctx.core, s.id);
    for (const e of input.expectations) {
      const old = existing.find((x) => x.value_code === e.valueCode);
      if (!e.text) {
        if (old) ctx.write.remove('skp_expectations', old.id);
      } else if (old) {
        ctx.write.update('skp_expectations', old.id, { text: e.text });
      } else {
        ctx.write.insert('skp_expectations', { skp_id: s.id, value_code: e.valueCode, text: e.text });
      }
    }
    return { version: touchSkp(ctx, s, input.version).version };
  },

  'skp.submit': (ctx, input) => {
    const s = loadSkp(ctx.core, input.skpId);
    assertAction(ctx, s, 'submit');
    if (rhkCount(ctx.core, s.id, 'utama') === 0) throw ruleViolation('SKP belum memiliki RHK Utama. Tambahkan sedikitnya satu RHK Utama beserta indikatornya sebelum mengajukan.');
    // The header is refreshed up to submission (the appraiser may have changed since drafting).
    const year = loadYear(ctx.core, s.office_id, s.year_id);
    const header = s.amending ? null : headerSnapshot(ctx.core, s.office_id, s.employee_id, chainDate(year, ctx.now));
    if (header && !header.appraiser_name) {
      throw ruleViolation('Pejabat Penilai Anda belum dapat ditentukan dari data jabatan. Minta Pengelola Kinerja memperbaiki data jabatan atau menetapkan penilai khusus.');
    }
    const updated = touchSkp(ctx, s, input.version, { ...(header ?? {}), status: 'diajukan', submitted_at: ctx.nowIso });
    recordEvent(ctx, s, 'ajukan', 'diajukan');
    return { version: updated.version };
  },

  'skp.return': (ctx, input) => {
    const s = loadSkp(ctx.core, input.skpId);
    assertAction(ctx, s, 'return');
    const updated = touchSkp(ctx, s, input.version, { status: 'dikembalikan', return_note: input.note });
    recordEvent(ctx, s, 'kembalikan', 'dikembalikan', input.note);
    return { version: updated.version };
  },

  'skp.approve': (ctx, input) => {
    return approve(ctx, loadSkp(ctx.core, input.skpId), input.version);
  },

  'skp.approveMany': (ctx, input) => {
    for (const item of input.items) {
      const s = loadSkp(ctx.core, item.skpId);
      try {
        approve(ctx, s, item.version);
      } catch (err) {
        if (err instanceof AppError) {
          throw new AppError(err.code, `SKP ${s.employee_name}: ${err.message} Tidak ada SKP yang disetujui.`, { details: { skpId: s.id } });
        }
        throw err;
      }
    }
    return { approved: input.items.length };
  },

  'skp.amend': (ctx, input) => {
    const s = loadSkp(ctx.core, input.skpId);
    assertAction(ctx, s, 'amend');
    const updated = touchSkp(ctx, s, input.version, { status: 'draf', amending: 1 });
    recordEvent(ctx, s, 'adendum', 'draf', input.reason);
    return { version: updated.version };
  },

  'skp.compare': (ctx, input) => {
    const s = loadSkp(ctx.core, input.skpId);
    if (!canSeeSkp(ctx.actor, s)) throw forbidden();
    const load = (n: number): { snap: SkpSnapshot; label: string } => {
      if (n === 0) return { snap: snapshotOf(ctx.core, s), label: 'Isi saat ini' };
      const v = approvedVersion(ctx.core, s.id, n);
      if (!v) throw notFound(`Versi ${n}`);
      return { snap: JSON.parse(v.snapshot) as SkpSnapshot, label: `Versi ${n} (disetujui ${localDate(new Date(v.approved_at))})` };
    };
    const a = load(input.from);
    const b = load(input.to);
    return { from: a.snap, to: b.snap, fromLabel: a.label, toLabel: b.label };
  },

  'skp.parentOptions': (ctx, input) => {
    const s = loadSkp(ctx.core, input.skpId);
    if (!canSeeSkp(ctx.actor, s)) throw forbidden();
    if (!s.appraiser_employee_id) return { appraiserName: s.appraiser_name, options: [] };
    const options = parentRhkOptions(ctx.core, s.appraiser_employee_id, s.year_id);
    return { appraiserName: s.appraiser_name, options };
  },

  'skp.cascade': (c, input) => cascadeRhk(c, input.sourceRhkId, input.employeeIds),
  'skp.cascadeTree': (c, input) => cascadeTree(c, input.yearId, input.rootEmployeeId),

  'skp.inbox': (ctx, input) => {
    const rows = submittedTo(ctx.core, ctx.actor.employeeId, input.yearId);
    return { skps: rows.map((s) => summaryOf(ctx.core, s)) };
  },

  'skp.monitor': (c, input) => skpMonitor(c, input.yearId, input.scope, input.unitId),
};

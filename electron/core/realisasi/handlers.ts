import fs from 'node:fs';
import { AppError, forbidden, notFound, ruleViolation } from '../../../shared/errors';
import { periodsOf } from '../../../shared/evaluation/periods';
import type { Evidence, RealisasiRow, RemovedIndicator } from '../../../shared/realisasi/commands';
import { negativeRefusal, type Indicator, type Rhk } from '../../../shared/skp/commands';
import { contentMatchesExtension, evidenceNameRefusal, evidenceTypes, extensionOf, maxEvidenceBytes } from '../../../shared/realisasi/evidence-rules';
import { type Actor, type AuthedContext, type HandlerMap, type AuthedReadContext } from '../context';
import type { Core } from '../core';
import type { EvidenceTable, PeriodReportsTable, RealisasiTable } from '../db/schema';
import type { SkpsTable } from '../db/schema';
import { judgedPlanOf } from '../evaluation/judged-plan';
import { requireApprovedPlan, skpPeriod } from '../evaluation/period-context';
import { rhkOf } from '../skp/read';
import { indicatorOut, loadSkp } from '../skp/service';
import { canReportRealisasi, canSeeRealisasi } from '../access';
import { yearById } from '../skp/queries';
import { evidencePath, storeEvidence } from './evidence-store';
import {
  evaluationOfPeriod,
  evidenceOf,
  filledIndicators,
  hasFinalEvaluation,
  incomingReports,
  indicatorOfSkp,
  liveEvidence,
  periodReportOf,
  realisasiOf,
  realisasiOnIndicator,
  reportStatuses,
  rhkById,
} from './queries';


export function evidenceOut(e: EvidenceTable): Evidence {
  return {
    id: e.id,
    indicatorId: e.indicator_id,
    kind: e.kind,
    title: e.title,
    fileName: e.file_name,
    mimeType: e.mime_type,
    size: e.size,
    url: e.url,
    createdAt: e.created_at,
  };
}

export function periodReport(ctx: AuthedReadContext, skpId: string, period: string): PeriodReportsTable | undefined {
  return periodReportOf(ctx.core, skpId, period);
}

function isEvaluationFinal(ctx: AuthedReadContext, skpId: string, period: string): boolean {
  return hasFinalEvaluation(ctx.core, skpId, period);
}

/** One indicator with its target and what was reported on it for the period (value, notes, evidence). */
function reportedOn(i: Indicator, v: RealisasiTable | undefined, evidence: EvidenceTable[]): Omit<RealisasiRow, 'rhkId' | 'rhkKind' | 'rhkText'> {
  return {
    indicatorId: i.id,
    indicatorText: i.text,
    aspek: i.aspek,
    perspektif: i.perspektif,
    targetLabel: i.targetLabel,
    value: v?.value ?? null,
    description: v?.description ?? null,
    notes: v?.notes ?? null,
    evidence: evidence.filter((e) => e.indicator_id === i.id).map(evidenceOut),
    version: v?.version ?? null,
  };
}

/**
 * Every indicator of the plan with its target and what was reported for the period. The plan is
 * the SKP's live RHK unless the caller passes another: a final period's evaluation passes the
 * approved version it judged (evaluation/judged-plan.ts), whose indicator ids the realisasi keeps.
 */
export function realisasiRows(ctx: AuthedReadContext, skp: SkpsTable, period: string, rhk: Rhk[] = rhkOf(ctx.core, skp.id)): RealisasiRow[] {
  const values = new Map(realisasiOf(ctx.core, skp.id, period).map((r) => [r.indicator_id, r]));
  const evidence = evidenceOf(ctx.core, skp.id, period);
  const rows: RealisasiRow[] = [];
  for (const r of rhk) {
    for (const i of r.indicators) {
      rows.push({ rhkId: r.id, rhkKind: r.kind, rhkText: r.text, ...reportedOn(i, values.get(i.id), evidence) });
    }
  }
  return rows;
}

/**
 * Evidence uploaded for the period without choosing an indicator (addEvidence allows it). Shown
 * beside the rows by realisasi.get and evaluation.get, after the same row check as the rows.
 */
export function generalEvidenceOf(ctx: AuthedReadContext, skpId: string, period: string): Evidence[] {
  return evidenceOf(ctx.core, skpId, period, 'general').map(evidenceOut);
}

/**
 * The plan a period is reported against: the one its evaluation judges (judgedPlanOf). While an
 * amendment of the SKP is drafted, submitted or returned, that is the last approved version, not
 * the unapproved rows: realisasi is reported on the agreed targets, and an indicator the draft
 * amendment deletes is not "removed" until the amendment is approved.
 */
function reportedPlan(ctx: AuthedReadContext, skp: SkpsTable, period: string): { rhk: Rhk[]; locked: boolean; indicatorIds: Set<string> } {
  const evaluation = evaluationOfPeriod(ctx.core, skp.id, period);
  const rhk = judgedPlanOf(ctx.core, skp, evaluation).plan.rhk;
  return { rhk, locked: evaluation?.status === 'final', indicatorIds: new Set(rhk.flatMap((r) => r.indicators.map((i) => i.id))) };
}

/**
 * Realisasi and evidence of the period recorded on indicators that are not among `rows` (the plan
 * shown): an approved amendment removed the indicator or its RHK after the employee reported on
 * it. They are answered apart, with the indicator's own text (its row is kept, soft-deleted), so a
 * screen never silently drops what was recorded. Callers check row access first, as for the rows.
 * An empty realisasi row without evidence is nothing to show.
 */
export function removedIndicatorsOf(ctx: AuthedReadContext, skpId: string, period: string, rows: RealisasiRow[]): RemovedIndicator[] {
  const shown = new Set(rows.map((r) => r.indicatorId));
  const values = realisasiOf(ctx.core, skpId, period).filter((r) => !shown.has(r.indicator_id));
  const evidence = evidenceOf(ctx.core, skpId, period, 'onIndicator').filter((e) => !shown.has(e.indicator_id!));
  const ids = [
    ...new Set([
      ...values.filter((v) => v.value !== null || (v.description ?? '') !== '' || (v.notes ?? '') !== '').map((v) => v.indicator_id),
      ...evidence.map((e) => e.indicator_id!),
    ]),
  ];
  const out: (RemovedIndicator & { order: [number, number] })[] = [];
  for (const id of ids) {
    const i = indicatorOfSkp(ctx.core, id, skpId);
    // An id that was never an indicator of this SKP (data from elsewhere) is not shown as its own.
    if (!i) continue;
    const r = rhkById(ctx.core, i.rhk_id);
    out.push({
      rhkText: r?.text ?? null,
      ...reportedOn(indicatorOut(i), values.find((x) => x.indicator_id === id), evidence),
      order: [r?.order_no ?? 0, i.order_no],
    });
  }
  return out.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]).map(({ order: _o, ...rest }) => rest);
}

export interface EvidenceFile {
  /** Inside `<data>/evidence/`, derived from the stored hash only (never from the request). */
  path: string;
  fileName: string;
  mimeType: string;
  size: number;
}

/**
 * An evidence file for download (HTTP `GET /api/files/evidence/:id`, electron/server/files.ts), for
 * a signed-in actor, after the same check as realisasi.get. Links, removed evidence and unknown
 * ids are NOT_FOUND.
 */
export function evidenceFileFor(core: Core, actor: Actor, evidenceId: string): EvidenceFile {
  const e = liveEvidence(core, evidenceId);
  if (!e || e.kind !== 'file' || !e.sha256 || !e.file_name) throw notFound('Bukti dukung');
  if (!canSeeRealisasi(actor, loadSkp(core, e.skp_id))) throw forbidden();
  const file = evidencePath(core.dataDir, e.sha256);
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw notFound('Berkas bukti dukung di folder data');
  }
  return { path: file, fileName: e.file_name, mimeType: e.mime_type ?? 'application/octet-stream', size };
}

/**
 * The owner edits a period's report until it is sent, never once its evaluation is final, and
 * never in a closed Tahun Penilaian (what realisasi.get's canEdit tells the screen).
 */
function assertOwnerCanEdit(ctx: AuthedReadContext, skp: SkpsTable, period: string): void {
  if (!canReportRealisasi(ctx.actor, skp)) throw forbidden('Hanya pegawai pemilik SKP yang melaporkan realisasinya.');
  requireApprovedPlan(skp);
  const year = yearById(ctx.core, skp.year_id);
  if (year?.status === 'ditutup') throw ruleViolation(`Tahun Penilaian ${year.year} sudah ditutup; realisasinya tidak dapat diubah lagi.`);
  if (isEvaluationFinal(ctx, skp.id, period)) throw ruleViolation('Penilaian periode ini sudah final; realisasinya tidak dapat diubah lagi.');
  if (periodReport(ctx, skp.id, period)?.status === 'diajukan') {
    throw ruleViolation('Realisasi periode ini sudah dikirim kepada Pejabat Penilai dan tidak dapat diubah lagi.');
  }
}

function ensureReport(ctx: AuthedContext, skp: SkpsTable, period: string): PeriodReportsTable {
  return (
    periodReport(ctx, skp.id, period) ??
    ctx.write.insert('period_reports', { skp_id: skp.id, employee_id: skp.employee_id, period, status: 'draf', submitted_at: null })
  );
}

function decodeFile(name: string, contentBase64: string): Buffer {
  const nameRefusal = evidenceNameRefusal(name);
  if (nameRefusal) throw new AppError('VALIDATION', nameRefusal, { fields: { 'file.name': nameRefusal } });
  // Refuse by size before decoding: base64 is 4/3 of the bytes.
  if (contentBase64.length > Math.ceil((maxEvidenceBytes * 4) / 3) + 4) {
    throw new AppError('VALIDATION', 'Berkas melebihi 20 MB. Perkecil berkas (misalnya pindai dengan resolusi lebih rendah) lalu unggah lagi.', {
      fields: { file: 'Maksimal 20 MB.' },
    });
  }
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(contentBase64)) throw new AppError('VALIDATION', 'Isi berkas rusak (bukan base64).', { fields: { file: 'Isi berkas rusak.' } });
  const content = Buffer.from(contentBase64, 'base64');
  if (content.length > maxEvidenceBytes) {
    throw new AppError('VALIDATION', 'Berkas melebihi 20 MB. Perkecil berkas lalu unggah lagi.', { fields: { file: 'Maksimal 20 MB.' } });
  }
  if (content.length === 0) throw new AppError('VALIDATION', 'Berkas kosong.', { fields: { file: 'Berkas kosong.' } });
  if (!contentMatchesExtension(extensionOf(name), content.subarray(0, 8))) {
    throw new AppError('VALIDATION', `Isi berkas tidak sesuai dengan jenisnya (.${extensionOf(name)}). Unggah berkas asli, bukan berkas yang diganti namanya.`, {
      fields: { file: 'Isi tidak sesuai jenis berkas.' },
    });
  }
  return content;
}

/** A realisasi changed (or first recorded) by another tab or device since the caller read it. */
function staleRealisasi(n: number, currentVersion: number | null): AppError {
  return new AppError('CONFLICT', 'Realisasi periode ini telah diubah di tempat lain. Muat ulang lalu ulangi perubahan Anda.', {
    details: { currentVersion, entry: n },
  });
}

export const realisasiHandlers: HandlerMap<
  'realisasi.get' | 'realisasi.save' | 'realisasi.submit' | 'realisasi.withdraw' | 'realisasi.addEvidence' | 'realisasi.removeEvidence' | 'realisasi.incoming'
> = {
  'realisasi.get': (ctx, input) => {
    const { skp, year, period } = skpPeriod(ctx.core, input.skpId, input.period);
    if (!canSeeRealisasi(ctx.actor, skp)) throw forbidden();
    const report = periodReport(ctx, skp.id, period.code);
    // A locked period shows the indicators its evaluation judged, even after an amendment; an open
    // one the approved plan in force.
    const plan = reportedPlan(ctx, skp, period.code);
    const locked = plan.locked;
    const rows = realisasiRows(ctx, skp, period.code, plan.rhk);
    const statuses = new Map(reportStatuses(ctx.core, skp.id).map((r) => [r.period, r.status]));
    return {
      skpId: skp.id,
      employeeId: skp.employee_id,
      employeeName: skp.employee_name,
      period: period.code,
      periodLabel: period.label,
      status: report?.status ?? 'belum',
      submittedAt: report?.submitted_at ?? null,
      approach: skp.approach,
      rows,
      generalEvidence: generalEvidenceOf(ctx, skp.id, period.code),
      removedIndicators: removedIndicatorsOf(ctx, skp.id, period.code, rows),
      locked,
      canEdit:
        skp.employee_id === ctx.actor.employeeId && skp.approved_version > 0 && !locked && report?.status !== 'diajukan' && year.status === 'terbuka',
      periods: periodsOf(year.year, year.cadence)
        .filter((p) => !(p.end < skp.period_start || p.start > skp.period_end))
        .map((p) => ({ code: p.code, label: p.label, status: statuses.get(p.code) ?? ('belum' as const) })),
    };
  },

  'realisasi.save': (ctx, input) => {
    const { skp, period } = skpPeriod(ctx.core, input.skpId, input.period);
    assertOwnerCanEdit(ctx, skp, period.code);
    const plan = reportedPlan(ctx, skp, period.code);
    const indicators = plan.indicatorIds;
    const aspekOf = new Map(plan.rhk.flatMap((r) => r.indicators.map((i) => [i.id, i.aspek] as const)));
    input.entries.forEach((e, n) => {
      const why = negativeRefusal(aspekOf.get(e.indicatorId), e.value);
      if (why) throw new AppError('VALIDATION', `Baris ${n + 1}: ${why}`, { fields: { [`entries.${n}.value`]: why } });
    });
    ensureReport(ctx, skp, period.code);
    let saved = 0;
    const rows: { indicatorId: string; version: number }[] = [];
    input.entries.forEach((e, n) => {
      if (!indicators.has(e.indicatorId)) {
        throw new AppError('VALIDATION', `Baris ${n + 1}: indikator bukan bagian dari SKP ini.`, { fields: { [`entries.${n}.indicatorId`]: 'Bukan indikator SKP ini.' } });
      }
      const values = { value: e.value ?? null, description: e.description || null, notes: e.notes || null };
      const existing = realisasiOnIndicator(ctx.core, e.indicatorId, period.code);
      // The caller saw no realisasi (null) or this version: anything else was saved meanwhile.
      if ((existing?.version ?? null) !== e.version) throw staleRealisasi(n, existing?.version ?? null);
      const row = existing
        ? ctx.write.update('realisasi', existing.id, values, e.version ?? undefined, 'Realisasi')
        : ctx.write.insert('realisasi', { skp_id: skp.id, indicator_id: e.indicatorId, period: period.code, ...values });
      rows.push({ indicatorId: e.indicatorId, version: row.version });
      saved++;
    });
    return { saved, rows };
  },

  'realisasi.submit': (ctx, input) => {
    const { skp, period } = skpPeriod(ctx.core, input.skpId, input.period);
    assertOwnerCanEdit(ctx, skp, period.code);
    // Only values on the plan's indicators count: one left on an indicator since removed is not a report.
    const indicators = reportedPlan(ctx, skp, period.code).indicatorIds;
    const filled = filledIndicators(ctx.core, skp.id, period.code).filter((r) => indicators.has(r.indicator_id));
    if (filled.length === 0) throw ruleViolation(`Belum ada realisasi yang diisi untuk ${period.label}. Isi capaian sedikitnya satu indikator sebelum mengirim.`);
    const report = ensureReport(ctx, skp, period.code);
    ctx.write.update('period_reports', report.id, { status: 'diajukan', submitted_at: ctx.nowIso });
    return { submittedAt: ctx.nowIso };
  },

  // Sent too early or with a mistake: the owner takes the report back while the appraiser has not
  // started judging it (no evaluation row for the period yet, not even a draft). Once judging has
  // begun, a correction goes through the appraiser (feedback) instead, so their draft never judges
  // a report that changed under it.
  'realisasi.withdraw': (ctx, input) => {
    const { skp, year, period } = skpPeriod(ctx.core, input.skpId, input.period);
    if (!canReportRealisasi(ctx.actor, skp)) throw forbidden('Hanya pegawai pemilik SKP yang dapat menarik kembali realisasinya.');
    if (year.status === 'ditutup') throw ruleViolation(`Tahun Penilaian ${year.year} sudah ditutup; realisasinya tidak dapat ditarik kembali.`);
    const report = periodReport(ctx, skp.id, period.code);
    if (report?.status !== 'diajukan') throw ruleViolation(`Realisasi ${period.label} belum dikirim; tidak ada yang perlu ditarik kembali.`);
    const judging = ctx.core.q.first(
      ctx.core.db.selectFrom('evaluations').select('status').where('skp_id', '=', skp.id).where('period', '=', period.code).where('deleted_at', 'is', null),
    );
    if (judging) {
      throw ruleViolation(
        judging.status === 'final'
          ? `Penilaian ${period.label} sudah final; realisasinya tidak dapat ditarik kembali.`
          : `Pejabat Penilai sudah mulai menilai realisasi ${period.label}; realisasi tidak dapat ditarik kembali. Sampaikan perbaikannya lewat umpan balik.`,
      );
    }
    ctx.write.update('period_reports', report.id, { status: 'draf', submitted_at: null });
    return { ok: true as const };
  },

  'realisasi.addEvidence': (ctx, input) => {
    const { skp, period } = skpPeriod(ctx.core, input.skpId, input.period);
    assertOwnerCanEdit(ctx, skp, period.code);
    if (!!input.file === !!input.link) throw new AppError('VALIDATION', 'Pilih satu: unggah berkas atau isi tautan.', { fields: { file: 'Unggah berkas atau isi tautan.' } });
    if (input.indicatorId) {
      const ok = reportedPlan(ctx, skp, period.code).indicatorIds.has(input.indicatorId);
      if (!ok) throw new AppError('VALIDATION', 'Indikator bukan bagian dari SKP ini.', { fields: { indicatorId: 'Bukan indikator SKP ini.' } });
    }
    let row: EvidenceTable;
    if (input.file) {
      const content = decodeFile(input.file.name, input.file.contentBase64);
      const sha = storeEvidence(ctx.core.dataDir, content);
      row = ctx.write.insert('evidence', {
        skp_id: skp.id,
        indicator_id: input.indicatorId ?? null,
        period: period.code,
        kind: 'file',
        title: input.title || input.file.name,
        sha256: sha,
        file_name: input.file.name,
        mime_type: evidenceTypes[extensionOf(input.file.name)].mime,
        size: content.length,
        url: null,
      });
    } else {
      const url = new URL(input.link!);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new AppError('VALIDATION', 'Tautan harus diawali http:// atau https://.', { fields: { link: 'Harus http:// atau https://.' } });
      }
      row = ctx.write.insert('evidence', {
        skp_id: skp.id,
        indicator_id: input.indicatorId ?? null,
        period: period.code,
        kind: 'link',
        title: input.title || url.hostname,
        sha256: null,
        file_name: null,
        mime_type: null,
        size: null,
        url: url.toString(),
      });
    }
    ensureReport(ctx, skp, period.code);
    return { evidence: evidenceOut(row) };
  },

  'realisasi.removeEvidence': (ctx, input) => {
    const e = liveEvidence(ctx.core, input.evidenceId);
    if (!e) throw notFound('Bukti dukung');
    const { skp } = skpPeriod(ctx.core, e.skp_id, e.period);
    assertOwnerCanEdit(ctx, skp, e.period);
    ctx.write.remove('evidence', e.id);
    return { ok: true as const };
  },

  'realisasi.incoming': (ctx, input) => {
    const rows = incomingReports(ctx.core, ctx.actor.employeeId, input.yearId, input.limit);
    return {
      items: rows.map((r) => ({
        skpId: r.skp_id,
        employeeId: r.employee_id,
        employeeName: r.employee_name,
        period: r.period,
        periodLabel: periodsOf(r.year, r.cadence).find((p) => p.code === r.period)?.label ?? r.period,
        submittedAt: r.submitted_at,
        evaluated: r.evaluated === 1,
      })),
    };
  },
};

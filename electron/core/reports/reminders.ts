import type { CommandOutput } from '../../../shared/commands';
import { periodsOf } from '../../../shared/evaluation/periods';
import { predikatLabels } from '../../../shared/evaluation/predikat';
import { formatDateId, localDate } from '../../../shared/people/dates';
import type { Reminder } from '../../../shared/reports/commands';
import { skpStatusLabels } from '../../../shared/skp/workflow';
import type { AuthedReadContext } from '../context';
import { currentSkps, overlaps, statusMaps } from './plans';
import { appealsAwaiting, dialoguesAwaiting, isAppealed, openYearOn, reportsAwaitingEvaluation, skpsAwaitingApproval } from './queries';

/** What the signed-in person should do next, overdue first, then by due date. */
export function reminders(ctx: AuthedReadContext): CommandOutput<'reports.reminders'> {
  const me = ctx.actor.employeeId;
  const today = localDate(ctx.now);
  const out: Reminder[] = [];
  const year = openYearOn(ctx.core, ctx.actor.officeId, today);
  if (year) {
    const skp = currentSkps(ctx, year.id, { employee: me })[0];
    if (!skp || skp.status === 'draf' || skp.status === 'dikembalikan') {
      out.push({
        kind: 'skp_draf',
        message: !skp
          ? `Anda belum membuat SKP tahun ${year.year}. Batas persetujuan: ${formatDateId(year.skp_deadline)}.`
          : `SKP tahun ${year.year} berstatus ${skpStatusLabels[skp.status]}; ajukan kepada Pejabat Penilai sebelum ${formatDateId(year.skp_deadline)}.`,
        dueDate: year.skp_deadline,
        overdue: today > year.skp_deadline,
        link: skp ? `/skp/${skp.id}` : '/skp',
      });
    }
    if (skp && skp.approved_version > 0) {
      const { reports, evaluations } = statusMaps(ctx, [skp.id]);
      for (const p of periodsOf(year.year, year.cadence).filter((x) => !x.annual && overlaps(x, skp))) {
        // Due once the period has ended; the current period is mentioned a week before its end.
        const dueSoon = p.end >= today && Date.parse(p.end) - Date.parse(today) <= 7 * 86_400_000;
        if (reports.get(`${skp.id}|${p.code}`) !== 'diajukan' && (p.end < today || dueSoon)) {
          out.push({
            kind: 'realisasi',
            message: `Realisasi ${p.label} belum dikirim kepada Pejabat Penilai.`,
            dueDate: p.end,
            overdue: p.end < today,
            link: `/skp/${skp.id}/realisasi/${p.code}`,
          });
        }
      }
      for (const [key, e] of evaluations) {
        const code = key.split('|')[1]!;
        const label = periodsOf(year.year, year.cadence).find((p) => p.code === code)?.label ?? code;
        if (e.status === 'final' && !e.acknowledged_at) {
          out.push({ kind: 'terima_hasil', message: `Hasil penilaian ${label} sudah final. Baca dan nyatakan telah menerimanya.`, dueDate: null, overdue: false, link: `/penilaian/${skp.id}/${code}` });
        } else if (e.appeal_deadline && today <= e.appeal_deadline && e.predikat) {
          if (!isAppealed(ctx.core, e.id) && e.predikat !== 'sangat_baik') {
            out.push({
              kind: 'keberatan',
              message: `Predikat ${label}: ${predikatLabels[e.predikat]}. Bila keberatan, ajukan paling lambat ${formatDateId(e.appeal_deadline)}.`,
              dueDate: e.appeal_deadline,
              overdue: false,
              link: `/penilaian/${skp.id}/${code}`,
            });
          }
        }
      }
    }
    if (ctx.actor.roles.has('penilai')) {
      const waitingSkp = skpsAwaitingApproval(ctx.core, me);
      if (waitingSkp > 0) {
        out.push({ kind: 'skp_persetujuan', message: `${waitingSkp} SKP menunggu persetujuan Anda.`, dueDate: year.skp_deadline, overdue: today > year.skp_deadline, link: '/persetujuan-skp' });
      }
      const toEvaluate = reportsAwaitingEvaluation(ctx.core, me);
      if (toEvaluate > 0) out.push({ kind: 'penilaian', message: `${toEvaluate} realisasi pegawai menunggu penilaian Anda.`, dueDate: null, overdue: false, link: '/penilaian' });
    }
  }
  const appealsTodo = appealsAwaiting(ctx.core, me);
  if (appealsTodo > 0) out.push({ kind: 'keberatan_putus', message: `${appealsTodo} keberatan menunggu penjelasan atau putusan Anda.`, dueDate: null, overdue: false, link: '/keberatan' });
  const dialogs = dialoguesAwaiting(ctx.core, me);
  if (dialogs > 0) out.push({ kind: 'dialog', message: `${dialogs} dialog kinerja menunggu tanggapan atau konfirmasi Anda.`, dueDate: null, overdue: false, link: '/dialog' });
  out.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'));
  return { reminders: out };
}

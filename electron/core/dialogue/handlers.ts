import { dialogueWindow, type Dialogue } from '../../../shared/dialogue/commands';
import { AppError, forbidden, notFound, ruleViolation } from '../../../shared/errors';
import { formatDateId, localDate } from '../../../shared/people/dates';
import { appraisalLink, canSeeDialogue, canSeeSkp, dialoguePartyOf, dialogueSideOf } from '../access';
import { type HandlerMap, type AuthedReadContext } from '../context';
import type { DialoguesTable } from '../db/schema';
import { appraisalChain } from '../people/appraisal';
import { loadSkp } from '../skp/service';
import { actionById, actionsOf, dialogueById, dialoguesIn, skpYear, titledName } from './queries';


function load(ctx: AuthedReadContext, id: string): { d: DialoguesTable; side: 'pegawai' | 'penilai' } {
  const d = dialogueById(ctx.core, id);
  if (!d) throw notFound('Dialog kinerja');
  if (!canSeeDialogue(ctx.actor, d)) throw forbidden();
  const side = dialoguePartyOf(ctx.actor, d);
  if (!side) throw forbidden('Dialog kinerja dijalankan oleh pegawai dan Pejabat Penilainya sendiri.');
  return { d, side };
}

/**
 * The performance year a dialogue is about: its SKP's. A meeting about 2026's plan or results is
 * held in 2026. A dialogue about no SKP (an appraiser's open conversation) belongs to no year.
 */
function yearOf(ctx: AuthedReadContext, kind: Dialogue['kind'], skpId: string | null): Dialogue['year'] {
  const y = skpId ? skpYear(ctx.core, skpId) : undefined;
  return y ? dialogueWindow(kind, { year: y.year, start: y.start_date, end: y.end_date }) : null;
}

/** Refuses a meeting time outside the dialogue's year, as a refusal of that field. */
function assertInYear(year: Dialogue['year'], at: string, field: 'scheduledAt' | 'proposedAt'): void {
  if (!year) return;
  const day = localDate(new Date(at));
  if (day >= year.start && day <= year.end) return;
  const message = `Dialog tentang tahun penilaian ${year.year} diadakan dari ${formatDateId(year.start)} sampai ${formatDateId(year.end)}.`;
  throw new AppError('VALIDATION', `Periksa kembali isian Anda: ${message}`, { fields: { [field]: message } });
}

function out(ctx: AuthedReadContext, d: DialoguesTable): Dialogue {
  const actions = actionsOf(ctx.core, d.id);
  const nameOf = (employeeId: string | null) => titledName(ctx.core, employeeId);
  return {
    id: d.id,
    kind: d.kind,
    status: d.status,
    employeeId: d.employee_id,
    employeeName: nameOf(d.employee_id) ?? '',
    appraiserId: d.appraiser_employee_id,
    appraiserName: nameOf(d.appraiser_employee_id),
    skpId: d.skp_id,
    requestedByName: nameOf(d.requested_by_employee_id) ?? '',
    requestNote: d.request_note,
    scheduledAt: d.scheduled_at,
    place: d.place,
    agenda: d.agenda,
    participants: d.participants,
    discussion: d.discussion,
    employeeConcerns: d.employee_concerns,
    agreed: d.agreed,
    employeeConfirmedAt: d.employee_confirmed_at,
    appraiserConfirmedAt: d.appraiser_confirmed_at,
    actions: actions.map((a) => ({ id: a.id, text: a.text, owner: a.owner, dueDate: a.due_date, doneAt: a.done_at })),
    viewerSide: dialogueSideOf(ctx.actor, d) ?? 'pengelola',
    year: yearOf(ctx, d.kind, d.skp_id),
    createdAt: d.created_at,
    version: d.version,
  };
}

function reload(ctx: AuthedReadContext, id: string): Dialogue {
  return out(ctx, load(ctx, id).d);
}

export const dialogueHandlers: HandlerMap<
  'dialogue.list' | 'dialogue.request' | 'dialogue.schedule' | 'dialogue.record' | 'dialogue.confirm' | 'dialogue.cancel' | 'dialogue.completeAction'
> = {
  'dialogue.list': (ctx, input) => {
    let rows: DialoguesTable[];
    if (input.skpId) {
      const skp = loadSkp(ctx.core, input.skpId);
      if (!canSeeSkp(ctx.actor, skp)) throw forbidden();
      rows = dialoguesIn(ctx.core, { skpId: skp.id });
    } else if (input.asAppraiser) {
      rows = dialoguesIn(ctx.core, { appraiserId: ctx.actor.employeeId });
    } else {
      const employeeId = input.employeeId ?? ctx.actor.employeeId;
      rows = dialoguesIn(ctx.core, { employeeId }).filter((d) => canSeeDialogue(ctx.actor, d));
      if (employeeId !== ctx.actor.employeeId && rows.length === 0 && !appraisalLink(ctx.core, ctx.actor.employeeId, employeeId, ctx.now) && !ctx.actor.roles.has('pengelola')) {
        throw forbidden();
      }
    }
    return { dialogues: rows.map((d) => out(ctx, d)) };
  },

  'dialogue.request': (ctx, input) => {
    const employeeId = input.employeeId ?? ctx.actor.employeeId;
    // The SKP a dialogue is about is the employee's own, whoever asks for it.
    const skp = input.skpId ? loadSkp(ctx.core, input.skpId) : null;
    if (skp && skp.employee_id !== employeeId) throw forbidden('SKP yang dipilih bukan SKP pegawai yang diajak berdialog.');
    let appraiserId: string | null;
    if (employeeId === ctx.actor.employeeId) {
      appraiserId = skp?.appraiser_employee_id ?? appraisalChain(ctx.core, employeeId, localDate(ctx.now)).appraiser?.employeeId ?? null;
      if (!appraiserId) throw ruleViolation('Pejabat Penilai Anda belum tercatat, sehingga dialog belum dapat diminta. Hubungi Pengelola Kinerja.');
    } else {
      if (appraisalLink(ctx.core, ctx.actor.employeeId, employeeId, ctx.now) !== 'penilai') {
        throw forbidden('Anda hanya dapat meminta dialog dengan pegawai yang Anda nilai.');
      }
      appraiserId = ctx.actor.employeeId;
    }
    if (input.proposedAt) assertInYear(yearOf(ctx, input.kind, skp?.id ?? null), input.proposedAt, 'proposedAt');
    const d = ctx.write.insert('dialogues', {
      employee_id: employeeId,
      appraiser_employee_id: appraiserId,
      skp_id: skp?.id ?? null,
      year_id: skp?.year_id ?? null,
      kind: input.kind,
      status: input.proposedAt ? 'dijadwalkan' : 'diminta',
      requested_by_employee_id: ctx.actor.employeeId,
      request_note: input.note || null,
      scheduled_at: input.proposedAt ?? null,
      place: null,
      agenda: input.proposedAt ? (input.note ?? null) : null,
      participants: null,
      discussion: null,
      employee_concerns: null,
      agreed: null,
      employee_confirmed_at: null,
      appraiser_confirmed_at: null,
    });
    return { dialogue: out(ctx, d) };
  },

  'dialogue.schedule': (ctx, input) => {
    const { d } = load(ctx, input.dialogueId);
    if (d.status !== 'diminta' && d.status !== 'dijadwalkan') throw ruleViolation('Dialog yang sudah dicatat atau dibatalkan tidak dapat dijadwalkan ulang.');
    assertInYear(yearOf(ctx, d.kind, d.skp_id), input.scheduledAt, 'scheduledAt');
    ctx.write.update(
      'dialogues',
      d.id,
      { status: 'dijadwalkan', scheduled_at: input.scheduledAt, place: input.place || null, agenda: input.agenda },
      input.version,
      'Dialog kinerja',
    );
    return { dialogue: reload(ctx, d.id) };
  },

  'dialogue.record': (ctx, input) => {
    const { d } = load(ctx, input.dialogueId);
    if (d.status === 'dikonfirmasi' || d.status === 'dibatalkan') {
      throw ruleViolation(d.status === 'dikonfirmasi' ? 'Notulen sudah dikonfirmasi kedua pihak dan tidak dapat diubah.' : 'Dialog ini dibatalkan.');
    }
    // Editing the minutes withdraws earlier confirmations: both confirm what is written now.
    ctx.write.update(
      'dialogues',
      d.id,
      {
        status: 'dicatat',
        participants: input.participants || null,
        discussion: input.discussion,
        employee_concerns: input.employeeConcerns || null,
        agreed: input.agreed || null,
        employee_confirmed_at: null,
        appraiser_confirmed_at: null,
      },
      input.version,
      'Dialog kinerja',
    );
    for (const a of actionsOf(ctx.core, d.id)) {
      ctx.write.remove('dialogue_actions', a.id);
    }
    input.actions.forEach((a, order) =>
      ctx.write.insert('dialogue_actions', { dialogue_id: d.id, text: a.text, owner: a.owner, due_date: a.dueDate ?? null, done_at: null, order_no: order }),
    );
    return { dialogue: reload(ctx, d.id) };
  },

  'dialogue.confirm': (ctx, input) => {
    const { d, side } = load(ctx, input.dialogueId);
    if (d.status !== 'dicatat') throw ruleViolation('Hanya notulen yang sudah dicatat yang dapat dikonfirmasi.');
    const patch = side === 'pegawai' ? { employee_confirmed_at: ctx.nowIso } : { appraiser_confirmed_at: ctx.nowIso };
    const both = (side === 'pegawai' ? d.appraiser_confirmed_at : d.employee_confirmed_at) !== null;
    ctx.write.update('dialogues', d.id, { ...patch, ...(both ? { status: 'dikonfirmasi' as const } : {}) }, input.version, 'Dialog kinerja');
    return { dialogue: reload(ctx, d.id) };
  },

  'dialogue.cancel': (ctx, input) => {
    const { d } = load(ctx, input.dialogueId);
    if (d.status !== 'diminta' && d.status !== 'dijadwalkan') throw ruleViolation('Dialog yang notulennya sudah dicatat tidak dapat dibatalkan.');
    ctx.write.update(
      'dialogues',
      d.id,
      { status: 'dibatalkan', request_note: `${d.request_note ? d.request_note + '\n' : ''}Dibatalkan oleh ${ctx.actor.name}: ${input.reason}` },
      input.version,
      'Dialog kinerja',
    );
    return { dialogue: reload(ctx, d.id) };
  },

  'dialogue.completeAction': (ctx, input) => {
    const a = actionById(ctx.core, input.actionId);
    if (!a) throw notFound('Tindak lanjut');
    load(ctx, a.dialogue_id);
    if (input.done === !!a.done_at) throw new AppError('RULE_VIOLATION', input.done ? 'Tindak lanjut ini sudah ditandai selesai.' : 'Tindak lanjut ini belum selesai.');
    ctx.write.update('dialogue_actions', a.id, { done_at: input.done ? ctx.nowIso : null });
    return { ok: true as const };
  },
};

import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { findPeriod, normalizePeriodCode } from '../../../shared/evaluation/periods';
import { predikatLabels } from '../../../shared/evaluation/predikat';
import { normalizeNip } from '../../../shared/people/nip';
import { createSession, endSession, hashToken } from '../../core/auth/sessions';
import { Core } from '../../core/core';
import type { CallMeta } from '../../core/dispatch';
import { renderEvaluationBatch, type BatchProgress } from '../../core/evaluation/batch';
import { renderEvaluationDocument } from '../../core/evaluation/document';
import { evaluationForms, parseEvaluationForm } from '../../core/evaluation/format';
import { actAs, officeAdmin } from '../../core/seed/session';
import { dataDirFrom, parse, required, UsageError } from '../args';

/** The `evaluasi` sub-command of `kinerja export` (electron/cli/commands/export.ts). */
export const usage =
  'export evaluasi --data DIR (--nip NIP | --unit UNIT | --all) --year TAHUN --period (1..12|Q1..Q4|tahunan) --out BERKAS.pdf [--form dokumen|evaluasi] [--final] [--skp-id ID] [--as NIP]';

/**
 * Writes evaluation documents as PDF, exactly as the download buttons do, acting as the office
 * admin (or `--as` another Pengelola Kinerja) through the same commands and access rules.
 *
 * - `--nip`: one employee's document. `--form dokumen` (the default) is the one-page DOKUMEN
 *   EVALUASI KINERJA PEGAWAI that is signed and handed over, the document an admin prints most;
 *   `--form evaluasi` is the landscape EVALUASI KINERJA PEGAWAI form with realisasi, feedback and
 *   the distribution curve. After a mid-year transfer the SKP covering the period is chosen
 *   (`--skp-id` picks another).
 * - `--unit UNIT` (its id, code such as `SD`, or exact name; sub-units included) or `--all`: every
 *   evaluation recorded for the period, one PDF, each document on its own pages; `--final` only
 *   final ones. Progress goes to stderr.
 */
export async function run(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    data: { type: 'string' },
    nip: { type: 'string' },
    unit: { type: 'string' },
    all: { type: 'boolean', default: false },
    year: { type: 'string' },
    period: { type: 'string' },
    out: { type: 'string' },
    form: { type: 'string' },
    final: { type: 'boolean', default: false },
    'skp-id': { type: 'string' },
    as: { type: 'string' },
  });
  const out = path.resolve(required(values.out, 'out'));
  if (!out.toLowerCase().endsWith('.pdf')) throw new UsageError('--out harus berakhiran .pdf');
  const year = Number(required(values.year, 'year'));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError('--year harus tahun empat angka, misalnya 2026.');
  const period = normalizePeriodCode(required(values.period, 'period'));
  if (!period) throw new UsageError('--period harus 1..12 (bulan), Q1..Q4 (triwulan) atau tahunan.');
  const targets = [values.nip ? 1 : 0, values.unit ? 1 : 0, values.all ? 1 : 0].reduce((a, b) => a + b, 0);
  if (targets !== 1) throw new UsageError('Pilih satu: --nip NIP (satu pegawai), --unit UNIT (satu unit kerja) atau --all (seluruh kantor).');
  let form;
  try {
    form = parseEvaluationForm(values.form);
  } catch {
    throw new UsageError(`--form harus salah satu dari: ${evaluationForms.join(', ')}.`);
  }

  const core = Core.open({ dataDir: dataDirFrom(values.data) });
  try {
    const who = officeAdmin(core, values.as);
    const actor = actAs(core, who.userId, who.name);
    // The documents are produced through the download path, which takes a session token.
    const session = createSession(core, who.userId, core.now());
    const meta: CallMeta = { transport: 'cli', sessionToken: session.token, requireCsrf: false };
    try {
      const y = actor.call('year.list', {}).years.find((x) => x.year === year);
      if (!y) throw new AppError('NOT_FOUND', `Tahun Penilaian ${year} belum dibuka di kantor ini.`);
      const p = findPeriod(year, y.cadence, period);
      if (!p) {
        throw new UsageError(
          y.cadence === 'bulanan' ? `Tahun Penilaian ${year} memakai periode bulanan: pilih 1..12 atau tahunan.` : `Tahun Penilaian ${year} memakai periode triwulanan: pilih Q1..Q4 atau tahunan.`,
        );
      }

      if (values.nip) {
        const nip = normalizeNip(values.nip);
        const found = actor.call('people.list', { q: nip, limit: 50 }).items.find((e) => normalizeNip(e.nip) === nip);
        if (!found) throw new AppError('NOT_FOUND', `Pegawai dengan NIP ${values.nip} tidak ditemukan di kantor ini.`);
        const skps = actor.call('skp.list', { employeeId: found.id, yearId: y.id }).skps; // latest period first
        const wanted = values['skp-id'];
        const chosen = wanted ? skps.find((s) => s.id === wanted) : (skps.find((s) => !(p.end < s.periodStart || p.start > s.periodEnd)) ?? skps[0]);
        if (!chosen) {
          throw new AppError('NOT_FOUND', wanted ? `SKP ${wanted} bukan SKP ${found.name} tahun ${year}.` : `${found.name} belum memiliki SKP untuk Tahun Penilaian ${year}.`);
        }
        const r = await renderEvaluationDocument(core, meta, { skpId: chosen.id, period, form });
        write(out, r.bytes);
        const state = r.detail.status === 'final' ? `final, predikat ${r.detail.predikat ? predikatLabels[r.detail.predikat] : '-'}` : r.detail.status === 'draf' ? 'draf (bertanda DRAF)' : 'belum dinilai (bertanda DRAF)';
        console.log(`${r.detail.header.employee.name}, ${p.label} (${state}) disimpan ke ${out} (nama unduhan: ${r.fileName}).`);
        return 0;
      }

      let unitId: string | null = null;
      if (values.unit) {
        const key = values.unit.trim().toLowerCase();
        const units = actor.call('org.listUnits', {}).units as { id: string; name: string; code: string | null }[];
        const unit = units.find((u) => u.id === values.unit) ?? units.find((u) => u.code?.toLowerCase() === key) ?? units.find((u) => u.name.toLowerCase() === key);
        if (!unit) throw new AppError('NOT_FOUND', `Unit kerja "${values.unit}" tidak ditemukan (pakai id, kode seperti SD, atau nama lengkapnya).`);
        unitId = unit.id;
      }
      let lastShown = -1;
      const progress = (x: BatchProgress) => {
        // A line per tenth of the way on a file or pipe; every step on a terminal.
        const step = x.total ? Math.floor((x.done * 10) / x.total) : 0;
        if (x.phase === 'data' && !process.stderr.isTTY && step === lastShown && x.done !== x.total) return;
        lastShown = step;
        process.stderr.write(process.stderr.isTTY && x.phase === 'data' ? `\r${x.message}   ` : `${x.message}\n`);
      };
      const r = await renderEvaluationBatch(core, meta, { yearId: y.id, period, unitId, form, finalOnly: values.final }, progress);
      write(out, r.bytes);
      console.log(`${r.count} dokumen ${p.label} disimpan ke ${out} (nama unduhan: ${r.fileName}).`);
      return 0;
    } finally {
      endSession(core, hashToken(session.token));
      actor.close();
    }
  } finally {
    core.close();
  }
}

function write(out: string, bytes: Buffer): void {
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, bytes);
}

import type { AppraisalProblem, ProblemKind } from '../../../shared/people/commands';
import { formatDateId } from '../../../shared/people/dates';
import { isGone } from '../../../shared/people/fields';
import { formatFullName } from '../../../shared/people/names';
import type { Core } from '../core';
import { resolveChain } from './appraisal';
import { OfficeSnapshot } from './source';

/**
 * What would stop a clean start of the appraisal year, per employee still working here: no
 * position, no appraiser (with the chain's own explanation), an appraiser registered in another
 * office, an appraiser who has moved away or retired, or no atasan. The head of office's appraiser
 * from the office profile is outside the office by design and is not a problem.
 */
export function appraisalProblems(core: Core, officeId: string, date: string): AppraisalProblem[] {
  const snap = new OfficeSnapshot(core, officeId, date);
  const out: AppraisalProblem[] = [];
  const employees = [...snap.employees.values()]
    .filter((e) => !isGone(e.status))
    .sort((a, b) => a.name.localeCompare(b.name, 'id'));
  for (const e of employees) {
    const chain = resolveChain(snap, e.id, date);
    const base = {
      employeeId: e.id,
      nip: e.nip,
      name: formatFullName(e.front_title, e.name, e.back_title),
      positionName: chain.position?.name ?? null,
      unitName: chain.position?.unitName ?? null,
    };
    const add = (kind: ProblemKind, reason: string) => out.push({ ...base, kind, reason });
    if (!chain.position && !chain.overrideId) {
      add('tanpa_jabatan', `Tidak ada penempatan jabatan yang berjalan pada ${formatDateId(date)}. Tempatkan pegawai pada jabatannya di halaman pegawai.`);
      continue;
    }
    if (!chain.appraiser) {
      add('tanpa_penilai', chain.notes.length ? chain.notes.join(' ') : 'Pejabat penilai tidak dapat ditentukan dari struktur jabatan.');
      continue;
    }
    const appraiser = chain.appraiser;
    if (appraiser.employeeId && appraiser.outsideOffice) {
      add('penilai_luar_kantor', `Pejabat Penilai ${appraiser.name} terdaftar di instansi lain. Periksa penetapan khusus pejabat penilai atau struktur jabatan.`);
    }
    if (appraiser.employeeId) {
      const who = snap.employee(appraiser.employeeId);
      if (who && isGone(who.status)) {
        add('penilai_tidak_aktif', `Pejabat Penilai ${appraiser.name} berstatus ${who.status}. Akhiri penempatan jabatannya atau ubah penetapan khusus.`);
      }
    }
    if (!chain.atasan) {
      add('tanpa_atasan_penilai', chain.notes.length ? chain.notes.join(' ') : 'Atasan Pejabat Penilai tidak dapat ditentukan.');
    }
  }
  return out;
}

/**
 * The SKP workflow (docs/spec/regulation.md §3): draf -> diajukan -> disetujui, or dikembalikan
 * with a note -> revised -> diajukan. After approval, changes go through an amendment (back to draf
 * with `amending`) that is approved again. One table, used by the backend to refuse and by the UI
 * to offer only what is possible.
 */
export const skpStatuses = ['draf', 'diajukan', 'dikembalikan', 'disetujui'] as const;
export type SkpStatus = (typeof skpStatuses)[number];

/** For monitoring: an employee without an SKP for the year counts as `belum_dibuat`. */
export type SkpMonitorStatus = SkpStatus | 'belum_dibuat';

export const skpStatusLabels: Record<SkpMonitorStatus, string> = {
  belum_dibuat: 'Belum Dibuat',
  draf: 'Draf',
  diajukan: 'Diajukan',
  dikembalikan: 'Dikembalikan',
  disetujui: 'Disetujui',
};

export type SkpAction = 'edit' | 'submit' | 'return' | 'approve' | 'amend';
export type SkpActorRole = 'pegawai' | 'penilai';

interface Rule {
  from: readonly SkpStatus[];
  by: SkpActorRole;
  to: SkpStatus;
}

export const skpRules: Record<SkpAction, Rule> = {
  edit: { from: ['draf', 'dikembalikan'], by: 'pegawai', to: 'draf' },
  submit: { from: ['draf', 'dikembalikan'], by: 'pegawai', to: 'diajukan' },
  return: { from: ['diajukan'], by: 'penilai', to: 'dikembalikan' },
  approve: { from: ['diajukan'], by: 'penilai', to: 'disetujui' },
  amend: { from: ['disetujui'], by: 'pegawai', to: 'draf' },
};

const passiveNames: Record<SkpAction, string> = {
  edit: 'diubah',
  submit: 'diajukan',
  return: 'dikembalikan',
  approve: 'disetujui',
  amend: 'diubah melalui adendum',
};

const actionNames: Record<SkpAction, string> = {
  edit: 'mengubah',
  submit: 'mengajukan',
  return: 'mengembalikan',
  approve: 'menyetujui',
  amend: 'memulai perubahan (adendum)',
};

/** Why an action is not allowed, in Indonesian; null when it is. */
export function skpActionRefusal(action: SkpAction, status: SkpStatus, as: SkpActorRole | null): string | null {
  const rule = skpRules[action];
  if (as !== rule.by) {
    return rule.by === 'pegawai'
      ? `Hanya pegawai pemilik SKP yang dapat ${actionNames[action]} SKP ini.`
      : `Hanya Pejabat Penilai Kinerja pegawai ini yang dapat ${actionNames[action]} SKP ini.`;
  }
  if (!rule.from.includes(status)) {
    return `SKP berstatus ${skpStatusLabels[status]} tidak dapat ${passiveNames[action]}; hanya dari status ${rule.from.map((s) => skpStatusLabels[s]).join(' atau ')}.`;
  }
  return null;
}

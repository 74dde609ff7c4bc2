import { Badge, Group } from '@mantine/core';
import type { aspekList, perspektifList, annexKinds, approaches } from '../../../shared/skp/commands';
import type { SkpMonitorStatus } from '../../../shared/skp/workflow';
import type { AppError } from '../../../shared/errors';
import { notifyCommandError } from '../app/notify';
import type { MessageKey } from '../i18n/catalog';
import { useI18n } from '../i18n/I18nProvider';

export const statusKeys: Record<SkpMonitorStatus, MessageKey> = {
  belum_dibuat: 'skp.status.belum_dibuat',
  draf: 'skp.status.draf',
  diajukan: 'skp.status.diajukan',
  dikembalikan: 'skp.status.dikembalikan',
  disetujui: 'skp.status.disetujui',
};

export const statusColors: Record<SkpMonitorStatus, string> = {
  belum_dibuat: 'gray',
  draf: 'blue',
  diajukan: 'yellow',
  dikembalikan: 'orange',
  disetujui: 'teal',
};

export const monitorStatuses: SkpMonitorStatus[] = ['belum_dibuat', 'draf', 'diajukan', 'dikembalikan', 'disetujui'];

export const aspekKeys: Record<(typeof aspekList)[number], MessageKey> = {
  kuantitas: 'skp.aspek.kuantitas',
  kualitas: 'skp.aspek.kualitas',
  waktu: 'skp.aspek.waktu',
  biaya: 'skp.aspek.biaya',
};

export const perspektifKeys: Record<(typeof perspektifList)[number], MessageKey> = {
  penerima_layanan: 'skp.perspektif.penerima_layanan',
  proses_bisnis: 'skp.perspektif.proses_bisnis',
  penguatan_internal: 'skp.perspektif.penguatan_internal',
  anggaran: 'skp.perspektif.anggaran',
};

export const annexKeys: Record<(typeof annexKinds)[number], MessageKey> = {
  dukungan_sumber_daya: 'skp.annex.dukungan_sumber_daya',
  skema_pertanggungjawaban: 'skp.annex.skema_pertanggungjawaban',
  konsekuensi: 'skp.annex.konsekuensi',
};

export const approachKeys: Record<(typeof approaches)[number], MessageKey> = {
  kuantitatif: 'skp.approach.kuantitatif',
  kualitatif: 'skp.approach.kualitatif',
};

/** What the backend records in an SKP's history, as people read it. */
export const eventKeys: Record<string, MessageKey> = {
  buat: 'skp.event.buat',
  salin: 'skp.event.salin',
  ajukan: 'skp.event.ajukan',
  kembalikan: 'skp.event.kembalikan',
  setujui: 'skp.event.setujui',
  adendum: 'skp.event.adendum',
};

export function StatusBadge({ status, amending = false, size = 'md' }: { status: SkpMonitorStatus; amending?: boolean; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useI18n();
  return (
    <Group gap={4} wrap="nowrap" component="span">
      <Badge color={statusColors[status]} variant={status === 'belum_dibuat' ? 'outline' : 'light'} size={size} miw="max-content" data-testid="skp-status">
        {t(statusKeys[status])}
      </Badge>
      {amending && (
        <Badge color="grape" variant="light" size={size} miw="max-content">
          {t('skp.amending')}
        </Badge>
      )}
    </Group>
  );
}

type T = ReturnType<typeof useI18n>['t'];

/**
 * The headline message of a failed save: with several fields wrong, say how many (each field
 * shows its own message); with one, the backend's sentence after its generic lead-in.
 */
export function formMessage(err: AppError, t: T): string {
  if (err.code !== 'VALIDATION') return err.message;
  const n = Object.keys(err.fields ?? {}).length;
  const generic = /^Periksa kembali isian Anda: (.*)$/.exec(err.message);
  if (!generic) return err.message;
  return n > 1 ? t('skp.form.fixMany', { count: n }) : generic[1]!;
}

/**
 * Errors of SKP actions: a CONFLICT (someone changed the SKP meanwhile) offers to reload the SKP
 * right from the notification; everything else is the usual typed notification.
 */
export function notifySkpError(err: unknown, t: T, reload: () => void): void {
  notifyCommandError(err, t, reload);
}

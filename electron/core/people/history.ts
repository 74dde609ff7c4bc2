import { actingPrefix, type AssignmentKind } from '../../../shared/org/jabatan';
import type { HistoryEntry } from '../../../shared/people/commands';
import { formatDateId } from '../../../shared/people/dates';
import { employeeStatusLabels, type EmployeeStatus } from '../../../shared/people/fields';
import { formatFullName } from '../../../shared/people/names';
import type { Core } from '../core';

/**
 * An employee's change history, read from `change_log` (every version of every replicated row is
 * there, also for bulk imports and synthetic data) and described by comparing each version with the
 * one before. Who did it comes from the audit entry of the same command (same timestamp).
 */
const employeeFieldLabels: Record<string, string> = {
  nip: 'NIP',
  name: 'Nama',
  front_title: 'Gelar depan',
  back_title: 'Gelar belakang',
  kind: 'Jenis pegawai',
  golongan: 'Golongan',
  tmt_golongan: 'TMT golongan',
  phone: 'Telepon',
  email: 'Email',
  status: 'Status',
};

type Data = Record<string, unknown>;

function show(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '(kosong)';
  if (field === 'status') return employeeStatusLabels[value as EmployeeStatus] ?? String(value);
  if (field === 'tmt_golongan') return formatDateId(String(value));
  return String(value);
}

export function employeeHistory(core: Core, employeeId: string, limit = 100): HistoryEntry[] {
  const assignmentIds = (core.q.prepare('SELECT id FROM assignments WHERE employee_id = ?').all(employeeId) as { id: string }[]).map((r) => r.id);
  const overrideIds = (core.q.prepare('SELECT id FROM appraisal_overrides WHERE employee_id = ?').all(employeeId) as { id: string }[]).map((r) => r.id);
  const rows: { table_name: string; row_id: string; op: 'insert' | 'update' | 'delete'; data: string; created_at: string; seq: number }[] = [];
  const collect = (table: string, ids: string[]) => {
    for (let i = 0; i < ids.length; i += 400) {
      const chunk = ids.slice(i, i + 400);
      rows.push(
        ...(core.q
          .prepare(
            `SELECT table_name, row_id, op, data, created_at, seq FROM change_log
             WHERE table_name = ? AND row_id IN (${chunk.map(() => '?').join(',')})`,
          )
          .all(table, ...chunk) as typeof rows),
      );
    }
  };
  collect('employees', [employeeId]);
  collect('assignments', assignmentIds);
  collect('appraisal_overrides', overrideIds);
  rows.sort((a, b) => a.seq - b.seq);

  const positionNames = new Map<string, string>();
  const positionName = (id: unknown): string => {
    const key = String(id);
    if (!positionNames.has(key)) {
      const p = core.q.prepare('SELECT name FROM positions WHERE id = ?').get(key) as { name: string } | undefined;
      positionNames.set(key, p?.name ?? 'jabatan');
    }
    return positionNames.get(key)!;
  };
  const personName = (id: unknown): string => {
    const e = core.q.prepare('SELECT name, front_title, back_title FROM employees WHERE id = ?').get(String(id)) as
      | { name: string; front_title: string | null; back_title: string | null }
      | undefined;
    return e ? formatFullName(e.front_title, e.name, e.back_title) : 'pegawai';
  };

  const previous = new Map<string, Data>();
  const entries: (HistoryEntry & { seq: number })[] = [];
  for (const r of rows) {
    const data = JSON.parse(r.data) as Data;
    const before = previous.get(r.row_id);
    previous.set(r.row_id, data);
    let summary: string;
    if (r.table_name === 'employees') {
      if (r.op === 'insert') summary = 'Data pegawai dibuat.';
      else if (r.op === 'delete') summary = 'Data pegawai dihapus.';
      else {
        const changes = Object.keys(employeeFieldLabels)
          .filter((k) => before && before[k] !== data[k])
          .map((k) => `${employeeFieldLabels[k]}: ${show(k, before?.[k])} → ${show(k, data[k])}`);
        summary = changes.length ? `Data pegawai diubah. ${changes.join('; ')}.` : 'Data pegawai diperbarui.';
      }
    } else if (r.table_name === 'assignments') {
      const label = actingPrefix(data.kind as AssignmentKind) + positionName(data.position_id);
      if (r.op === 'insert') {
        summary = `Ditempatkan sebagai ${label} mulai ${formatDateId(String(data.start_date))}${data.end_date ? ` sampai ${formatDateId(String(data.end_date))}` : ''}${data.sk_number ? ` (SK ${String(data.sk_number)})` : ''}.`;
      } else if (r.op === 'delete') {
        summary = `Penempatan ${label} dibatalkan${data.cancel_reason ? `: ${String(data.cancel_reason)}` : ''}.`;
      } else if (before && before.end_date !== data.end_date && data.end_date) {
        summary = `Penempatan ${label} berakhir ${formatDateId(String(data.end_date))}.`;
      } else if (before && before.cancel_reason !== data.cancel_reason) {
        continue; // the tombstone that follows tells the story
      } else {
        summary = `Penempatan ${label} diperbarui.`;
      }
    } else {
      const who = personName(data.appraiser_employee_id);
      if (r.op === 'insert') summary = `Pejabat Penilai ditetapkan khusus: ${who}, mulai ${formatDateId(String(data.start_date))}. Alasan: ${String(data.reason)}`;
      else if (r.op === 'delete') summary = `Penetapan khusus Pejabat Penilai (${who}) dihapus.`;
      else if (data.end_date) summary = `Penetapan khusus Pejabat Penilai (${who}) berakhir ${formatDateId(String(data.end_date))}.`;
      else summary = `Penetapan khusus Pejabat Penilai (${who}) diperbarui.`;
    }
    entries.push({ at: r.created_at, table: r.table_name, op: r.op, summary, actorName: null, command: null, seq: r.seq });
  }
  const latest = entries.reverse().slice(0, limit);
  const stamps = [...new Set(latest.map((e) => e.at))];
  const actors = new Map<string, { actor_name: string | null; command: string }>();
  for (let i = 0; i < stamps.length; i += 400) {
    const chunk = stamps.slice(i, i + 400);
    for (const a of core.q
      .prepare(`SELECT at, actor_name, command FROM audit_log WHERE at IN (${chunk.map(() => '?').join(',')}) ORDER BY seq`)
      .all(...chunk) as { at: string; actor_name: string | null; command: string }[]) {
      if (!actors.has(a.at)) actors.set(a.at, a);
    }
  }
  return latest.map(({ seq: _seq, ...e }) => {
    const a = actors.get(e.at);
    return { ...e, actorName: a?.actor_name ?? null, command: a?.command ?? null };
  });
}

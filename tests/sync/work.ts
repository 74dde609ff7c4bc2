import type { Office } from '../helpers';
import { seedWrite } from '../helpers/users';

let counter = 0;

/** A valid, unique NIP per call (sequence in the last digits), so two offices can also share one. */
export function syncTestNip(): string {
  counter++;
  return `19900101201501${counter % 2 === 0 ? '1' : '2'}${String(counter).padStart(3, '0')}`;
}

/**
 * Office work through the real command path and the real record writer: new employees, edits and
 * a tombstone, each with change_log rows and audit entries.
 */
export function doWork(office: Office, n: number, rng: () => number = Math.random): string[] {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { employee } = office.asAdmin('people.create', { nip: syncTestNip(), name: `Pegawai ${office.officeId.slice(-4)} ${i}` });
    ids.push(employee.id);
  }
  const live = office.core.sqlite.prepare('SELECT id, version FROM employees WHERE deleted_at IS NULL AND office_id = ? ORDER BY id').all(office.officeId) as { id: string; version: number }[];
  seedWrite(office, (w) => {
    for (const e of live) {
      const roll = rng();
      if (roll < 0.2) w.update('employees', e.id, { phone: `08${Math.floor(rng() * 1e9)}` });
      else if (roll < 0.25 && e.id !== office.admin.employeeId) w.remove('employees', e.id);
    }
  });
  return ids;
}

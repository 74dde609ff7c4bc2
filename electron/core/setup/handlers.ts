import { v7 as uuidv7 } from 'uuid';
import { ruleViolation } from '../../../shared/errors';
import type { HandlerMap } from '../context';
import { hashPassword } from '../auth/password-hash';
import type { Core } from '../core';

export function isInitialized(core: Core): boolean {
  return core.officeId() !== null;
}

export const setupHandlers: HandlerMap<'setup.status' | 'setup.create'> = {
  'setup.status': (ctx) => {
    const officeId = ctx.core.officeId();
    if (!officeId) return { initialized: false, officeName: null };
    const office = ctx.core.q.prepare('SELECT name FROM offices WHERE id = ?').get(officeId) as { name: string } | undefined;
    return { initialized: true, officeName: office?.name ?? null };
  },

  'setup.create': (ctx, input) => {
    // Checked inside the transaction, so two first-run screens racing cannot both succeed.
    if (isInitialized(ctx.core)) {
      throw ruleViolation('Kantor ini sudah disiapkan. Masuk dengan akun administrator yang sudah ada.');
    }
    const officeId = uuidv7();
    ctx.core.setMeta('office_id', officeId);
    ctx.write.insert('offices', { id: officeId, office_id: officeId, name: input.officeName, code: input.officeCode || null, address: null });
    const employee = ctx.write.insert('employees', { nip: input.adminNip, name: input.adminName });
    const user = ctx.write.insert('users', {
      employee_id: employee.id,
      username: null,
      password_hash: hashPassword(input.adminPassword),
      is_pengelola: 1,
      is_admin_pusat: 0,
      must_change_password: 0,
      failed_count: 0,
      next_attempt_at: null,
      locked_until: null,
      last_login_at: null,
    });
    ctx.auditActor({ userId: user.id, nip: input.adminNip, name: input.adminName });
    return { officeId, adminUserId: user.id };
  },
};

import { parseNip } from '../../../shared/people/nip';
import { localDate } from '../../../shared/people/dates';
import { v7 as uuidv7 } from 'uuid';
import { AppError, ruleViolation } from '../../../shared/errors';
import { attemptKey, formatWait, throttleOf } from '../auth/attempt-throttle';
import type { HandlerMap } from '../context';
import type { Core } from '../core';
import { forgetSetupCode, setupCodeMatches } from './setup-code';

export function isInitialized(core: Core): boolean {
  return core.officeId() !== null;
}

export const setupHandlers: HandlerMap<'setup.status' | 'setup.create'> = {
  'setup.status': (ctx) => {
    const officeId = ctx.core.officeId();
    if (!officeId) return { initialized: false, officeName: null, setupCodeRequired: !ctx.caller.local };
    const office = ctx.core.q.first(ctx.core.db.selectFrom('offices').select('name').where('id', '=', officeId));
    return { initialized: true, officeName: office?.name ?? null, setupCodeRequired: false };
  },

  'setup.create': (ctx, input) => {
    // Checked inside the transaction, so two first-run screens racing cannot both succeed.
    if (isInitialized(ctx.core)) {
      throw ruleViolation('Kantor ini sudah disiapkan. Masuk dengan akun administrator yang sudah ada.');
    }
    if (!ctx.caller.local) {
      // Guessing the code is throttled like a password (per address, growing waits).
      const throttle = throttleOf(ctx.core);
      const key = attemptKey(ctx.caller.address, 'setup-code');
      const wait = throttle.waitSeconds(key, ctx.now);
      if (wait > 0) {
        throw new AppError('RATE_LIMITED', `Terlalu banyak kode penyiapan yang salah dari komputer ini. Tunggu ${formatWait(wait)} lalu coba lagi.`, {
          details: { retryAfterSeconds: wait },
        });
      }
      if (!setupCodeMatches(ctx.core, input.setupCode)) {
        throttle.fail(key, ctx.now);
        const message = input.setupCode
          ? 'Kode penyiapan salah. Salin kode yang tercetak di konsol server saat "kinerja serve" dijalankan.'
          : 'Penyiapan pertama dari komputer lain memerlukan kode penyiapan. Kode itu tercetak di konsol server saat "kinerja serve" dijalankan.';
        throw new AppError('FORBIDDEN', message, { fields: { setupCode: message }, details: { reason: 'SETUP_CODE' } });
      }
    }
    // The schema checked the NIP's form; a birth date or TMT after today needs the office's clock.
    const nip = parseNip(input.adminNip, 'PNS', localDate(ctx.now));
    if (!nip.ok) throw new AppError('VALIDATION', nip.message, { fields: { adminNip: nip.message } });
    const officeId = uuidv7();
    ctx.core.setMeta('office_id', officeId);
    ctx.write.insert('offices', { id: officeId, office_id: officeId, name: input.officeName, code: input.officeCode || null, address: null });
    const employee = ctx.write.insert('employees', { nip: input.adminNip, name: input.adminName });
    const user = ctx.write.insert('users', {
      employee_id: employee.id,
      username: null,
      password_hash: ctx.passwords.hash(input.adminPassword),
      is_pengelola: 1,
      is_admin_pusat: 0,
      must_change_password: 0,
      failed_count: 0,
      next_attempt_at: null,
      locked_until: null,
      last_login_at: null,
    });
    ctx.auditActor({ userId: user.id, nip: input.adminNip, name: input.adminName });
    forgetSetupCode(ctx.core);
    return { officeId, adminUserId: user.id };
  },
};

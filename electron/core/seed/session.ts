import type { CommandInput, CommandName, CommandOutput } from '../../../shared/commands';
import { AppError } from '../../../shared/errors';
import { normalizeNip } from '../../../shared/people/nip';
import { createSession, endSession, hashToken } from '../auth/sessions';
import type { Core } from '../core';
import { call } from '../dispatch';

/**
 * The command line acts as a named office admin: it opens a short session for that user and calls
 * the same commands the screens call, so roles, validation and the audit trail are the same.
 */
export interface CliActor {
  call<N extends CommandName>(name: N, input: CommandInput<N>): CommandOutput<N>;
  userId: string;
  name: string;
  close(): void;
}

export function officeAdmin(core: Core, nip?: string): { userId: string; name: string } {
  if (!core.officeId()) throw new AppError('RULE_VIOLATION', 'Kantor belum disiapkan. Jalankan "kinerja init" atau "kinerja seed --demo" lebih dulu.');
  const row = (
    nip
      ? core.q
          .prepare(
            `SELECT u.id, e.name, u.is_pengelola FROM users u JOIN employees e ON e.id = u.employee_id
             WHERE e.nip = ? AND u.deleted_at IS NULL`,
          )
          .get(normalizeNip(nip))
      : core.q
          .prepare(
            `SELECT u.id, e.name, u.is_pengelola FROM users u JOIN employees e ON e.id = u.employee_id
             WHERE u.is_pengelola = 1 AND u.deleted_at IS NULL AND u.deactivated_at IS NULL ORDER BY u.created_at LIMIT 1`,
          )
          .get()
  ) as { id: string; name: string; is_pengelola: number } | undefined;
  if (!row) throw new AppError('NOT_FOUND', nip ? `Tidak ada akun dengan NIP ${nip}.` : 'Tidak ada akun Pengelola Kinerja di kantor ini.');
  if (!row.is_pengelola) throw new AppError('FORBIDDEN', `${row.name} bukan Pengelola Kinerja.`);
  return { userId: row.id, name: row.name };
}

export function actAs(core: Core, userId: string, name: string): CliActor {
  const session = createSession(core, userId, core.now());
  return {
    userId,
    name,
    call: (command, input) => call(core, { transport: 'cli', sessionToken: session.token, requireCsrf: false }, command, input),
    close: () => endSession(core, hashToken(session.token)),
  };
}

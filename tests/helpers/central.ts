import type { CommandInput, CommandName, CommandOutput } from '../../shared/commands';
import { attachCentralStore, detachCentralStore } from '../../electron/core/central/attach';
import type { CentralStore } from '../../electron/core/central/store';
import { dispatchAsync, toAppError } from '../../electron/core/dispatch';
import type { AppError } from '../../shared/errors';
import { createUserWithRoles } from './users';
import type { Office, Session, TestCore } from './office';

/**
 * Calls any command the way the desktop bridge and the HTTP host do for commands that await
 * (`dispatchAsync`): the central's commands, enrolment. Throws the typed AppError.
 */
export async function callAsync<N extends CommandName>(t: TestCore, name: N, input: CommandInput<N>, as: Session | null): Promise<CommandOutput<N>> {
  const { result } = await dispatchAsync(t.core, name, input, { transport: 'ipc', sessionToken: as?.token ?? null, requireCsrf: false });
  return result as CommandOutput<N>;
}

export async function tryCallAsync<N extends CommandName>(
  t: TestCore,
  name: N,
  input: CommandInput<N>,
  as: Session | null,
): Promise<{ ok: true; result: CommandOutput<N> } | { ok: false; error: AppError }> {
  try {
    return { ok: true, result: await callAsync(t, name, input, as) };
  } catch (err) {
    return { ok: false, error: toAppError(err) };
  }
}

/**
 * Makes `office` (a set-up database standing for the central's own accounts database) a central:
 * its store attached as `serve --central` does, and an Admin Pusat signed in.
 */
export function makeCentralOf(office: Office, store: CentralStore): { adminPusat: () => Session; detach(): void } {
  attachCentralStore(office.core, store);
  const user = createUserWithRoles(office, ['pegawai', 'admin_pusat']);
  let session: Session | null = null;
  // Signed in again when a test moved the clock past the session's end.
  const adminPusat = () => (session && office.sessionAlive(session) ? session : (session = office.login(user.nip, user.password)));
  return { adminPusat, detach: () => detachCentralStore(office.core) };
}

import { commands, type CommandInput, type CommandName, type CommandOutput } from '../../../shared/commands';
import type { KinerjaBridge } from '../../../shared/desktop/bridge';
import { AppError, isErrorBody } from '../../../shared/errors';

declare global {
  interface Window {
    kinerja?: KinerjaBridge;
  }
}

/** Which transport this renderer talks through, decided once at start. */
export const transport: 'ipc' | 'http' = typeof window !== 'undefined' && window.kinerja ? 'ipc' : 'http';

let csrfToken: string | null = null;

/** The HTTP transport sends this header on state-changing commands; login and `auth.me` hand it out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The current CSRF token, for the few HTTP requests that are not commands (starting a print job). */
export function csrfTokenNow(): string | null {
  return csrfToken;
}

async function callHttp(name: string, input: unknown): Promise<unknown> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (csrfToken && commands[name as CommandName]?.kind === 'write') headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`api/${name}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}), credentials: 'same-origin' });
  } catch {
    throw new AppError('INTERNAL', 'Tidak dapat menghubungi server Kinerja. Periksa jaringan kantor atau apakah server masih berjalan.', {
      details: { network: true },
    });
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return body;
  const error = (body as { error?: unknown } | null)?.error;
  if (isErrorBody(error)) throw AppError.fromBody(error);
  throw new AppError('INTERNAL', `Server menjawab dengan status ${response.status}.`);
}

async function callIpc(name: string, input: unknown): Promise<unknown> {
  const reply = await window.kinerja!.call(name, input ?? {});
  if (reply.ok) return reply.result;
  throw AppError.fromBody(reply.error);
}

/** The one typed client: every screen calls the backend through this. */
export async function call<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
  const result = (await (transport === 'ipc' ? callIpc(name, input) : callHttp(name, input))) as CommandOutput<N>;
  if (name === 'auth.login' || name === 'auth.me') setCsrfToken((result as { csrfToken: string | null }).csrfToken);
  if (name === 'auth.logout') setCsrfToken(null);
  return result;
}

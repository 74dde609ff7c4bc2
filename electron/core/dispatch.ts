import { z } from 'zod';
import { commands, isCommandName, type CommandInput, type CommandName, type CommandOutput } from '../../shared/commands';
import { AppError, isStorageFull, storageFullMessage } from '../../shared/errors';
import type { Access } from '../../shared/roles';
import { confirmAuditHead } from './audit/anchor';
import { appendAudit } from './audit/chain';
import { passwordWorkFor } from './auth/password-work';
import { PasswordWork } from './auth/password-hash';
import { writtenRows } from './audit/rows';
import { resolveSession } from './auth/sessions';
import { CommittedFailure, type Actor, type Caller, type HandlerContext, type ReadContext } from './context';
import type { Core } from './core';
import { RecordWriter } from './db/records';
import { asyncHandlerOf, isAsyncCommand, type AsyncCommandName } from './async-handlers';
import { handlers } from './handlers';

// Validation messages come from the backend, in the product's first language.
z.config(z.locales.id());

export interface CallMeta {
  transport: 'http' | 'ipc' | 'cli';
  sessionToken?: string | null;
  /** The CSRF header the HTTP transport received; IPC has no cross-site requests to guard. */
  csrfToken?: string | null;
  requireCsrf: boolean;
  /** The client's address (HTTP); IPC and CLI calls come from this machine. */
  clientAddress?: string | null;
}

/** Loopback addresses, IPv4 (127/8), IPv6 and IPv4-mapped IPv6. */
export function isLoopbackAddress(address: string | null | undefined): boolean {
  if (!address) return false;
  const a = address.startsWith('::ffff:') ? address.slice(7) : address;
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

export function callerOf(meta: CallMeta): Caller {
  if (meta.transport !== 'http') return { transport: meta.transport, address: 'lokal', local: true };
  const address = meta.clientAddress ?? 'tidak-diketahui';
  return { transport: 'http', address, local: isLoopbackAddress(meta.clientAddress) };
}

export type SessionChange = { kind: 'start'; token: string; expiresAt: string } | { kind: 'end' } | null;

export interface CallResult<N extends CommandName = CommandName> {
  result: CommandOutput<N>;
  sessionChange: SessionChange;
}

/** Commands a user who must change their password may still call. */
const allowedBeforePasswordChange = new Set<string>(['auth.me', 'auth.changePassword', 'auth.logout', 'setup.status']);

export function validationError(error: z.ZodError): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  // The headline is for people; which field it concerns travels in `fields` (forms put it there).
  const first = error.issues[0];
  return new AppError('VALIDATION', `Periksa kembali isian Anda: ${first?.message ?? 'ada isian yang belum benar.'}`, { fields });
}

function allowed(access: readonly Access[], actor: Actor | null): boolean {
  if (access.includes('public')) return true;
  if (!actor) return false;
  if (access.includes('authenticated')) return true;
  return access.some((a) => a !== 'public' && a !== 'authenticated' && actor.roles.has(a));
}

/**
 * The one entry point of the backend: validate, authenticate, authorise, run the handler (a write
 * in one transaction with its audit entry), validate the output. Transports call only this.
 */
export function dispatch(core: Core, name: string, rawInput: unknown, meta: CallMeta, passwords: PasswordWork = new PasswordWork()): CallResult {
  if (!isCommandName(name)) throw new AppError('NOT_FOUND', `Perintah "${name}" tidak dikenal.`);
  if (isAsyncCommand(name)) throw new AppError('INTERNAL', `Perintah "${name}" menunggu server pusat; transport harus memakai dispatchAsync.`);
  return execute(core, name, rawInput, meta, passwords);
}

/**
 * A command called from inside the backend (documents, reports, downloads, the seeds) on behalf of
 * `caller`'s session: the same checks as a transport's call, and the command's declared output type.
 */
export function call<N extends CommandName>(core: Core, caller: CallMeta, name: N, input: CommandInput<N>): CommandOutput<N> {
  return execute(core, name, input, caller, new PasswordWork()).result;
}

/** A call that passed access and validation, with the contexts its handler gets. */
interface Prepared {
  def: (typeof commands)[CommandName];
  input: unknown;
  readCtx: ReadContext;
  writer: RecordWriter;
  nowIso: string;
  sessionChange(): SessionChange;
  auditAs(): { userId: string; nip: string; name: string } | null;
}

function prepare(core: Core, name: CommandName, rawInput: unknown, meta: CallMeta, passwords: PasswordWork): Prepared {
  const def = commands[name];
  // Each command's access is a literal tuple; the checks below read it as the general list.
  const access: readonly Access[] = def.access;
  const now = core.now();

  const lookup = resolveSession(core, meta.sessionToken, now);
  const actor = lookup.status === 'active' ? lookup.actor : null;
  if (!allowed(access, actor)) {
    if (!actor) {
      throw new AppError(
        'UNAUTHENTICATED',
        lookup.status === 'expired' ? 'Sesi Anda telah berakhir. Silakan masuk kembali.' : 'Silakan masuk terlebih dahulu.',
      );
    }
    throw new AppError('FORBIDDEN', 'Peran Anda tidak mengizinkan tindakan ini.');
  }
  if (actor?.mustChangePassword && !access.includes('public') && !allowedBeforePasswordChange.has(name)) {
    throw new AppError('FORBIDDEN', 'Anda wajib mengganti kata sandi sementara sebelum melanjutkan.', {
      details: { reason: 'MUST_CHANGE_PASSWORD' },
    });
  }
  // Public commands (login, first-run setup) carry no prior token by design.
  const needsCsrf = meta.requireCsrf && def.kind === 'write' && !access.includes('public');
  if (needsCsrf && lookup.status === 'active' && meta.csrfToken !== lookup.csrfToken) {
    throw new AppError('FORBIDDEN', 'Token keamanan (CSRF) tidak cocok. Muat ulang halaman lalu coba lagi.');
  }

  const parsed = def.input.safeParse(rawInput ?? {});
  if (!parsed.success) throw validationError(parsed.error);

  let sessionChange: SessionChange = null;
  let auditAs: { userId: string; nip: string; name: string } | null = actor;
  const nowIso = now.toISOString();
  const writer = new RecordWriter(
    core,
    () => {
      const id = actor?.officeId ?? core.officeId();
      if (!id) throw new AppError('RULE_VIOLATION', 'Kantor belum disiapkan.');
      return id;
    },
    nowIso,
  );
  const readCtx: ReadContext = {
    core,
    actor,
    now,
    nowIso,
    session: {
      start: (token, expiresAt) => (sessionChange = { kind: 'start', token, expiresAt }),
      end: () => (sessionChange = { kind: 'end' }),
    },
    caller: callerOf(meta),
    passwords,
    auditActor: (who) => (auditAs = who),
  };
  return { def, input: parsed.data, readCtx, writer, nowIso, sessionChange: () => sessionChange, auditAs: () => auditAs };
}

/** Runs a write's handler in one transaction with its audit entry, then moves the audit anchor. */
function commitWrite(core: Core, name: CommandName, p: Prepared, run: () => unknown): unknown {
  const { writer, nowIso } = p;
  const output = core.sqlite.transaction(() => {
    const out = run();
    const first = writer.changes[0];
    const single = writer.changes.length <= 1;
    const auditAs = p.auditAs();
    appendAudit(core, {
      at: nowIso,
      actorUserId: auditAs?.userId ?? null,
      actorNip: auditAs?.nip ?? null,
      actorName: auditAs?.name ?? null,
      command: name + (out instanceof CommittedFailure ? ':gagal' : ''),
      recordTable: first?.table ?? null,
      recordId: first?.id ?? null,
      before: single ? (first?.before ?? null) : writer.changes.map((c) => ({ table: c.table, id: c.id, before: c.before })),
      after: single ? (first?.after ?? null) : writer.changes.map((c) => ({ table: c.table, id: c.id, after: c.after })),
    }, writtenRows(writer));
    return out;
  })();
  // Committed: the anchor outside the database moves to this entry.
  confirmAuditHead(core);
  return output;
}

/** The handler's answer, checked against the command's own output schema. */
function finish<N extends CommandName>(p: Prepared, output: unknown): CallResult<N> {
  if (output instanceof CommittedFailure) throw output.error;
  const checked = p.def.output.safeParse(output);
  if (!checked.success) {
    throw new AppError('INTERNAL', 'Terjadi kesalahan internal: jawaban server tidak sesuai kontrak.', {
      details: { issues: checked.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`) },
    });
  }
  // The one place the output type is asserted: it was just parsed by this command's own output
  // schema, which TypeScript cannot follow through the generic name (zod's types are invariant).
  return { result: checked.data as CommandOutput<N>, sessionChange: p.sessionChange() };
}

function execute<N extends CommandName>(core: Core, name: N, rawInput: unknown, meta: CallMeta, passwords: PasswordWork): CallResult<N> {
  const p = prepare(core, name, rawInput, meta, passwords);
  // allowed() above guarantees the actor ContextFor<N> promises for a non-public command.
  const handler = handlers[name as Exclude<CommandName, AsyncCommandName>] as ((ctx: ReadContext, input: unknown) => unknown) | undefined;
  if (!handler) throw new AppError('INTERNAL', `Perintah "${name}" menunggu server pusat; transport harus memakai dispatchAsync.`);
  // A read command gets no writer at all (its handler's type has none either): a read never writes.
  if (p.def.kind === 'read') return finish(p, handler(p.readCtx, p.input));
  const ctx: HandlerContext = { ...p.readCtx, write: p.writer };
  return finish(p, commitWrite(core, name, p, () => handler(ctx, p.input)));
}

/**
 * A command whose handler awaits (async-handlers.ts): the same checks; a read answers what it
 * awaited, a write's awaited work hands back a commit step that runs in one transaction with the
 * audit entry, exactly as a synchronous write does.
 */
async function executeAsync<N extends CommandName>(core: Core, name: N, rawInput: unknown, meta: CallMeta, passwords: PasswordWork): Promise<CallResult<N>> {
  const p = prepare(core, name, rawInput, meta, passwords);
  const handler = asyncHandlerOf(name) as unknown as (ctx: ReadContext, input: unknown) => Promise<unknown>;
  const awaited = await handler(p.readCtx, p.input);
  if (p.def.kind === 'read') return finish(p, awaited);
  const commit = awaited as (write: RecordWriter) => unknown;
  return finish(p, commitWrite(core, name, p, () => commit(p.writer)));
}

/**
 * `dispatch` for transports serving many clients at once (the HTTP server) and for commands that
 * await (the central's store, the central's address): the scrypt work the command will need
 * (checking a password, hashing a new one) runs first on the thread pool, then the same dispatch
 * runs with the results at hand. Nothing is decided here: an input or caller the dispatcher will
 * refuse simply gets no prepared work.
 */
export async function dispatchAsync(core: Core, name: string, rawInput: unknown, meta: CallMeta): Promise<CallResult> {
  const passwords = new PasswordWork();
  if (isCommandName(name)) {
    const parsed = commands[name].input.safeParse(rawInput ?? {});
    if (parsed.success) {
      const lookup = resolveSession(core, meta.sessionToken, core.now());
      const actor = lookup.status === 'active' ? lookup.actor : null;
      if (allowed(commands[name].access, actor)) {
        const work = passwordWorkFor(core, name, parsed.data, { actor, caller: callerOf(meta), now: core.now() });
        if (work) await passwords.prepare(work);
      }
    }
    if (isAsyncCommand(name)) return executeAsync(core, name, rawInput, meta, passwords);
  }
  return dispatch(core, name, rawInput, meta, passwords);
}

/** Any thrown value as the typed error body that crosses the transport. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string })?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return new AppError('CONFLICT', 'Data bentrok dengan data yang sudah ada (misalnya nomor yang sama sudah terdaftar).');
  }
  if (isStorageFull(err)) return new AppError('STORAGE_FULL', storageFullMessage);
  if (code === 'SQLITE_BUSY') {
    return new AppError('CONFLICT', 'Basis data sedang sibuk dipakai proses lain. Coba lagi sebentar lagi.');
  }
  return new AppError('INTERNAL', 'Terjadi kesalahan internal. Coba lagi; bila berulang, hubungi pengelola aplikasi.');
}

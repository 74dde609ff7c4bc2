import type { CommandName, CommandOutput, ParsedInput } from '../../shared/commands';
import type { AppError } from '../../shared/errors';
import type { Role } from '../../shared/roles';
import type { Core } from './core';
import type { PasswordWork } from './auth/password-hash';
import type { RecordWriter } from './db/records';

/** Who is calling. Built from the session by the dispatcher; handlers trust nothing else. */
export interface Actor {
  userId: string;
  employeeId: string;
  officeId: string;
  nip: string;
  name: string;
  username: string | null;
  roles: ReadonlySet<Role>;
  mustChangePassword: boolean;
  sessionTokenHash: string | null;
}

/** Where a call comes from: throttling keys on the address; first-run setup trusts only this machine. */
export interface Caller {
  transport: 'http' | 'ipc' | 'cli';
  /** The client's IP address over HTTP; 'lokal' for the desktop bridge and the CLI. */
  address: string;
  /** This machine itself (loopback HTTP, the desktop app, the CLI). */
  local: boolean;
}

/** Lets login and logout tell the transport to set or clear its session, without seeing it. */
export interface SessionControl {
  start(token: string, expiresAt: string): void;
  end(): void;
}

export interface HandlerContext {
  core: Core;
  actor: Actor | null;
  now: Date;
  nowIso: string;
  /** Only for `write` commands; a read command touching it is a programming error. */
  write: RecordWriter;
  session: SessionControl;
  caller: Caller;
  /** Password checks and hashes (prepared off the event loop by `dispatchAsync`). */
  passwords: PasswordWork;
  /** For public commands that establish who acts (login, first-run setup): name them in the audit row. */
  auditActor(actor: { userId: string; nip: string; name: string }): void;
}

/** A context whose actor is known (the dispatcher guarantees it for non-public commands). */
export type AuthedContext = HandlerContext & { actor: Actor };

/**
 * A handler may return a failure that still commits its writes (a failed login must count the
 * attempt, yet answer with an error).
 */
export class CommittedFailure {
  constructor(readonly error: AppError) {}
}

export type Handler<N extends CommandName> = (ctx: HandlerContext, input: ParsedInput<N>) => CommandOutput<N> | CommittedFailure;

export type HandlerMap<N extends CommandName> = { [K in N]: Handler<K> };

export function requireActor(ctx: HandlerContext): Actor {
  if (!ctx.actor) throw new Error('handler needs an actor but the command is public');
  return ctx.actor;
}

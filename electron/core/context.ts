import type { CommandName, CommandOutput, Commands, ParsedInput } from '../../shared/commands';
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

/** What every handler receives. A read handler gets only this: it has no writer to call. */
export interface ReadContext {
  core: Core;
  actor: Actor | null;
  now: Date;
  nowIso: string;
  session: SessionControl;
  caller: Caller;
  /** Password checks and hashes (prepared off the event loop by `dispatchAsync`). */
  passwords: PasswordWork;
  /** For public commands that establish who acts (login, first-run setup): name them in the audit row. */
  auditActor(actor: { userId: string; nip: string; name: string }): void;
}

/** A write command's context: the one writer of its transaction. */
export interface HandlerContext extends ReadContext {
  write: RecordWriter;
}

/** A context whose actor is known (the dispatcher guarantees it for non-public commands). */
export type AuthedContext = HandlerContext & { actor: Actor };
/** A read command's context whose actor is known. */
export type AuthedReadContext = ReadContext & { actor: Actor };

type IsPublic<N extends CommandName> = 'public' extends Commands[N]['access'][number] ? true : false;
type IsWrite<N extends CommandName> = Commands[N]['kind'] extends 'write' ? true : false;

/**
 * The context the dispatcher builds for command N: the writer only for `write` commands, and a
 * known actor for every command that is not public.
 */
export type ContextFor<N extends CommandName> = IsWrite<N> extends true
  ? IsPublic<N> extends true
    ? HandlerContext
    : AuthedContext
  : IsPublic<N> extends true
    ? ReadContext
    : AuthedReadContext;

/**
 * A handler may return a failure that still commits its writes (a failed login must count the
 * attempt, yet answer with an error).
 */
export class CommittedFailure {
  constructor(readonly error: AppError) {}
}

export type Handler<N extends CommandName> = (ctx: ContextFor<N>, input: ParsedInput<N>) => CommandOutput<N> | CommittedFailure;

export type HandlerMap<N extends CommandName> = { [K in N]: Handler<K> };

export function requireActor(ctx: ReadContext): Actor {
  if (!ctx.actor) throw new Error('handler needs an actor but the command is public');
  return ctx.actor;
}

/**
 * A command whose work awaits something outside this database (the central store on Kysely, which
 * may be PostgreSQL; the central's HTTP address at enrolment). Its handler does that work first,
 * off the SQLite transaction; a read then answers, a write hands back a `commit` that the
 * dispatcher runs in one SQLite transaction with its audit row (as a synchronous handler runs).
 */
type AsyncContextFor<N extends CommandName> = IsPublic<N> extends true ? ReadContext : AuthedReadContext;
export type AsyncHandler<N extends CommandName> = IsWrite<N> extends true
  ? (ctx: AsyncContextFor<N>, input: ParsedInput<N>) => Promise<(write: RecordWriter) => CommandOutput<N>>
  : (ctx: AsyncContextFor<N>, input: ParsedInput<N>) => Promise<CommandOutput<N>>;

export type AsyncHandlerMap<N extends CommandName> = { [K in N]: AsyncHandler<K> };

import type { SessionUser } from '../../shared/auth/commands';
import type { CommandInput, CommandName, CommandOutput } from '../../shared/commands';
import type { SetupInput } from '../../shared/setup/commands';
import type { AppError } from '../../shared/errors';
import { Core, type CoreOptions } from '../../electron/core/core';
import { dispatch, toAppError, type CallMeta } from '../../electron/core/dispatch';
import { defaultWiring } from '../../electron/core/wiring';
import { TestClock } from './clock';
import { testPenilaiProvider } from './users';
import { makeTempDir, removeTempDir } from './tempdir';

/** The first administrator every test office is set up with (a valid PNS NIP, written with spaces). */
export const defaultSetup = {
  officeName: 'Dinas Komunikasi dan Informatika Kota Langsa',
  officeCode: 'DISKOMINFO',
  adminNip: '19860926 201505 1 001',
  adminName: 'Cut Nyak Administrator',
  adminPassword: 'Rahasia-Kantor-7',
} satisfies SetupInput;

/** A signed-in session as the dispatcher sees it: the raw token (the cookie) and its CSRF token. */
export interface Session {
  token: string;
  csrfToken: string;
  user: SessionUser;
}

export type CallResult<N extends CommandName> = { ok: true; result: CommandOutput<N> } | { ok: false; error: AppError };

export interface TestCoreOptions {
  /** Defaults to a new `TestClock`. */
  clock?: TestClock;
  /** Reuse a directory (e.g. to reopen a database); a new temp dir otherwise. */
  dir?: string;
  /** Remove `dir` on close (default: only when the dir was created here). */
  ownsDir?: boolean;
  sessionPolicy?: CoreOptions['sessionPolicy'];
  beforeMigrate?: CoreOptions['beforeMigrate'];
}

/** A `Core` on a real SQLite file in a temp dir, with a hand-moved clock and dispatch shorthands. */
export class TestCore {
  readonly core: Core;
  readonly dir: string;
  readonly clock: TestClock;
  private readonly ownsDir: boolean;

  constructor(options: TestCoreOptions = {}) {
    this.ownsDir = options.ownsDir ?? !options.dir;
    this.dir = options.dir ?? makeTempDir();
    this.clock = options.clock ?? new TestClock();
    try {
      this.core = Core.open({
        dataDir: this.dir,
        clock: this.clock.now,
        sessionPolicy: options.sessionPolicy,
        beforeMigrate: options.beforeMigrate,
        wiring: { derivedRoles: [...defaultWiring.derivedRoles, testPenilaiProvider] },
      });
    } catch (err) {
      if (this.ownsDir) removeTempDir(this.dir);
      throw err;
    }
  }

  /**
   * Calls a command the way the desktop bridge does (no CSRF: IPC has no cross-site requests).
   * `as` is a session (or its raw token); omitted means anonymous. Throws the typed AppError.
   */
  call<N extends CommandName>(name: N, input: CommandInput<N>, as?: Session | string | null): CommandOutput<N> {
    const token = typeof as === 'string' ? as : (as?.token ?? null);
    const meta: CallMeta = { transport: 'ipc', sessionToken: token, requireCsrf: false };
    return dispatch(this.core, name, input, meta).result as CommandOutput<N>;
  }

  /** Like `call`, but returns the error (always an AppError, as the transports would send it). */
  tryCall<N extends CommandName>(name: N, input: CommandInput<N>, as?: Session | string | null): CallResult<N> {
    try {
      return { ok: true, result: this.call(name, input, as) };
    } catch (err) {
      return { ok: false, error: toAppError(err) };
    }
  }

  /** Signs in through `auth.login` and returns the session token the transport would set as a cookie. */
  login(login: string, password: string): Session {
    const { result, sessionChange } = dispatch(this.core, 'auth.login', { login, password }, { transport: 'ipc', requireCsrf: false });
    if (sessionChange?.kind !== 'start') throw new Error('auth.login succeeded without starting a session');
    const r = result as CommandOutput<'auth.login'>;
    return { token: sessionChange.token, csrfToken: r.csrfToken, user: r.user };
  }

  close(): void {
    this.core.close();
    if (this.ownsDir) removeTempDir(this.dir);
  }
}

export interface OfficeUser {
  userId: string;
  employeeId: string;
  /** Normalised (no spaces), as stored. */
  nip: string;
  name: string;
  password: string;
}

/** A `TestCore` after `setup.create`: one office and its first administrator (a Pengelola). */
export interface OfficeOptions extends TestCoreOptions {
  /** Overrides of `defaultSetup`. */
  setup?: Partial<SetupInput>;
  /** Attach to an already set-up database instead of running `setup.create` (see `reopen`). */
  existing?: { officeId: string; admin: OfficeUser };
}

export class Office extends TestCore {
  readonly officeId: string;
  readonly admin: OfficeUser;
  private cachedAdminSession: Session | null = null;

  constructor(options: OfficeOptions = {}) {
    super(options);
    if (options.existing) {
      this.officeId = options.existing.officeId;
      this.admin = options.existing.admin;
      return;
    }
    const input = { ...defaultSetup, ...options.setup };
    try {
      const created = this.call('setup.create', input);
      this.officeId = created.officeId;
      const emp = this.core.sqlite.prepare('SELECT employee_id FROM users WHERE id = ?').get(created.adminUserId) as { employee_id: string };
      this.admin = {
        userId: created.adminUserId,
        employeeId: emp.employee_id,
        nip: input.adminNip.replace(/\s/g, ''),
        name: input.adminName,
        password: input.adminPassword,
      };
    } catch (err) {
      this.close();
      throw err;
    }
  }

  /**
   * Closes this connection and opens the same database again (an app restart), optionally with
   * another clock. The returned office owns the temp dir from now on; do not use this one again.
   */
  reopen(options: Pick<TestCoreOptions, 'clock' | 'sessionPolicy' | 'beforeMigrate'> = {}): Office {
    this.core.close();
    return new Office({ ...options, dir: this.dir, ownsDir: true, clock: options.clock ?? this.clock, existing: { officeId: this.officeId, admin: this.admin } });
  }

  /** One admin session per office, created on first use (a login costs a scrypt hash). */
  adminSession(): Session {
    if (this.cachedAdminSession && this.sessionAlive(this.cachedAdminSession)) return this.cachedAdminSession;
    this.cachedAdminSession = this.login(this.admin.nip, this.admin.password);
    return this.cachedAdminSession;
  }

  /** Calls a command as the office's first administrator. */
  asAdmin<N extends CommandName>(name: N, input: CommandInput<N>): CommandOutput<N> {
    return this.call(name, input, this.adminSession());
  }

  sessionAlive(session: Session): boolean {
    return this.call('auth.me', {}, session).user !== null;
  }
}

/** Opens a `Core` in a fresh temp dir with an injectable clock and runs `setup.create`. */
export function makeOffice(options: OfficeOptions = {}): Office {
  return new Office(options);
}

/** A `Core` on an empty (migrated, not yet set up) database. */
export function makeEmptyCore(options: TestCoreOptions = {}): TestCore {
  return new TestCore(options);
}

/** Asserts a call failed and returns its error, for `expect(...).toMatchObject`. */
export function expectFailure<N extends CommandName>(r: CallResult<N>): AppError {
  if (r.ok) throw new Error(`expected the command to fail, but it returned ${JSON.stringify(r.result)}`);
  return r.error;
}

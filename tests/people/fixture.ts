import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CommandInput, CommandName, CommandOutput } from '../../shared/commands';
import { AppError } from '../../shared/errors';
import { Core } from '../../electron/core/core';
import { dispatch, toAppError } from '../../electron/core/dispatch';

/**
 * A real office database in a temp dir for the people/org tests, with a hand-moved clock and
 * sign-in shorthands. Kept separate from tests/helpers so this capability's tests do not depend
 * on files other people are changing.
 */
export const adminNip = '198001012005011001';
export const adminPassword = 'Rahasia-Kantor-7';

const dirs: string[] = [];

export function tempDir(prefix = 'kinerja-people-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}

export class PeopleOffice {
  readonly core: Core;
  readonly dir: string;
  private ms: number;
  admin!: string;
  officeId!: string;

  constructor(start = '2026-03-02T02:00:00.000Z', dir?: string) {
    this.ms = Date.parse(start);
    this.dir = dir ?? tempDir();
    this.core = Core.open({ dataDir: this.dir, clock: () => new Date(this.ms) });
  }

  static create(start?: string): PeopleOffice {
    const office = new PeopleOffice(start);
    const r = office.call('setup.create', {
      officeName: 'Dinas Pendidikan dan Kebudayaan Kota Langsa',
      officeCode: 'DISDIKBUD',
      adminNip,
      adminName: 'Cut Nurul Pengelola',
      adminPassword,
    });
    office.officeId = r.officeId;
    office.admin = office.login(adminNip, adminPassword);
    return office;
  }

  /** Moves the clock (the date matters for "today's" appraiser) and signs the admin in again. */
  setDate(isoDate: string): void {
    this.ms = Date.parse(`${isoDate}T02:00:00.000Z`);
    if (this.admin) this.admin = this.login(adminNip, adminPassword);
  }

  call<N extends CommandName>(name: N, input: CommandInput<N>, token?: string | null): CommandOutput<N> {
    return dispatch(this.core, name, input, { transport: 'ipc', sessionToken: token ?? null, requireCsrf: false }).result as CommandOutput<N>;
  }

  /** The typed error a call fails with (the test fails if it succeeds). */
  fail<N extends CommandName>(name: N, input: CommandInput<N>, token?: string | null): AppError {
    try {
      this.call(name, input, token);
    } catch (err) {
      return toAppError(err);
    }
    throw new Error(`${name} was expected to fail`);
  }

  login(login: string, password: string): string {
    const r = dispatch(this.core, 'auth.login', { login, password }, { transport: 'ipc', requireCsrf: false });
    if (r.sessionChange?.kind !== 'start') throw new Error('login did not start a session');
    return r.sessionChange.token;
  }

  /** An account for an employee, ready to use (the temporary password is changed right away). */
  account(employeeId: string, nip: string): string {
    this.call('auth.createAccount', { employeeId, temporaryPassword: 'Sementara1' }, this.admin);
    const token = this.login(nip, 'Sementara1');
    this.call('auth.changePassword', { currentPassword: 'Sementara1', newPassword: 'Pegawai2026' }, token);
    return token;
  }

  close(): void {
    this.core.close();
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

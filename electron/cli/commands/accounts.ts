import fs from 'node:fs';
import path from 'node:path';
import type { IssuedAccount } from '../../../shared/accounts/commands';
import { AppError } from '../../../shared/errors';
import { normalizeNip, parseNip } from '../../../shared/people/nip';
import { renderSlips, slipAddress, slipOptionsFor, slipsCsv } from '../../core/accounts/slips';
import { discardTemporaryCredentials, prepareTemporaryCredentials } from '../../core/accounts/temporary-password';
import { Core } from '../../core/core';
import { actAs, officeAdmin } from '../../core/seed/session';
import { dataDirFrom, parse, required, UsageError } from '../args';

export const usage = [
  'accounts create --data DIR --nip NIP [--username NAMA] [--pengelola] [--out SLIP.pdf] [--as NIP]',
  '  kinerja accounts create-missing --data DIR --out SLIP.pdf [--csv BERKAS.csv] [--address URL] [--as NIP]',
].join('\n');

/**
 * Accounts from the command line, through the same commands as the screens (acting as the office
 * admin, or `--as` another Pengelola Kinerja):
 *
 * - `create` makes one employee's account and prints the temporary password (and its slip with `--out`);
 * - `create-missing` makes accounts for every serving employee without one, in one transaction,
 *   and writes their slips (PDF) and, for mail merge, a CSV `nip,nama,sandi_sementara`.
 *
 * The passwords exist in clear only in this run's output: the files are written owner-only
 * (0600), and cannot be produced again (reset a password for a new slip).
 */
export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'create') return create(rest);
  if (sub === 'create-missing') return createMissing(rest);
  throw new UsageError('Sub-perintah accounts yang dikenal: create, create-missing.');
}

function outputPath(value: string | undefined, ext: '.pdf' | '.csv', flag: string): string {
  const out = path.resolve(required(value, flag));
  if (!out.toLowerCase().endsWith(ext)) throw new UsageError(`--${flag} harus berakhiran ${ext}`);
  const dir = path.dirname(out);
  fs.mkdirSync(dir, { recursive: true });
  // Checked before any account is made: once the passwords exist, failing to write them loses them.
  fs.accessSync(dir, fs.constants.W_OK);
  return out;
}

/** Owner-only from the first byte: an older file (other permissions) is replaced, not reused. */
function writeSecret(file: string, data: string | Buffer): void {
  fs.rmSync(file, { force: true });
  fs.writeFileSync(file, data, { mode: 0o600, flag: 'wx' });
}

async function create(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    data: { type: 'string' },
    nip: { type: 'string' },
    username: { type: 'string' },
    pengelola: { type: 'boolean' },
    out: { type: 'string' },
    address: { type: 'string' },
    as: { type: 'string' },
  });
  const nipText = required(values.nip, 'nip');
  const checked = parseNip(nipText);
  if (!checked.ok) throw new UsageError(`--nip: ${checked.message}`);
  const nip = normalizeNip(nipText);
  const out = values.out ? outputPath(values.out, '.pdf', 'out') : null;
  const core = Core.open({ dataDir: dataDirFrom(values.data) });
  try {
    const who = officeAdmin(core, values.as);
    const actor = actAs(core, who.userId, who.name);
    try {
      const found = actor.call('people.list', { q: nip, limit: 50 }).items.find((e) => normalizeNip(e.nip) === nip);
      if (!found) throw new AppError('NOT_FOUND', `Pegawai dengan NIP ${nipText} tidak ditemukan di kantor ini.`);
      const issued = actor.call('accounts.create', { employeeId: found.id, username: values.username ?? null, isPengelola: values.pengelola === true });
      console.log(`Akun ${issued.account.name} dibuat. Masuk dengan NIP ${issued.account.nip}${issued.account.username ? ` atau nama pengguna ${issued.account.username}` : ''}.`);
      console.log(`Kata sandi sementara: ${issued.temporaryPassword}`);
      console.log('Wajib diganti saat pertama masuk. Kata sandi ini tidak disimpan dan tidak dapat ditampilkan lagi.');
      if (out) {
        writeSecret(out, await renderSlips([issued], slipOptionsFor(core, core.officeId()!, who.name, slipAddress(values.address))));
        console.log(`Slip disimpan ke ${out} (hanya dapat dibaca pemilik berkas).`);
      }
      return 0;
    } finally {
      actor.close();
    }
  } finally {
    core.close();
  }
}

async function createMissing(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    data: { type: 'string' },
    out: { type: 'string' },
    csv: { type: 'string' },
    address: { type: 'string' },
    as: { type: 'string' },
  });
  const out = outputPath(values.out, '.pdf', 'out');
  const csv = values.csv ? outputPath(values.csv, '.csv', 'csv') : null;
  const core = Core.open({ dataDir: dataDirFrom(values.data) });
  try {
    const who = officeAdmin(core, values.as);
    const actor = actAs(core, who.userId, who.name);
    try {
      const missing = actor.call('accounts.list', {}).withoutAccount.length;
      if (missing === 0) {
        console.log('Semua pegawai aktif sudah memiliki akun. Tidak ada akun yang dibuat dan tidak ada berkas yang ditulis.');
        return 0;
      }
      let shown = -1;
      let created: IssuedAccount[];
      try {
        await prepareTemporaryCredentials(core, missing, (done, total) => {
          const pct = Math.floor((done / total) * 10) * 10;
          if (pct !== shown) process.stderr.write(`Menyiapkan kata sandi sementara: ${(shown = pct)}%\n`);
        });
        created = actor.call('accounts.createMissing', {}).created;
      } finally {
        discardTemporaryCredentials(core);
      }
      const pdf = await renderSlips(created, slipOptionsFor(core, core.officeId()!, who.name, slipAddress(values.address)));
      writeSecret(out, pdf);
      if (csv) writeSecret(csv, slipsCsv(created));
      console.log(`${created.length} akun dibuat (wajib ganti kata sandi saat pertama masuk).`);
      console.log(`Slip kata sandi sementara: ${out}${csv ? `; CSV: ${csv}` : ''} (hanya dapat dibaca pemilik berkas).`);
      console.log('Kata sandi ini tidak disimpan: slip tidak dapat dicetak ulang. Bila ada yang hilang, atur ulang kata sandi pegawai itu.');
      return 0;
    } finally {
      actor.close();
    }
  } finally {
    core.close();
  }
}

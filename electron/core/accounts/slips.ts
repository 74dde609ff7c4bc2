import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { IssuedAccount } from '../../../shared/accounts/commands';
import { AppError } from '../../../shared/errors';
import { localDate } from '../../../shared/people/dates';
import { formatNip } from '../../../shared/people/nip';
import type { Core } from '../core';
import { dispatch, type CallMeta } from '../dispatch';
import { tanggalOf } from '../documents/dates';
import type { DownloadFile, DownloadProgress, DownloadQuery } from '../documents/downloads';
import { letterheadOf } from '../documents/letterhead';
import { a4Portrait, renderPdf } from '../documents/pdf';
import { discardTemporaryCredentials, prepareTemporaryCredentials } from './temporary-password';

/**
 * The slip of temporary passwords (one per person, three to an A4 page, with cut lines) that a
 * Pengelola Kinerja hands out. It is printed by the very request that creates the passwords: they
 * exist in clear only in that answer, so a slip cannot be printed again (reset the password for a
 * new one).
 */
export interface SlipOptions {
  officeName: string;
  agency: string;
  issuedBy: string;
  issuedAt: Date;
  /** Where the app is reached (the LAN address in browser mode), printed when known. */
  address?: string | null;
}

function slip(issued: IssuedAccount, o: SlipOptions): Content {
  const a = issued.account;
  const row = (label: string, value: Content) => [{ text: label, color: '#333333' }, value];
  const steps = [
    o.address ? `Buka Kinerja di ${o.address} (atau aplikasi Kinerja di komputer kantor).` : 'Buka aplikasi Kinerja di komputer kantor, atau alamat yang diberikan Pengelola Kinerja.',
    `Masuk dengan NIP Anda${a.username ? ` (atau nama pengguna ${a.username})` : ''} dan kata sandi sementara di atas.`,
    'Anda langsung diminta membuat kata sandi baru yang hanya Anda ketahui.',
  ];
  return {
    unbreakable: true,
    stack: [
      {
        columns: [
          { width: '*', stack: [o.agency.toUpperCase(), o.officeName.toUpperCase()], bold: true, fontSize: 8 },
          { width: 'auto', text: 'RAHASIA', bold: true, fontSize: 8, alignment: 'right' },
        ],
      },
      { text: 'AKUN KINERJA: KATA SANDI SEMENTARA', bold: true, fontSize: 12, margin: [0, 6, 0, 6] },
      {
        table: {
          widths: [110, '*'],
          body: [
            row('Nama', { text: a.name, bold: true }),
            row('NIP', formatNip(a.nip)),
            row('Masuk dengan', a.username ? `NIP atau nama pengguna ${a.username}` : 'NIP'),
            row('Kata sandi sementara', // No extra letter spacing: the text layer (copy, search) must keep the password whole.
            { text: issued.temporaryPassword, bold: true, fontSize: 16 }),
          ],
        },
        layout: 'noBorders',
      },
      { ol: steps, margin: [0, 6, 0, 4] },
      {
        text: `Rahasiakan slip ini dan musnahkan setelah kata sandi diganti. Slip tidak dapat dicetak ulang: bila hilang, minta Pengelola Kinerja mengatur ulang kata sandi. Diterbitkan ${tanggalOf(o.issuedAt)} oleh ${o.issuedBy.replace(/\.$/, '')}.`,
        fontSize: 7.5,
        color: '#333333',
      },
    ],
  };
}

/** A dashed line to cut along, across the text width of an A4 portrait page (a new node each time: pdfmake annotates the nodes it lays out). */
const cutLine = (): Content => ({
  margin: [0, 14, 0, 14],
  canvas: [{ type: 'line', x1: 0, y1: 0, x2: 515, y2: 0, dash: { length: 4, space: 3 }, lineWidth: 0.8, lineColor: '#555555' }],
});

/** Slips on one A4 page: three leave each a comfortable third to cut out and fold. */
const slipsPerPage = 3;

export function slipsDefinition(issued: IssuedAccount[], o: SlipOptions): TDocumentDefinitions {
  const content: Content[] = [];
  issued.forEach((x, i) => {
    // A cut line between the slips of one page, a new page after every third.
    if (i > 0) content.push(i % slipsPerPage === 0 ? { text: '', pageBreak: 'before' } : cutLine());
    content.push(slip(x, o));
  });
  return {
    ...a4Portrait,
    pageMargins: [40, 36, 40, 36],
    info: { title: 'Slip kata sandi sementara Kinerja' },
    content,
  };
}

export function renderSlips(issued: IssuedAccount[], o: SlipOptions): Promise<Buffer> {
  return renderPdf(slipsDefinition(issued, o));
}

/** `nip,nama,sandi_sementara` for offices that mail-merge (RFC 4180 quoting). */
export function slipsCsv(issued: IssuedAccount[]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) || /^[=+\-@]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return ['nip,nama,sandi_sementara', ...issued.map((x) => [x.account.nip, x.account.name, x.temporaryPassword].map(cell).join(','))].join('\r\n') + '\r\n';
}

export function slipsFileName(at: Date, count: number, nip?: string): string {
  return count === 1 && nip ? `slip-akun-${nip}-${localDate(at)}.pdf` : `slip-akun-${localDate(at)}.pdf`;
}

export function slipOptionsFor(core: Core, officeId: string, issuedBy: string, address?: string | null): SlipOptions {
  const office = core.q.first(core.db.selectFrom('offices').select('name').where('id', '=', officeId));
  return { officeName: office?.name ?? '', agency: letterheadOf(core).agency, issuedBy, issuedAt: core.now(), address: address ?? null };
}

/** An address printed on the slip: an http(s) URL without credentials, else nothing. */
export function slipAddress(raw: string | undefined): string | null {
  if (!raw || raw.length > 200) return null;
  try {
    const u = new URL(raw);
    if ((u.protocol !== 'http:' && u.protocol !== 'https:') || u.username || u.password) return null;
    return u.origin;
  } catch {
    return null;
  }
}

const first = (q: DownloadQuery, k: string): string | undefined => {
  const v = q[k];
  const s = (typeof v === 'string' ? v : v?.[0])?.trim();
  return s ? s : undefined;
};
const many = (q: DownloadQuery, k: string): string[] | undefined => {
  const v = q[k];
  if (v === undefined) return undefined;
  const list = (typeof v === 'string' ? [v] : v).flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean);
  return list.length ? list : undefined;
};

/** The write-download names: run only as jobs (POST with the CSRF token), never as a plain GET. */
export const slipJobName = 'akun-slip.pdf';

/**
 * The job behind "Buat akun", "Buat akun untuk semua pegawai tanpa akun" and "Atur ulang kata
 * sandi" on screen: `mode=create&employeeId=..[&username=..][&isPengelola=1]`, `mode=missing
 * [&employeeIds=..]` or `mode=reset&userId=..`, plus `address` (the app's address to print). The
 * command (through `dispatch`, so roles, row access, validation, the one transaction and the
 * audit row are those of the command) creates the accounts; the same request lays out their slips.
 * For many accounts the slow hashes are prepared first, with progress.
 */
export async function accountSlipsJob(core: Core, meta: CallMeta, q: DownloadQuery, onProgress?: (p: DownloadProgress) => void): Promise<DownloadFile> {
  const me = (dispatch(core, 'auth.me', {}, meta).result as { user: { name: string; officeId: string; roles: string[] } | null }).user;
  if (!me) throw new AppError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu.');
  // Checked before any hashing, so nobody else can make the server spend the CPU.
  if (!me.roles.includes('pengelola') && !me.roles.includes('admin_pusat')) throw new AppError('FORBIDDEN', 'Akun pengguna dikelola oleh Pengelola Kinerja.');
  const mode = first(q, 'mode');
  let issued: IssuedAccount[];
  try {
    if (mode === 'missing') {
      const ids = many(q, 'employeeIds');
      const listed = dispatch(core, 'accounts.list', {}, meta).result as { withoutAccount: unknown[] };
      const total = ids?.length ?? listed.withoutAccount.length;
      if (total > 1) {
        await prepareTemporaryCredentials(core, total, (done) =>
          onProgress?.({ phase: 'data', done, total, message: `Menyiapkan kata sandi sementara ${done} dari ${total}` }),
        );
      }
      issued = (dispatch(core, 'accounts.createMissing', ids ? { employeeIds: ids } : {}, meta).result as { created: IssuedAccount[] }).created;
    } else if (mode === 'create') {
      const input = { employeeId: first(q, 'employeeId'), username: first(q, 'username') ?? null, isPengelola: first(q, 'isPengelola') === '1' };
      issued = [dispatch(core, 'accounts.create', input, meta).result as IssuedAccount];
    } else if (mode === 'reset') {
      issued = [dispatch(core, 'accounts.resetPassword', { userId: first(q, 'userId') }, meta).result as IssuedAccount];
    } else {
      throw new AppError('VALIDATION', 'Parameter mode harus create, missing atau reset.', { fields: { mode: 'Pilihan tidak sah.' } });
    }
  } finally {
    discardTemporaryCredentials(core);
  }
  onProgress?.({ phase: 'render', done: 0, total: issued.length, message: 'Menyusun slip' });
  const bytes = await renderSlips(issued, slipOptionsFor(core, me.officeId, me.name, slipAddress(first(q, 'address'))));
  return { contentType: 'application/pdf', fileName: slipsFileName(core.now(), issued.length, issued[0]?.account.nip), bytes, count: issued.length };
}

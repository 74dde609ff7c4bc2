/**
 * NIP (Nomor Induk Pegawai), docs/spec/regulation.md §7: 18 digits = birth date YYYYMMDD, TMT YYYYMM,
 * sex 1/2, sequence NNN. PPPK numbers have the same length but their "TMT" part is a year and a
 * contract count, so its month is not checked.
 */
export type EmployeeKind = 'PNS' | 'PPPK';

export interface NipFacts {
  nip: string;
  birthDate: string; // YYYY-MM-DD
  tmtYear: number;
  tmtMonth: number | null; // null for PPPK
  sex: 'L' | 'P';
  sequence: number;
}

export type NipResult = { ok: true; facts: NipFacts } | { ok: false; message: string };

/** Removes the spaces people type (`19860926 201505 1 001`). */
export function normalizeNip(raw: string): string {
  return raw.replace(/[\s.-]/g, '');
}

/** `198609262015051001` -> `19860926 201505 1 001`, the way it is printed. */
export function formatNip(nip: string): string {
  const n = normalizeNip(nip);
  if (n.length !== 18) return nip;
  return `${n.slice(0, 8)} ${n.slice(8, 14)} ${n.slice(14, 15)} ${n.slice(15)}`;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** `YYYY-MM-DD` + 17 years; 29 February falls to 28 February in a common year. */
function seventeenthBirthday(birth: string): string {
  const y = Number(birth.slice(0, 4)) + 17;
  const md = birth.slice(5);
  return md === '02-29' && !isRealDate(y, 2, 29) ? `${y}-02-28` : `${y}-${md}`;
}

/**
 * Reads a NIP. With `today` (the office's date from the injected clock, `YYYY-MM-DD`), a birth
 * date or TMT after today is refused too: the backend passes it, the screens' quick checks do not.
 */
export function parseNip(raw: string, kind: EmployeeKind = 'PNS', today?: string): NipResult {
  const nip = normalizeNip(raw);
  if (!/^\d*$/.test(nip)) return { ok: false, message: 'NIP hanya boleh berisi angka.' };
  if (nip.length !== 18) return { ok: false, message: `NIP harus 18 angka (sekarang ${nip.length} angka).` };
  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  if (by < 1900 || !isRealDate(by, bm, bd)) {
    return { ok: false, message: 'NIP tidak valid: periksa tanggal lahir pada 8 angka pertama (TTTTBBHH).' };
  }
  const ty = Number(nip.slice(8, 12));
  const tm = Number(nip.slice(12, 14));
  if (kind === 'PNS' && (tm < 1 || tm > 12)) {
    return { ok: false, message: 'NIP tidak valid: bulan TMT CPNS (angka ke-13 dan ke-14) harus 01 sampai 12.' };
  }
  const birthDate = `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`;
  // A PNS's TMT CPNS is the first of its month; a PPPK number holds only the year (the rest of its
  // "TMT" part counts contracts), so there the year is all that can be compared.
  const tmtDate = kind === 'PNS' ? `${nip.slice(8, 12)}-${nip.slice(12, 14)}-01` : `${nip.slice(8, 12)}-12-31`;
  if (tmtDate < seventeenthBirthday(birthDate)) {
    return {
      ok: false,
      message:
        kind === 'PNS'
          ? 'NIP tidak valid: TMT CPNS (angka ke-9 sampai ke-14) harus sesudah pegawai berusia 17 tahun menurut tanggal lahir pada NIP.'
          : 'NIP tidak valid: tahun TMT (angka ke-9 sampai ke-12) harus sedikitnya 17 tahun setelah tahun lahir.',
    };
  }
  if (today !== undefined && birthDate > today) {
    return { ok: false, message: `NIP tidak valid: tanggal lahir pada NIP (${birthDate}) belum terjadi.` };
  }
  if (today !== undefined && (kind === 'PNS' ? tmtDate > today : ty > Number(today.slice(0, 4)))) {
    return { ok: false, message: `NIP tidak valid: TMT pada NIP (${kind === 'PNS' ? tmtDate.slice(0, 7) : ty}) belum terjadi.` };
  }
  const sexDigit = nip[14];
  if (sexDigit !== '1' && sexDigit !== '2') {
    return { ok: false, message: 'NIP tidak valid: angka ke-15 (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan).' };
  }
  const sequence = Number(nip.slice(15));
  if (sequence === 0) return { ok: false, message: 'NIP tidak valid: nomor urut (3 angka terakhir) tidak boleh 000.' };
  return {
    ok: true,
    facts: {
      nip,
      birthDate,
      tmtYear: ty,
      tmtMonth: kind === 'PNS' ? tm : null,
      sex: sexDigit === '1' ? 'L' : 'P',
      sequence,
    },
  };
}

export type Sex = 'L' | 'P';

export const sexLabels: Record<Sex, string> = { L: 'Laki-laki', P: 'Perempuan' };

/**
 * The NIP already says the sex (15th digit) and the birth date (first 8 digits). When a form or a
 * spreadsheet states them too, a disagreement means one of them is mistyped: say which digit to
 * check rather than silently trusting either.
 */
export function nipMismatch(
  facts: NipFacts,
  given: { sex?: Sex | null; birthDate?: string | null },
): { field: 'sex' | 'birthDate'; message: string } | null {
  if (given.sex && given.sex !== facts.sex) {
    return {
      field: 'sex',
      message: `Jenis kelamin tidak sesuai dengan NIP: angka ke-15 NIP adalah ${facts.sex === 'L' ? '1 (laki-laki)' : '2 (perempuan)'}. Periksa NIP atau jenis kelamin.`,
    };
  }
  if (given.birthDate && given.birthDate !== facts.birthDate) {
    return {
      field: 'birthDate',
      message: `Tanggal lahir tidak sesuai dengan NIP (8 angka pertama NIP menunjukkan ${facts.birthDate}). Periksa NIP atau tanggal lahir.`,
    };
  }
  return null;
}

import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { z } from 'zod';

/**
 * One password rule for setup, change and reset, so the UI and backend agree (docs/spec/operations.md §2): at least
 * 10 characters that are not spaces (seven spaces and "1a" is not a password), and not guessable
 * by zxcvbn-ts (score 3 of 4: about 10^8 guesses, out of reach of online guessing under the login
 * throttle and costly offline against scrypt). The message says what to change, in Indonesian.
 */
export const passwordPolicy = { minLength: 10, maxLength: 200, minScore: 3 } as const;

let estimator: ZxcvbnFactory | null = null;
/** Built on first use: the dictionaries take a moment to index. */
function estimate(password: string) {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator.check(password);
}

/** Why zxcvbn found it guessable, in words a user can act on (its warning keys). */
const reasons: Record<string, string> = {
  straightRow: 'berupa deretan tombol papan ketik',
  keyPattern: 'berupa pola tombol papan ketik',
  simpleRepeat: 'berisi karakter yang diulang-ulang',
  extendedRepeat: 'berisi kata atau karakter yang diulang',
  sequences: 'berisi urutan seperti "abc" atau "1234"',
  recentYears: 'berisi tahun yang mudah ditebak',
  dates: 'berisi tanggal yang mudah ditebak',
  topTen: 'termasuk kata sandi yang paling umum dipakai',
  topHundred: 'termasuk kata sandi yang paling umum dipakai',
  common: 'termasuk kata sandi yang umum dipakai',
  similarToCommon: 'mirip kata sandi yang umum dipakai',
  wordByItself: 'hanya berupa satu kata',
  namesByThemselves: 'hanya berupa nama',
  commonNames: 'berisi nama yang umum',
  userInputs: 'memuat data pribadi',
  pwned: 'pernah bocor di internet',
};

/** The problem with a password, or null when it passes. */
export function passwordProblem(password: string): string | null {
  const visible = password.replace(/\s/g, '');
  if (visible.length < passwordPolicy.minLength) {
    return `Kata sandi minimal ${passwordPolicy.minLength} karakter, tidak termasuk spasi. Perpanjang, misalnya dengan menggabungkan beberapa kata.`;
  }
  if (password.length > passwordPolicy.maxLength) return `Kata sandi terlalu panjang (maksimal ${passwordPolicy.maxLength} karakter).`;
  const result = estimate(password);
  if (result.score < passwordPolicy.minScore) {
    const reason = result.feedback.warning ? reasons[result.feedback.warning] : undefined;
    return (
      `Kata sandi terlalu mudah ditebak${reason ? ` (${reason})` : ''}. ` +
      'Gunakan gabungan beberapa kata yang tidak berhubungan, ditambah angka atau tanda baca.'
    );
  }
  return null;
}

export const passwordSchema = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

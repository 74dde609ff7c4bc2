import { z } from 'zod';

/** One password rule for setup, change and reset, so the UI and backend agree. */
export const passwordSchema = z
  .string()
  .min(8, 'Kata sandi minimal 8 karakter.')
  .max(200, 'Kata sandi terlalu panjang (maksimal 200 karakter).')
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), 'Kata sandi harus berisi huruf dan angka.');

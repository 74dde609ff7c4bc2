import type { Core } from '../core';

/**
 * The words every official document takes from the office's settings: the agency line of the
 * header (`PEMERINTAH KOTA LANGSA`) and the place before the signature date (`Langsa, ...`).
 * One place for the defaults, for the customer this app is built for; an office elsewhere changes
 * them once (stored in the database's `meta`, so they travel with a backup).
 */
export interface Letterhead {
  /** Printed in capitals above the office name, left of the header line. */
  agency: string;
  /** The place of signing: `<place>, 2 Januari 2026`. */
  place: string;
}

export const defaultLetterhead: Letterhead = { agency: 'PEMERINTAH KOTA LANGSA', place: 'Langsa' };

const keys = { agency: 'document.agency', place: 'document.place' } as const;

export function letterheadOf(core: Core): Letterhead {
  return {
    agency: core.getMeta(keys.agency)?.trim() || defaultLetterhead.agency,
    place: core.getMeta(keys.place)?.trim() || defaultLetterhead.place,
  };
}

/** For a future settings screen (and the tests); empty text restores the default. */
export function setLetterhead(core: Core, patch: Partial<Letterhead>): void {
  for (const k of Object.keys(keys) as (keyof Letterhead)[]) {
    const v = patch[k];
    if (v !== undefined) core.setMeta(keys[k], v.trim());
  }
}

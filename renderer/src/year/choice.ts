/**
 * The year and period a user chose on one screen, kept while they move to the next (Penilaian,
 * then Dasbor Kinerja, then Kurva Distribusi on the same period). Per user, so a shared PC does not
 * hand one person's choice to the next; per tab session, so tomorrow starts again from what needs
 * action today.
 */
export interface Choice {
  tahun?: number;
  periode?: string;
}

const key = (userId: string) => `kinerja.pilihan.${userId}`;

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

export function readChoice(userId: string): Choice {
  if (!userId) return {};
  try {
    const raw = storage()?.getItem(key(userId));
    if (!raw) return {};
    const v = JSON.parse(raw) as Choice;
    return {
      ...(typeof v.tahun === 'number' ? { tahun: v.tahun } : {}),
      ...(typeof v.periode === 'string' ? { periode: v.periode } : {}),
    };
  } catch {
    return {};
  }
}

export function writeChoice(userId: string, choice: Choice): void {
  if (!userId) return;
  try {
    storage()?.setItem(key(userId), JSON.stringify(choice));
  } catch {
    // Storage full or disabled: the choice then lasts only in the address, which is fine.
  }
}

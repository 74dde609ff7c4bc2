import { useEffect } from 'react';

/**
 * Long texts typed but not yet saved (realisasi notes, dialogue minutes, appeal reasons) kept in
 * this browser's localStorage, so a reload, a crash or a closed laptop does not lose them. Per user
 * and record: `kinerja.draf.<userId>.<what>.<recordId>`, so a shared PC never shows one person's
 * text to another, and removed as soon as the server has it.
 */
export function draftKey(userId: string | undefined, what: string, recordId: string): string | null {
  return userId && recordId ? `kinerja.draf.${userId}.${what}.${recordId}` : null;
}

function store(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export function loadDraft<T>(key: string | null): T | null {
  if (!key) return null;
  try {
    const raw = store()?.getItem(key);
    return raw ? (JSON.parse(raw) as { value: T }).value : null;
  } catch {
    return null;
  }
}

export function storeDraft<T>(key: string | null, value: T): void {
  if (!key) return;
  try {
    store()?.setItem(key, JSON.stringify({ value, at: Date.now() }));
  } catch {
    // Storage full or disabled: the leave question still protects the input.
  }
}

export function clearDraft(key: string | null): void {
  if (!key) return;
  try {
    store()?.removeItem(key);
  } catch {
    // nothing to clear
  }
}

/** Keeps `value` under `key` while `dirty`, and forgets it once it is not (saved or discarded). */
export function useKeptDraft<T>(key: string | null, value: T, dirty: boolean): void {
  useEffect(() => {
    if (dirty) storeDraft(key, value);
    else clearDraft(key);
  }, [key, value, dirty]);
}

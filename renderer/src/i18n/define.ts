/**
 * Each capability keeps its own strings next to its screens; the English catalog must have exactly
 * the keys of the Indonesian one (the compiler says which are missing).
 */
export function defineMessages<const K extends string>(id: Record<K, string>, en: Record<K, string>) {
  return { id, en };
}

export type Language = 'id' | 'en';

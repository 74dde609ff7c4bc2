import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { catalogs, type MessageKey } from './catalog';
import type { Language } from './define';
import { formatDate, formatDateTime, formatNumber, formatPeriod } from './format';

interface I18n {
  lang: Language;
  setLang(lang: Language): void;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  date(value: string | Date | null | undefined): string;
  dateTime(value: string | Date | null | undefined): string;
  number(value: number | null | undefined, digits?: number): string;
  /** A period in the UI language: from its code, or from the backend's label to keep the year (see formatPeriod). */
  periodName(code: string, label?: string | null): string;
}

const I18nContext = createContext<I18n | null>(null);
const storageKey = 'kinerja.lang';

/**
 * `{name}` takes the value; `{count|# employee|# employees}` picks the first form for 1 and the
 * second otherwise, `#` standing for the number (English needs it; Indonesian strings never do).
 */
export function interpolate(text: string, vars: Record<string, string | number>): string {
  return text
    .replace(/\{(\w+)\|([^|}]*)\|([^}]*)\}/g, (_, name: string, one: string, other: string) => {
      const value = vars[name];
      return (Number(value) === 1 ? one : other).replace(/#/g, String(value ?? ''));
    })
    .replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

function initialLang(): Language {
  const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(storageKey) : null;
  return saved === 'en' ? 'en' : 'id';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLang);
  const setLang = useCallback((next: Language) => {
    localStorage.setItem(storageKey, next);
    document.documentElement.lang = next;
    setLangState(next);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, vars) => {
        const text = catalogs[lang][key] ?? catalogs.id[key] ?? key;
        return vars ? interpolate(text, vars) : text;
      },
      date: (v) => formatDate(v, lang),
      dateTime: (v) => formatDateTime(v, lang),
      number: (v, digits) => formatNumber(v, lang, digits),
      periodName: (code, label) => formatPeriod(code, lang, label),
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

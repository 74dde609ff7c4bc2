import { isRealIsoDate, monthNamesId } from '../../../shared/people/dates';

/**
 * What a person may type into a date field, read as a calendar date (and a time when there is one):
 * `2026-11-29`, `29/11/2026`, `29-11-2026`, `29.11.2026`, `29 November 2026`, `29 Nov 2026`
 * (Indonesian or English month names), optionally followed by `09:00` or `09.00` (or `T09:00`).
 * Returns null for anything else, including dates that do not exist (31 April).
 */
export function parseTypedDate(input: string): { date: string; time: string | null } | null {
  const s = input.trim().toLowerCase().replace(/\s+/g, ' ');
  const timeMatch = /(?:[t ])(\d{1,2})[:.](\d{2})(?::\d{2})?$/.exec(s);
  let time: string | null = null;
  let rest = s;
  if (timeMatch) {
    const h = Number(timeMatch[1]);
    const m = Number(timeMatch[2]);
    if (h > 23 || m > 59) return null;
    time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    rest = s.slice(0, timeMatch.index).trim();
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(rest);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(rest);
  const named = /^(\d{1,2}) ([a-z]+)\.? (\d{4})$/.exec(rest);
  let y: number, mo: number, d: number;
  if (iso) [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (dmy) [d, mo, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else if (named) {
    const month = monthOf(named[2]!);
    if (!month) return null;
    [d, mo, y] = [Number(named[1]), month, Number(named[3])];
  } else return null;
  const date = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isRealIsoDate(date) ? { date, time } : null;
}

const english = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** 1..12 for a full or three-letter month name in Indonesian or English (`agu`, `agt`, `okt`, `des` too). */
function monthOf(word: string): number | null {
  const extra: Record<string, number> = { agt: 8, agu: 8, peb: 2, nop: 11 };
  if (extra[word]) return extra[word]!;
  for (let i = 0; i < 12; i++) {
    const id = monthNamesId[i]!.toLowerCase();
    const en = english[i]!;
    if (word === id || word === en || (word.length >= 3 && (id.startsWith(word) || en.startsWith(word)))) return i + 1;
  }
  return null;
}

import { orgRatings, type OrgRating } from '../../../shared/evaluation/predikat';
import type { Core } from '../core';

/**
 * What the city decides, as the office reads it: the rows sync pulled into the read-only
 * `reference_data` table (never written by a command, never in the outbox). The central publishes
 * them with `kinerja central publish`:
 * - `org_rating` for one office: `{ "year": 2026, "period": "1", "rating": "baik", "note": "..." }`;
 * - `announcement` for every office: `{ "title": "...", "body": "...", "until": "2026-04-30" }`.
 */

export interface CentralOrgRating {
  rating: OrgRating;
  note: string | null;
}

export interface Announcement {
  id: string;
  title: string;
  body: string;
  until: string | null;
}

function items(core: Core, kind: 'org_rating' | 'calendar' | 'announcement'): { id: string; data: Record<string, unknown>; rev: number }[] {
  const rows = core.q.all(core.db.selectFrom('reference_data').select(['id', 'data', 'rev']).where('kind', '=', kind).where('deleted', '=', 0).orderBy('rev', 'desc'));
  const out: { id: string; data: Record<string, unknown>; rev: number }[] = [];
  for (const r of rows) {
    try {
      const data: unknown = JSON.parse(r.data);
      if (data && typeof data === 'object' && !Array.isArray(data)) out.push({ id: r.id, data: data as Record<string, unknown>, rev: r.rev });
    } catch {
      // An item the central sent malformed is ignored here; the central's page shows what it sent.
    }
  }
  return out;
}

/** The office's Capaian Kinerja Organisasi set by BKPSDM for a year's period (the newest revision), or null. */
export function centralOrgRating(core: Core, year: number, period: string): CentralOrgRating | null {
  for (const it of items(core, 'org_rating')) {
    const rating = it.data.rating;
    if (Number(it.data.year) !== year || String(it.data.period) !== period) continue;
    if (typeof rating !== 'string' || !(orgRatings as readonly string[]).includes(rating)) continue;
    return { rating: rating as OrgRating, note: typeof it.data.note === 'string' ? it.data.note : null };
  }
  return null;
}

/** By a performance year's id: the same, for code that holds the year's id. */
export function centralOrgRatingForYear(core: Core, yearId: string, period: string): CentralOrgRating | null {
  const y = core.q.first(core.db.selectFrom('performance_years').select('year').where('id', '=', yearId));
  return y ? centralOrgRating(core, y.year, period) : null;
}

/** Announcements from BKPSDM still in force on `today` (YYYY-MM-DD), newest first. */
export function activeAnnouncements(core: Core, today: string): Announcement[] {
  return items(core, 'announcement')
    .map((it) => ({
      id: it.id,
      title: typeof it.data.title === 'string' ? it.data.title : '',
      body: typeof it.data.body === 'string' ? it.data.body : '',
      until: typeof it.data.until === 'string' ? it.data.until : null,
    }))
    .filter((a) => (a.title || a.body) && (a.until === null || a.until >= today));
}

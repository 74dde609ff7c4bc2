import { afterEach, describe, expect, it } from 'vitest';
import { RecordWriter } from '../electron/core/db/records';
import { makeOffice, type Office } from './helpers';

/**
 * RecordWriter.insert knows the stored row without reading it back (the table's constant defaults
 * and column order from the schema). What it returns, logs to change_log and audits must be exactly
 * what SQLite stored, including where it has to fall back to reading the row back.
 */
let office: Office | undefined;
afterEach(() => {
  office?.close();
  office = undefined;
});

function writerOf(o: Office): RecordWriter {
  return new RecordWriter(o.core, () => o.core.officeId()!, '2026-03-02T03:04:05.000Z');
}

function storedOf(o: Office, table: string, id: string): Record<string, unknown> {
  return o.core.sqlite.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown>;
}

function loggedOf(o: Office, table: string, id: string): string {
  return (o.core.sqlite.prepare('SELECT data FROM change_log WHERE table_name = ? AND row_id = ? ORDER BY seq DESC').get(table, id) as { data: string }).data;
}

describe('RecordWriter.insert: the row as stored', () => {
  it('fills the columns the caller left out with their defaults, in the table column order, as SQLite stores them', () => {
    office = makeOffice();
    const o = office;
    const w = writerOf(o);
    // employees: kind defaults to 'PNS' and status to 'aktif'; the titles, dates and contacts to NULL.
    const returned = o.core.sqlite.transaction(() => w.insert('employees', { nip: '198501012010011001', name: 'Pegawai Uji' } as never))() as unknown as Record<string, unknown>;
    const stored = storedOf(o, 'employees', returned.id as string);
    expect(returned).toEqual(stored);
    expect(Object.keys(returned)).toEqual(Object.keys(stored));
    expect(returned).toMatchObject({ kind: 'PNS', status: 'aktif', front_title: null, version: 1 });
    // change_log carries the very same text as serialising the stored row.
    expect(loggedOf(o, 'employees', returned.id as string)).toBe(JSON.stringify(stored));
  });

  it('booleans are stored as 0/1 and reported so', () => {
    office = makeOffice();
    const o = office;
    const w = writerOf(o);
    const year = o.core.sqlite.transaction(() =>
      w.insert('performance_years', {
        year: 2031,
        start_date: '2031-01-01',
        end_date: '2031-12-31',
        cadence: 'triwulanan',
        skp_deadline: '2031-01-31',
        status: 'terbuka',
        closed_at: null,
      }),
    )() as unknown as Record<string, unknown>;
    expect(year).toEqual(storedOf(o, 'performance_years', year.id as string));
  });

  it('reads the row back when SQLite would change a value: a number into a TEXT column is stored as text', () => {
    office = makeOffice();
    const o = office;
    const w = writerOf(o);
    // A caller outside the types (JSON from an older client, say) passing a number for a name.
    const returned = o.core.sqlite.transaction(() => w.insert('employees', { nip: '198501012010011002', name: 12345 } as never))() as unknown as Record<string, unknown>;
    const stored = storedOf(o, 'employees', returned.id as string);
    // better-sqlite3 binds a JS number as a double, so SQLite makes it '12345.0': only SQLite knows.
    expect(stored.name).toBe('12345.0');
    expect(returned).toEqual(stored);
    expect(loggedOf(o, 'employees', returned.id as string)).toBe(JSON.stringify(stored));
  });

  it('numeric text into an INTEGER column is read back as the number SQLite stored', () => {
    office = makeOffice();
    const o = office;
    const w = writerOf(o);
    const returned = o.core.sqlite.transaction(() =>
      w.insert('performance_years', {
        year: '2032' as unknown as number,
        start_date: '2032-01-01',
        end_date: '2032-12-31',
        cadence: 'triwulanan',
        skp_deadline: '2032-01-31',
        status: 'terbuka',
        closed_at: null,
      }),
    )() as unknown as Record<string, unknown>;
    expect(returned.year).toBe(2032);
    expect(returned).toEqual(storedOf(o, 'performance_years', returned.id as string));
  });
});

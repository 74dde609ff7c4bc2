import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTempDirs } from '../people/fixture';
import { SkpOffice } from '../skp/fixture';

/** A dialogue about 2026's performance is held in 2026: scheduling or proposing it outside is refused, writing nothing. */
let f: SkpOffice;
let skpId: string;

beforeAll(() => {
  f = SkpOffice.create();
  const boss = f.draftWithRhk('kasubbag', 'Terlaksananya layanan administrasi umum');
  const mine = f.draftWithRhk('stafA', 'Tersusunnya laporan persuratan', boss.rhkId);
  const v = f.as('stafA').call('skp.submit', { skpId: mine.skpId, version: mine.version }).version;
  f.as('kasubbag').call('skp.approve', { skpId: mine.skpId, version: v });
  skpId = mine.skpId;
});
afterAll(() => {
  f.o.close();
  removeTempDirs();
});

const audits = () => (f.o.core.sqlite.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n;

describe('a dialogue inside its year', () => {
  it('carries its year, and refuses a schedule before or after it under the field scheduledAt', () => {
    const { dialogue } = f.as('stafA').call('dialogue.request', { kind: 'pemantauan', skpId, note: 'Beban kerja persuratan.' });
    expect(dialogue.year).toEqual({ year: 2026, start: '2026-01-01', end: '2027-03-31' });
    const before = audits();
    for (const at of ['2025-12-31T09:00:00+07:00', '2027-04-01T09:00:00+07:00', '2027-03-31T23:30:00+05:00']) {
      const err = f.as('kasubbag').fail('dialogue.schedule', { dialogueId: dialogue.id, version: dialogue.version, scheduledAt: at, agenda: 'Beban kerja' });
      expect(err.code).toBe('VALIDATION');
      expect(err.fields?.scheduledAt).toBe('Dialog tentang tahun penilaian 2026 diadakan dari 1 Januari 2026 sampai 31 Maret 2027.');
    }
    expect(audits()).toBe(before);
    const ok = f.as('kasubbag').call('dialogue.schedule', { dialogueId: dialogue.id, version: dialogue.version, scheduledAt: '2027-03-31T15:00:00+07:00', agenda: 'Beban kerja' });
    expect(ok.dialogue.status).toBe('dijadwalkan');
  });

  it('refuses a proposed time outside the year when asking', () => {
    const err = f.as('stafA').fail('dialogue.request', { kind: 'pemantauan', skpId, proposedAt: '2027-05-03T09:00:00+07:00' });
    expect(err.code).toBe('VALIDATION');
    expect(Object.keys(err.fields ?? {})).toEqual(['proposedAt']);
  });

  it('planning may start three months before the year, and every talk may run three months after it', () => {
    const plan = f.as('stafA').call('dialogue.request', { kind: 'perencanaan', skpId, proposedAt: '2025-11-20T09:00:00+07:00' }).dialogue;
    expect(plan.year).toEqual({ year: 2026, start: '2025-10-01', end: '2027-03-31' });
    const evaluation = f.as('stafA').call('dialogue.request', { kind: 'evaluasi', skpId }).dialogue;
    expect(evaluation.year).toEqual({ year: 2026, start: '2026-01-01', end: '2027-03-31' });
    expect(f.as('kasubbag').call('dialogue.schedule', { dialogueId: evaluation.id, version: evaluation.version, scheduledAt: '2027-01-08T09:00:00+07:00', agenda: 'Evaluasi tahunan' }).dialogue.status).toBe('dijadwalkan');
    expect(f.as('kasubbag').fail('dialogue.schedule', { dialogueId: evaluation.id, version: evaluation.version + 1, scheduledAt: '2027-04-01T09:00:00+07:00', agenda: 'Evaluasi tahunan' }).code).toBe('VALIDATION');
  });

  it('a dialogue about no SKP belongs to no year and may be held when the two agree', () => {
    const { dialogue } = f.as('kasubbag').call('dialogue.request', { kind: 'pemantauan', employeeId: f.org.people.stafA.id, note: 'Obrolan pembinaan.' });
    expect(dialogue.year).toBeNull();
    const ok = f.as('kasubbag').call('dialogue.schedule', { dialogueId: dialogue.id, version: dialogue.version, scheduledAt: '2027-01-04T09:00:00+07:00', agenda: 'Pembinaan' });
    expect(ok.dialogue.status).toBe('dijadwalkan');
  });
});

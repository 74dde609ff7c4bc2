import type { CommandInput } from '../../shared/commands';
import { buildSmallOrg, type SmallOrg } from '../people/org-fixture';
import { PeopleOffice } from '../people/fixture';

type Who = keyof SmallOrg['people'];

/** The small office of the people tests, a 2026 performance year, and a signed-in session per person. */
export class SkpOffice {
  readonly org: SmallOrg;
  readonly tokens = {} as Record<Who, string>;
  readonly yearId: string;

  constructor(readonly o: PeopleOffice) {
    this.org = buildSmallOrg(o);
    for (const who of Object.keys(this.org.people) as Who[]) {
      const p = this.org.people[who];
      this.tokens[who] = o.account(p.id, p.nip);
    }
    this.yearId = o.call('year.open', { year: 2026 }, o.admin).year.id;
  }

  static create(): SkpOffice {
    return new SkpOffice(PeopleOffice.create('2026-01-12T02:00:00.000Z'));
  }

  /** Re-signs everyone in (derived roles such as Pejabat Penilai are read at login). */
  relogin(): void {
    for (const who of Object.keys(this.org.people) as Who[]) this.tokens[who] = this.o.login(this.org.people[who].nip, 'Pegawai2026');
  }

  as(who: Who) {
    const token = this.tokens[who];
    return {
      call: <N extends Parameters<PeopleOffice['call']>[0]>(name: N, input: CommandInput<N>) => this.o.call(name, input, token),
      fail: <N extends Parameters<PeopleOffice['call']>[0]>(name: N, input: CommandInput<N>) => this.o.fail(name, input, token),
    };
  }

  /** A draft SKP for someone with one Utama RHK (optionally supporting a superior RHK). */
  draftWithRhk(who: Who, text: string, parentRhkId: string | null = null): { skpId: string; rhkId: string; version: number } {
    const me = this.as(who);
    const skp = me.call('skp.create', { yearId: this.yearId }).skp;
    // The head of office holds a JPT position: indicators carry a perspektif instead of an aspek.
    const jpt = who === 'kadis';
    const a = (aspek: 'kuantitas' | 'kualitas' | 'waktu') => (jpt ? { perspektif: 'proses_bisnis' as const } : { aspek });
    const saved = me.call('skp.saveRhk', {
      skpId: skp.id,
      version: skp.version,
      rhk: {
        kind: 'utama',
        text,
        parentRhkId,
        indicators: [
          { ...a('kuantitas'), text: `Jumlah ${text.toLowerCase()}`, targetMin: 10, targetMax: 12, targetUnit: 'dokumen' },
          { ...a('kualitas'), text: 'Persentase dokumen tanpa revisi', targetMin: 90, targetUnit: 'persen' },
          { ...a('waktu'), text: 'Ketepatan waktu penyelesaian', targetMin: 12, targetUnit: 'bulan' },
        ],
      },
    });
    return { skpId: skp.id, rhkId: saved.rhkId, version: saved.version };
  }
}

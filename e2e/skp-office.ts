import { request, type APIRequestContext } from '@playwright/test';
import { admin, test as base, type Server } from './fixtures';

/**
 * A small office for SKP flows, built through the HTTP API by the administrator: a Kepala Dinas,
 * a Kepala Subbagian Umum (the appraiser) and four Pengadministrasi Perkantoran who report to her.
 * The appraiser and the first staff member get accounts with the password below.
 */
export const password = 'Kinerja2026';

export interface Person {
  nip: string;
  name: string;
}

export interface SkpOffice {
  server: Server;
  head: Person;
  appraiser: Person;
  /** The employee who drafts, submits, revises and gets the plan approved. */
  employee: Person;
  /** Three more appraisees, the targets of the cascade. */
  others: Person[];
}

class Api {
  private csrf: string | null = null;
  constructor(private readonly ctx: APIRequestContext) {}

  static async login(baseURL: string, login: string, pass: string): Promise<Api> {
    const api = new Api(await request.newContext({ baseURL }));
    const r = (await api.call('auth.login', { login, password: pass })) as { csrfToken: string };
    api.csrf = r.csrfToken;
    return api;
  }

  async call(name: string, input: unknown): Promise<Record<string, unknown>> {
    const res = await this.ctx.post(`api/${name}`, { data: input ?? {}, headers: this.csrf ? { 'x-csrf-token': this.csrf } : {} });
    const body = (await res.json()) as Record<string, unknown>;
    if (!res.ok()) throw new Error(`${name} failed (${res.status()}): ${JSON.stringify(body)}`);
    return body;
  }

  dispose() {
    return this.ctx.dispose();
  }
}

interface Seed {
  nip: string;
  name: string;
  front: string | null;
  back: string | null;
  golongan: string;
}

const people: { head: Seed; appraiser: Seed; employee: Seed; others: Seed[] } = {
  head: { nip: '197002101994111008', name: 'Teuku Muhammad Syahrial', front: 'Drs. H.', back: 'M.Pd.', golongan: 'IV/c' },
  appraiser: { nip: '198112172007062015', name: 'Nurhayati Abdullah', front: null, back: 'S.Pd.', golongan: 'III/d' },
  employee: { nip: '198408112007032028', name: 'Safrina Lubis', front: null, back: 'A.Md.', golongan: 'II/c' },
  others: [
    { nip: '199003152014031002', name: 'Muhammad Rizki', front: null, back: null, golongan: 'II/b' },
    { nip: '199207212015042003', name: 'Cut Intan Permata', front: null, back: 'S.E.', golongan: 'III/a' },
    { nip: '198805052012121001', name: 'Fadhil Ramadhan', front: null, back: null, golongan: 'II/d' },
  ],
};

const full = (p: Seed) => [p.front, p.back ? `${p.name}, ${p.back}` : p.name].filter(Boolean).join(' ');

export async function buildSkpOffice(server: Server): Promise<SkpOffice> {
  const api = await Api.login(server.url, admin.nip, admin.password);
  try {
    const unit = (await api.call('org.createUnit', { name: 'Subbagian Umum dan Kepegawaian', code: 'SEK.1', kind: 'subbagian' })).unit as { id: string };
    const pos = async (name: string, type: string, unitId: string | null, reportsTo: string | null, isHead = false) =>
      ((await api.call('org.createPosition', { name, type, unitId, reportsToPositionId: reportsTo, isHead })).position as { id: string }).id;
    const headPos = await pos('Kepala Dinas Pendidikan dan Kebudayaan', 'jpt_pratama', null, null, true);
    const kasubPos = await pos('Kepala Subbagian Umum dan Kepegawaian', 'pengawas', unit.id, headPos);
    const staffPos = await pos('Pengadministrasi Perkantoran', 'pelaksana', unit.id, kasubPos);
    const add = async (p: Seed, positionId: string) =>
      ((
        await api.call('people.create', {
          kind: 'PNS',
          nip: p.nip,
          frontTitle: p.front,
          name: p.name,
          backTitle: p.back,
          golongan: p.golongan,
          status: 'aktif',
          assignment: { positionId, startDate: '2024-01-02', kind: 'definitif' },
        })
      ).employee as { id: string }).id;
    await add(people.head, headPos);
    const appraiserId = await add(people.appraiser, kasubPos);
    const employeeId = await add(people.employee, staffPos);
    for (const o of people.others) await add(o, staffPos);
    // Accounts start with a temporary password; each person sets the real one once.
    for (const [id, nip] of [
      [appraiserId, people.appraiser.nip],
      [employeeId, people.employee.nip],
    ] as const) {
      await api.call('auth.createAccount', { employeeId: id, temporaryPassword: 'Sementara2026' });
      const own = await Api.login(server.url, nip, 'Sementara2026');
      await own.call('auth.changePassword', { currentPassword: 'Sementara2026', newPassword: password });
      await own.dispose();
    }
  } finally {
    await api.dispose();
  }
  return {
    server,
    head: { nip: people.head.nip, name: full(people.head) },
    appraiser: { nip: people.appraiser.nip, name: full(people.appraiser) },
    employee: { nip: people.employee.nip, name: full(people.employee) },
    others: people.others.map((o) => ({ nip: o.nip, name: full(o) })),
  };
}

export const test = base.extend<{ skpOffice: SkpOffice }>({
  skpOffice: async ({ officeServer }, use) => {
    await use(await buildSkpOffice(officeServer));
  },
});

export { expect, login, type Server } from './fixtures';

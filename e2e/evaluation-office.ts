import { request, type APIRequestContext } from '@playwright/test';
import { admin, e2eNow } from './fixtures';
import { buildSkpOffice, password, test as base, type SkpOffice } from './skp-office';

/**
 * The SKP office of skp-office.ts, one year further: this year is open, the employee's plan is
 * approved, and the Kepala Dinas (the appraiser's superior, who decides appeals) has an account.
 * Everything here goes through the HTTP API the renderer uses, as the person who would do it.
 */
export class Api {
  private csrf: string | null = null;
  private constructor(private readonly ctx: APIRequestContext) {}

  static async login(baseURL: string, login: string, pass: string): Promise<Api> {
    const api = new Api(await request.newContext({ baseURL }));
    const r = (await api.call('auth.login', { login, password: pass })) as { csrfToken: string };
    api.csrf = r.csrfToken;
    return api;
  }

  /** POST api/<command> with the session cookie and the CSRF token of the login. */
  async call<T = Record<string, unknown>>(name: string, input: unknown): Promise<T> {
    const res = await this.ctx.post(`api/${name}`, { data: input ?? {}, headers: this.csrf ? { 'x-csrf-token': this.csrf } : {} });
    const body = (await res.json()) as T;
    if (!res.ok()) throw new Error(`${name} failed (${res.status()}): ${JSON.stringify(body)}`);
    return body;
  }

  dispose() {
    return this.ctx.dispose();
  }
}

export interface EvaluationOffice extends SkpOffice {
  year: number;
  yearId: string;
  skpId: string;
  rhkId: string;
  indicatorIds: string[];
  rhkText: string;
}

export const year = e2eNow.getFullYear();

/** The month running today, as the year's (monthly) period code. */
export const currentPeriod = String(e2eNow.getMonth() + 1);

export async function buildEvaluationOffice(server: SkpOffice['server']): Promise<EvaluationOffice> {
  const office = await buildSkpOffice(server);
  const adm = await Api.login(server.url, admin.nip, admin.password);
  const yearId = (await adm.call<{ year: { id: string } }>('year.open', { year })).year.id;
  // The head of office gets an account: as Atasan Pejabat Penilai they decide appeals.
  const found = await adm.call<{ items: { id: string; nip: string }[] }>('people.list', { q: office.head.nip });
  const headId = found.items.find((p) => p.nip === office.head.nip)!.id;
  await adm.call('auth.createAccount', { employeeId: headId, temporaryPassword: 'Sementara2026' });
  await adm.dispose();
  const head = await Api.login(server.url, office.head.nip, 'Sementara2026');
  await head.call('auth.changePassword', { currentPassword: 'Sementara2026', newPassword: password });
  await head.dispose();

  // The employee's plan: one Utama RHK with three indicators, submitted and approved.
  const rhkText = 'Terlaksananya administrasi surat masuk dan surat keluar yang tertib';
  const emp = await Api.login(server.url, office.employee.nip, password);
  const skp = (await emp.call<{ skp: { id: string; version: number } }>('skp.create', { yearId, approach: 'kuantitatif' })).skp;
  const saved = await emp.call<{ rhkId: string; version: number }>('skp.saveRhk', {
    skpId: skp.id,
    version: skp.version,
    rhk: {
      kind: 'utama',
      text: rhkText,
      parentRhkId: null,
      indicators: [
        { aspek: 'kuantitas', text: 'Jumlah surat yang diagendakan dan didistribusikan', targetMin: 100, targetMax: 120, targetUnit: 'surat' },
        { aspek: 'kualitas', text: 'Persentase surat tanpa salah alamat', targetMin: 95, targetUnit: 'persen' },
        { aspek: 'waktu', text: 'Surat didistribusikan paling lambat', targetMin: 1, targetUnit: 'hari kerja' },
      ],
    },
  });
  const submitted = await emp.call<{ version: number }>('skp.submit', { skpId: skp.id, version: saved.version });
  const detail = await emp.call<{ rhk: { id: string; indicators: { id: string }[] }[] }>('skp.get', { skpId: skp.id });
  await emp.dispose();
  const appr = await Api.login(server.url, office.appraiser.nip, password);
  await appr.call('skp.approve', { skpId: skp.id, version: submitted.version });
  await appr.dispose();
  return {
    ...office,
    year,
    yearId,
    skpId: skp.id,
    rhkId: detail.rhk[0]!.id,
    indicatorIds: detail.rhk[0]!.indicators.map((i) => i.id),
    rhkText,
  };
}

export const test = base.extend<{ evaluationOffice: EvaluationOffice }>({
  evaluationOffice: async ({ officeServer }, use) => {
    await use(await buildEvaluationOffice(officeServer));
  },
});

export { expect, login, password, type Person, type Server } from './skp-office';

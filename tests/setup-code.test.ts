import { afterAll, describe, expect, it } from 'vitest';
import { dispatch } from '../electron/core/dispatch';
import { setupCodeFor } from '../electron/core/setup/setup-code';
import { defaultSetup, errorOf, makeEmptyCore, removeAllTempDirs, startServer, type TestCore } from './helpers';

/**
 * docs/spec/operations.md §2: on an empty data folder served on the LAN, the first anonymous caller of
 * `setup.create` became administrator. Now another PC must give the one-time code `kinerja serve`
 * printed; this PC (loopback), the desktop app and the CLI need none.
 */
const lanPc = '192.168.10.50';
const cores: TestCore[] = [];

afterAll(() => {
  for (const c of cores) c.close();
  removeAllTempDirs();
});

function emptyCore(): TestCore {
  const c = makeEmptyCore();
  cores.push(c);
  return c;
}

describe('first-run setup from another PC', () => {
  it('needs the setup code: none or a wrong one is refused and writes nothing; the printed one works once', async () => {
    const core = emptyCore();
    const server = await startServer(core);
    try {
      const c = server.client(lanPc);
      expect((await c.post('setup.status')).body).toEqual({ initialized: false, officeName: null, setupCodeRequired: true });

      const none = await c.post('setup.create', defaultSetup);
      expect(none.status).toBe(403);
      expect(errorOf(none)).toMatchObject({ code: 'FORBIDDEN', details: { reason: 'SETUP_CODE' } });
      expect(errorOf(none).message).toMatch(/kode penyiapan/);
      const wrong = await c.post('setup.create', { ...defaultSetup, setupCode: 'AAAAA-BBBBB' });
      expect(wrong.status).toBe(403);
      expect(errorOf(wrong).message).toMatch(/Kode penyiapan salah/);
      expect(core.core.officeId()).toBeNull();
      expect(core.core.sqlite.prepare('SELECT COUNT(*) AS n FROM users').get()).toEqual({ n: 0 });

      const code = setupCodeFor(core.core);
      expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
      // Typed by hand: lower case and without the dash is the same code.
      const ok = await c.post('setup.create', { ...defaultSetup, setupCode: code.toLowerCase().replace('-', '') });
      expect(ok.status).toBe(200);
      expect(core.core.officeId()).not.toBeNull();
      expect((await c.post('setup.status')).body).toMatchObject({ initialized: true, setupCodeRequired: false });
    } finally {
      await server.close();
    }
  });

  it('guessing the code is throttled per address', async () => {
    const core = emptyCore();
    const server = await startServer(core);
    try {
      const c = server.client(lanPc);
      setupCodeFor(core.core);
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await c.post('setup.create', { ...defaultSetup, setupCode: `TEBAK-${i}XYZW` })).status);
      expect(statuses).toEqual([403, 403, 403, 403, 429]);
      const right = await c.post('setup.create', { ...defaultSetup, setupCode: setupCodeFor(core.core) });
      expect(right.status).toBe(429);
      expect(core.core.officeId()).toBeNull();
    } finally {
      await server.close();
    }
  });

  it('this PC (loopback) and the desktop app need no code', async () => {
    const local = emptyCore();
    const server = await startServer(local);
    try {
      const c = server.client(); // inject's default address, 127.0.0.1
      expect((await c.post('setup.status')).body).toMatchObject({ setupCodeRequired: false });
      expect((await c.post('setup.create', defaultSetup)).status).toBe(200);
    } finally {
      await server.close();
    }
    const desktop = emptyCore();
    const r = dispatch(desktop.core, 'setup.create', defaultSetup, { transport: 'ipc', requireCsrf: false });
    expect(r.result).toMatchObject({ officeId: expect.any(String) });
    const v6 = emptyCore();
    const server6 = await startServer(v6);
    try {
      expect((await server6.client('::ffff:127.0.0.1').post('setup.create', defaultSetup)).status).toBe(200);
    } finally {
      await server6.close();
    }
  });
});

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, PasswordWork, verifyPassword, verifyPasswordAsync } from '../electron/core/auth/password-hash';
import { buildServer } from '../electron/server/app';
import { createUserWithRoles, makeOffice, removeAllTempDirs, type Office, type OfficeUser } from './helpers';

/**
 * docs/spec/operations.md §2: each login ran scrypt on the event loop, so 20 logins in flight pushed /api/health from
 * ~5 ms to ~580 ms. These tests prove the order of events, not durations (the latency itself is
 * the bench measure "auth.loginLoad").
 */
let office: Office;
let users: OfficeUser[];

beforeAll(() => {
  office = makeOffice();
  users = [createUserWithRoles(office), createUserWithRoles(office)];
});

afterAll(() => {
  office?.close();
  removeAllTempDirs();
});

describe('password checks off the event loop', () => {
  it('the event loop keeps turning while 20 checks run, and the answers are right', async () => {
    const stored = hashPassword('Bukit-Kopi-42');
    let turns = 0;
    const timer = setInterval(() => turns++, 0);
    try {
      const results = await Promise.all(Array.from({ length: 20 }, (_, i) => verifyPasswordAsync(i % 2 ? 'Bukit-Kopi-42' : 'Bukit-Kopi-43', stored)));
      expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i % 2 === 1));
      expect(turns).toBeGreaterThan(0);
    } finally {
      clearInterval(timer);
    }
  });

  it('prepared work answers like the synchronous check; unprepared work falls back to it', async () => {
    const stored = hashPassword('Bukit-Kopi-42');
    const work = new PasswordWork();
    await work.prepare({ verify: [{ password: 'Bukit-Kopi-42', stored }, { password: 'salah-salah-1', stored }], hash: ['Sandi#Baru#2025'] });
    expect(work.verify('Bukit-Kopi-42', stored)).toBe(true);
    expect(work.verify('salah-salah-1', stored)).toBe(false);
    expect(work.verify('tidak-disiapkan-9', stored)).toBe(false);
    const h1 = work.hash('Sandi#Baru#2025');
    const h2 = work.hash('Sandi#Baru#2025'); // a prepared hash serves once: a second account gets its own salt
    expect(h1).not.toBe(h2);
    expect(verifyPassword('Sandi#Baru#2025', h1)).toBe(true);
    expect(verifyPassword('Sandi#Baru#2025', h2)).toBe(true);
  });

  it('over a real port, /api/health answers while 20 logins are still being checked', async () => {
    const app = await buildServer({ core: office.core, rendererDir: null, loginRateLimit: 10_000 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const agent = new http.Agent({ keepAlive: false, maxSockets: 64 });
    const post = (pathName: string, body: unknown) =>
      new Promise<number>((resolve, reject) => {
        const data = JSON.stringify(body);
        const req = http.request({ host: '127.0.0.1', port, path: pathName, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end(data);
      });
    const get = (pathName: string) =>
      new Promise<number>((resolve, reject) => {
        http.get({ host: '127.0.0.1', port, path: pathName, agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        }).on('error', reject);
      });
    try {
      const order: string[] = [];
      const logins = Array.from({ length: 20 }, (_, i) => {
        const u = users[i % users.length]!;
        return post('/api/auth.login', { login: u.nip, password: u.password }).then((status) => {
          order.push('login');
          return status;
        });
      });
      // Sent once every login has reached the server and is being checked.
      await new Promise((r) => setTimeout(r, 50));
      const health = get('/api/health').then((status) => {
        order.push('health');
        return status;
      });
      expect(await health).toBe(200);
      expect(await Promise.all(logins)).toEqual(Array.from({ length: 20 }, () => 200));
      // Synchronous scrypt answered health only after every login that arrived before it.
      expect(order.indexOf('health')).toBeLessThan(19);
    } finally {
      agent.destroy();
      await app.close();
    }
  });
});

/**
 * Browser mode: a backup downloads as one .tar (GET /api/files/backup/<id>), the same archive
 * `kinerja backup --out` writes and the restore reads; only for the Pengelola Kinerja.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackupSync, isTarArchive, unpackArchive } from '../../electron/core/backup';
import { createUserWithRoles, makeOffice, makeTempDir, removeAllTempDirs, startServer, type Office, type TestServer } from '../helpers';

let office: Office;
let server: TestServer;
let backupId: string;

beforeAll(async () => {
  office = makeOffice();
  server = await startServer(office);
  fs.mkdirSync(path.join(office.dir, 'evidence', 'ab'), { recursive: true });
  fs.writeFileSync(path.join(office.dir, 'evidence', 'ab', 'abcdef.pdf'), Buffer.alloc(3000, 7));
  backupId = createBackupSync(office.core.sqlite, { dataDir: office.dir, kind: 'manual', now: office.clock.now() }).id;
});

afterAll(async () => {
  await server?.close();
  office?.close();
  removeAllTempDirs();
});

describe('GET /api/files/backup/<id>', () => {
  it('streams the backup as a tar with its length, which unpacks to the database, evidence and manifest', async () => {
    const admin = await server.clientAs(office.admin);
    const res = await admin.get(`/api/files/backup/${backupId}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-tar');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="kinerja-${backupId}.tar"`);
    expect(Number(res.headers['content-length'])).toBe(res.raw!.length);
    const dir = makeTempDir();
    const file = path.join(dir, 'unduhan.tar');
    fs.writeFileSync(file, res.raw!);
    expect(isTarArchive(file)).toBe(true);
    unpackArchive(file, path.join(dir, 'isi'));
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'isi', 'manifest.json'), 'utf8')) as { id: string; officeId: string };
    expect(manifest).toMatchObject({ id: backupId, officeId: office.officeId });
    expect(fs.statSync(path.join(dir, 'isi', 'kinerja.db')).size).toBeGreaterThan(0);
    expect(fs.readFileSync(path.join(dir, 'isi', 'evidence', 'ab', 'abcdef.pdf'))).toEqual(Buffer.alloc(3000, 7));
  });

  it('is refused to anonymous callers and to employees, and unknown names are not found', async () => {
    expect((await server.client().get(`/api/files/backup/${backupId}`)).status).toBe(401);
    const staff = await server.clientAs(createUserWithRoles(office, ['penilai']));
    expect((await staff.get(`/api/files/backup/${backupId}`)).status).toBe(403);
    const admin = await server.clientAs(office.admin);
    expect((await admin.get('/api/files/backup/20990101T000000Z-manual')).status).toBe(404);
    expect((await admin.get('/api/files/backup/..%2F..%2Fkinerja.db')).status).toBe(404);
  });
});

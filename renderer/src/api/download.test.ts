import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FileJobReply, FileReply, KinerjaBridge } from '../../../shared/desktop/bridge';
import type { AppError } from '../../../shared/errors';

/**
 * The renderer's download helper without a browser: the transport is chosen when client.ts is
 * first imported, so each case stubs `window` (and the few DOM pieces `saveBlob` touches) and then
 * imports the modules afresh.
 */
interface Saved {
  href: string;
  download: string;
}

function stubDom(bridge?: Partial<KinerjaBridge>): { saved: Saved[]; blobs: Blob[] } {
  const saved: Saved[] = [];
  const blobs: Blob[] = [];
  vi.stubGlobal('window', bridge ? { kinerja: { platform: 'desktop', call: vi.fn(), ...bridge } } : {});
  vi.stubGlobal('document', {
    createElement: () => {
      const a = { href: '', download: '', click: () => saved.push({ href: a.href, download: a.download }), remove: () => undefined };
      return a;
    },
    body: { appendChild: () => undefined },
  });
  vi.stubGlobal('URL', Object.assign(class extends URL {}, { createObjectURL: (b: Blob) => (blobs.push(b), `blob:test/${blobs.length}`), revokeObjectURL: () => undefined }));
  return { saved, blobs };
}

async function helper() {
  vi.resetModules();
  return import('./download');
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('addresses and names', () => {
  it('builds the browser address from the same name and query, lists as repeated keys, empties left out', async () => {
    stubDom();
    const d = await helper();
    expect(d.downloadHref('skp.pdf', { skpId: 'a b' })).toBe('api/files/skp.pdf?skpId=a+b');
    expect(d.downloadHref('people.export.xlsx', { status: ['aktif', 'cuti'], q: '', unitId: null, includeSubunits: true })).toBe(
      'api/files/people.export.xlsx?status=aktif&status=cuti&includeSubunits=true',
    );
    expect(d.downloadHref('people.template.xlsx')).toBe('api/files/people.template.xlsx');
    // Evidence streams from its own route.
    expect(d.downloadHref('evidence', { id: '0190a000-0000-7000-8000-00000000beef' })).toBe('api/files/evidence/0190a000-0000-7000-8000-00000000beef');
    expect(d.fileQuery({ period: 1, status: [], final: undefined })).toEqual({ period: '1' });
  });

  it('takes the file name from Content-Disposition, the UTF-8 form first', async () => {
    stubDom();
    const { fileNameOf } = await helper();
    expect(fileNameOf(`attachment; filename="agenda _ Januari.pdf"; filename*=UTF-8''agenda%20%E2%80%93%20Januari.pdf`, 'x')).toBe('agenda – Januari.pdf');
    expect(fileNameOf('attachment; filename="SKP.pdf"', 'x')).toBe('SKP.pdf');
    expect(fileNameOf(null, 'cadangan.pdf')).toBe('cadangan.pdf');
  });
});

describe('under the desktop bridge', () => {
  it('asks main for the bytes and saves them under the name main gave', async () => {
    const file = vi.fn(async (): Promise<FileReply> => ({ ok: true, fileName: 'SKP_2026.pdf', contentType: 'application/pdf', bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46]) }));
    const { saved, blobs } = stubDom({ file, fileJob: vi.fn() });
    const d = await helper();
    await d.downloadFile('skp.pdf', { skpId: 'abc', form: undefined });
    expect(file).toHaveBeenCalledWith('skp.pdf', { skpId: 'abc' });
    expect(saved).toEqual([{ href: 'blob:test/1', download: 'SKP_2026.pdf' }]);
    expect(blobs[0]!.type).toBe('application/pdf');
    expect(new Uint8Array(await blobs[0]!.arrayBuffer())).toEqual(new Uint8Array([0x25, 0x50, 0x44, 0x46]));
  });

  it('throws the typed error with main\'s Indonesian message, and saves nothing', async () => {
    const error = { code: 'FORBIDDEN' as const, message: 'Anda tidak berhak melihat realisasi SKP ini.' };
    const { saved } = stubDom({ file: async () => ({ ok: false, error }), fileJob: vi.fn() });
    const d = await helper();
    const err = await d.downloadFile('evidence', { id: 'x' }).catch((e: unknown) => e);
    // A fresh module graph has its own AppError class: check the shape, not the identity.
    expect((err as AppError).name).toBe('AppError');
    expect((err as AppError).toBody()).toEqual(error);
    expect(saved).toEqual([]);
  });

  it('says in Indonesian when the installed app is too old to download', async () => {
    stubDom({});
    const d = await helper();
    await expect(d.downloadFile('skp.pdf', { skpId: 'a' })).rejects.toThrow(/belum dapat mengunduh berkas/);
  });

  it('polls a batch job, reporting progress, then saves its file', async () => {
    const view = (status: 'berjalan' | 'selesai', done: number) => ({
      jobId: 'j1',
      status,
      progress: { phase: status === 'selesai' ? 'selesai' : 'render', done, total: 4, message: '' },
      count: 4,
      fileName: status === 'selesai' ? 'EVALUASI_SEMUA.pdf' : null,
      error: null,
    });
    const replies: FileJobReply[] = [
      { ok: true, job: view('berjalan', 0) },
      { ok: true, job: view('berjalan', 2) },
      { ok: true, job: view('selesai', 4) },
      { ok: true, job: view('selesai', 4), file: { fileName: 'EVALUASI_SEMUA.pdf', contentType: 'application/pdf', bytes: new Uint8Array([1]) } },
    ];
    const fileJob = vi.fn(async () => replies.shift()!);
    const { saved } = stubDom({ file: vi.fn(), fileJob });
    const d = await helper();
    const progress: (number | null)[] = [];
    await d.downloadWithProgress('evaluasi-batch.pdf', { yearId: 'y', period: '1' }, (p) => progress.push(p.percent), 0);
    expect(fileJob.mock.calls.map((c) => (c as unknown[])[0])).toEqual([
      { action: 'start', name: 'evaluasi-batch.pdf', query: { yearId: 'y', period: '1' } },
      { action: 'status', jobId: 'j1' },
      { action: 'status', jobId: 'j1' },
      { action: 'file', jobId: 'j1' },
    ]);
    // The layout phase follows the reading (80 %): it never drops back to 0.
    expect(progress).toEqual([80, 90, 100]);
    expect(saved).toEqual([{ href: 'blob:test/1', download: 'EVALUASI_SEMUA.pdf' }]);
  });
});

import crypto from 'node:crypto';
import { AppError, notFound, ruleViolation } from '../../../shared/errors';
import type { AsyncHandlerMap } from '../context';
import { importBundle } from '../sync/bundle';
import { SyncError } from '../sync/errors';
import { centralStoreOf } from './attach';

const dayMs = 24 * 60 * 60 * 1000;

/** The central store speaks SyncError (it also answers offices); people get the same words as an AppError. */
export function centralError(err: unknown): unknown {
  if (!(err instanceof SyncError)) return err;
  if (err.code === 'UNKNOWN_OFFICE') return new AppError('NOT_FOUND', err.message);
  return ruleViolation(err.message);
}

async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw centralError(err);
  }
}

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(Number(ms)).toISOString());

/** A file name part from an office's name: letters and digits, dashes between. */
export function fileSlug(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 60) || 'kantor'
  );
}

async function registrationOf(core: Parameters<typeof centralStoreOf>[0], id: string) {
  const store = centralStoreOf(core);
  const reg = await store.db.selectFrom('central_offices').select(['id', 'name', 'status', 'office_id']).where('id', '=', id).executeTakeFirst();
  if (!reg) throw notFound('Kantor');
  return { store, reg };
}

/** Key in central_meta under which an imported bundle file (by its sha256) is remembered. */
const importedKey = (sha: string) => `bundle_imported:${sha}`;

export type CentralCommandName = 'central.offices' | 'central.rejects' | 'central.addOffice' | 'central.rotateSecret' | 'central.revoke' | 'central.importBundle';

/**
 * The central's pages (Admin Pusat): these await the central store, on SQLite or PostgreSQL
 * through Kysely. The store's own transaction holds the change; the commit step that follows
 * writes the audit entry in the central's own database.
 */
export const centralHandlers: AsyncHandlerMap<CentralCommandName> = {
  'central.offices': async (ctx) => {
    const store = centralStoreOf(ctx.core);
    return guarded(async () => {
      const [offices, codes, centralName] = await Promise.all([
        store.listOffices(),
        store.db.selectFrom('central_offices').select(['id', 'enrol_expires_at', 'created_at']).execute(),
        store.centralName(),
      ]);
      const byId = new Map(codes.map((c) => [c.id, c]));
      const now = store.now();
      return {
        centralName,
        store: store.kind,
        offices: offices.map((o) => {
          const c = byId.get(o.id);
          const heard = o.lastSyncAt ?? o.enrolledAt ?? null;
          return {
            id: o.id,
            name: o.name,
            code: o.code,
            officeId: o.officeId,
            status: o.status,
            enrolledAt: iso(o.enrolledAt),
            lastSyncAt: iso(o.lastSyncAt),
            appVersion: o.appVersion,
            pending: o.pending,
            digestEqual: o.digestEqual,
            digestAt: iso(o.digestAt),
            clockSkewMs: o.clockSkewMs === null ? null : Number(o.clockSkewMs),
            rejects: o.rejects,
            silent: o.silent,
            silentDays: o.status === 'aktif' ? Math.floor((now - Number(heard ?? c?.created_at ?? now)) / dayMs) : null,
            codeExpiresAt: o.status === 'menunggu' && c?.enrol_expires_at ? iso(c.enrol_expires_at) : null,
          };
        }),
      };
    });
  },
  'central.rejects': async (ctx, input) => {
    const { store, reg } = await registrationOf(ctx.core, input.registrationId);
    const rejects = reg.office_id ? await guarded(() => store.rejectsOf(reg.office_id!)) : [];
    return { office: reg.name, rejects: rejects.map((r) => ({ ...r, at: new Date(r.at).toISOString() })) };
  },
  'central.addOffice': async (ctx, input) => {
    const store = centralStoreOf(ctx.core);
    const taken = await store.db.selectFrom('central_offices').select('id').where('name', '=', input.name).executeTakeFirst();
    if (taken) throw new AppError('CONFLICT', `Kantor "${input.name}" sudah terdaftar. Untuk kode baru, pakai "Ganti kunci" pada kantor itu.`, { fields: { name: 'Nama ini sudah terdaftar.' } });
    const r = await guarded(() => store.addOffice({ name: input.name, code: input.code }));
    return (write) => {
      write.noteRecord('central_offices', r.registrationId, null, { name: input.name, code: input.code, status: 'menunggu' });
      return { registrationId: r.registrationId, enrolmentCode: r.enrolmentCode, expiresAt: new Date(r.expiresAt).toISOString() };
    };
  },
  'central.rotateSecret': async (ctx, input) => {
    const { store, reg } = await registrationOf(ctx.core, input.registrationId);
    const r = await guarded(() => store.rotate(reg.id));
    return (write) => {
      write.noteRecord('central_offices', reg.id, { name: reg.name, status: reg.status }, { name: reg.name, status: 'menunggu', secret: 'diganti' });
      return { registrationId: reg.id, enrolmentCode: r.enrolmentCode, expiresAt: new Date(r.expiresAt).toISOString() };
    };
  },
  'central.revoke': async (ctx, input) => {
    const { store, reg } = await registrationOf(ctx.core, input.registrationId);
    if (reg.status === 'dicabut') throw ruleViolation(`Pendaftaran kantor "${reg.name}" sudah dicabut.`);
    await guarded(() => store.revoke(reg.id));
    return (write) => {
      write.noteRecord('central_offices', reg.id, { name: reg.name, status: reg.status }, { name: reg.name, status: 'dicabut' });
      return { registrationId: reg.id };
    };
  },
  'central.importBundle': async (ctx, input) => {
    const store = centralStoreOf(ctx.core);
    const bytes = Buffer.from(input.contentBase64, 'base64');
    if (bytes.length === 0) throw new AppError('VALIDATION', 'Berkas bundel kosong.', { fields: { contentBase64: 'Pilih berkas bundel.' } });
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');
    const before = await store.getMeta(importedKey(sha));
    // The same apply path as a LAN push (electron/core/sync/bundle.ts → store.push): a batch the
    // central already holds returns its stored outcome, so a second import applies nothing.
    const r = await guarded(() => importBundle(store, bytes));
    const importedAt = new Date(store.now()).toISOString();
    if (!before && r.errors.length === 0) await store.setMeta(importedKey(sha), importedAt);
    const stamp = importedAt.slice(0, 10);
    return (write) => {
      write.noteRecord('central_bundles', sha, null, { file: input.fileName, office: r.officeName, batches: r.acks, applied: before ? 0 : r.applied, again: before !== null });
      return {
        officeName: r.officeName,
        batches: r.acks,
        applied: before ? 0 : r.applied,
        errors: r.errors,
        importedBefore: before,
        reply: { fileName: `balasan-${fileSlug(r.officeName)}-${stamp}.kinerja`, contentBase64: r.reply.toString('base64') },
      };
    };
  },
};

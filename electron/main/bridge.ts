import { restartingCommands, type BridgeReply, type FileBody, type FileJobReply, type FileReply } from '../../shared/desktop/bridge';
import type { ErrorBody } from '../../shared/errors';
import type { Core } from '../core/core';
import { produceDownload, type DownloadFile } from '../core/documents/downloads';
import { DownloadJobs } from '../core/documents/jobs';
import { isAsyncCommand } from '../core/async-handlers';
import { dispatch, dispatchAsync, toAppError, type CallMeta } from '../core/dispatch';
import { isTrustedSender, isWellFormedCall, isWellFormedFileRequest, type OriginPolicy } from './security';

/**
 * The desktop bridge's IPC handlers (`kinerja:call`, `kinerja:file`, `kinerja:file-job`) as plain
 * functions over a `Core`, so they are tested under Node without the Electron binary
 * (electron/main/bridge.test.ts); main.ts only registers them with `ipcMain.handle`. Every handler
 * checks the sender frame first and uses the session token main keeps per window: the token never
 * reaches the renderer, which is why downloads cannot simply be URLs there.
 */

/** What a handler needs of Electron's `IpcMainInvokeEvent` (which satisfies it). */
export interface BridgeEvent {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface BridgeHost {
  /** The open database, or null while it cannot be opened (the startup error page shows). */
  core(): Core | null;
  /** Why there is no database, for the refusal. */
  unavailableMessage(): string;
  policy: OriginPolicy;
  log(message: string): void;
  /** A command whose success means main must act (restore after `backup.restore`). */
  onRestartingCommand?(name: string): void;
}

class Refusal {
  constructor(readonly error: ErrorBody) {}
}

export class DesktopBridge {
  /** Session token per renderer (webContents id). Only main ever sees it. */
  private readonly sessions = new Map<number, string>();
  private readonly jobs: DownloadJobs;

  constructor(private readonly host: BridgeHost) {
    this.jobs = new DownloadJobs({ onInternalError: (err) => host.log(`Galat pada unduhan: ${(err as Error)?.stack ?? String(err)}`) });
  }

  /** `kinerja:call`: one command through `dispatch`; a login starts this window's session. */
  call(event: BridgeEvent, name: unknown, input: unknown): BridgeReply | Promise<BridgeReply> {
    const checked = this.checkSender(event);
    if (checked instanceof Refusal) return { ok: false, error: checked.error };
    if (!isWellFormedCall(name, input)) return refuse('VALIDATION', 'Permintaan tidak sah.');
    const id = event.sender.id;
    // A command that awaits (enrolment at the central) goes through dispatchAsync; ipcMain.handle
    // answers a promise the same way.
    if (isAsyncCommand(name)) return this.callAsync(checked, id, name, input);
    try {
      const { result, sessionChange } = dispatch(checked, name, input ?? {}, this.metaOf(id));
      if (sessionChange?.kind === 'start') this.sessions.set(id, sessionChange.token);
      else if (sessionChange?.kind === 'end') this.sessions.delete(id);
      if ((restartingCommands as readonly string[]).includes(name)) this.host.onRestartingCommand?.(name);
      return { ok: true, result };
    } catch (err) {
      return { ok: false, error: this.failure(id, err, name, name !== 'auth.login') };
    }
  }

  private async callAsync(core: Core, id: number, name: string, input: unknown): Promise<BridgeReply> {
    try {
      const { result, sessionChange } = await dispatchAsync(core, name, input ?? {}, this.metaOf(id));
      if (sessionChange?.kind === 'start') this.sessions.set(id, sessionChange.token);
      else if (sessionChange?.kind === 'end') this.sessions.delete(id);
      return { ok: true, result };
    } catch (err) {
      return { ok: false, error: this.failure(id, err, name, true) };
    }
  }

  /**
   * `kinerja:file`: a download by name, exactly `GET /api/files/<name>?<query>` of the browser
   * (`produceDownload`, with this window's session), answered with the bytes.
   */
  async file(event: BridgeEvent, name: unknown, query: unknown): Promise<FileReply> {
    const checked = this.checkSender(event);
    if (checked instanceof Refusal) return { ok: false, error: checked.error };
    if (!isWellFormedFileRequest(name, query)) return refuse('VALIDATION', 'Permintaan unduhan tidak sah.');
    const id = event.sender.id;
    try {
      const file = await produceDownload(checked, name, (query ?? {}) as Record<string, string | string[]>, this.metaOf(id));
      return { ok: true, ...bodyOf(file) };
    } catch (err) {
      return { ok: false, error: this.failure(id, err, `unduhan ${name}`, true) };
    }
  }

  /** `kinerja:file-job`: start a long download, poll it, fetch its file (`DownloadJobs`). */
  async fileJob(event: BridgeEvent, request: unknown): Promise<FileJobReply> {
    const checked = this.checkSender(event);
    if (checked instanceof Refusal) return { ok: false, error: checked.error };
    const r = (typeof request === 'object' && request !== null ? request : {}) as Record<string, unknown>;
    const id = event.sender.id;
    const meta = this.metaOf(id);
    try {
      if (r.action === 'start' && isWellFormedFileRequest(r.name, r.query)) {
        return { ok: true, job: this.jobs.start(checked, meta, r.name, (r.query ?? {}) as Record<string, string | string[]>) };
      }
      if ((r.action === 'status' || r.action === 'file') && typeof r.jobId === 'string' && r.jobId.length <= 100) {
        if (r.action === 'status') return { ok: true, job: this.jobs.status(meta, r.jobId) };
        const file = this.jobs.file(meta, r.jobId);
        return { ok: true, job: this.jobs.status(meta, r.jobId), file: bodyOf(file) };
      }
      return refuse('VALIDATION', 'Permintaan unduhan tidak sah.');
    } catch (err) {
      return { ok: false, error: this.failure(id, err, 'pekerjaan unduhan', true) };
    }
  }

  /** The session of a window, for what main decides itself (who may restore from the menu). */
  sessionOf(webContentsId: number): string | null {
    return this.sessions.get(webContentsId) ?? null;
  }

  /** A window is gone: its session is of no use to anyone else. */
  forget(webContentsId: number): void {
    this.sessions.delete(webContentsId);
  }

  /** The database closes (restore, quit): every session and job belonged to it. */
  clear(): void {
    this.sessions.clear();
    this.jobs.clear();
  }

  private metaOf(webContentsId: number): CallMeta {
    // IPC has no cross-site requests to guard, so no CSRF token (as for `kinerja:call`).
    return { transport: 'ipc', sessionToken: this.sessions.get(webContentsId) ?? null, requireCsrf: false };
  }

  /** The sender must be the window's top frame on the app origin, and the database open. */
  private checkSender(event: BridgeEvent): Core | Refusal {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame ? { url: frame.url, isTopFrame: frame.parent === null } : null, this.host.policy)) {
      this.host.log(`Panggilan IPC ditolak dari ${frame?.url ?? '(bingkai hilang)'}`);
      return new Refusal({ code: 'FORBIDDEN', message: 'Permintaan ditolak: asal halaman tidak dikenal.' });
    }
    const core = this.host.core();
    if (!core) return new Refusal({ code: 'INTERNAL', message: this.host.unavailableMessage() });
    return core;
  }

  /** The typed error for the renderer; an ended session is forgotten, an unexpected error logged. */
  private failure(webContentsId: number, err: unknown, what: string, forgetOnUnauthenticated: boolean): ErrorBody {
    const appError = toAppError(err);
    if (appError.code === 'INTERNAL') this.host.log(`Galat pada ${what}: ${(err as Error)?.stack ?? String(err)}`);
    if (appError.code === 'UNAUTHENTICATED' && forgetOnUnauthenticated) this.sessions.delete(webContentsId);
    return appError.toBody();
  }
}

function refuse(code: ErrorBody['code'], message: string): { ok: false; error: ErrorBody } {
  return { ok: false, error: { code, message } };
}

function bodyOf(file: DownloadFile): FileBody {
  return { fileName: file.fileName, contentType: file.contentType, bytes: file.bytes };
}

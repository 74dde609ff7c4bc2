import type { ErrorBody } from '../errors';

/**
 * The desktop bridge: what the preload script exposes to the renderer as `window.kinerja`, and the
 * IPC channel names main and preload agree on. Types and string constants only, so the renderer can
 * import it without pulling Node or Electron into the browser bundle.
 */

/** What a command call returns across the desktop bridge: never a thrown error (IPC would lose its type). */
export type BridgeReply = { ok: true; result: unknown } | { ok: false; error: ErrorBody };

/** A download's query: what an HTTP query string would carry (a repeated key is a list). */
export type FileQuery = Record<string, string | string[]>;

/** A file across the bridge (`kinerja:file`). A `Buffer` sent by main arrives as a `Uint8Array`. */
export interface FileBody {
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
}

/** What `file()` returns: like `BridgeReply`, never a thrown error. */
export type FileReply = ({ ok: true } & FileBody) | { ok: false; error: ErrorBody };

/**
 * A long download (the evaluation batch) as a job, mirroring the HTTP job routes
 * (`POST /api/files/jobs/...`, `GET /api/files/jobs/<id>`, `GET .../file`): start it, poll its
 * progress, fetch the file once `selesai`.
 */
export type FileJobRequest =
  | { action: 'start'; name: string; query: FileQuery }
  | { action: 'status'; jobId: string }
  | { action: 'file'; jobId: string };

/** A job's state, the same object the HTTP job routes answer (electron/core/documents/jobs.ts). */
export interface FileJobView {
  jobId: string;
  status: 'berjalan' | 'selesai' | 'gagal';
  progress: { phase: string; done: number; total: number; message: string };
  count: number;
  fileName: string | null;
  error: ErrorBody | null;
}

/** `start` and `status` answer the job; `file` answers the job and its file. */
export type FileJobReply = { ok: true; job: FileJobView; file?: FileBody } | { ok: false; error: ErrorBody };

/**
 * Things the application menu asks the renderer to do. Actions main can finish on its own (backup,
 * update check, opening the data folder) never come here; only those that need a screen.
 */
export const menuActions = ['open-backups'] as const;
export type MenuAction = (typeof menuActions)[number];

/**
 * The one object the preload script exposes to the renderer as `window.kinerja`. Kept tiny on
 * purpose: the renderer can call commands, download files and listen to menu actions, nothing
 * else. No session token crosses it: main keeps the token per window.
 */
export interface KinerjaBridge {
  platform: 'desktop';
  call(name: string, input: unknown): Promise<BridgeReply>;
  /**
   * A download by name (`skp.pdf`, `evaluasi.pdf`, `evidence`, `people.export.xlsx`, ...), the same
   * names and query as `GET /api/files/<name>?...` in the browser. Optional so a renderer can tell
   * an older preload apart.
   */
  file?(name: string, query: FileQuery): Promise<FileReply>;
  /** A long download with progress (see `FileJobRequest`). */
  fileJob?(request: FileJobRequest): Promise<FileJobReply>;
  /** Menu items that open a screen ("Daftar cadangan...") reach the renderer through this. Returns an unsubscribe. */
  onMenu?(listener: (action: MenuAction) => void): () => void;
}

/** IPC channel names. `call`, `file` and `fileJob` are invoke/handle; `menu` is main -> renderer only. */
export const bridgeChannels = {
  call: 'kinerja:call',
  file: 'kinerja:file',
  fileJob: 'kinerja:file-job',
  menu: 'kinerja:menu',
} as const;

/** Commands whose success means the desktop app must act beyond answering (restart to restore). */
export const restartingCommands = ['backup.restore'] as const;

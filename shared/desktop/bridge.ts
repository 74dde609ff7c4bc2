import type { ErrorBody } from '../errors';

/**
 * The desktop bridge: what the preload script exposes to the renderer as `window.kinerja`, and the
 * IPC channel names main and preload agree on. Types and string constants only, so the renderer can
 * import it without pulling Node or Electron into the browser bundle.
 */

/** What a command call returns across the desktop bridge: never a thrown error (IPC would lose its type). */
export type BridgeReply = { ok: true; result: unknown } | { ok: false; error: ErrorBody };

/**
 * Things the application menu asks the renderer to do. Actions main can finish on its own (backup,
 * update check, opening the data folder) never come here; only those that need a screen.
 */
export const menuActions = ['open-backups'] as const;
export type MenuAction = (typeof menuActions)[number];

/**
 * The one object the preload script exposes to the renderer as `window.kinerja`. Kept tiny on
 * purpose: the renderer can call commands and listen to menu actions, nothing else. No session
 * token crosses it: main keeps the token per window.
 */
export interface KinerjaBridge {
  platform: 'desktop';
  call(name: string, input: unknown): Promise<BridgeReply>;
  /** Menu items that open a screen ("Daftar cadangan...") reach the renderer through this. Returns an unsubscribe. */
  onMenu?(listener: (action: MenuAction) => void): () => void;
}

/** IPC channel names. `call` is invoke/handle; `menu` is main -> renderer only. */
export const bridgeChannels = {
  call: 'kinerja:call',
  menu: 'kinerja:menu',
} as const;

/** Commands whose success means the desktop app must act beyond answering (restart to restore). */
export const restartingCommands = ['backup.restore'] as const;

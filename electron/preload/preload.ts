import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  bridgeChannels,
  menuActions,
  type BridgeReply,
  type FileJobReply,
  type FileJobRequest,
  type FileQuery,
  type FileReply,
  type KinerjaBridge,
  type MenuAction,
} from '../../shared/desktop/bridge';

/**
 * The whole desktop bridge: `window.kinerja`. The renderer gets functions to call commands and to
 * download files, and a way to hear menu actions; never ipcRenderer itself, never Node, never the
 * session token (main keeps it). Runs sandboxed, so only `electron`'s renderer modules are
 * available here.
 */
const bridge: KinerjaBridge = {
  platform: 'desktop',
  call: (name: string, input: unknown) => ipcRenderer.invoke(bridgeChannels.call, name, input ?? {}) as Promise<BridgeReply>,
  file: (name: string, query: FileQuery) => ipcRenderer.invoke(bridgeChannels.file, name, query ?? {}) as Promise<FileReply>,
  fileJob: (request: FileJobRequest) => ipcRenderer.invoke(bridgeChannels.fileJob, request) as Promise<FileJobReply>,
  onMenu: (listener: (action: MenuAction) => void) => {
    const handler = (_event: IpcRendererEvent, action: unknown) => {
      if (typeof action === 'string' && (menuActions as readonly string[]).includes(action)) listener(action as MenuAction);
    };
    ipcRenderer.on(bridgeChannels.menu, handler);
    return () => {
      ipcRenderer.removeListener(bridgeChannels.menu, handler);
    };
  },
};

contextBridge.exposeInMainWorld('kinerja', Object.freeze(bridge));

import path from 'node:path';

/**
 * Every security rule of the desktop shell, as pure functions over strings and plain objects, so
 * each rule is unit-tested under Node without the Electron binary. main.ts only wires them to
 * Electron's events; it decides nothing itself.
 *
 * Model: the renderer is untrusted (it renders office data typed by many people). It lives on its
 * own origin `app://kinerja`, may not leave it, may not open windows, has no Node, and reaches the
 * backend only through one IPC channel whose sender is checked on every call.
 */

export const appScheme = 'app';
export const appHost = 'kinerja';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** The origins the window may show: the app itself, plus a Vite dev server only in development. */
export interface OriginPolicy {
  /** e.g. `http://localhost:5173`; never set in a packaged app. */
  devServerOrigin?: string | null;
}

function parse(url: string): URL | null {
  if (typeof url !== 'string' || url.length > 4096) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** The origin of a URL as the renderer sees it (`app://kinerja`, `https://host:port`). */
export function originOf(url: string): string | null {
  const u = parse(url);
  if (!u) return null;
  // Node's URL reports "null" as the origin of non-special schemes; ours is standard in Electron.
  if (u.protocol === `${appScheme}:`) return `${appScheme}://${u.host}`;
  return u.origin === 'null' ? null : u.origin;
}

export function isAppOrigin(url: string, policy: OriginPolicy = {}): boolean {
  const origin = originOf(url);
  if (!origin) return false;
  if (origin === appOrigin) return true;
  return !!policy.devServerOrigin && origin === policy.devServerOrigin;
}

/** `will-navigate`, `will-redirect`, `will-frame-navigate`: only within the app's own origin. */
export function isNavigationAllowed(url: string, policy: OriginPolicy = {}): boolean {
  return isAppOrigin(url, policy);
}

/**
 * Hosts the app may hand to the system browser. Regulations and the national civil-service portals
 * are what the help texts link to; anything else is refused rather than opened, because
 * `shell.openExternal` with attacker-chosen text can start arbitrary programs on Windows.
 */
export const externalHostAllowlist: readonly string[] = [
  'www.bkn.go.id',
  'bkn.go.id',
  'peraturan.bpk.go.id',
  'jdih.menpan.go.id',
  'www.menpan.go.id',
  'menpan.go.id',
  'jdih.bkn.go.id',
];

/** Only https, no credentials in the URL, an allowlisted host, the default port. */
export function isExternalLinkAllowed(url: string, allowlist: readonly string[] = externalHostAllowlist): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol !== 'https:') return false;
  if (u.username || u.password) return false;
  if (u.port !== '') return false;
  return allowlist.includes(u.hostname.toLowerCase());
}

export type WindowOpenDecision = { action: 'deny'; openExternally: string | null };

/**
 * `setWindowOpenHandler`: the app never gets a second window. An allowlisted link is opened in the
 * system browser instead (the normalised href, never the raw text the page passed).
 */
export function decideWindowOpen(url: string, allowlist: readonly string[] = externalHostAllowlist): WindowOpenDecision {
  if (!isExternalLinkAllowed(url, allowlist)) return { action: 'deny', openExternally: null };
  return { action: 'deny', openExternally: new URL(url).href };
}

/** What main knows about the frame that sent an IPC message (`event.senderFrame`). */
export interface SenderFrameInfo {
  url: string;
  /** `frame.parent === null`: only the top frame may call; an iframe (even same-origin) may not. */
  isTopFrame: boolean;
}

/**
 * Every IPC call: the frame must still exist, be the window's top frame and show our origin. A
 * navigation the other rules missed, or an injected iframe, cannot reach the backend.
 */
export function isTrustedSender(frame: SenderFrameInfo | null | undefined, policy: OriginPolicy = {}): boolean {
  if (!frame) return false;
  if (!frame.isTopFrame) return false;
  return isAppOrigin(frame.url, policy);
}

/** The shape of a `kinerja:call` message, checked before anything else reads it. */
export function isWellFormedCall(name: unknown, input: unknown): name is string {
  if (typeof name !== 'string' || !/^[a-z][a-zA-Z0-9]*\.[a-zA-Z][a-zA-Z0-9]*$/.test(name) || name.length > 100) return false;
  return input === undefined || input === null || typeof input === 'object';
}

/**
 * The shape of a `kinerja:file` message (and of a job start), checked before anything reads it:
 * a download name like `skp.pdf` or `people.export.xlsx`, and a query of at most 50 short string
 * values (a structured clone could otherwise carry anything: getters are gone, but nested objects,
 * huge strings and prototype-named keys are not).
 */
export function isWellFormedFileRequest(name: unknown, query: unknown): name is string {
  if (typeof name !== 'string' || name.length > 100 || !/^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/.test(name)) return false;
  if (query === undefined || query === null) return true;
  if (typeof query !== 'object' || Array.isArray(query) || Object.getPrototypeOf(query) !== Object.prototype) return false;
  const entries = Object.entries(query);
  if (entries.length > 50) return false;
  const shortString = (v: unknown) => typeof v === 'string' && v.length <= 2000;
  return entries.every(
    ([k, v]) => /^[A-Za-z][A-Za-z0-9_]{0,49}$/.test(k) && (shortString(v) || (Array.isArray(v) && v.length <= 100 && v.every(shortString))),
  );
}

/**
 * Maps an `app://kinerja/...` request to a file under the built renderer, or null when the request
 * would leave that folder (`..`, encoded `%2e%2e`, backslashes, NUL, another host). Paths without
 * an extension are client-side routes and get the app shell.
 */
export function resolveAppFile(rootDir: string, requestUrl: string): string | null {
  const u = parse(requestUrl);
  if (!u || u.protocol !== `${appScheme}:` || u.host !== appHost) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  // A backslash is a separator on Windows; a NUL truncates paths in native code.
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  // Reject any `..` segment outright rather than normalising it away: no legitimate asset has one.
  const segments = pathname.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return null;
  let relative = segments.filter(Boolean).join('/');
  if (relative === '' || !path.posix.extname(relative)) relative = 'index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, relative);
  const rel = path.relative(root, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return file;
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

export function mimeTypeOf(file: string): string {
  return mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The renderer's Content-Security-Policy, sent as a header on every `app://` response. The same
 * policy as the LAN server's helmet config: scripts only from the app, no eval, no plugins, no
 * frames, network only to the app origin (the desktop app talks to its backend over IPC).
 */
export function contentSecurityPolicy(policy: OriginPolicy = {}): string {
  const self = "'self'";
  const dev = policy.devServerOrigin ? ` ${policy.devServerOrigin}` : '';
  // Vite's dev client needs its websocket for hot reload; only in development.
  const devSocket = policy.devServerOrigin ? ` ${policy.devServerOrigin.replace(/^http/, 'ws')}` : '';
  return [
    `default-src ${self}${dev}`,
    `script-src ${self}${dev}`,
    // Mantine sets CSS variables through style attributes and <style> tags.
    `style-src ${self}${dev} 'unsafe-inline'`,
    `img-src ${self}${dev} data: blob:`,
    `font-src ${self}${dev} data:`,
    `connect-src ${self}${dev}${devSocket}`,
    `worker-src ${self} blob:`,
    "object-src 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    `base-uri ${self}`,
    `form-action ${self}`,
  ].join('; ');
}

/**
 * Permission requests (camera, microphone, geolocation, notifications, USB, ...): none is needed,
 * so every one is refused. Exported as a function so the rule and its test stay in one place.
 */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}

/** `<webview>` can host arbitrary content with its own preferences: never attached. */
export function isWebviewAllowed(): boolean {
  return false;
}

/** The BrowserWindow preferences every Kinerja window gets. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
  } as const;
}

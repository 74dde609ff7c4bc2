import type { FastifyInstance } from 'fastify';
import type { CommandInput, CommandName, CommandOutput } from '../../shared/commands';
import type { ErrorBody } from '../../shared/errors';
import { buildServer, csrfHeader, sessionCookie } from '../../electron/server/app';
import type { TestCore } from './office';

export interface ApiResponse {
  status: number;
  body: unknown;
  headers: Record<string, string | string[] | number | undefined>;
  /** The raw Set-Cookie headers of this response. */
  setCookies: string[];
  /** The body as bytes (GET only: downloads). */
  raw?: Buffer;
}

export interface PostOptions {
  /** `undefined`: send the stored token (if any); `null`: send no header; a string: send it. */
  csrf?: string | null;
  /** Send the stored session cookie (default true). */
  withCookie?: boolean;
}

/** The messages of the dispatcher's access check, to tell "refused by role" from a handler's own 401/403. */
export const accessRefusal = {
  anonymous: 'Silakan masuk terlebih dahulu.',
  expired: 'Sesi Anda telah berakhir. Silakan masuk kembali.',
  wrongRole: 'Peran Anda tidak mengizinkan tindakan ini.',
} as const;

/** Is this response the dispatcher's access check refusing the caller (not a handler's own error)? */
export function isAccessRefusal(res: ApiResponse): boolean {
  const err = (res.body as { error?: ErrorBody } | null)?.error;
  if (!err) return false;
  if (res.status === 401 && err.code === 'UNAUTHENTICATED') return err.message === accessRefusal.anonymous || err.message === accessRefusal.expired;
  if (res.status === 403 && err.code === 'FORBIDDEN') return err.message === accessRefusal.wrongRole;
  return false;
}

/** The typed error body of a failed response; throws (failing the test) when the body is not `{error:{code,message}}`. */
export function errorOf(res: ApiResponse): ErrorBody {
  const err = (res.body as { error?: ErrorBody } | null)?.error;
  if (!err || typeof err.code !== 'string' || typeof err.message !== 'string') {
    throw new Error(`expected a typed error body, got ${res.status} ${JSON.stringify(res.body)}`);
  }
  return err;
}

function cookieValue(setCookie: string): { name: string; value: string; attributes: string[] } {
  const [pair = '', ...attributes] = setCookie.split(';').map((s) => s.trim());
  const eq = pair.indexOf('=');
  return { name: pair.slice(0, eq), value: decodeURIComponent(pair.slice(eq + 1)), attributes };
}

/**
 * A browser-like API client over `app.inject`: keeps the session cookie it is given (and drops it
 * when the server clears it) and the CSRF token from `auth.login` / `auth.me`, and sends the token
 * as `X-CSRF-Token` on every call.
 */
export class ApiClient {
  cookie: string | null = null;
  csrfToken: string | null = null;

  /** `remoteAddress`: the client's IP as the server sees it (inject's default is 127.0.0.1). */
  constructor(
    private readonly app: FastifyInstance,
    private readonly remoteAddress?: string,
  ) {}

  async post(name: string, input: unknown = {}, options: PostOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const csrf = options.csrf === undefined ? this.csrfToken : options.csrf;
    if (csrf !== null) headers[csrfHeader] = csrf;
    if (this.cookie && options.withCookie !== false) headers.cookie = `${sessionCookie}=${encodeURIComponent(this.cookie)}`;
    const res = await this.app.inject({ method: 'POST', url: `/api/${name}`, headers, payload: JSON.stringify(input ?? {}), ...(this.remoteAddress ? { remoteAddress: this.remoteAddress } : {}) });
    const raw = res.headers['set-cookie'];
    const setCookies = raw === undefined ? [] : Array.isArray(raw) ? raw : [String(raw)];
    for (const sc of setCookies) {
      const c = cookieValue(sc);
      if (c.name !== sessionCookie) continue;
      const cleared = c.value === '' || c.attributes.some((a) => /^max-age=0$/i.test(a));
      this.cookie = cleared ? null : c.value;
      if (cleared) this.csrfToken = null;
    }
    let body: unknown = res.body;
    try {
      body = res.json();
    } catch {
      // not JSON: keep the text
    }
    if (name === 'auth.login' && res.statusCode === 200) this.csrfToken = (body as CommandOutput<'auth.login'>).csrfToken;
    return { status: res.statusCode, body, headers: res.headers, setCookies };
  }

  /** A typed call; returns the raw response so tests can check status and body. */
  call<N extends CommandName>(name: N, input: CommandInput<N>, options: PostOptions = {}): Promise<ApiResponse> {
    return this.post(name, input, options);
  }

  /** A call that must succeed; returns the typed output or throws with the error body. */
  async ok<N extends CommandName>(name: N, input: CommandInput<N>, options: PostOptions = {}): Promise<CommandOutput<N>> {
    const res = await this.post(name, input, options);
    if (res.status !== 200) throw new Error(`${name} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as CommandOutput<N>;
  }

  /** Signs in; the cookie and CSRF token are kept for later calls. */
  login(login: string, password: string): Promise<CommandOutput<'auth.login'>> {
    return this.ok('auth.login', { login, password });
  }

  /** A GET as a browser sends it: with the session cookie (if any), without the CSRF header. */
  async get(url: string, options: Pick<PostOptions, 'withCookie'> = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = {};
    if (this.cookie && options.withCookie !== false) headers.cookie = `${sessionCookie}=${encodeURIComponent(this.cookie)}`;
    const res = await this.app.inject({ method: 'GET', url, headers });
    let body: unknown = res.body;
    if (String(res.headers['content-type'] ?? '').startsWith('application/json')) {
      try {
        body = res.json();
      } catch {
        // not JSON after all
      }
    }
    return { status: res.statusCode, body, headers: res.headers, setCookies: [], raw: res.rawPayload };
  }
}

export interface TestServer {
  app: FastifyInstance;
  /** A new client with no cookie (from another PC when `remoteAddress` is given). */
  client(remoteAddress?: string): ApiClient;
  /** A new client signed in as the given user. */
  clientAs(user: { nip: string; password: string }): Promise<ApiClient>;
  close(): Promise<void>;
}

/**
 * Builds the real Fastify app (`buildServer`) on a test core. The per-address login rate limit is
 * raised (tests log in often from one address) unless a test sets it.
 */
export async function startServer(office: TestCore, options: { loginRateLimit?: number } = {}): Promise<TestServer> {
  const app = await buildServer({ core: office.core, rendererDir: null, loginRateLimit: options.loginRateLimit ?? 10_000 });
  await app.ready();
  return {
    app,
    client: (remoteAddress?: string) => new ApiClient(app, remoteAddress),
    clientAs: async (user) => {
      const c = new ApiClient(app);
      await c.login(user.nip, user.password);
      return c;
    },
    close: () => app.close(),
  };
}

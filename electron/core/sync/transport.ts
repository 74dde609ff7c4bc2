import http from 'node:http';
import https from 'node:https';
import type { TLSSocket } from 'node:tls';
import { SyncError } from './errors';

export interface TransportRequest {
  path: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface TransportResponse {
  status: number;
  body: Buffer;
}

/**
 * How an office reaches the central. The HTTP one is used in production and in the loopback tests;
 * tests wrap it in a seeded faulty transport (drop, duplicate, reorder, truncate, delay, reset).
 */
export interface SyncTransport {
  send(req: TransportRequest): Promise<TransportResponse>;
  /** The central's TLS certificate fingerprint seen on the last connection (null over plain http). */
  lastFingerprint?: () => string | null;
}

export interface HttpTransportOptions {
  /** sha256 fingerprint pinned at enrolment (`AB:CD:...`); a different certificate is refused. */
  pinnedFingerprint?: string | null;
  timeoutMs?: number;
}

/**
 * POSTs to the central over http or https. Over https the certificate is checked against the
 * fingerprint pinned at enrolment (the central's certificate is usually self-signed on a LAN), the
 * simple hook `serve --tls` needs: trust on first enrolment, refuse any other certificate after.
 */
export class HttpTransport implements SyncTransport {
  private fingerprint: string | null = null;
  private readonly base: URL;

  constructor(
    baseUrl: string,
    private readonly options: HttpTransportOptions = {},
  ) {
    this.base = new URL(baseUrl);
    if (this.base.protocol !== 'http:' && this.base.protocol !== 'https:') throw new SyncError('BAD_REQUEST', 'Alamat server pusat harus diawali http:// atau https://.');
  }

  lastFingerprint = (): string | null => this.fingerprint;

  send(req: TransportRequest): Promise<TransportResponse> {
    const url = new URL(req.path, this.base);
    const isTls = url.protocol === 'https:';
    return new Promise((resolve, reject) => {
      const options: https.RequestOptions = {
        method: 'POST',
        headers: { ...req.headers, 'content-type': 'application/octet-stream', 'content-length': String(req.body.length) },
        timeout: this.options.timeoutMs ?? 30_000,
        // LAN centrals use self-signed certificates: trust is the fingerprint pinned at enrolment.
        ...(isTls ? { rejectUnauthorized: false } : {}),
      };
      const request = (isTls ? https : http).request(url, options, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      if (isTls) {
        request.on('socket', (socket) => {
          (socket as TLSSocket).once('secureConnect', () => {
            const fp = (socket as TLSSocket).getPeerCertificate()?.fingerprint256 ?? null;
            this.fingerprint = fp;
            const pinned = this.options.pinnedFingerprint;
            if (pinned && fp !== pinned) {
              request.destroy(new SyncError('TLS_PIN', `Sertifikat server pusat berubah (sidik ${fp ?? '?'}, tercatat ${pinned}). Hubungi BKPSDM sebelum melanjutkan.`));
            }
          });
        });
      }
      request.on('timeout', () => request.destroy(new Error('Server pusat tidak menjawab (waktu habis).')));
      request.on('error', reject);
      request.end(req.body);
    });
  }
}

import crypto from 'node:crypto';

/**
 * Signed update feeds (docs/spec/operations.md §3): installers in these offices are usually not code-signed, so
 * anyone on the LAN able to answer for the update server could hand every PC a rogue installer.
 * The office's or city's release key (Ed25519, made once with `kinerja release keygen` and kept
 * off the LAN server) signs the exact bytes of `latest.yml` (`kinerja release sign`), which names
 * the installer's sha512; the desktop app installs only what such a signature covers, checked
 * against the public keys it ships with or is configured with (update.json `releaseKeys`).
 */
export const signatureSuffix = '.sig';

export interface ReleaseKeyPair {
  /** PKCS#8 PEM: stays with whoever publishes releases, never on the LAN server. */
  privateKeyPem: string;
  /** The 32-byte raw public key, base64: what the app is configured with. */
  publicKey: string;
}

export function generateReleaseKey(): ReleaseKeyPair {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ed25519');
  return { privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey: rawPublicKey(publicKey) };
}

function rawPublicKey(key: crypto.KeyObject): string {
  const jwk = key.export({ format: 'jwk' }) as { x?: string };
  return Buffer.from(jwk.x ?? '', 'base64url').toString('base64');
}

export function publicKeyOf(privateKeyPem: string): string {
  return rawPublicKey(crypto.createPublicKey(crypto.createPrivateKey(privateKeyPem)));
}

/** The `.sig` file's content: one line, base64. */
export function signRelease(latestYml: Buffer | string, privateKeyPem: string): string {
  const key = crypto.createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('Kunci rilis harus Ed25519 (buat dengan "kinerja release keygen").');
  return `${crypto.sign(null, Buffer.from(latestYml), key).toString('base64')}\n`;
}

/** A configured public key (raw 32 bytes, base64) as a KeyObject, or null when malformed. */
export function releasePublicKey(base64: string): crypto.KeyObject | null {
  const raw = Buffer.from(base64.trim(), 'base64');
  if (raw.length !== 32) return null;
  try {
    return crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });
  } catch {
    return null;
  }
}

/** Is `signature` (the .sig file's text) a valid signature of these exact bytes by one of `publicKeys`? */
export function verifyRelease(latestYml: Buffer | string, signature: string, publicKeys: readonly string[]): boolean {
  const sig = Buffer.from(signature.trim(), 'base64');
  if (sig.length !== 64) return false;
  return publicKeys.some((k) => {
    const key = releasePublicKey(k);
    return key !== null && crypto.verify(null, Buffer.from(latestYml), key, sig);
  });
}

/** What the signed `latest.yml` promises: its version and every sha512 it names (installer, blockmap). */
export function releaseFacts(latestYml: string): { version: string | null; sha512: string[] } {
  const version = /^version:\s*['"]?([^'"\s]+)['"]?\s*$/m.exec(latestYml)?.[1] ?? null;
  const sha512 = [...latestYml.matchAll(/sha512:\s*['"]?([A-Za-z0-9+/=]+)['"]?\s*$/gm)].map((m) => m[1]!);
  return { version, sha512: [...new Set(sha512)] };
}

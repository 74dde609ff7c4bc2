import fs from 'node:fs';
import path from 'node:path';
import { generateReleaseKey, publicKeyOf, signatureSuffix, signRelease, verifyRelease } from '../../core/release/signature';
import { parse, required, UsageError } from '../args';

export const usage = 'release keygen --out DIR | release sign --key BERKAS --feed DIR';

/**
 * The office's (or city's) release key for signed desktop updates. `keygen` once, on the PC of
 * whoever publishes releases (not the LAN server: whoever controls the server must not be able to
 * sign); `sign` for each release, then copy latest.yml, latest.yml.sig and the installer into the
 * server's <data>/updates/ folder. docs/lan-tls.md describes the whole routine.
 */
export async function run(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'keygen') {
    const { values } = parse(rest, { out: { type: 'string' } });
    const dir = path.resolve(required(values.out, 'out'));
    const keyFile = path.join(dir, 'kinerja-release.key');
    if (fs.existsSync(keyFile)) throw new UsageError(`${keyFile} sudah ada; kunci rilis dibuat sekali saja (aplikasi di kantor memercayai kunci itu).`);
    fs.mkdirSync(dir, { recursive: true });
    const pair = generateReleaseKey();
    fs.writeFileSync(keyFile, pair.privateKeyPem, { mode: 0o600 });
    fs.writeFileSync(path.join(dir, 'kinerja-release.pub'), `${pair.publicKey}\n`);
    console.log(`Kunci rilis dibuat: ${keyFile} (rahasia: simpan di luar server LAN, buat salinan cadangan).`);
    console.log(`Kunci publik (isi "releaseKeys" di update.json setiap PC): ${pair.publicKey}`);
    return 0;
  }
  if (sub === 'sign') {
    const { values } = parse(rest, { key: { type: 'string' }, feed: { type: 'string' } });
    const keyFile = path.resolve(required(values.key, 'key'));
    const feed = path.resolve(required(values.feed, 'feed'));
    const yml = path.join(feed, 'latest.yml');
    if (!fs.existsSync(yml)) throw new UsageError(`${yml} tidak ditemukan: --feed adalah folder berisi latest.yml dan penginstalnya.`);
    const privateKeyPem = fs.readFileSync(keyFile, 'utf8');
    const bytes = fs.readFileSync(yml);
    const signature = signRelease(bytes, privateKeyPem);
    const publicKey = publicKeyOf(privateKeyPem);
    if (!verifyRelease(bytes, signature, [publicKey])) throw new Error('Tanda tangan yang baru dibuat tidak dapat diverifikasi.');
    fs.writeFileSync(`${yml}${signatureSuffix}`, signature);
    console.log(`Ditandatangani: ${yml}${signatureSuffix} (kunci publik ${publicKey}).`);
    return 0;
  }
  throw new UsageError('Sub-perintah: "release keygen" atau "release sign".');
}

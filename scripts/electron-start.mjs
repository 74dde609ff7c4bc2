// `npm start`: runs the desktop app from this checkout (after `npm run build`).
// 1. makes sure better-sqlite3 is built for Electron's ABI (scripts/electron-native.mjs, cached),
// 2. starts Electron on the project, pointing main at that build with KINERJA_NATIVE_BINDING.
// node_modules stays built for Node, so `npm test` and `npm run serve` keep working alongside.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const native = spawnSync(process.execPath, [path.join(root, 'scripts/electron-native.mjs'), '--quiet'], { stdio: 'inherit' });
if (native.status !== 0) process.exit(native.status ?? 1);

let electronPath;
try {
  // The electron package downloads its binary on first use (needs the internet once).
  electronPath = require('electron');
} catch (err) {
  console.error(`Electron tidak tersedia: ${err.message}`);
  console.error('Jalankan "npx install-electron" pada komputer yang terhubung ke internet, lalu ulangi "npm start".');
  process.exit(1);
}

const binding = path.join(root, 'node_modules/.cache/kinerja-electron-native', `${process.platform}-${process.arch}`, 'better_sqlite3.node');
const child = spawn(electronPath, [root, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, KINERJA_NATIVE_BINDING: binding },
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));

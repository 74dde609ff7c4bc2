// Builds better-sqlite3 for the Electron version in package.json, into
//   node_modules/.cache/kinerja-electron-native/<platform>-<arch>/better_sqlite3.node
// without touching node_modules/better-sqlite3, which stays built for Node (vitest, `kinerja serve`,
// the CLI). The desktop app loads this file through better-sqlite3's `nativeBinding` option;
// electron-builder ships it as resources/native/better_sqlite3.node. See docs/desktop.md.
//
//   node scripts/electron-native.mjs [--platform win32|linux|darwin] [--arch x64|arm64|ia32] [--force]
//
// How: copy the better-sqlite3 package (without its Node build) into a staging project and run
// @electron/rebuild there. @electron/rebuild first tries the prebuilt binary better-sqlite3 publishes
// for this Electron ABI (prebuild-install, works for other platforms too), else compiles from source
// with node-gyp against Electron's headers (host platform only; needs a C++ toolchain). Either way
// it needs the internet once per Electron/better-sqlite3 version; the result is cached.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const { values } = parseArgs({
  options: {
    platform: { type: 'string', default: process.platform },
    arch: { type: 'string', default: process.arch },
    force: { type: 'boolean', default: false },
    quiet: { type: 'boolean', default: false },
  },
});
const { platform, arch } = values;

const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const sqliteDir = path.join(root, 'node_modules/better-sqlite3');
const sqliteVersion = JSON.parse(fs.readFileSync(path.join(sqliteDir, 'package.json'), 'utf8')).version;

const cacheDir = path.join(root, 'node_modules/.cache/kinerja-electron-native', `${platform}-${arch}`);
const target = path.join(cacheDir, 'better_sqlite3.node');
const stampFile = path.join(cacheDir, 'stamp.json');
const stamp = { electron: electronVersion, betterSqlite3: sqliteVersion, platform, arch };

function upToDate() {
  try {
    return fs.existsSync(target) && JSON.stringify(JSON.parse(fs.readFileSync(stampFile, 'utf8'))) === JSON.stringify(stamp);
  } catch {
    return false;
  }
}

if (!values.force && upToDate()) {
  if (!values.quiet) console.log(`better-sqlite3 ${sqliteVersion} untuk Electron ${electronVersion} (${platform}-${arch}) sudah ada: ${path.relative(root, target)}`);
  process.exit(0);
}

console.log(`Membangun better-sqlite3 ${sqliteVersion} untuk Electron ${electronVersion} (${platform}-${arch})...`);
const stage = path.join(root, 'node_modules/.cache/kinerja-electron-native', `stage-${platform}-${arch}`);
fs.rmSync(stage, { recursive: true, force: true });
const stagedModule = path.join(stage, 'node_modules/better-sqlite3');
fs.mkdirSync(stagedModule, { recursive: true });
fs.cpSync(sqliteDir, stagedModule, {
  recursive: true,
  // Leave the Node build behind, so nothing can mistake it for the Electron one.
  filter: (src) => !src.startsWith(path.join(sqliteDir, 'build')) && !src.startsWith(path.join(sqliteDir, 'node_modules')),
});
// prebuild-install and bindings are better-sqlite3's own dependencies; the rebuild needs them beside it.
for (const dep of ['prebuild-install', 'bindings', 'file-uri-to-path']) {
  const from = path.join(root, 'node_modules', dep);
  if (fs.existsSync(from)) fs.cpSync(from, path.join(stage, 'node_modules', dep), { recursive: true, dereference: true });
}
fs.writeFileSync(
  path.join(stage, 'package.json'),
  JSON.stringify({ name: 'kinerja-native-stage', version: '0.0.0', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }, null, 2),
);

// @electron/rebuild comes with electron-builder (app-builder-lib depends on it).
const rebuildPath = require.resolve('@electron/rebuild', { paths: [path.dirname(require.resolve('app-builder-lib/package.json', { paths: [root] })), root] });
const { rebuild } = await import(pathToFileURL(rebuildPath).href);

try {
  await rebuild({
    buildPath: stage,
    electronVersion,
    arch,
    platform,
    onlyModules: ['better-sqlite3'],
    force: true,
    mode: 'sequential',
  });
} catch (err) {
  fs.rmSync(stage, { recursive: true, force: true });
  console.error(`\nGagal membangun better-sqlite3 untuk Electron ${electronVersion}: ${err?.message ?? err}`);
  console.error(
    'Diperlukan internet (biner siap pakai better-sqlite3 untuk Electron, atau header Electron beserta kompiler C++).\n' +
      'node_modules tidak diubah: pengujian dan "npm run serve" tetap berjalan. Lihat docs/desktop.md.',
  );
  process.exit(1);
}

const built = path.join(stagedModule, 'build/Release/better_sqlite3.node');
if (!fs.existsSync(built)) {
  console.error(`Pembangunan selesai tetapi ${built} tidak ada.`);
  process.exit(1);
}
fs.mkdirSync(cacheDir, { recursive: true });
fs.copyFileSync(built, target);
fs.writeFileSync(stampFile, JSON.stringify(stamp));
fs.rmSync(stage, { recursive: true, force: true });
console.log(`Selesai: ${path.relative(root, target)}`);

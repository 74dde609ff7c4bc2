// `npm run dist [-- --win|--linux] [--x64|--arm64|--ia32]`: installers for office PCs.
// Builds better-sqlite3 for Electron for every requested target (scripts/electron-native.mjs),
// then runs electron-builder with electron-builder.yml and the same flags. Needs the internet.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

const platformFlags = { '--win': 'win32', '-w': 'win32', '--windows': 'win32', '--linux': 'linux', '-l': 'linux', '--mac': 'darwin', '-m': 'darwin' };
const archFlags = ['x64', 'arm64', 'ia32', 'armv7l'];
const platforms = [...new Set(args.filter((a) => a in platformFlags).map((a) => platformFlags[a]))];
const arches = archFlags.filter((a) => args.includes(`--${a}`));
if (platforms.length === 0) platforms.push(process.platform);
// electron-builder.yml builds Windows for x64; other platforms default to the host's arch.
if (arches.length === 0) arches.push(process.arch === 'arm64' ? 'arm64' : 'x64');

const run = (cmd, cmdArgs) => {
  const r = spawnSync(cmd, cmdArgs, { stdio: 'inherit', cwd: root, shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

for (const platform of platforms) {
  for (const arch of arches) run(process.execPath, [path.join(root, 'scripts/electron-native.mjs'), '--platform', platform, '--arch', arch]);
}
run(process.execPath, [path.join(root, 'node_modules/electron-builder/cli.js'), '--config', 'electron-builder.yml', '--publish', 'never', ...args]);

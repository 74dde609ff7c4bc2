import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const created = new Set<string>();

/** A fresh directory under the OS temp folder; removed by `removeTempDir` or `removeAllTempDirs`. */
export function makeTempDir(prefix = 'kinerja-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  created.delete(dir);
}

/** Safety net for a file's `afterAll`: removes every directory this process created and left. */
export function removeAllTempDirs(): void {
  for (const dir of [...created]) removeTempDir(dir);
}

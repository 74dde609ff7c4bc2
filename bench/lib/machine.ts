import fs from 'node:fs';
import os from 'node:os';
import Database from 'better-sqlite3';

/** What the figures were measured on; stored with them. */
export interface MachineInfo {
  cpuModel: string;
  cores: number;
  memoryMB: number;
  platform: string;
  node: string;
  sqlite: string;
  betterSqlite3: string;
  /** Load average (1, 5, 15 min) when the run started and ended: a busy shared machine shows here. */
  loadAverage: { start: number[]; end: number[] | null };
  /** Share of time some task waited for a CPU (Linux PSI, avg10), when available. */
  cpuPressure: { start: number | null; end: number | null };
}

function cpuPressure(): number | null {
  try {
    const m = /some avg10=([\d.]+)/.exec(fs.readFileSync('/proc/pressure/cpu', 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

function cpuModel(): string {
  const fromOs = os.cpus()[0]?.model?.trim();
  try {
    // Virtual machines often report a bare family name; /proc/cpuinfo may say more.
    const info = fs.readFileSync('/proc/cpuinfo', 'utf8');
    const name = /model name\s*:\s*(.+)/.exec(info)?.[1]?.trim();
    const mhz = /cpu MHz\s*:\s*([\d.]+)/.exec(info)?.[1];
    if (name) return mhz ? `${name} @ ${Math.round(Number(mhz))} MHz` : name;
  } catch {
    /* not Linux */
  }
  return fromOs ?? 'unknown';
}

export function machineInfo(): MachineInfo {
  const db = new Database(':memory:');
  const sqlite = (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  db.close();
  const pkg = JSON.parse(fs.readFileSync(new URL('../../node_modules/better-sqlite3/package.json', import.meta.url), 'utf8')) as { version: string };
  return {
    cpuModel: cpuModel(),
    cores: os.cpus().length,
    memoryMB: Math.round(os.totalmem() / 1024 / 1024),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    sqlite,
    betterSqlite3: pkg.version,
    loadAverage: { start: os.loadavg().map((x) => Math.round(x * 100) / 100), end: null },
    cpuPressure: { start: cpuPressure(), end: null },
  };
}

export function finishMachineInfo(m: MachineInfo): void {
  m.loadAverage.end = os.loadavg().map((x) => Math.round(x * 100) / 100);
  m.cpuPressure.end = cpuPressure();
}

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
  /** The nice value the run had (see raisePriority); 0 is normal. */
  nice: number;
}

/**
 * On a shared machine other processes take turns on the CPUs in the middle of a measured call;
 * the bench asks for a higher scheduling priority (nice -10, when allowed) so that the figures say
 * more about the code and less about the neighbours. Children (the servers) inherit it. Recorded
 * in the results; `--no-priority` keeps the normal priority.
 */
export function raisePriority(wanted = -10): number {
  try {
    os.setPriority(wanted);
  } catch {
    /* not permitted: keep the normal priority */
  }
  return os.getPriority();
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
    nice: os.getPriority(),
  };
}

export function finishMachineInfo(m: MachineInfo): void {
  m.loadAverage.end = os.loadavg().map((x) => Math.round(x * 100) / 100);
  m.cpuPressure.end = cpuPressure();
}

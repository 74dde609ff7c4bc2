import type { MachineInfo } from './machine';
import type { Summary } from './stats';

/** One line of the table (and of latest.json). */
export interface Measure {
  id: string;
  title: string;
  /** The data it ran on, e.g. "kantor 2.000" or "kota 20.000". */
  scale: string;
  /** What the figures are: ms per run, documents or requests per second, MB, bytes. */
  unit: 'ms' | 'docs/s' | 'req/s' | 'MB' | 'bytes';
  /** Through the command handler (dispatch), or the measured thing itself. */
  handler?: Summary;
  /** The same answer by raw better-sqlite3 prepared statements, measured in the same run. */
  raw?: Summary;
  /** handler median / raw median (and the same for p95). */
  ratio?: { median: number; p95: number };
  /** Whether the raw baseline computed exactly what the handler answered. */
  sameAnswer?: boolean;
  /** A single figure (documents per second, MB, bytes per command, requests per second). */
  value?: number;
  extra?: Record<string, unknown>;
  status: 'ok' | 'pending' | 'error';
  note?: string;
}

export interface Goal {
  id: string;
  text: string;
  measure: string;
  /** Which figure of the measure is compared. */
  figure: 'p95' | 'ratio' | 'median' | 'value';
  op: '<' | '<=' | '>=';
  target: number;
  /** The scale the goal is stated for; a run at another scale reports the goal as not comparable. */
  needsFullScale: boolean;
  actual: number | null;
  met: boolean | null;
  note?: string;
}

export interface BenchResult {
  version: 1;
  mode: 'full' | 'quick' | 'smoke';
  startedAt: string;
  finishedAt: string;
  seconds: number;
  seed: number;
  machine: MachineInfo;
  datasets: Record<string, { employees: number; offices: number; cadence: string; rows: number; dbMB: number; seedSeconds: number }>;
  measures: Measure[];
  goals: Goal[];
}

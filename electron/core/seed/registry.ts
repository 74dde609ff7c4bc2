import type { Core } from '../core';
import type { CliActor } from './session';

/**
 * Later capabilities (SKP, evaluation, ...) add their own demo and synthetic data on top of the
 * people seed by registering a step here from their seed module (imported in ./index.ts).
 */
export interface DemoPerson {
  employeeId: string;
  nip: string;
  name: string;
  username: string | null;
  role: string;
}

export interface DemoContext {
  core: Core;
  admin: CliActor;
  officeId: string;
  /** Key people by a stable key (kadis, sekretaris, kabidSd, kasiKurikulumSd, staf, ...). */
  people: Record<string, DemoPerson>;
  /** Everyone created, for steps that give each employee something. */
  employeeIds: string[];
  today: string;
  /** The performance year the demo opens and carries forward (seed/history.ts `demoStoryYear`). */
  storyYear: number;
  log(line: string): void;
}

/** What `seed --synthetic` was asked for, for steps that shape their data by it. */
export interface SyntheticOptions {
  /** Seed of the pseudo-random generator (`--seed N`; default: the employee count). */
  seed?: number;
  /** Offices' worth of units in the one database (`--offices K`; a city: 40). Default 1. */
  offices?: number;
  /** Cadence of the synthetic performance year (`--cadence`). Default bulanan. */
  cadence?: 'bulanan' | 'triwulanan';
  /** People and organisation only, without the registered steps (the performance year). */
  peopleOnly?: boolean;
}

export interface SyntheticContext {
  core: Core;
  officeId: string;
  employeeIds: string[];
  today: string;
  random: () => number;
  log(line: string): void;
  /** The run's seed: steps draw from `random`, or from their own generator seeded with it. */
  seed: number;
  options: SyntheticOptions;
}

export interface SeedStep<C> {
  name: string;
  run(ctx: C): void;
}

export const demoSteps: SeedStep<DemoContext>[] = [];
export const syntheticSteps: SeedStep<SyntheticContext>[] = [];

export function registerDemoStep(step: SeedStep<DemoContext>): void {
  if (!demoSteps.some((s) => s.name === step.name)) demoSteps.push(step);
}

export function registerSyntheticStep(step: SeedStep<SyntheticContext>): void {
  if (!syntheticSteps.some((s) => s.name === step.name)) syntheticSteps.push(step);
}

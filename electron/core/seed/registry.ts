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
  log(line: string): void;
}

export interface SyntheticContext {
  core: Core;
  officeId: string;
  employeeIds: string[];
  today: string;
  random: () => number;
  log(line: string): void;
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

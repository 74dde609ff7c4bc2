import type { Role } from '../../../shared/roles';
import type { Core } from '../core';

/**
 * Roles that follow from data rather than being granted: Pejabat Penilai is whoever appraises
 * somebody today. Capabilities that know such facts (people: the appraisal chain) add a provider.
 */
export type DerivedRoleProvider = (core: Core, employeeId: string, on: Date) => Role[];

const providers: DerivedRoleProvider[] = [];

export function addDerivedRoleProvider(provider: DerivedRoleProvider): void {
  if (!providers.includes(provider)) providers.push(provider);
}

export function derivedRoles(core: Core, employeeId: string, on: Date): Role[] {
  return providers.flatMap((p) => p(core, employeeId, on));
}

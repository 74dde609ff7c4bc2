import type { Role } from '../../../shared/roles';
import type { Core } from '../core';

/**
 * Roles that follow from data rather than being granted: Pejabat Penilai is whoever appraises
 * somebody today. The providers are passed to `Core.open` (electron/core/wiring.ts lists the
 * defaults), so a role never depends on which modules happened to be imported.
 */
export type DerivedRoleProvider = (core: Core, employeeId: string, on: Date) => Role[];

export function derivedRoles(core: Core, employeeId: string, on: Date): Role[] {
  return core.wiring.derivedRoles.flatMap((p) => p(core, employeeId, on));
}

import { localDate } from '../../shared/people/dates';
import type { AppraisalLinkResolver } from './access';
import type { DerivedRoleProvider } from './auth/derived-roles';
import { appraisalLinkOf, appraiseesOf } from './people/appraisal';

/**
 * The rules one capability supplies to others, wired explicitly when the core opens instead of
 * registered as a side effect of importing a module: who appraises whom (the people capability
 * owns the appraisal chain; access.ts asks it) and the roles that follow from data.
 */
export interface CoreWiring {
  appraisalLink: AppraisalLinkResolver;
  derivedRoles: readonly DerivedRoleProvider[];
}

/** Pejabat Penilai: whoever appraises at least one employee on that day. */
export const penilaiFromAppraisalChain: DerivedRoleProvider = (core, employeeId, on) =>
  appraiseesOf(core, employeeId, localDate(on), { firstOnly: true }).length > 0 ? ['penilai'] : [];

export const defaultWiring: CoreWiring = {
  appraisalLink: appraisalLinkOf,
  derivedRoles: [penilaiFromAppraisalChain],
};

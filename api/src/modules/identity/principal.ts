/** Who is calling: built from the account at each request, so role changes apply at once. */
import type { Account } from './entities.js';
import { candidateGroup, type Membership, type OfficerRole, type Role } from './roles.js';

/** The signed-in user as route handlers see it. */
export interface Principal {
  accountId: string;
  username: string;
  fullName: string;
  /** Account roles plus every officer role held in some agency. */
  roles: Role[];
  memberships: Membership[];
  /** BPMN candidate groups, `<agencyCode>:<role>`: what task lists filter on. */
  groups: string[];
  citizenId: string | null;
}

/** What a principal is built from: an account entity, or the row the session look-up reads. */
export type SessionAccount = Pick<
  Account,
  'id' | 'username' | 'fullName' | 'roles' | 'memberships' | 'citizenId'
>;

/** Builds the principal of an account. */
export function principalOf(account: SessionAccount): Principal {
  const memberships = account.memberships ?? [];
  const roles = new Set<Role>([...account.roles, ...memberships.map((m) => m.role)]);
  return {
    accountId: account.id,
    username: account.username,
    fullName: account.fullName,
    roles: [...roles],
    memberships,
    groups: memberships.map((m) => candidateGroup(m.agencyCode, m.role)),
    citizenId: account.citizenId ?? null,
  };
}

/** True when the principal holds `role` in agency `agencyCode` (officer roles are per agency). */
export function hasRoleIn(principal: Principal, agencyCode: string, role: OfficerRole): boolean {
  return principal.memberships.some((m) => m.agencyCode === agencyCode && m.role === role);
}

/** The agencies in which the principal holds any of `roles`. */
export function agenciesWhere(principal: Principal, ...roles: OfficerRole[]): string[] {
  return [...new Set(principal.memberships.filter((m) => roles.includes(m.role)).map((m) => m.agencyCode))];
}

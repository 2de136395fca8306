/** The identity module: sign-in, sessions, the current account and account administration. */
import type { FastifyInstance } from 'fastify';
import { authRoutes } from './auth.routes.js';
import { oidcRoutes } from './oidc.routes.js';
import { userAdminRoutes } from './users.routes.js';

export { authorize, checkAccess, type AccessRule } from './access.js';
export {
  candidateGroup,
  parseCandidateGroup,
  ROLES,
  type Role,
  type OfficerRole,
  type Membership,
} from './roles.js';
export { agenciesWhere, hasRoleIn, type Principal } from './principal.js';
export type {
  IdentityProvider,
  CredentialIdentityProvider,
  RedirectIdentityProvider,
} from './identity-provider.js';

/** Registers the identity routes (mounted under /api). */
export async function identityRoutes(app: FastifyInstance): Promise<void> {
  await app.register(authRoutes);
  await app.register(oidcRoutes);
  await app.register(userAdminRoutes);
}

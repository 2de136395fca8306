/** The reference-data module: administrative units, agencies, procedures (effective-dated). */
import type { FastifyInstance } from 'fastify';
import { agencyRoutes } from './agencies.routes.js';
import { procedureAdminRoutes } from './procedures.routes.js';

export { loadProcedurePackages, type PackageLoadReport } from './procedure-packages.js';
export { createProcedure, type ProcedureInput } from './procedures.js';
export { inForce, today } from './effective.js';

/** Registers the reference routes (mounted under /api). */
export async function referenceRoutes(app: FastifyInstance): Promise<void> {
  await app.register(agencyRoutes);
  await app.register(procedureAdminRoutes);
}

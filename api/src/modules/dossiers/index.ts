/**
 * Dossier routes: submission (online, and on paper at the desk), reading, attachments, the applicant's and
 * officers' commands, the forms as PDF, the applicant's rating. Multipart parsing is registered once for the whole app (app.ts).
 */
import type { FastifyInstance } from 'fastify';
import { actionRoutes } from './actions.routes.js';
import { attachmentRoutes } from './attachments.routes.js';
import { documentRoutes } from './documents.routes.js';
import { paperRoutes } from './paper.routes.js';
import { ratingRoutes } from './rating.routes.js';
import { submissionRoutes } from './submission.routes.js';

export { storageFor } from './storage-registry.js';

/** Registers every dossier route (under the /api prefix given by app.ts). */
export async function dossierRoutes(app: FastifyInstance): Promise<void> {
  await app.register(submissionRoutes);
  await app.register(paperRoutes);
  await app.register(attachmentRoutes);
  await app.register(actionRoutes);
  await app.register(documentRoutes);
  await app.register(ratingRoutes);
}

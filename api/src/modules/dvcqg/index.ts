/**
 * DVCQG sync (đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia): the sender started by server.ts beside the job
 * workers, and `GET /api/admin/dvcqg-sync`, the admins' view of what is pending, what fails and (record
 * adapter) what would have been sent.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ProblemError } from '../../plugins/errors.js';
import { Problem } from '../identity/schemas.js';
import { dvcqgClientFor } from './adapters.js';
import { DvcqgSender, type DvcqgSenderOptions } from './sender.js';
import type { DvcqgSyncPayload } from './ports.js';

export * from './ports.js';
export * from './adapters.js';
export * from './sender.js';

/** Starts the sender of the app's configuration (HTTP or record adapter) in the background; `close()` stops it. */
export function startDvcqgSync(app: FastifyInstance, options: Partial<DvcqgSenderOptions> = {}): DvcqgSender {
  const sender = new DvcqgSender({
    pool: app.pg,
    clock: app.clock,
    client: dvcqgClientFor(app.config, app.pg, app.clock),
    intervalMs: app.config.DVCQG_SYNC_INTERVAL_MS,
    log: (message, error) => app.log.warn({ err: error }, message),
    ...options,
  });
  sender.start();
  return sender;
}

/** Hides the middle of an identifier (CCCD, tax code) in the admins' view: it is personal data (Decree 13/2023). */
export function maskIdNumber(id: string | null): string | null {
  if (!id) return id;
  return id.length <= 6 ? '***' : `${id.slice(0, 3)}${'*'.repeat(id.length - 6)}${id.slice(-3)}`;
}

/** Where the sync goes, without credentials or query string. */
function targetOf(url: string | undefined): string | null {
  if (!url) return null;
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}`;
}

const Failing = Type.Object({
  dossierCode: Type.String(),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  lastAttemptAt: Type.Union([Type.String(), Type.Null()]),
  nextAttemptAt: Type.Union([Type.String(), Type.Null()]),
  pendingEntries: Type.Integer(),
});
const Recorded = Type.Object({
  id: Type.String(),
  dossierCode: Type.String(),
  recordedAt: Type.String(),
  historyIds: Type.Array(Type.String()),
  payload: Type.Unknown(),
});
const SyncStatus = Type.Object({
  adapter: Type.Union([Type.Literal('http'), Type.Literal('record')]),
  target: Type.Union([Type.String(), Type.Null()]),
  pendingEntries: Type.Integer(),
  pendingDossiers: Type.Integer(),
  oldestPendingAt: Type.Union([Type.String(), Type.Null()]),
  failing: Type.Array(Failing),
  recorded: Type.Array(Recorded),
});

/** GET /admin/dvcqg-sync. */
export async function dvcqgRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/admin/dvcqg-sync',
    {
      config: { access: ['admin', 'manager'] },
      schema: {
        tags: ['admin'],
        summary:
          'DVCQG sync: pending entries, failing dossiers with their last error, recorded payloads (record adapter)',
        querystring: Type.Object(
          {
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
            dossier: Type.Optional(
              Type.String({ maxLength: 60, pattern: '^[A-Za-z0-9.-]+$', description: 'Mã hồ sơ' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: SyncStatus, 400: Problem, 401: Problem, 403: Problem },
      },
    },
    async (request) => {
      // The validator coerces a very long number to Infinity and lets it through: refuse it here.
      const limit = request.query.limit ?? 20;
      if (!Number.isSafeInteger(limit)) {
        throw new ProblemError(
          400,
          'Tham số limit phải là số nguyên từ 1 đến 200.',
          'limit must be an integer from 1 to 200.',
          { code: 'BAD_LIMIT' },
        );
      }
      const dossier = request.query.dossier ?? null;
      const adapter: 'http' | 'record' = app.config.DVCQG_SYNC_URL ? 'http' : 'record';
      const pending = await app.pg.query<{ entries: string; dossiers: string; oldest: Date | null }>(
        `SELECT count(*) AS entries, count(DISTINCT dossier_code) AS dossiers, min(at) AS oldest
           FROM dossier_history WHERE dvcqg_synced_at IS NULL AND ($1::text IS NULL OR dossier_code = $1)`,
        [dossier],
      );
      const failing = await app.pg.query<{
        dossier_code: string;
        attempts: number;
        last_error: string | null;
        last_attempt_at: Date | null;
        next_attempt_at: Date | null;
        pending: string;
      }>(
        `SELECT s.dossier_code, s.attempts, s.last_error, s.last_attempt_at, s.next_attempt_at,
                (SELECT count(*) FROM dossier_history h WHERE h.dossier_code = s.dossier_code AND h.dvcqg_synced_at IS NULL) AS pending
           FROM dvcqg_sync_state s
          WHERE s.attempts > 0 AND ($1::text IS NULL OR s.dossier_code = $1)
          ORDER BY s.attempts DESC, s.last_attempt_at DESC, s.dossier_code
          LIMIT $2`,
        [dossier, limit],
      );
      const recorded =
        adapter === 'record'
          ? await app.pg.query<{
              id: string;
              dossier_code: string;
              recorded_at: Date;
              history_ids: string[];
              payload: DvcqgSyncPayload;
            }>(
              `SELECT id, dossier_code, recorded_at, history_ids, payload FROM dvcqg_sync_record
              WHERE $1::text IS NULL OR dossier_code = $1 ORDER BY recorded_at DESC, id DESC LIMIT $2`,
              [dossier, limit],
            )
          : { rows: [] };
      const p = pending.rows[0]!;
      return {
        adapter,
        target: targetOf(app.config.DVCQG_SYNC_URL),
        pendingEntries: Number(p.entries),
        pendingDossiers: Number(p.dossiers),
        oldestPendingAt: p.oldest ? p.oldest.toISOString() : null,
        failing: failing.rows.map((f) => ({
          dossierCode: f.dossier_code,
          attempts: f.attempts,
          lastError: f.last_error,
          lastAttemptAt: f.last_attempt_at ? f.last_attempt_at.toISOString() : null,
          nextAttemptAt: f.next_attempt_at ? f.next_attempt_at.toISOString() : null,
          pendingEntries: Number(f.pending),
        })),
        recorded: recorded.rows.map((r) => ({
          id: String(r.id),
          dossierCode: r.dossier_code,
          recordedAt: r.recorded_at.toISOString(),
          historyIds: r.history_ids.map(String),
          payload: {
            ...r.payload,
            dossier: {
              ...r.payload.dossier,
              applicant: {
                ...r.payload.dossier.applicant,
                idNumber: maskIdNumber(r.payload.dossier.applicant.idNumber),
              },
            },
          },
        })),
      };
    },
  );
}

/**
 * The DVCQG sync sender: pushes the processing-history entries not yet synchronised (`dossier_history` rows
 * with `dvcqg_synced_at IS NULL`), one dossier at a time, oldest entry first, and marks them synchronised.
 *
 * - **One sender per dossier at a time.** Each push runs in a transaction holding the dossier's
 *   `dvcqg_sync_state` row, taken with `FOR UPDATE SKIP LOCKED`: two API processes never send the same entries,
 *   and neither waits for the other (it takes the next dossier). The entries are read after the lock, so what
 *   another sender marked in the meantime is not sent again; per dossier they go in `id` order, which is the
 *   order of recording (recordStatus serialises a dossier's transitions on its row).
 * - **Failures back off per dossier.** A failed push records attempts, the next attempt time (exponential,
 *   from {@link DvcqgSenderOptions.backOffBaseMs} up to {@link DvcqgSenderOptions.backOffMaxMs}) and the last
 *   error; nothing is marked, so no entry is lost, and other dossiers go on.
 * - **Time comes from the app's clock** (a ControlledClock in tests): back-offs are compared with `clock.now()`,
 *   and a clock moved by hand wakes the loop. Tests call {@link DvcqgSender.runOnce} instead of starting it.
 *
 * Delivery is at least once: if the process dies after DVCQG accepted a push but before the commit, the same
 * entries are pushed again; each carries its history id so the receiver can drop duplicates.
 */
import type pg from 'pg';
import type { Clock } from '@motcua/engine/client';
import type { DvcqgChannelCode, DvcqgClient, DvcqgSyncPayload } from './ports.js';

/** Settings of {@link DvcqgSender}. */
export interface DvcqgSenderOptions {
  pool: pg.Pool;
  clock: Clock;
  client: DvcqgClient;
  /** Dossiers taken per run (default 20). */
  dossiersPerRun?: number;
  /** Entries per push at most (default 50); the rest of a dossier's entries follow in the next push. */
  entriesPerPush?: number;
  /** Pushes in flight at once per sender (default 2; each holds a connection for the push). */
  parallel?: number;
  /** First back-off after a failure (default 30 s); doubled after each further failure. */
  backOffBaseMs?: number;
  /** Longest back-off (default 1 h). */
  backOffMaxMs?: number;
  /** Pause between polls when nothing was pushed (default 5 s). */
  intervalMs?: number;
  /** Where unexpected errors of the loop go. */
  log?: (message: string, error?: unknown) => void;
}

/** What one run did. */
export interface DvcqgRunResult {
  /** Dossiers pushed successfully. */
  pushed: number;
  /** Entries marked synchronised. */
  entries: number;
  /** Dossiers whose push failed (now backing off). */
  failed: number;
}

interface HistoryRow {
  id: string;
  dvcqg_status: number;
  at: Date;
  actor: string | null;
  element_id: string | null;
  due_at: Date | null;
  note: string | null;
}

interface DossierRow {
  code: string;
  national_code: string | null;
  procedure_name: string;
  agency_code: string;
  applicant_type: string;
  applicant_name: string;
  applicant_id_number: string | null;
  submitted_at: Date;
  received_at: Date | null;
  appointment_at: Date | null;
  due_at: Date | null;
  finished_at: Date | null;
  returned_at: Date | null;
  channel: 'direct' | 'online' | 'post';
}

const CHANNEL_CODES: Record<DossierRow['channel'], DvcqgChannelCode> = { direct: 1, online: 2, post: 3 };
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** The payload of a dossier and its entries (oldest first). */
export function buildPayload(d: DossierRow, entries: HistoryRow[]): DvcqgSyncPayload {
  return {
    schema: 'motcua.dvcqg-sync/1',
    dossier: {
      code: d.code,
      procedureNationalCode: d.national_code,
      procedureName: d.procedure_name,
      agencyCode: d.agency_code,
      applicant: { type: d.applicant_type, name: d.applicant_name, idNumber: d.applicant_id_number },
      submittedAt: d.submitted_at.toISOString(),
      receivedAt: iso(d.received_at),
      appointmentAt: iso(d.appointment_at),
      dueAt: iso(d.due_at),
      finishedAt: iso(d.finished_at),
      returnedAt: iso(d.returned_at),
      channel: d.channel,
      channelCode: CHANNEL_CODES[d.channel],
      status: entries[entries.length - 1]!.dvcqg_status,
    },
    history: entries.map((h) => ({
      id: String(h.id),
      status: h.dvcqg_status,
      at: h.at.toISOString(),
      actor: h.actor,
      step: h.element_id,
      dueAt: iso(h.due_at),
      note: h.note,
    })),
  };
}

/** Pushes unsynchronised history to DVCQG; `start()` runs it in the background, `runOnce()` once. */
export class DvcqgSender {
  private readonly pool: pg.Pool;
  private readonly clock: Clock;
  private readonly client: DvcqgClient;
  private readonly dossiersPerRun: number;
  private readonly entriesPerPush: number;
  private readonly parallel: number;
  private readonly backOffBaseMs: number;
  private readonly backOffMaxMs: number;
  private readonly intervalMs: number;
  private readonly log: (message: string, error?: unknown) => void;
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private loop: Promise<void> | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(options: DvcqgSenderOptions) {
    this.pool = options.pool;
    this.clock = options.clock;
    this.client = options.client;
    this.dossiersPerRun = options.dossiersPerRun ?? 20;
    this.entriesPerPush = options.entriesPerPush ?? 50;
    this.parallel = Math.max(1, options.parallel ?? 2);
    this.backOffBaseMs = options.backOffBaseMs ?? 30_000;
    this.backOffMaxMs = options.backOffMaxMs ?? 3_600_000;
    this.intervalMs = options.intervalMs ?? 5_000;
    this.log = options.log ?? (() => {});
  }

  /** The adapter in use. */
  get clientKind(): DvcqgClient['kind'] {
    return this.client.kind;
  }

  /** Back-off after the `attempts`-th failure in a row. */
  backOffMs(attempts: number): number {
    return Math.min(this.backOffMaxMs, this.backOffBaseMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
  }

  /** One pass: the due dossiers with unsynchronised entries, oldest entry first, one push each. */
  async runOnce(): Promise<DvcqgRunResult> {
    const now = new Date(this.clock.now());
    const due = await this.pool.query<{ dossier_code: string }>(
      `SELECT h.dossier_code
         FROM dossier_history h
         LEFT JOIN dvcqg_sync_state s ON s.dossier_code = h.dossier_code
        WHERE h.dvcqg_synced_at IS NULL AND (s.next_attempt_at IS NULL OR s.next_attempt_at <= $1)
        GROUP BY h.dossier_code
        ORDER BY min(h.id)
        LIMIT $2`,
      [now, this.dossiersPerRun],
    );
    const codes = due.rows.map((r) => r.dossier_code);
    const result: DvcqgRunResult = { pushed: 0, entries: 0, failed: 0 };
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < codes.length) {
        const outcome = await this.syncDossier(codes[next++]!);
        if (outcome === 'failed') result.failed++;
        else if (outcome > 0) {
          result.pushed++;
          result.entries += outcome;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.parallel, codes.length) }, lane));
    return result;
  }

  /** Pushes the dossier's oldest unsynchronised entries: their count, 0 when skipped, or 'failed'. */
  private async syncDossier(code: string): Promise<number | 'failed'> {
    // The state row is the dossier's lock: create it outside the transaction (a short insert, never held).
    await this.pool.query(`INSERT INTO dvcqg_sync_state (dossier_code) VALUES ($1) ON CONFLICT DO NOTHING`, [
      code,
    ]);
    const db = await this.pool.connect();
    try {
      await db.query('BEGIN');
      const state = await db.query<{ attempts: number }>(
        `SELECT attempts FROM dvcqg_sync_state
          WHERE dossier_code = $1 AND (next_attempt_at IS NULL OR next_attempt_at <= $2)
          FOR UPDATE SKIP LOCKED`,
        [code, new Date(this.clock.now())],
      );
      const locked = state.rows[0];
      const entries = locked
        ? await db.query<HistoryRow>(
            `SELECT id, dvcqg_status, at, actor, element_id, due_at, note FROM dossier_history
              WHERE dossier_code = $1 AND dvcqg_synced_at IS NULL ORDER BY id LIMIT $2`,
            [code, this.entriesPerPush],
          )
        : undefined;
      const dossier =
        entries && entries.rows.length > 0
          ? await db.query<DossierRow>(
              `SELECT d.code, p.national_code, d.procedure_name, d.agency_code, d.applicant_type, d.applicant_name,
                    d.applicant_id_number, d.submitted_at, d.received_at, d.appointment_at, d.due_at, d.finished_at,
                    d.returned_at, d.channel
               FROM dossier d LEFT JOIN procedure p ON p.id = d.procedure_id WHERE d.code = $1`,
              [code],
            )
          : undefined;
      const d = dossier?.rows[0];
      if (!locked || !entries || !d) {
        // Another sender holds the dossier, it is backing off, or nothing is left to send.
        await db.query('COMMIT');
        return 0;
      }
      try {
        await this.client.push(buildPayload(d, entries.rows));
      } catch (e) {
        const attempts = locked.attempts + 1;
        const at = this.clock.now();
        await db.query(
          `UPDATE dvcqg_sync_state SET attempts = $2, next_attempt_at = $3, last_error = $4, last_attempt_at = $5 WHERE dossier_code = $1`,
          [
            code,
            attempts,
            new Date(at + this.backOffMs(attempts)),
            String((e as Error).message ?? e).slice(0, 1000),
            new Date(at),
          ],
        );
        await db.query('COMMIT');
        return 'failed';
      }
      const at = new Date(this.clock.now());
      await db.query(`UPDATE dossier_history SET dvcqg_synced_at = $2 WHERE id = ANY($1::bigint[])`, [
        entries.rows.map((r) => r.id),
        at,
      ]);
      await db.query(
        `UPDATE dvcqg_sync_state SET attempts = 0, next_attempt_at = NULL, last_error = NULL, last_attempt_at = $2, last_synced_at = $2
          WHERE dossier_code = $1`,
        [code, at],
      );
      await db.query('COMMIT');
      return entries.rows.length;
    } catch (e) {
      await db.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      db.release();
    }
  }

  /** Runs in the background until {@link close}: repeats runs while they push, then polls every interval. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.clock.onChange(() => this.wake());
    this.schedule(0);
  }

  /** Stops the loop and waits for the push in hand. */
  async close(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.unsubscribe?.();
    await this.loop;
  }

  private schedule(ms: number): void {
    if (!this.running) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.loop = this.drain().finally(() => {
        this.loop = undefined;
        this.schedule(this.intervalMs);
      });
    }, ms);
    this.timer.unref?.();
  }

  /** The clock moved: check at once what became due (unless a run is under way). */
  private wake(): void {
    if (this.running && !this.loop) this.schedule(0);
  }

  private async drain(): Promise<void> {
    try {
      while (this.running) {
        const r = await this.runOnce();
        if (r.pushed === 0) return;
      }
    } catch (e) {
      this.log('DVCQG sync run failed', e);
    }
  }
}

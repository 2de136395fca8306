/**
 * Adapters of the DVCQG client port: JSON over HTTP to DVCQG_SYNC_URL with a bearer token, and the default
 * "record" adapter that keeps each payload in `dvcqg_sync_record`, so a demo (or a province before its
 * connection to the portal is granted) shows the admins exactly what would be sent.
 */
import type pg from 'pg';
import type { Clock } from '@motcua/engine/client';
import type { Config } from '@motcua/engine/postgres';
import type { Queryable } from '../../domain/dossier-code.js';
import { DvcqgSyncError, type DvcqgClient, type DvcqgSyncPayload } from './ports.js';

const MAX_ERROR_CHARS = 500;

/** The receiver's own message in an error body (JSON `message`/`error`/`detail`/`Message`, else the text). */
export function messageOfBody(body: string): string {
  const text = body.trim();
  if (text === '') return '(không có nội dung)';
  try {
    const json = JSON.parse(text) as unknown;
    if (json && typeof json === 'object') {
      const o = json as Record<string, unknown>;
      for (const key of ['message', 'Message', 'error_message', 'errorMessage', 'error', 'detail', 'title']) {
        const v = o[key];
        if (typeof v === 'string' && v.trim() !== '') return v.trim().slice(0, MAX_ERROR_CHARS);
        if (v && typeof v === 'object' && typeof (v as { message?: unknown }).message === 'string')
          return String((v as { message: string }).message).slice(0, MAX_ERROR_CHARS);
      }
    }
  } catch {
    // not JSON: the text itself
  }
  return text.slice(0, MAX_ERROR_CHARS);
}

/** POSTs the payload as JSON; anything but a 2xx answer (or no answer within the time limit) is a failure. */
export class HttpDvcqgClient implements DvcqgClient {
  readonly kind = 'http' as const;

  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
    private readonly timeoutMs: number,
  ) {}

  async push(payload: DvcqgSyncPayload): Promise<void> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          accept: 'application/json',
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      const err = e as Error & { cause?: { code?: string; message?: string } };
      if (err.name === 'TimeoutError' || err.name === 'AbortError') {
        throw new DvcqgSyncError(`Cổng DVCQG không phản hồi trong ${this.timeoutMs} ms.`);
      }
      throw new DvcqgSyncError(
        `Không kết nối được Cổng DVCQG: ${err.cause?.code ?? err.cause?.message ?? err.message}.`,
      );
    }
    const body = await response.text().catch(() => '');
    if (response.status < 200 || response.status > 299) {
      throw new DvcqgSyncError(
        `Cổng DVCQG từ chối (HTTP ${response.status}): ${messageOfBody(body)}`,
        response.status,
      );
    }
  }
}

/** Keeps each payload in `dvcqg_sync_record` instead of sending it (no DVCQG_SYNC_URL configured). */
export class RecordingDvcqgClient implements DvcqgClient {
  readonly kind = 'record' as const;

  constructor(
    private readonly db: Queryable,
    private readonly clock: Clock,
  ) {}

  async push(payload: DvcqgSyncPayload): Promise<void> {
    await this.db.query(
      `INSERT INTO dvcqg_sync_record (dossier_code, history_ids, payload, recorded_at) VALUES ($1, $2::bigint[], $3, $4)`,
      [
        payload.dossier.code,
        payload.history.map((h) => h.id),
        JSON.stringify(payload),
        new Date(this.clock.now()),
      ],
    );
  }
}

/** The client the configuration asks for: HTTP when DVCQG_SYNC_URL is set, otherwise the record adapter. */
export function dvcqgClientFor(config: Config, pool: pg.Pool, clock: Clock): DvcqgClient {
  return config.DVCQG_SYNC_URL
    ? new HttpDvcqgClient(config.DVCQG_SYNC_URL, config.DVCQG_SYNC_TOKEN, config.DVCQG_SYNC_TIMEOUT_MS)
    : new RecordingDvcqgClient(pool, clock);
}

/**
 * Issued documents of a dossier (Mẫu 01-04, results, payment requests, waybills ...): a numbered row in
 * `dossier_document`, with its PDF in the file storage when there is one. Idempotent per engine job.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { FormHeader } from '../../domain/forms-pdf/index.js';
import { nextDocumentNumber, type DossierRow } from './repository.js';
import { dossierFileKey, type FileStorage } from './storage.js';

/** A document to issue. */
export interface IssueRequest {
  dossier: DossierRow;
  kind: string;
  /** Series suffix of the number, e.g. `TNHS` gives `12/2026/TNHS`. */
  series: string;
  at: number;
  jobKey?: string;
  data?: Record<string, unknown>;
  /** Renders the PDF once the number is known. */
  render?: (number: string) => Promise<Buffer>;
}

/** An issued document. */
export interface IssuedDocument {
  id: string;
  number: string;
  storageKey: string | null;
}

/** The agency's names for a form header. */
export async function agencyHeader(pool: pg.Pool, agencyCode: string, number: string | undefined, at: number): Promise<FormHeader> {
  const r = await pool.query<{ name: string; parent: string | null }>(
    `SELECT a.name, p.name AS parent FROM agency a LEFT JOIN agency p ON p.code = a.parent_code WHERE a.code = $1 ORDER BY a.valid_from DESC LIMIT 1`,
    [agencyCode],
  );
  const row = r.rows[0];
  return {
    parentAgency: (row?.parent ?? 'Ủy ban nhân dân tỉnh Tiền Giang').toUpperCase(),
    agency: (row?.name ?? 'Bộ phận tiếp nhận và trả kết quả').toUpperCase(),
    number: number ? `Số: ${number}` : undefined,
    place: 'Tiền Giang',
    date: at,
  };
}

/** Issues (or, for a re-delivered job, finds) a document. */
export async function issueDocument(pool: pg.Pool, storage: FileStorage, req: IssueRequest): Promise<IssuedDocument> {
  if (req.jobKey) {
    const done = await pool.query<{ id: string; number: string; storage_key: string | null }>(`SELECT id, number, storage_key FROM dossier_document WHERE job_key = $1`, [req.jobKey]);
    const row = done.rows[0];
    if (row) return { id: row.id, number: row.number, storageKey: row.storage_key };
  }
  const year = new Date(req.at + 7 * 3_600_000).getUTCFullYear();
  const seq = await nextDocumentNumber(pool, `${req.dossier.agency_code}:${req.series}`, year);
  const number = `${seq}/${year}/${req.series}`;
  const id = randomUUID();
  let storageKey: string | null = null;
  if (req.render) {
    storageKey = dossierFileKey(req.dossier.code, `${req.kind}-${id}.pdf`);
    await storage.put(storageKey, await req.render(number));
  }
  await pool.query(
    `INSERT INTO dossier_document (id, dossier_code, kind, number, storage_key, data, job_key, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (job_key) DO NOTHING`,
    [id, req.dossier.code, req.kind, number, storageKey, JSON.stringify(req.data ?? {}), req.jobKey ?? null, new Date(req.at)],
  );
  return { id, number, storageKey };
}

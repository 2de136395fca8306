/** Dossiers: submission, the applicant's list, public tracking, detail, attachments, actions. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiBlob, apiFetch, apiPost, apiPostForm } from './client';
import type {
  Attachment,
  Dossier,
  DossierDetail,
  DossierDocument,
  InstanceView,
  TrackingAnswer,
} from './types';

/** POST /api/dossiers answer. */
export interface SubmitAnswer {
  dossier: Dossier;
  trackingSecret?: string;
  created: boolean;
}

/** POST /api/dossiers (idempotent per key: a double click never files twice). */
export function submitDossier(
  body: { procedureId: string; variantKey?: string; formData: Record<string, unknown> },
  key: string,
) {
  return apiPost<SubmitAnswer>('/dossiers', body, { 'idempotency-key': key });
}

/** The applicant of a paper dossier, as written on the papers (PaperApplicant of api/src/modules/dossiers/paper.routes.ts). */
export interface PaperApplicant {
  type: 'citizen' | 'business';
  name: string;
  idNumber: string;
  phone: string;
  email?: string;
  address: string;
}

/** POST /api/dossiers/paper answer. */
export interface PaperAnswer extends SubmitAnswer {
  receivedBy: { accountId: string; username: string; fullName: string };
  attachments?: Attachment[];
}

/**
 * POST /api/dossiers/paper (one-stop officer): JSON, or multipart with the scanned papers (`payload` + `files`) in
 * one request, so a refused file leaves no dossier. The key is made once per form: a double click files once.
 */
export function submitPaperDossier(
  body: {
    procedureId: string;
    variantKey?: string;
    formData: Record<string, unknown>;
    applicant: PaperApplicant;
  },
  files: File[],
  key: string,
  onProgress: (fraction: number) => void = () => {},
) {
  if (files.length === 0) return apiPost<PaperAnswer>('/dossiers/paper', body, { 'idempotency-key': key });
  const data = new FormData();
  data.append('payload', JSON.stringify(body));
  for (const file of files) data.append('files', file, file.name);
  return apiPostForm<PaperAnswer>('/dossiers/paper', data, onProgress, { 'idempotency-key': key });
}

/** POST /api/dossiers/:code/receipt-slip.pdf: Mẫu 01 with the tracking secret printed (applicant, one-stop officer). */
export function fetchReceiptSlip(code: string, secret: string): Promise<Blob> {
  return apiBlob(`/dossiers/${encodeURIComponent(code)}/receipt-slip.pdf`, {
    method: 'POST',
    body: JSON.stringify({ secret }),
  });
}

/** GET /api/agencies/:agencyCode/register.pdf?from=&to= (Mẫu 06, days YYYY-MM-DD). */
export function fetchRegister(agencyCode: string, from: string, to: string): Promise<Blob> {
  const q = new URLSearchParams();
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  return apiBlob(`/agencies/${encodeURIComponent(agencyCode)}/register.pdf?${q.toString()}`);
}

/** GET /api/me/dossiers. */
export function useMyDossiers(status?: number) {
  const q = status ? `?status=${status}` : '';
  return useQuery({
    queryKey: ['my-dossiers', status],
    queryFn: () => apiFetch<{ items: Dossier[]; total: number }>(`/me/dossiers${q}`),
  });
}

/** GET /api/tracking/:code?secret=. */
export function useTracking(code: string, secret: string) {
  return useQuery({
    queryKey: ['tracking', code, secret],
    queryFn: () =>
      apiFetch<TrackingAnswer>(`/tracking/${encodeURIComponent(code)}?secret=${encodeURIComponent(secret)}`),
    enabled: !!code && !!secret,
    retry: false,
  });
}

/** GET /api/dossiers/:code (owner, officers of its agency, manager, admin). */
export function useDossier(code: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['dossier', code],
    queryFn: () => apiFetch<DossierDetail>(`/dossiers/${code ?? ''}`),
    enabled: !!code && enabled,
    retry: false,
  });
}

/** GET /api/dossiers/:code/attachments. */
export function useAttachments(code: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['attachments', code],
    queryFn: () => apiFetch<Attachment[]>(`/dossiers/${code ?? ''}/attachments`),
    enabled: !!code && enabled,
    retry: false,
  });
}

/** GET /api/dossiers/:code/documents. */
export function useDocuments(code: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['documents', code],
    queryFn: () => apiFetch<DossierDocument[]>(`/dossiers/${code ?? ''}/documents`),
    enabled: !!code && enabled,
    retry: false,
  });
}

/** GET /api/dossiers/:code/instance (officers, analysts, managers). */
export function useInstance(code: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['instance', code],
    queryFn: () => apiFetch<InstanceView[]>(`/dossiers/${code ?? ''}/instance`),
    enabled: !!code && enabled,
    retry: false,
  });
}

/** Applicant and officer actions on a dossier; every one refreshes what shows the dossier. */
export function useDossierAction<B>(
  code: string,
  action: 'supplement' | 'withdrawal' | 'payments' | 'stop' | 'rating',
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: B) =>
      apiPost<{ code: string; message_vi: string }>(`/dossiers/${code}/${action}`, body),
    onSuccess: () => void client.invalidateQueries(),
  });
}

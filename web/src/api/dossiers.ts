/** Dossiers: submission, the applicant's list, public tracking, detail, attachments, actions. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, apiPost } from './client';
import type { Attachment, Dossier, DossierDetail, DossierDocument, InstanceView, TrackingAnswer } from './types';

/** POST /api/dossiers answer. */
export interface SubmitAnswer {
  dossier: Dossier;
  trackingSecret?: string;
  created: boolean;
}

/** POST /api/dossiers (idempotent per key: a double click never files twice). */
export function submitDossier(body: { procedureId: string; variantKey?: string; formData: Record<string, unknown> }, key: string) {
  return apiPost<SubmitAnswer>('/dossiers', body, { 'idempotency-key': key });
}

/** GET /api/me/dossiers. */
export function useMyDossiers(status?: number) {
  const q = status ? `?status=${status}` : '';
  return useQuery({ queryKey: ['my-dossiers', status], queryFn: () => apiFetch<{ items: Dossier[]; total: number }>(`/me/dossiers${q}`) });
}

/** GET /api/tracking/:code?secret=. */
export function useTracking(code: string, secret: string) {
  return useQuery({
    queryKey: ['tracking', code, secret],
    queryFn: () => apiFetch<TrackingAnswer>(`/tracking/${encodeURIComponent(code)}?secret=${encodeURIComponent(secret)}`),
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
export function useDossierAction<B>(code: string, action: 'supplement' | 'withdrawal' | 'payments' | 'stop' | 'rating') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => apiPost<{ code: string; message_vi: string }>(`/dossiers/${code}/${action}`, body),
    onSuccess: () => void client.invalidateQueries(),
  });
}

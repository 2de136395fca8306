/** Managers' and administrators' API: statistics, incidents, accounts, agencies, holidays. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, apiPost } from './client';
import type { Account, Agency, AgencyStats, Incident } from './types';

/** Per-agency counts. Documented shape; the API has no such route yet (see the web report). */
export function useAgencyStats() {
  return useQuery({
    queryKey: ['stats-agencies'],
    queryFn: () => apiFetch<AgencyStats[]>('/statistics/agencies'),
    retry: false,
  });
}

/** GET /api/incidents. */
export function useIncidents() {
  return useQuery({
    queryKey: ['incidents'],
    queryFn: () => apiFetch<{ items: Incident[]; total: number }>('/incidents'),
  });
}

/** POST /api/incidents/:key/retry. */
export function useRetryIncident() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (key: string) => apiPost<{ key: string; message_vi: string }>(`/incidents/${key}/retry`),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['incidents'] }),
  });
}

/** GET /api/admin/users. */
export function useAccounts(q: string) {
  const p = new URLSearchParams({ pageSize: '50' });
  if (q) p.set('q', q);
  return useQuery({
    queryKey: ['accounts', q],
    queryFn: () => apiFetch<{ items: Account[]; total: number }>(`/admin/users?${p.toString()}`),
  });
}

/** PATCH /api/admin/users/:id. */
export function useUpdateAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) =>
      apiFetch<Account>(`/admin/users/${id}`, { method: 'PATCH', body: JSON.stringify(body) }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['accounts'] }),
  });
}

/** GET /api/agencies. */
export function useAgencies() {
  return useQuery({
    queryKey: ['agencies'],
    queryFn: () => apiFetch<Agency[]>('/agencies'),
    staleTime: 300_000,
  });
}

/** One holiday (HolidayItem of api/src/modules/calendar/index.ts). */
export interface Holiday {
  date: string;
  name: string;
}

/** GET /api/calendar/holidays?year=: a year's holidays. */
export function useHolidays(year: number) {
  return useQuery({
    queryKey: ['holidays', year],
    queryFn: () => apiFetch<Holiday[]>(`/calendar/holidays?year=${year}`),
    retry: false,
  });
}

/** PUT /api/calendar/holidays/:year (admin): replaces the year's whole list; the body is the bare array. */
export function useSaveHolidays() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ year, holidays }: { year: number; holidays: Holiday[] }) =>
      apiFetch<Holiday[]>(`/calendar/holidays/${year}`, { method: 'PUT', body: JSON.stringify(holidays) }),
    onSuccess: (_saved, { year }) => void client.invalidateQueries({ queryKey: ['holidays', year] }),
  });
}

/** Roles an account holds itself (AccountRoleName of api/src/modules/identity/schemas.ts). */
export const ACCOUNT_ROLES = ['citizen', 'business', 'analyst', 'manager', 'admin'] as const;
/** Roles held in one agency (OfficerRoleName). */
export const OFFICER_ROLES = ['one-stop', 'specialist', 'section-head', 'agency-head'] as const;
/** Agency tiers (TierName). */
export const AGENCY_TIERS = ['province', 'district', 'commune'] as const;

/** POST /api/admin/users (AccountCreateBody). */
export interface AccountCreateInput {
  username: string;
  fullName: string;
  password: string;
  email?: string | null;
  phone?: string | null;
  citizenId?: string | null;
  roles?: string[];
  memberships?: { agencyCode: string; role: string }[];
}

/** PATCH /api/admin/users/:id (AccountUpdateBody). */
export type AccountUpdateInput = Partial<Omit<AccountCreateInput, 'username'>> & {
  disabled?: boolean;
  unlock?: boolean;
};

/** POST /api/admin/users. */
export function useCreateAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AccountCreateInput) => apiPost<Account>('/admin/users', body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['accounts'] }),
  });
}

/** DELETE /api/admin/users/:id: disables the account (never deleted). */
export function useDisableAccount() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<Account>(`/admin/users/${id}`, { method: 'DELETE' }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['accounts'] }),
  });
}

/** POST /api/admin/agencies (AgencyCreateBody). */
export interface AgencyCreateInput {
  code: string;
  slug: string;
  name: string;
  shortName?: string | null;
  tier: string;
  parentCode?: string | null;
  validFrom: string;
  validTo?: string | null;
  legalBasis?: string | null;
}

/** PATCH /api/admin/agencies/:id (AgencyUpdateBody: the code cannot change). */
export type AgencyUpdateInput = Partial<Omit<AgencyCreateInput, 'code'>>;

/** POST /api/admin/agencies. */
export function useCreateAgency() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AgencyCreateInput) => apiPost<Agency>('/admin/agencies', body),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['agencies'] }),
  });
}

/** PATCH /api/admin/agencies/:id. */
export function useUpdateAgency() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AgencyUpdateInput }) =>
      apiFetch<Agency>(`/admin/agencies/${id}`, { method: 'PATCH', body: JSON.stringify(body) }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['agencies'] }),
  });
}

/** A dossier whose DVCQG sync fails (GET /api/admin/dvcqg-sync, api/src/modules/dvcqg/index.ts). */
export interface DvcqgFailing {
  dossierCode: string;
  attempts: number;
  lastError: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  pendingEntries: number;
}

/** A payload kept by the record adapter (no DVCQG_SYNC_URL), identity numbers masked. */
export interface DvcqgRecorded {
  id: string;
  dossierCode: string;
  recordedAt: string;
  historyIds: string[];
  payload: unknown;
}

/** GET /api/admin/dvcqg-sync. */
export interface DvcqgSyncStatus {
  adapter: 'http' | 'record';
  target: string | null;
  pendingEntries: number;
  pendingDossiers: number;
  oldestPendingAt: string | null;
  failing: DvcqgFailing[];
  recorded: DvcqgRecorded[];
}

/** GET /api/admin/dvcqg-sync?limit=&dossier= (admin, manager), refreshed every 15 s. */
export function useDvcqgSync(limit: number, dossier: string) {
  const p = new URLSearchParams({ limit: String(limit) });
  if (dossier) p.set('dossier', dossier);
  return useQuery({
    queryKey: ['dvcqg-sync', limit, dossier],
    queryFn: () => apiFetch<DvcqgSyncStatus>(`/admin/dvcqg-sync?${p.toString()}`),
    refetchInterval: 15_000,
    retry: false,
  });
}

/** The public catalogue: search with facets, and one procedure. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiFetch } from './client';
import type { FormSchema, ProcedureDetail, SearchAnswer } from './types';

/** Filters of the catalogue search, as in the URL. */
export interface CatalogueFilters {
  q?: string;
  agency?: string;
  field?: string;
  level?: string;
  page?: number;
}

/** GET /api/procedures with facets. */
export function useProcedureSearch(filters: CatalogueFilters) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v !== undefined && v !== '') params.set(k, String(v));
  params.set('pageSize', '10');
  return useQuery({
    queryKey: ['procedures', params.toString()],
    queryFn: () => apiFetch<SearchAnswer>(`/procedures?${params.toString()}`),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/procedures/:id. */
export function useProcedure(id: string | undefined) {
  return useQuery({
    queryKey: ['procedure', id],
    queryFn: () => apiFetch<ProcedureDetail>(`/procedures/${id ?? ''}`),
    enabled: !!id,
  });
}

/** The form-js schema of a procedure's form (the application form is `application`). */
export function useProcedureForm(id: string | undefined, formId: string) {
  return useQuery({
    queryKey: ['procedure-form', id, formId],
    queryFn: () => apiFetch<FormSchema>(`/procedures/${id ?? ''}/forms/${formId}`),
    enabled: !!id,
    staleTime: Infinity,
  });
}

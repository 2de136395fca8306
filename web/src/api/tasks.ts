/** The officers' task inbox and task commands. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, apiPost } from './client';
import type { TaskDetail, TaskItem } from './types';

/** Filters of the inbox, as the API takes them. */
export interface TaskFilters {
  scope: 'mine' | 'group';
  overdue?: boolean;
  dueSoon?: boolean;
  code?: string;
  page?: number;
}

/** The inbox page answer. */
export interface TaskPage {
  items: TaskItem[];
  total: number;
  page: number;
  pageSize: number;
}

function query(filters: TaskFilters): string {
  const p = new URLSearchParams({
    scope: filters.scope,
    sort: 'due',
    pageSize: '20',
    page: String(filters.page ?? 1),
  });
  if (filters.overdue) p.set('overdue', 'true');
  if (filters.dueSoon) p.set('dueSoon', 'true');
  if (filters.code) p.set('code', filters.code);
  return p.toString();
}

/** GET /api/tasks, polled so new dossiers appear without reloading. */
export function useTasks(filters: TaskFilters) {
  const q = query(filters);
  return useQuery({
    queryKey: ['tasks', q],
    queryFn: () => apiFetch<TaskPage>(`/tasks?${q}`),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });
}

/** How many tasks match (pageSize 1), for the counters above the inbox. */
export function useTaskCount(filters: TaskFilters) {
  const p = new URLSearchParams(query(filters));
  p.set('pageSize', '1');
  return useQuery({
    queryKey: ['task-count', p.toString()],
    queryFn: async () => (await apiFetch<TaskPage>(`/tasks?${p.toString()}`)).total,
    refetchInterval: 30_000,
  });
}

/** GET /api/tasks/:key. */
export function useTask(key: string | undefined) {
  return useQuery({
    queryKey: ['task', key],
    queryFn: () => apiFetch<TaskDetail>(`/tasks/${key ?? ''}`),
    enabled: !!key,
    retry: false,
  });
}

/** Claim, unclaim, assign and complete; each refreshes the inbox and the task. */
export function useTaskCommand<B>(key: string, command: 'claim' | 'unclaim' | 'assign' | 'complete') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => apiPost<{ key: string; message_vi: string }>(`/tasks/${key}/${command}`, body),
    onSuccess: () => void client.invalidateQueries(),
  });
}

/** GET /api/health, as a TanStack Query hook polled every 30 s. */
import { useQuery } from '@tanstack/react-query';
import { ApiError, apiFetch } from './client';

/** One component of the health answer. */
export interface ComponentHealth {
  ok: boolean;
  detail: string;
}

/** The body of GET /api/health (200 when healthy, 503 with the same shape when degraded). */
export interface Health {
  status: 'ok' | 'degraded';
  database: ComponentHealth;
  engine: ComponentHealth;
}

async function fetchHealth(): Promise<Health> {
  try {
    return await apiFetch<Health>('/health');
  } catch (e) {
    // 503 still carries the report of what is down.
    if (e instanceof ApiError && e.status === 503 && e.body) return e.body as Health;
    throw e;
  }
}

/** The system's health; `isError` means the API itself could not be reached. */
export function useHealth() {
  return useQuery({ queryKey: ['health'], queryFn: fetchHealth, refetchInterval: 30_000, retry: 1 });
}

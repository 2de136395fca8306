/**
 * The one way the web app calls the API: JSON in and out, same origin, and errors turned into `ApiError`
 * carrying the API's problem+json body (with its Vietnamese message), so pages never parse responses by hand.
 */

/** A problem+json body as the API sends it (see api/src/plugins/errors.ts). */
export interface Problem {
  title: string;
  status: number;
  detail?: string;
  message_vi?: string;
}

/** A non-2xx answer. `body` is the parsed JSON when the API sent some. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
    this.name = 'ApiError';
  }
}

/** GET/POST/... a JSON resource under /api. Throws `ApiError` on any non-2xx status. */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`/api${path}`, {
    credentials: 'same-origin',
    ...init,
    headers: {
      accept: 'application/json',
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
  });
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new ApiError(response.status, body);
  return body as T;
}

/**
 * The one way the web app calls the API: JSON in and out, same origin, the CSRF double-submit header on every
 * state-changing request, and errors turned into `ApiError` carrying the API's problem+json body (with its
 * Vietnamese message), so pages never parse responses by hand.
 */

/** A problem+json body as the API sends it (see api/src/plugins/errors.ts). */
export interface Problem {
  title: string;
  status: number;
  detail?: string;
  message_vi?: string;
  code?: string;
  findings?: unknown[];
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

  /** The problem body, when the API sent one. */
  get problem(): Partial<Problem> {
    return typeof this.body === 'object' && this.body !== null ? (this.body as Partial<Problem>) : {};
  }
}

/** The readable `csrf` cookie the API sets on every response. */
export function csrfCookie(): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const match = /(?:^|;\s*)csrf=([^;]+)/.exec(document.cookie);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

/** The CSRF token, fetching one first when the browser has no cookie yet. */
export async function csrfToken(): Promise<string> {
  const existing = csrfCookie();
  if (existing) return existing;
  const response = await fetch('/api/auth/csrf', { credentials: 'same-origin' });
  const body = (await response.json()) as { csrfToken: string };
  return csrfCookie() ?? body.csrfToken;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** GET/POST/... a JSON resource under /api. Throws `ApiError` on any non-2xx status. */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const method = (init.method ?? 'GET').toUpperCase();
  const isForm = typeof FormData !== 'undefined' && init.body instanceof FormData;
  const headers = new Headers(init.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  if (init.body && !isForm && !headers.has('content-type')) headers.set('content-type', 'application/json');
  if (!SAFE.has(method) && !headers.has('x-csrf-token')) headers.set('x-csrf-token', await csrfToken());
  const response = await fetch(`/api${path}`, { credentials: 'same-origin', ...init, headers });
  const text = await response.text();
  let body: unknown = undefined;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!response.ok) throw new ApiError(response.status, body);
  return body as T;
}

/** POST a JSON body. */
export function apiPost<T>(
  path: string,
  body: unknown = {},
  headers: Record<string, string> = {},
): Promise<T> {
  return apiFetch<T>(path, { method: 'POST', body: JSON.stringify(body), headers });
}

/**
 * POSTs a multipart body with XMLHttpRequest, whose upload events report progress (fetch has none); the CSRF
 * header is added, `headers` (e.g. Idempotency-Key) too.
 */
export async function apiPostForm<T>(
  path: string,
  data: FormData,
  onProgress: (fraction: number) => void,
  headers: Record<string, string> = {},
): Promise<T> {
  const token = await csrfToken();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.setRequestHeader('x-csrf-token', token);
    xhr.setRequestHeader('accept', 'application/json');
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = undefined;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = xhr.responseText;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as T);
      } else reject(new ApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(new ApiError(0, undefined));
    xhr.send(data);
  });
}

/** Uploads files to an attachments route as multipart, reporting progress. */
export function apiUpload<T>(
  path: string,
  files: File[],
  onProgress: (fraction: number) => void,
): Promise<T> {
  const data = new FormData();
  for (const file of files) data.append('file', file, file.name);
  return apiPostForm<T>(path, data, onProgress);
}

/**
 * Fetches a file (a PDF) under /api, GET or POST with a JSON body. Errors become `ApiError` with the problem
 * body, so a page shows the API's Vietnamese message (e.g. a register period that is too long).
 */
export async function apiBlob(path: string, init: RequestInit = {}): Promise<Blob> {
  const method = (init.method ?? 'GET').toUpperCase();
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/pdf, application/problem+json');
  if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
  if (!SAFE.has(method) && !headers.has('x-csrf-token')) headers.set('x-csrf-token', await csrfToken());
  const response = await fetch(`/api${path}`, { credentials: 'same-origin', ...init, headers });
  if (!response.ok) {
    const text = await response.text();
    let body: unknown = text || undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    throw new ApiError(response.status, body);
  }
  return response.blob();
}

/** The text to show for an error: the API's Vietnamese message in Vietnamese, its English detail otherwise. */
export function errorMessage(error: unknown, language: string, fallback: string): string {
  if (error instanceof ApiError) {
    const p = error.problem;
    return (language === 'vi' ? p.message_vi : p.detail) ?? p.message_vi ?? p.detail ?? fallback;
  }
  return fallback;
}

/**
 * A test browser over `app.inject`: keeps cookies like a browser, echoes the CSRF cookie in x-csrf-token for
 * state-changing requests, and can sign in. Used by the api's tests only.
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One browser: its own cookie jar and client address. */
export class TestBrowser {
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly app: FastifyInstance,
    /** Client IP as the server sees it (rate limits are per IP). */
    readonly ip = '127.0.0.1',
  ) {}

  /** Sends a request; `csrf: false` leaves the CSRF header out (to test the check). */
  async request(
    method: Method,
    url: string,
    body?: unknown,
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = this.cookies.get('csrf');
    if (method !== 'GET' && options.csrf !== false && csrf) headers['x-csrf-token'] = csrf;
    const inject: InjectOptions = { method, url, headers, remoteAddress: this.ip };
    if (body !== undefined) inject.payload = body as InjectOptions['payload'];
    const response = await this.app.inject(inject);
    this.keepCookies(response);
    return response;
  }

  get(url: string) {
    return this.request('GET', url);
  }

  post(url: string, body?: unknown, options?: { csrf?: boolean }) {
    return this.request('POST', url, body ?? {}, options);
  }

  /** Fetches a CSRF cookie, then signs in; returns the login response. */
  async login(username: string, password: string) {
    if (!this.cookies.has('csrf')) await this.get('/api/auth/csrf');
    return this.post('/api/auth/login', { username, password });
  }

  private keepCookies(response: LightMyRequestResponse): void {
    for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() <= Date.now());
      if (expired || c.value === '') this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }
}

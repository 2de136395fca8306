/**
 * The one typed configuration module of Một Cửa. Every environment variable the system reads is declared
 * here with its type, default and meaning; `loadConfig` validates them all at start and names the variable
 * when a value is wrong, so a province's IT officer never has to guess.
 */
import net from 'node:net';
import path from 'node:path';

type Kind = 'string' | 'int' | 'bool' | 'url' | 'enum' | 'path' | 'proxies';

/** Declaration of one environment variable. */
export interface VariableSpec {
  kind: Kind;
  description: string;
  default?: string;
  values?: readonly string[];
  min?: number;
  max?: number;
  /** A secret is never printed back in error messages or logs. */
  secret?: boolean;
}

/** Every variable the system reads. README.md's configuration table is checked against this list. */
export const CONFIG_VARIABLES = {
  PORT: { kind: 'int', default: '3000', min: 0, max: 65535, description: 'HTTP port of the API and web app' },
  HOST: {
    kind: 'string',
    default: '127.0.0.1',
    description: 'Address the HTTP server listens on (0.0.0.0 for all interfaces)',
  },
  DATABASE_URL: {
    kind: 'url',
    secret: true,
    description:
      'External PostgreSQL (postgres://user:pass@host:5432/db). Unset: an embedded PostgreSQL is started',
  },
  DATA_DIR: {
    kind: 'path',
    default: '.data',
    description: 'Folder for the embedded database, uploads and generated secrets',
  },
  EMBEDDED_PG_PORT: {
    kind: 'int',
    default: '54329',
    min: 1024,
    max: 65535,
    description:
      'Port of the embedded PostgreSQL (loopback only; local clients use its Unix socket in the data folder)',
  },
  ENGINE: {
    kind: 'enum',
    default: 'embedded',
    values: ['embedded', 'camunda'],
    description: 'Workflow engine: the embedded engine, or a Camunda 8 cluster through @camunda8/sdk',
  },
  ENGINE_GRPC_PORT: {
    kind: 'int',
    default: '26500',
    min: 0,
    max: 65535,
    description: 'gRPC (Zeebe gateway) port of `npm run engine`',
  },
  ENGINE_REST_PORT: {
    kind: 'int',
    default: '8080',
    min: 0,
    max: 65535,
    description: 'REST v2 port of `npm run engine`',
  },
  ZEEBE_GRPC_ADDRESS: {
    kind: 'string',
    description: 'Camunda 8 gateway for ENGINE=camunda, e.g. grpc://127.0.0.1:26500 (read by @camunda8/sdk)',
  },
  ZEEBE_REST_ADDRESS: {
    kind: 'string',
    description:
      'Camunda 8 REST v2 address for ENGINE=camunda, e.g. http://127.0.0.1:8080 (read by @camunda8/sdk)',
  },
  CAMUNDA_AUTH_STRATEGY: {
    kind: 'enum',
    values: ['NONE', 'OAUTH', 'BASIC', 'BEARER', 'COOKIE'],
    description:
      'Authentication to the Camunda 8 cluster (read by @camunda8/sdk); OAuth settings use Camunda’s own variables',
  },
  SEED_DEMO: {
    kind: 'bool',
    default: 'true',
    description: 'Seed demo agencies, procedures, accounts and dossiers once',
  },
  DEPLOY_PROCESSES: {
    kind: 'bool',
    default: 'true',
    description: 'Deploy every model under processes/ at start',
  },
  LOG_LEVEL: {
    kind: 'enum',
    default: 'info',
    values: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
    description: 'Log level of the server',
  },
  SESSION_SECRET: {
    kind: 'string',
    secret: true,
    description:
      'Secret for signing session cookies (at least 32 characters). Unset: generated once under DATA_DIR',
  },
  SMTP_URL: {
    kind: 'url',
    secret: true,
    description:
      'SMTP server for e-mail (smtp://user:pass@host:587). Unset: mail is kept in the database outbox',
  },
  UPLOAD_MAX_BYTES: {
    kind: 'int',
    default: '10485760',
    min: 1024,
    description: 'Largest accepted attachment, in bytes',
  },
  TRUST_PROXY: {
    kind: 'proxies',
    default: 'false',
    description:
      'Trust X-Forwarded-For from a reverse proxy: false (direct clients), true (any hop: only behind a proxy that overwrites the header), or a comma-separated list of proxy addresses/CIDRs (10.0.0.1,10.0.0.0/8). Per-IP rate limits rely on it',
  },
  OIDC_ISSUER: {
    kind: 'url',
    description:
      'OpenID Connect issuer of the VNeID sign-in (discovery at <issuer>/.well-known/openid-configuration). Unset: VNeID sign-in is off',
  },
  OIDC_CLIENT_ID: {
    kind: 'string',
    description: 'Client ID of Một Cửa at the VNeID issuer (required with OIDC_ISSUER)',
  },
  OIDC_CLIENT_SECRET: {
    kind: 'string',
    secret: true,
    description:
      'Client secret at the VNeID issuer (client_secret_basic). Unset: a public client (PKCE only)',
  },
  OIDC_REDIRECT_URI: {
    kind: 'url',
    description:
      'Callback address registered at the issuer, https://<host>/api/auth/oidc/callback (required with OIDC_ISSUER)',
  },
  OIDC_SCOPES: {
    kind: 'string',
    default: 'openid profile',
    description: 'Scopes requested from the VNeID issuer (space-separated, must include openid)',
  },
  OIDC_CITIZEN_ID_CLAIM: {
    kind: 'string',
    default: 'citizen_id',
    description: 'ID-token claim holding the 12-digit citizen ID (CCCD); copied to the account when valid',
  },
  DVCQG_SYNC_URL: {
    kind: 'url',
    description:
      'Endpoint of the National Public Service Portal (DVCQG) receiving dossier and history sync (JSON POST). Unset: payloads are recorded in the database for the admins (GET /api/admin/dvcqg-sync)',
  },
  DVCQG_SYNC_TOKEN: { kind: 'string', secret: true, description: 'Bearer token sent to DVCQG_SYNC_URL' },
  DVCQG_SYNC_TIMEOUT_MS: {
    kind: 'int',
    default: '10000',
    min: 100,
    max: 300000,
    description: 'Time limit of one DVCQG sync request, in ms',
  },
  DVCQG_SYNC_INTERVAL_MS: {
    kind: 'int',
    default: '5000',
    min: 100,
    max: 3600000,
    description: 'Pause of the DVCQG sync sender between two polls when nothing is due, in ms',
  },
} as const satisfies Record<string, VariableSpec>;

type Vars = typeof CONFIG_VARIABLES;
type ValueOf<S extends VariableSpec> = S['kind'] extends 'int'
  ? number
  : S['kind'] extends 'proxies'
    ? boolean | string[]
    : S['kind'] extends 'bool'
      ? boolean
      : S extends { values: readonly (infer V)[] }
        ? V
        : string;

/** The validated configuration: variables with a default are always present. */
export type Config = {
  [K in keyof Vars]: Vars[K] extends { default: string } ? ValueOf<Vars[K]> : ValueOf<Vars[K]> | undefined;
};

/** Raised when one or more variables hold a wrong value; the message names each of them. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** A proxy address or CIDR block (IPv4 or IPv6), as Fastify's trustProxy (proxy-addr) accepts. */
function isAddressOrCidr(entry: string): boolean {
  const [address = '', prefix, extra] = entry.split('/');
  const family = net.isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/** TRUST_PROXY: true/false, or a comma-separated list of proxy addresses/CIDRs. */
function parseProxies(name: string, raw: string): boolean | string[] {
  const v = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  const entries = raw
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  const wrong = entries.filter((e) => !isAddressOrCidr(e));
  if (entries.length === 0 || wrong.length > 0) {
    throw new Error(
      `${name} must be true, false or a comma-separated list of IP addresses/CIDRs, got ${JSON.stringify(raw)}`,
    );
  }
  return entries;
}

function parseValue(name: string, spec: VariableSpec, raw: string, baseDir: string): unknown {
  const shown = spec.secret ? '(hidden)' : JSON.stringify(raw);
  switch (spec.kind) {
    case 'int': {
      if (!/^-?\d+$/.test(raw.trim())) throw new Error(`${name} must be a whole number, got ${shown}`);
      const n = Number(raw);
      if (spec.min !== undefined && n < spec.min)
        throw new Error(`${name} must be at least ${spec.min}, got ${n}`);
      if (spec.max !== undefined && n > spec.max)
        throw new Error(`${name} must be at most ${spec.max}, got ${n}`);
      return n;
    }
    case 'bool': {
      const v = raw.trim().toLowerCase();
      if (['1', 'true', 'yes', 'on'].includes(v)) return true;
      if (['0', 'false', 'no', 'off'].includes(v)) return false;
      throw new Error(`${name} must be true or false, got ${shown}`);
    }
    case 'url':
      try {
        new URL(raw);
        return raw;
      } catch {
        throw new Error(`${name} must be a URL such as postgres://user:pass@host:5432/db, got ${shown}`);
      }
    case 'enum':
      if (!spec.values?.includes(raw))
        throw new Error(`${name} must be one of ${spec.values?.join(', ')}, got ${shown}`);
      return raw;
    case 'path':
      return path.resolve(baseDir, raw);
    case 'proxies':
      return parseProxies(name, raw);
    default:
      return raw;
  }
}

/**
 * Reads and validates every declared variable. Empty strings count as unset. Throws a ConfigError listing
 * every problem at once.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, baseDir = process.cwd()): Config {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, spec] of Object.entries(CONFIG_VARIABLES) as [string, VariableSpec][]) {
    const raw = env[name] === '' ? undefined : env[name];
    const value = raw ?? spec.default;
    if (value === undefined) continue;
    try {
      out[name] = parseValue(name, spec, value, baseDir);
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  if (typeof out.SESSION_SECRET === 'string' && out.SESSION_SECRET.length < 32) {
    problems.push('SESSION_SECRET must be at least 32 characters long');
  }
  if (out.ENGINE === 'camunda' && !env.ZEEBE_GRPC_ADDRESS && !env.ZEEBE_ADDRESS) {
    problems.push(
      'ENGINE=camunda needs ZEEBE_GRPC_ADDRESS (e.g. grpc://127.0.0.1:26500) to find the cluster',
    );
  }
  if (typeof out.DVCQG_SYNC_URL === 'string' && !/^https?:\/\//i.test(out.DVCQG_SYNC_URL)) {
    problems.push('DVCQG_SYNC_URL must be an http:// or https:// address');
  }
  if (out.OIDC_ISSUER !== undefined) {
    if (out.OIDC_CLIENT_ID === undefined) problems.push('OIDC_ISSUER is set: OIDC_CLIENT_ID is required too');
    if (out.OIDC_REDIRECT_URI === undefined)
      problems.push('OIDC_ISSUER is set: OIDC_REDIRECT_URI is required too');
    if (typeof out.OIDC_SCOPES === 'string' && !out.OIDC_SCOPES.split(/\s+/).includes('openid')) {
      problems.push('OIDC_SCOPES must include openid');
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return out as Config;
}

/**
 * A real OpenID Connect issuer for the VNeID tests: the `oidc-provider` package (the certified Node OP) on a
 * loopback port, run as a child process because it is ESM-only and needs no Jest transform there.
 *
 * Environment: OIDC_TEST_CLIENT_ID, OIDC_TEST_CLIENT_SECRET, OIDC_TEST_REDIRECT_URI. Prints one JSON line
 * `{"issuer": "http://127.0.0.1:<port>"}` on stdout once it listens.
 *
 * Test controls (loopback only, outside the OIDC endpoints):
 * - POST /__test/next-account {"sub", "name", "citizen_id"?}: the person who "signs in" at the next
 *   interaction (the login and consent prompts are answered automatically for that person);
 * - POST /__test/tamper {"mode": null | "issuer" | "nonce" | "audience" | "signature"}: the next token
 *   response carries an ID token re-signed with that claim changed (or signed with a foreign key), as a
 *   misbehaving or impersonating issuer would send.
 */
import http from 'node:http';
import { SignJWT, decodeJwt, exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

const clientId = process.env.OIDC_TEST_CLIENT_ID ?? 'motcua-test';
const clientSecret = process.env.OIDC_TEST_CLIENT_SECRET ?? 'motcua-test-secret-0123456789abcdef';
const redirectUri = process.env.OIDC_TEST_REDIRECT_URI;
if (!redirectUri) throw new Error('OIDC_TEST_REDIRECT_URI is required');

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const signingJwk = { ...(await exportJWK(privateKey)), kid: 'test-key-1', alg: 'RS256', use: 'sig' };
const foreign = await generateKeyPair('RS256');

/** @type {Map<string, Record<string, string>>} */
const accounts = new Map();
/** @type {string | null} */
let nextSub = null;
/** @type {string | null} */
let tamper = null;

const server = http.createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const address = server.address();
const issuer = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  jwks: { keys: [signingJwk] },
  cookies: { keys: ['oidc-issuer-test-cookie-key-0123456789'] },
  claims: { openid: ['sub'], profile: ['name', 'citizen_id'] },
  // Scope claims go into the ID token itself (VNeID-style: the verified identity travels in the ID token).
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: false } },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  pkce: { required: () => true },
  findAccount: (_ctx, sub) => {
    const claims = accounts.get(sub);
    return claims ? { accountId: sub, claims: () => ({ sub, ...claims }) } : undefined;
  },
});

async function resign(idToken, mode) {
  const claims = { ...decodeJwt(idToken) };
  if (mode === 'issuer') claims.iss = 'http://127.0.0.1:1/impostor';
  if (mode === 'nonce') claims.nonce = 'a-nonce-this-client-never-sent';
  if (mode === 'audience') claims.aud = 'another-client';
  const key = mode === 'signature' ? foreign.privateKey : privateKey;
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: signingJwk.kid, typ: 'JWT' }).sign(key);
}

provider.use(async (ctx, next) => {
  await next();
  if (ctx.path === '/token' && tamper && ctx.body && typeof ctx.body === 'object' && ctx.body.id_token) {
    const mode = tamper;
    tamper = null;
    ctx.body = { ...ctx.body, id_token: await resign(ctx.body.id_token, mode) };
  }
});

async function readJson(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

// Answers the login and consent prompts for `nextSub`, as the person would in the VNeID app.
async function interact(req, res) {
  const details = await provider.interactionDetails(req, res);
  const { prompt, params } = details;
  let result;
  if (prompt.name === 'login') {
    if (!nextSub) throw new Error('no account set for the next interaction');
    result = { login: { accountId: nextSub } };
  } else {
    const accountId = details.session?.accountId;
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId, clientId: String(params.client_id) });
    grant.addOIDCScope(String(params.scope));
    result = { consent: { grantId: await grant.save() } };
  }
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: true });
}

const callback = provider.callback();
server.on('request', (req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  const fail = (e) => {
    res.statusCode = 500;
    res.end(String(e?.stack ?? e));
  };
  if (req.method === 'POST' && path === '/__test/next-account') {
    readJson(req)
      .then((body) => {
        const { sub, ...claims } = body;
        accounts.set(sub, claims);
        nextSub = sub;
        res.end('{}');
      })
      .catch(fail);
    return;
  }
  if (req.method === 'POST' && path === '/__test/tamper') {
    readJson(req)
      .then((body) => {
        tamper = body.mode ?? null;
        res.end('{}');
      })
      .catch(fail);
    return;
  }
  if (path.startsWith('/interaction/')) {
    interact(req, res).catch(fail);
    return;
  }
  callback(req, res);
});

process.stdout.write(`${JSON.stringify({ issuer })}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));

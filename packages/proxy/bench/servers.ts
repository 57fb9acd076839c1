/**
 * The processes the proxy bench measures: the upstream (a small JSON API), and the servers under test, each on its
 * own port in one process (only one is loaded at a time):
 *
 * - `direct`: a plain Express handler answering the same JSON itself — no proxy, no upstream hop: the floor.
 * - `fetch-route`: what users would otherwise write, as ClinikAPI's docs show it — an Express route that checks the
 *   session (express-oauth2-jwt-bearer's `auth()`, the same Auth0 tokens) and calls the API with `fetch`, answering
 *   the JSON it re-serialises. The proxy's throughput goal is set against it.
 * - `hpm`: Express + bare http-proxy-middleware to the upstream: what "just proxy it" costs.
 * - `full-auth0`: Express + clinikProxy with an Auth0 JWT session (RS256, JWKS from a local issuer), a roles policy,
 *   the per-user rate limiter, the limits (stranger limit, patient write caps, an upstream budget) and a pino audit
 *   record per request, written as the proxy writes it by default
 *   (`auditDestination()`: one synchronous write per event-loop turn) — to /dev/null instead of stdout.
 * - `full-clerk`: the same with the Clerk session (networkless `jwtKey`).
 * - `full-auth0-verify-all`: `full-auth0` with the verified-session cache off (`cacheTtlMs: 0`): an RS256
 *   verification on every request, to show what the cache saves.
 *
 * Three more break the full pipeline down, so a gap to HPM can be located rather than guessed:
 * - `pipeline-only`: clinikProxy with an app session function, an allow-all policy, no rate limiter or other limits
 *   and a silent logger — hygiene, call resolution, the transport and the answer, nothing else;
 * - `full-auth0-no-audit`: `full-auth0` with a silent logger (the audit record is still built, not written);
 * - `full-auth0-audit-per-record`: `full-auth0` with pino's own synchronous destination, one write per record —
 *   the proxy's default before `auditDestination()`, and what `pino()` does with stdout.
 *
 * With `BENCH_BASELINE=<git revision>` one more: `full-auth0-baseline`, `full-auth0` built from that revision's
 * `packages/proxy/src` (copied by proxy.bench.ts), so a change is measured against the code before it in the same
 * process and rounds.
 */
import express from 'express';
import { auth } from 'express-oauth2-jwt-bearer';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import type { ClinikProxyOptions } from '../src/options.ts';
import { auditDestination } from '../src/audit-destination.ts';
import { clinikProxy } from '../src/clinik-proxy.ts';
import { roles } from '../src/policy/roles.ts';
import { auth0 } from '../src/session/auth0.ts';
import { clerk } from '../src/session/clerk.ts';
import { now, sign, signingKey } from '../test/tokens.ts';

/** About 1 KB: a page of two patient summaries, like a small search answer. */
export const PAYLOAD = JSON.stringify({
  data: {
    data: Array.from({ length: 2 }, (_, i) => ({
      id: `0b6c1c1e-9d4e-4a53-8f4e-00000000000${i}`,
      fullName: 'Bench Patient',
      firstName: 'Bench',
      lastName: 'Patient',
      gender: 'female',
      birthDate: '1986-04-12',
      email: 'bench@example.org',
      phone: '+1 512 555 0142',
      address: { line: ['14 Willow Bend'], city: 'Austin', state: 'TX', postalCode: '78704', country: 'US' },
      active: true,
    })),
    total: 2,
    hasMore: false,
  },
  meta: { requestId: 'req_bench', timestamp: '2025-01-01T00:00:00.000Z', status: 200 },
});

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

export async function startUpstream(): Promise<number> {
  return listen(
    createServer((req, res) => {
      req.resume();
      req.on('end', () =>
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(PAYLOAD) }).end(PAYLOAD),
      );
    }),
  );
}

export interface ServerPorts {
  /** Answers with this process's CPU time so far (µs), so the bench can report CPU per request. */
  readonly cpu: number;
  readonly direct: number;
  readonly 'fetch-route': number;
  readonly hpm: number;
  readonly 'full-auth0': number;
  readonly 'full-clerk': number;
  readonly 'full-auth0-verify-all': number;
  readonly 'pipeline-only': number;
  readonly 'full-auth0-no-audit': number;
  readonly 'full-auth0-audit-per-record': number;
  /** Only with a baseline: `full-auth0` from the baseline revision's sources. */
  readonly 'full-auth0-baseline'?: number;
  /** Bearer tokens for the two full pipelines. */
  readonly tokens: { readonly auth0: string; readonly clerk: string };
}

/**
 * One function of the proxy from a copy of another revision's `src` (its own module instance: nothing shared with
 * ours). A revision without it fails here, by name, rather than on the first request.
 */
async function fromBaseline<T>(src: string, file: string, name: string): Promise<T> {
  const exported = ((await import(pathToFileURL(join(src, file)).href)) as Record<string, unknown>)[name];
  if (typeof exported !== 'function')
    throw new Error(`The baseline's ${file} has no ${name}(): it predates the layout this bench builds from`);
  return exported as T;
}

/** `baselineSrc`: a copy of another revision's `packages/proxy/src`, for `full-auth0-baseline`. */
export async function startServers(upstreamPort: number, baselineSrc?: string): Promise<ServerPorts> {
  const upstream = `http://127.0.0.1:${upstreamPort}`;
  const key = await signingKey();
  const audience = 'https://api.bench.test';

  const idp = express();
  const idpPort = await listen(createServer(idp));
  const issuer = `http://127.0.0.1:${idpPort}/`;
  idp.get('/.well-known/openid-configuration', (_req, res) => {
    res.json({ issuer, jwks_uri: `${issuer}.well-known/jwks.json`, id_token_signing_alg_values_supported: ['RS256'] });
  });
  idp.get('/.well-known/jwks.json', (_req, res) => {
    res.json({ keys: [key.jwk] });
  });

  const direct = express();
  direct.get('/api/clinik/patients', (_req, res) => {
    res.set('cache-control', 'no-store').type('application/json').send(PAYLOAD);
  });

  const hpm = express();
  hpm.use('/api/clinik', createProxyMiddleware({ target: upstream, changeOrigin: true, pathRewrite: (path) => `/v1${path}` }));

  // Audit records go to /dev/null the way the proxy writes stdout by default: synchronously, the records of one
  // event-loop turn in one write (see audit-destination.ts). audit-destination.bench.ts compares destinations by the
  // CPU of all threads; pino's asynchronous mode costs more than any synchronous one (its writes run on libuv's
  // thread pool and wake the main thread back).
  const audit = pino({ name: 'clinikapi-proxy' }, auditDestination({ dest: '/dev/null' }));
  const grants = { clinician: '*', frontDesk: ['patients:read'] } as const;
  const common = {
    apiKey: `clk_test_${'b'.repeat(32)}`,
    upstream,
    policy: roles(grants),
    rateLimit: { limit: 1_000_000_000, windowMs: 60_000 },
    logger: audit,
  };
  // The upstream budget as a clinic would configure it (never reached here): the bench user is staff, so one count a
  // request. Not in `common`: a baseline from before the budget does not know the option.
  const budget = { perMinute: 1_000_000_000, staffRoles: ['clinician'] };
  // What users would otherwise write: the session checked, the API called with fetch, the JSON re-serialised.
  const fetchRoute = express();
  fetchRoute.use('/api/clinik', auth({ issuerBaseURL: issuer, audience }));
  fetchRoute.get('/api/clinik/patients', async (req, res) => {
    const query = new URLSearchParams(req.query as Record<string, string>).toString();
    const answer = await fetch(`${upstream}/v1/patients?${query}`, { headers: { 'x-api-key': common.apiKey, accept: 'application/json' } });
    res.status(answer.status).json(await answer.json());
  });

  /** An Express app with the proxy mounted, on the common options with `changes` over them. */
  const proxied = (changes: Partial<ClinikProxyOptions>) =>
    express().use('/api/clinik', clinikProxy({ ...common, budget, ...changes } as ClinikProxyOptions));
  const auth0Session = (cacheTtlMs?: number) =>
    auth0({ issuerBaseURL: issuer, audience, ...(cacheTtlMs === undefined ? {} : { cacheTtlMs }) });
  const fullAuth0 = proxied({ session: auth0Session() });
  const fullAuth0VerifyAll = proxied({ session: auth0Session(0) });
  const pipelineOnly = proxied({
    session: () => ({ id: 'user_bench', roles: ['clinician'] }),
    policy: () => true,
    rateLimit: false,
    budget: false,
    anonymousLimit: false,
    patientWrites: false,
    logger: pino({ level: 'silent' }),
  });
  const fullAuth0NoAudit = proxied({ session: auth0Session(), logger: pino({ level: 'silent' }) });
  const fullAuth0AuditPerRecord = proxied({
    session: auth0Session(),
    logger: pino({ name: 'clinikapi-proxy' }, pino.destination({ dest: '/dev/null', sync: true })),
  });
  const fullClerk = proxied({
    session: clerk({
      publishableKey: `pk_live_${Buffer.from('clerk.bench.test$').toString('base64')}`,
      secretKey: ['sk', 'live', 'b'.repeat(24)].join('_'),
      jwtKey: key.spki,
      authorizedParties: ['http://localhost:3000'],
    }),
  });

  // The same options as full-auth0, every part from the baseline's modules.
  const baselineApp = async (src: string) => {
    const [baselineProxy, baselineRoles, baselineAuth0, baselineDestination] = await Promise.all([
      // The entry was router.ts before it was named for what it is.
      fromBaseline<typeof clinikProxy>(src, existsSync(join(src, 'clinik-proxy.ts')) ? 'clinik-proxy.ts' : 'router.ts', 'clinikProxy'),
      fromBaseline<typeof roles>(src, 'policy/roles.ts', 'roles'),
      fromBaseline<typeof auth0>(src, 'session/auth0.ts', 'auth0'),
      fromBaseline<typeof auditDestination>(src, 'audit-destination.ts', 'auditDestination'),
    ]);
    return express().use(
      '/api/clinik',
      baselineProxy({
        ...common,
        policy: baselineRoles(grants),
        logger: pino({ name: 'clinikapi-proxy' }, baselineDestination({ dest: '/dev/null' })),
        session: baselineAuth0({ issuerBaseURL: issuer, audience }),
      }),
    );
  };
  const fullAuth0Baseline = baselineSrc === undefined ? undefined : await baselineApp(baselineSrc);

  const claims = {
    sub: 'user_bench',
    iat: now(),
    nbf: now() - 5,
    exp: now() + 3600,
    roles: ['clinician'],
    metadata: { role: 'clinician' },
  };
  const cpu = createServer((_req, res) => {
    const usage = process.cpuUsage();
    res.end(String(usage.user + usage.system));
  });
  return {
    cpu: await listen(cpu),
    direct: await listen(createServer(direct)),
    'fetch-route': await listen(createServer(fetchRoute)),
    hpm: await listen(createServer(hpm)),
    'full-auth0': await listen(createServer(fullAuth0)),
    'full-clerk': await listen(createServer(fullClerk)),
    'full-auth0-verify-all': await listen(createServer(fullAuth0VerifyAll)),
    'pipeline-only': await listen(createServer(pipelineOnly)),
    'full-auth0-no-audit': await listen(createServer(fullAuth0NoAudit)),
    'full-auth0-audit-per-record': await listen(createServer(fullAuth0AuditPerRecord)),
    ...(fullAuth0Baseline ? { 'full-auth0-baseline': await listen(createServer(fullAuth0Baseline)) } : {}),
    tokens: {
      auth0: await sign(key, { ...claims, iss: issuer, aud: audience }),
      clerk: await sign(key, { ...claims, iss: 'https://clerk.bench.test', azp: 'http://localhost:3000', sid: 'sess_bench' }),
    },
  };
}

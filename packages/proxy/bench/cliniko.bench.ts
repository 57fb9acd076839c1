/**
 * `npm run bench -- cliniko`: what the proxy costs on a Cliniko list call — a page of 20 individual appointments
 * with the ~190 absolute links Cliniko puts in it, every one rewritten to the mount — against bare
 * http-proxy-middleware on the same upstream, which passes the page (and the shard's host) through untouched.
 *
 * Configurations, one port each in one server process, loaded one at a time:
 * - `hpm`: Express + bare http-proxy-middleware.
 * - `cliniko-pipeline`: clinikProxy on the Cliniko preset with an app session, an allow-all policy, no limits and a
 *   silent logger: hygiene, the route and query check, the hop, and examining the answer (links included).
 * - `cliniko-full`: an Auth0 JWT session, a roles policy, the per-user rate limit, the stranger limit and an
 *   upstream budget, and an audit record per request written as by default (to /dev/null).
 * - `cliniko-patient`: `cliniko-full` for a patient in their compartment: the list forced to their `patient_id`,
 *   and every record's patient link checked before it is shown.
 *
 * As proxy.bench.ts: the upstream and the servers run in two child processes; autocannon runs here; the rounds are
 * interleaved (each configuration once per round, in a rotating order), and each ratio to bare HPM is taken within
 * its round and reported as the median of the rounds with its distribution-free interval (median-interval.ts).
 */
import express from 'express';
import { createProxyMiddleware } from 'http-proxy-middleware';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import pino from 'pino';
import { auditDestination } from '../src/audit-destination.ts';
import { allOf } from '../src/policy/policy.ts';
import { patientCompartment } from '../src/policy/patient-compartment.ts';
import { grants, roles } from '../src/policy/roles.ts';
import { clinikProxy } from '../src/clinik-proxy.ts';
import { auth0 } from '../src/session/auth0.ts';
import { upstreams } from '../src/upstream/presets.ts';
import { now, sign, signingKey } from '../test/tokens.ts';
import { recordBenchFigure } from '../../../scripts/bench-results.ts';
import { median, medianInterval } from './median-interval.ts';

interface AutocannonResult {
  readonly requests: { readonly average: number; readonly total: number };
  readonly non2xx: number;
  readonly errors: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const CONFIGS = ['hpm', 'cliniko-pipeline', 'cliniko-full', 'cliniko-patient'] as const;
type Config = (typeof CONFIGS)[number];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const PATIENT = '836447129235883110';
const PATH = '/api/clinik/individual_appointments?per_page=20&q%5B%5D=starts_at%3A%3E%3D2025-03-01T00%3A00%3A00Z';

/** A page of 20 individual appointments of one patient as Cliniko renders them, links on the shard at `origin`. */
function appointmentsPage(origin: string): string {
  const url = (path: string) => `${origin}/v1${path}`;
  const ref = (path: string) => ({ links: { self: url(path) } });
  const appointments = Array.from({ length: 20 }, (_, index) => {
    const id = String(836447129235883200n + BigInt(index));
    const path = `/individual_appointments/${id}`;
    return {
      id,
      starts_at: `2025-03-${String(3 + (index % 20)).padStart(2, '0')}T22:00:00Z`,
      ends_at: `2025-03-${String(3 + (index % 20)).padStart(2, '0')}T22:45:00Z`,
      patient_name: 'Olivia Smith',
      notes: null,
      did_not_arrive: false,
      patient_arrived: false,
      email_reminder_sent: true,
      sms_reminder_sent: false,
      repeat_rule: {},
      cancelled_at: null,
      cancellation_reason: null,
      cancellation_reason_description: '',
      archived_at: null,
      created_at: '2025-02-20T22:00:00Z',
      updated_at: '2025-02-20T22:00:00Z',
      conflicts: ref(`${path}/conflicts`),
      appointment_type: ref('/appointment_types/836447129235883062'),
      business: ref('/businesses/1002'),
      practitioner: ref('/practitioners/836447129235883061'),
      patient: ref(`/patients/${PATIENT}`),
      attendees: ref(`${path}/attendees`),
      links: { self: url(path) },
    };
  });
  const query = '?per_page=20&q%5B%5D=starts_at%3A%3E%3D2025-03-01T00%3A00%3A00Z';
  return JSON.stringify({
    individual_appointments: appointments,
    total_entries: 57,
    links: { self: url(`/individual_appointments${query}&page=1`), next: url(`/individual_appointments${query}&page=2`) },
  });
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function startUpstream(): Promise<number> {
  let page = '';
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () =>
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(page) }).end(page),
    );
  });
  const port = await listen(server);
  page = appointmentsPage(`http://127.0.0.1:${port}`);
  return port;
}

type Ports = Record<Config, number> & {
  readonly cpu: number;
  readonly tokens: { readonly staff: string; readonly patient: string };
  readonly bytes: number;
};

async function startServers(upstreamPort: number): Promise<Ports> {
  const upstream = `http://127.0.0.1:${upstreamPort}`;
  const key = await signingKey();
  const audience = 'https://api.bench.test';
  const idp = express();
  const issuer = `http://127.0.0.1:${await listen(createServer(idp))}/`;
  idp.get(
    '/.well-known/openid-configuration',
    (_req, res) => void res.json({ issuer, jwks_uri: `${issuer}.well-known/jwks.json`, id_token_signing_alg_values_supported: ['RS256'] }),
  );
  idp.get('/.well-known/jwks.json', (_req, res) => void res.json({ keys: [key.jwk] }));

  const cliniko = upstreams.cliniko({ userAgent: 'ClinikAPI bench (bench@clinikapi.local)', shards: ['au1'], shardUrl: () => upstream });
  const common = { apiKey: `${'B3n'.repeat(14)}-au1`, upstream: cliniko };
  const proxied = (options: Omit<Parameters<typeof clinikProxy>[0], keyof typeof common>) =>
    express().use('/api/clinik', clinikProxy({ ...common, ...options }));
  const full = {
    session: auth0({ issuerBaseURL: issuer, audience, rolesClaim: 'roles' }),
    policy: roles({
      frontDesk: ['individual_appointments:*', 'patients:*'],
      patient: allOf(grants(['individual_appointments:read']), patientCompartment({ patientId: (user) => user.id })),
    }),
    rateLimit: { limit: 1_000_000_000, windowMs: 60_000 },
    budget: { perMinute: 1_000_000_000, staffRoles: ['frontDesk'], shares: { patient: 1 }, perUserShare: 1 },
    logger: pino({ name: 'clinikapi-proxy' }, auditDestination({ dest: '/dev/null' })),
  };
  const hpm = express().use(
    '/api/clinik',
    createProxyMiddleware({ target: upstream, changeOrigin: true, pathRewrite: (path) => `/v1${path}` }),
  );
  const pipeline = proxied({
    session: () => ({ id: 'user_bench', roles: ['frontDesk'] }),
    policy: () => true,
    rateLimit: false,
    budget: false,
    anonymousLimit: false,
    patientWrites: false,
    logger: pino({ level: 'silent' }),
  });
  const cpu = createServer((_req, res) => {
    const usage = process.cpuUsage();
    res.end(String(usage.user + usage.system));
  });
  const claims = (sub: string, role: string) => ({
    sub,
    iat: now(),
    nbf: now() - 5,
    exp: now() + 3600,
    roles: [role],
    iss: issuer,
    aud: audience,
  });
  return {
    cpu: await listen(cpu),
    hpm: await listen(createServer(hpm)),
    'cliniko-pipeline': await listen(createServer(pipeline)),
    'cliniko-full': await listen(createServer(proxied(full))),
    'cliniko-patient': await listen(createServer(proxied(full))),
    tokens: { staff: await sign(key, claims('user_bench', 'frontDesk')), patient: await sign(key, claims(PATIENT, 'patient')) },
    bytes: Buffer.byteLength(appointmentsPage(upstream)),
  };
}

function headersFor(config: Config, ports: Ports): Record<string, string> {
  if (config === 'cliniko-full') return { authorization: `Bearer ${ports.tokens.staff}` };
  if (config === 'cliniko-patient') return { authorization: `Bearer ${ports.tokens.patient}` };
  return {};
}

function startChild(args: string[], running: ChildProcess[]): Promise<unknown> {
  const started = spawn(process.execPath, ['--conditions=@clinikapi/source', import.meta.filename, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.push(started);
  return new Promise((resolve, reject) => {
    let buffer = '';
    started.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      if (buffer.includes('\n')) resolve(JSON.parse(buffer.split('\n')[0] as string));
    });
    started.once('exit', (code) => reject(new Error(`bench child ${args[0]} exited with ${code}`)));
  });
}

async function load(config: Config, ports: Ports, duration: number): Promise<{ rps: number; cpu: number }> {
  const cpuOf = async () => Number(await (await fetch(`http://127.0.0.1:${ports.cpu}/`)).text());
  const before = await cpuOf();
  const result = await autocannon({
    url: `http://127.0.0.1:${ports[config]}${PATH}`,
    headers: headersFor(config, ports),
    connections: 32,
    duration,
  });
  const used = (await cpuOf()) - before;
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${config}: ${result.non2xx} non-2xx and ${result.errors} errors — the bench is not measuring what it claims`);
  return { rps: result.requests.average, cpu: used / Math.max(1, result.requests.total) };
}

/** Checks each configuration answers what it claims: the proxies rewrite every link, bare HPM none. */
async function checkAnswers(ports: Ports): Promise<void> {
  for (const config of CONFIGS) {
    const text = await (await fetch(`http://127.0.0.1:${ports[config]}${PATH}`, { headers: headersFor(config, ports) })).text();
    const onShard = text.split('http://127.0.0.1:').length - 1;
    const onMount = text.split('"/api/clinik/').length - 1;
    console.log(`${config}: ${Buffer.byteLength(text)} bytes, ${onShard} links on the shard's host, ${onMount} on the mount`);
    if (config !== 'hpm' && onShard > 0) throw new Error(`${config} let the shard's host through`);
  }
}

async function main(): Promise<void> {
  const running: ChildProcess[] = [];
  try {
    const { port } = (await startChild(['upstream'], running)) as { port: number };
    const ports = (await startChild(['servers', String(port)], running)) as Ports;
    await checkAnswers(ports);
    for (const config of CONFIGS) await load(config, ports, 2);
    const rps = Object.fromEntries(CONFIGS.map((config) => [config, [] as number[]])) as Record<Config, number[]>;
    const cpu = Object.fromEntries(CONFIGS.map((config) => [config, [] as number[]])) as Record<Config, number[]>;
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const config of CONFIGS.map((_, index) => CONFIGS[(index + round) % CONFIGS.length] as Config)) {
        const measured = await load(config, ports, SECONDS);
        rps[config].push(measured.rps);
        cpu[config].push(measured.cpu);
      }
      console.log(
        `round ${round + 1}/${ROUNDS}: ${CONFIGS.map((config) => `${config} ${Math.round(rps[config].at(-1) as number)} req/s`).join(' · ')}`,
      );
    }
    const ratio = (values: Record<Config, number[]>, config: Config) =>
      values[config].map((value, index) => value / (values.hpm[index] as number));
    const interval = (values: number[], digits = 2) => {
      const { median: middle, low, high } = medianInterval(values);
      return `${middle.toFixed(digits)} (${low.toFixed(digits)}–${high.toFixed(digits)})`;
    };
    console.log(
      `\nA Cliniko list call: ${ports.bytes} bytes, 20 records, medians of ${ROUNDS} interleaved rounds of ${SECONDS} s (autocannon, 32 connections).`,
    );
    console.table(
      CONFIGS.map((config) => ({
        config,
        'req/s': Math.round(median(rps[config])),
        'req/s vs hpm': interval(ratio(rps, config)),
        'CPU µs/req': Math.round(median(cpu[config])),
        'CPU vs hpm': interval(ratio(cpu, config)),
      })),
    );
    console.log(
      `In brackets: the median's distribution-free interval (${(medianInterval(rps.hpm).confidence * 100).toFixed(0)}% over ${ROUNDS} rounds).`,
    );
    // For the decision records (docs/decisions/bench-results.json).
    for (const config of CONFIGS.filter((name) => name !== 'hpm')) {
      recordBenchFigure(`proxy.${config}.rps-vs-hpm`, { ...medianInterval(ratio(rps, config)), unit: '×', digits: 2, rounds: ROUNDS });
      recordBenchFigure(`proxy.${config}.cpu-vs-hpm`, { ...medianInterval(ratio(cpu, config)), unit: '×', digits: 2, rounds: ROUNDS });
    }
  } finally {
    for (const child of running) child.kill();
  }
}

if (process.argv[2] === 'upstream') process.stdout.write(`${JSON.stringify({ port: await startUpstream() })}\n`);
else if (process.argv[2] === 'servers') process.stdout.write(`${JSON.stringify(await startServers(Number(process.argv[3])))}\n`);
else await main();

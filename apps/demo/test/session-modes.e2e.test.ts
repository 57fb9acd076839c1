/**
 * The demo's session modes, each on the real demo server (emulator, proxy, app) started with the environment it
 * would read: the development login, Clerk and Auth0. Tokens are minted locally and verified by the real Clerk and
 * Auth0 SDKs; every answer is kept, to prove no secret ever leaves the server.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type RunningDemo } from '../server/demo-server.ts';
import { SessionModeError, readSessionMode } from '../server/session-mode.ts';
import { expectNoKeyIn, type Captured } from './harness.ts';
import {
  AUTH0_AUDIENCE,
  fakeAuth0,
  fakeClerk,
  forgedDevelopmentCookie,
  hmacWithPublicKey,
  now,
  sign,
  signingKey,
  tampered,
  unsigned,
  type FakeAuth0,
  type FakeClerk,
} from './identity-providers.ts';

interface DemoSecrets {
  readonly apiKey: string;
  readonly cookieSecret: string;
  readonly portalPatients: Record<string, string>;
}

let dataDir: string;
let clerkIdp: FakeClerk;
let auth0Idp: FakeAuth0;
const captured: Captured[] = [];
const secrets = () => JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8')) as DemoSecrets;
const patientIds = () => Object.values(secrets().portalPatients) as [string, string];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'clinik-demo-modes-'));
  clerkIdp = await fakeClerk();
  auth0Idp = await fakeAuth0();
});

afterAll(async () => {
  await auth0Idp?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** One demo per describe block, on the same data (seeded by the first), with only `env` as its environment. */
function demoWith(env: () => Record<string, string>) {
  const handle: { demo?: RunningDemo } = {};
  beforeAll(async () => {
    handle.demo = await startDemo({ dataDir, port: 0, mode: 'development', env: env() });
  }, 120_000);
  afterAll(async () => {
    await handle.demo?.stop();
  });
  return handle;
}

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
  json(): { data?: unknown; code?: string };
}

async function call(demo: RunningDemo | undefined, path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${demo?.url}${path}`, { redirect: 'manual', ...init });
  const body = await response.text();
  captured.push({ url: response.url, status: response.status, headers: JSON.stringify([...response.headers]), body });
  return { status: response.status, headers: response.headers, body, json: () => JSON.parse(body) as { data?: unknown; code?: string } };
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
const records = (answer: Answer) => (answer.json().data as { data: { id: string }[] }).data;

/** A request the proxy refuses with its 401 envelope and for which /auth/me knows nobody. */
async function expectSignedOut(demo: RunningDemo | undefined, request: RequestInit): Promise<void> {
  const answer = await call(demo, '/api/clinik/patients?count=1', request);
  expect(answer.status).toBe(401);
  expect(answer.json()).toMatchObject({ code: 'UNAUTHORIZED' });
  expect((await call(demo, '/auth/me', request)).json()).toEqual({ data: null });
}

describe('the development login (no provider variables)', () => {
  const started = demoWith(() => ({}));

  it('is the mode, and signs in the demo users — a signed cookie is what sessions are made of here', async () => {
    expect(started.demo?.sessionMode).toBe('development');
    expect((await call(started.demo, '/auth/config')).json()).toEqual({ data: { mode: 'development' } });
    expect((await call(started.demo, '/auth/users')).status).toBe(200);
    // The cookie the next modes must ignore is a working one here.
    const cookie = forgedDevelopmentCookie(secrets().cookieSecret, 'user_grace_lin');
    expect((await call(started.demo, '/auth/me', { headers: { cookie } })).json().data).toMatchObject({ id: 'user_grace_lin' });
    expect((await call(started.demo, '/api/clinik/patients?count=1', { headers: { cookie } })).status).toBe(200);
  });
});

describe('start-up refuses a half-set or doubly-set environment, naming variables and never their values', () => {
  const auth0 = () => auth0Idp.env;
  const clerk = () => clerkIdp.env;
  it.each<[string, () => Record<string, string>, RegExp]>([
    ['only AUTH0_AUDIENCE', () => ({ AUTH0_AUDIENCE }), /Auth0 sign-in needs AUTH0_ISSUER_BASE_URL, AUTH0_CLIENT_ID/],
    ['Auth0 without AUTH0_CLIENT_ID', () => ({ ...auth0(), AUTH0_CLIENT_ID: '' }), /needs AUTH0_CLIENT_ID \(/],
    [
      'only CLERK_SECRET_KEY',
      () => ({ CLERK_SECRET_KEY: clerk().CLERK_SECRET_KEY! }),
      /Clerk sign-in needs CLERK_PUBLISHABLE_KEY \(CLERK_SECRET_KEY is set\)/,
    ],
    ['only CLERK_PUBLISHABLE_KEY', () => ({ CLERK_PUBLISHABLE_KEY: clerk().CLERK_PUBLISHABLE_KEY! }), /needs CLERK_SECRET_KEY/],
    ['only CLERK_JWT_KEY', () => ({ CLERK_JWT_KEY: clerk().CLERK_JWT_KEY! }), /needs CLERK_PUBLISHABLE_KEY, CLERK_SECRET_KEY/],
    [
      'both providers',
      () => ({ ...clerk(), ...auth0() }),
      /Both Clerk \(.*CLERK_SECRET_KEY.*\) and Auth0 \(.*AUTH0_AUDIENCE.*\) variables are set/,
    ],
    [
      'the secret key where the publishable key goes (it would reach the browser)',
      () => ({ ...clerk(), CLERK_PUBLISHABLE_KEY: clerk().CLERK_SECRET_KEY! }),
      /CLERK_PUBLISHABLE_KEY is not a Clerk publishable key/,
    ],
    [
      'an Auth0 issuer over plain http',
      () => ({ ...auth0(), AUTH0_ISSUER_BASE_URL: 'http://tenant.example.test/' }),
      /AUTH0_ISSUER_BASE_URL must be/,
    ],
    // Auth0's quickstarts name the tenant AUTH0_DOMAIN: set alone, it must not fall back to the development login.
    [
      'only AUTH0_DOMAIN',
      () => ({ AUTH0_DOMAIN: 'tenant.example.test' }),
      /Auth0 sign-in needs AUTH0_AUDIENCE, AUTH0_CLIENT_ID \(AUTH0_DOMAIN is set\)/,
    ],
    [
      'AUTH0_DOMAIN naming another tenant than AUTH0_ISSUER_BASE_URL',
      () => ({ ...auth0(), AUTH0_DOMAIN: 'other-tenant.example.test' }),
      /name different tenants/,
    ],
    [
      'an AUTH0_DOMAIN that is not a host',
      () => ({ ...auth0(), AUTH0_ISSUER_BASE_URL: '', AUTH0_DOMAIN: 'tenant.example.test/?x=1' }),
      /AUTH0_DOMAIN must be/,
    ],
    [
      'authorized parties that are not origins',
      () => ({ ...clerk(), CLERK_AUTHORIZED_PARTIES: 'clinic.example.test/app' }),
      /CLERK_AUTHORIZED_PARTIES must be/,
    ],
  ])('%s', async (_name, env, message) => {
    const neverStarted = join(dataDir, 'never-started');
    const error = await startDemo({ dataDir: neverStarted, port: 0, env: env() }).then(
      (demo) => demo.stop().then(() => undefined),
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(SessionModeError);
    const text = String((error as Error).message);
    expect(text).toMatch(message);
    for (const value of Object.values(env()).filter((value) => value !== '')) expect(text).not.toContain(value);
    // Refused before anything started: no emulator, no data directory.
    expect(existsSync(neverStarted)).toBe(false);
  });
});

describe('AUTH0_DOMAIN in place of AUTH0_ISSUER_BASE_URL', () => {
  it('takes a bare domain as its https tenant URL', () => {
    for (const domain of ['your-tenant.eu.auth0.com', 'your-tenant.eu.auth0.com/', 'https://your-tenant.eu.auth0.com/']) {
      expect(readSessionMode({ AUTH0_DOMAIN: domain, AUTH0_AUDIENCE, AUTH0_CLIENT_ID: 'spa' })).toEqual({
        kind: 'auth0',
        issuerBaseURL: 'https://your-tenant.eu.auth0.com/',
        audience: AUTH0_AUDIENCE,
        clientId: 'spa',
      });
    }
  });

  const started = demoWith(() => {
    const { AUTH0_ISSUER_BASE_URL, ...env } = auth0Idp.env;
    return { ...env, AUTH0_DOMAIN: new URL(AUTH0_ISSUER_BASE_URL as string).origin };
  });

  it('signs in with Auth0: a signed access token reaches the emulator', async () => {
    expect(started.demo?.sessionMode).toBe('auth0');
    const token = await auth0Idp.token({ [`https://clinikapi.dev/roles`]: ['clinician'] });
    expect((await call(started.demo, '/api/clinik/patients?count=1', bearer(token))).status).toBe(200);
  });
});

describe('npm start', () => {
  it('reads the shell’s environment, and a half-set one stops it with the message alone', async () => {
    const main = join(import.meta.dirname, '..', 'server', 'main.ts');
    const audience = 'https://api.clinic.example.test/only-this-one';
    const run = await new Promise<{ code: number | null; output: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--conditions=@clinikapi/source', main, '--port', '0'],
        { env: { ...process.env, AUTH0_AUDIENCE: audience }, timeout: 60_000 },
        (error, stdout, stderr) => resolve({ code: error ? (error.code as number | null) : 0, output: `${stdout}${stderr}` }),
      );
    });
    expect(run.code).toBe(1);
    expect(run.output).toContain('Cannot start the demo: Auth0 sign-in needs AUTH0_ISSUER_BASE_URL, AUTH0_CLIENT_ID');
    expect(run.output).not.toContain(audience);
    expect(run.output).not.toMatch(/\n\s+at /);
  });
});

describe('Clerk (CLERK_* set)', () => {
  const started = demoWith(() => clerkIdp.env);
  const clinician = () => clerkIdp.token({ roles: ['clinician'], name: 'Dr. Ada Clerk' });
  // What clerk-js keeps on a development instance (pk_test_): the session token, the client's last sign-in time and
  // the dev-browser token, which Clerk only checks is there.
  const cookieOf = (token: string) => ({ headers: { cookie: `__session=${token}; __client_uat=${now() - 20}; __clerk_db_jwt=dvb_demo` } });

  it('is the mode, and /auth/config gives the browser the publishable key and nothing secret', async () => {
    expect(started.demo?.sessionMode).toBe('clerk');
    const config = await call(started.demo, '/auth/config');
    expect(config.json()).toEqual({ data: { mode: 'clerk', publishableKey: clerkIdp.publishableKey } });
    expect(config.body).not.toContain(clerkIdp.secretKey);
  });

  it('has no development login: /auth/login, /auth/users and /auth/logout do not exist', async () => {
    const login = await call(started.demo, '/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf': '1' },
      body: JSON.stringify({ userId: 'user_grace_lin' }),
    });
    expect(login.status).toBe(404);
    expect(login.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect(login.headers.get('set-cookie')).toBeNull();
    expect((await call(started.demo, '/auth/users')).status).toBe(404);
    expect((await call(started.demo, '/auth/logout', { method: 'POST', headers: { 'x-csrf': '1' } })).status).toBe(404);
  });

  it('ignores a development-login cookie, even one signed with the demo’s own secret', async () => {
    const cookie = { headers: { cookie: forgedDevelopmentCookie(secrets().cookieSecret, 'user_grace_lin') } };
    expect((await call(started.demo, '/auth/me', cookie)).json()).toEqual({ data: null });
    const answer = await call(started.demo, '/api/clinik/patients?count=1', cookie);
    expect(answer.status).toBe(401);
    expect(answer.json()).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('lets a signed session token reach the emulator, as a Bearer token and as the __session cookie', async () => {
    const token = await clinician();
    const viaBearer = await call(started.demo, '/api/clinik/patients?count=5', bearer(token));
    expect(viaBearer.status).toBe(200);
    expect(records(viaBearer).length).toBe(5);
    const viaCookie = await call(started.demo, '/api/clinik/patients?count=5', cookieOf(token));
    expect(viaCookie.status).toBe(200);
    expect(records(viaCookie).length).toBe(5);
    expect((await call(started.demo, '/auth/me', bearer(token))).json().data).toEqual({
      id: 'user_clerk_1',
      name: 'Dr. Ada Clerk',
      roles: ['clinician'],
      description: 'Signed in with Clerk',
    });
    expect((await call(started.demo, '/auth/me', cookieOf(token))).json().data).toMatchObject({ id: 'user_clerk_1' });
  });

  it('confines a patient token to its own patient: another patient’s record is 404', async () => {
    const [own, other] = patientIds();
    const token = await clerkIdp.token({ sub: 'user_clerk_patient', roles: ['patient'], patientId: own });
    expect((await call(started.demo, '/auth/me', bearer(token))).json().data).toMatchObject({ roles: ['patient'], patientId: own });
    const mine = await call(started.demo, `/api/clinik/patients/${own}`, bearer(token));
    expect(mine.status).toBe(200);
    expect((mine.json().data as { id: string }).id).toBe(own);
    const theirs = await call(started.demo, `/api/clinik/patients/${other}`, bearer(token));
    expect(theirs.status).toBe(404);
    expect(theirs.json()).toMatchObject({ code: 'NOT_FOUND' });
    // A patient role with no patient link reaches nobody's record: the policy fails closed.
    const unlinked = await clerkIdp.token({ sub: 'user_clerk_unlinked', roles: ['patient'] });
    expect((await call(started.demo, `/api/clinik/patients/${own}`, bearer(unlinked))).status).toBe(403);
  });

  it.each<[string, () => Promise<RequestInit>]>([
    ['no token', async () => ({})],
    [
      'an expired token',
      async () => bearer(await clerkIdp.token({ roles: ['clinician'], exp: now() - 120, iat: now() - 300, nbf: now() - 300 })),
    ],
    [
      'a token minted for another site (azp)',
      async () => bearer(await clerkIdp.token({ roles: ['clinician'], azp: 'https://evil.example' })),
    ],
    ['a tampered token', async () => bearer(tampered(await clinician(), { sub: 'user_admin' }))],
    [
      'a token signed by another key',
      async () => bearer(await sign(await signingKey(clerkIdp.key.kid), { sub: 'user_clerk_1', roles: ['clinician'], exp: now() + 60 })),
    ],
    ['an alg:none token', async () => bearer(unsigned({ sub: 'user_clerk_1', roles: ['clinician'], exp: now() + 60 }, clerkIdp.key.kid))],
    [
      'a __session cookie without Clerk’s __client_uat',
      async () => ({ headers: { cookie: `__session=${await clinician()}; __clerk_db_jwt=dvb_demo` } }),
    ],
  ])('refuses %s: 401 JSON from the proxy, nobody from /auth/me', async (_name, init) => {
    await expectSignedOut(started.demo, await init());
  });
});

describe('Auth0 (AUTH0_* set)', () => {
  const started = demoWith(() => auth0Idp.env);
  const NS = 'https://clinikapi.dev/';
  const clinician = () => auth0Idp.token({ [`${NS}roles`]: ['clinician'], [`${NS}name`]: 'Dr. Ada Auth0' });

  it('is the mode, and /auth/config gives the browser the domain, client id and audience', async () => {
    expect(started.demo?.sessionMode).toBe('auth0');
    expect((await call(started.demo, '/auth/config')).json()).toEqual({
      data: { mode: 'auth0', domain: new URL(auth0Idp.issuer).origin, clientId: 'demoSpaClientId', audience: AUTH0_AUDIENCE },
    });
  });

  it('has no development login, and ignores its cookie', async () => {
    const login = await call(started.demo, '/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf': '1' },
      body: JSON.stringify({ userId: 'user_grace_lin' }),
    });
    expect(login.status).toBe(404);
    expect(login.headers.get('set-cookie')).toBeNull();
    const cookie = { headers: { cookie: forgedDevelopmentCookie(secrets().cookieSecret, 'user_grace_lin') } };
    expect((await call(started.demo, '/auth/me', cookie)).json()).toEqual({ data: null });
    expect((await call(started.demo, '/api/clinik/patients?count=1', cookie)).status).toBe(401);
  });

  it('lets a signed access token reach the emulator', async () => {
    const token = await clinician();
    const answer = await call(started.demo, '/api/clinik/patients?count=5', bearer(token));
    expect(answer.status).toBe(200);
    expect(records(answer).length).toBe(5);
    expect((await call(started.demo, '/auth/me', bearer(token))).json().data).toEqual({
      id: 'auth0|user-1',
      name: 'Dr. Ada Auth0',
      roles: ['clinician'],
      description: 'Signed in with Auth0',
    });
  });

  it('confines a patient token to its own patient: another patient’s record is 404', async () => {
    const [own, other] = patientIds();
    const token = await auth0Idp.token({ sub: 'auth0|patient-1', [`${NS}roles`]: ['patient'], [`${NS}patientId`]: own });
    expect((await call(started.demo, `/api/clinik/patients/${own}`, bearer(token))).status).toBe(200);
    expect((await call(started.demo, `/api/clinik/patients/${other}`, bearer(token))).status).toBe(404);
    // Claims outside the namespace are not the demo's: a bare `patientId`/`roles` grants nothing.
    const unnamespaced = await auth0Idp.token({ sub: 'auth0|patient-2', roles: ['clinician'], patientId: other });
    expect((await call(started.demo, `/api/clinik/patients/${other}`, bearer(unnamespaced))).status).toBe(403);
  });

  it.each<[string, () => Promise<RequestInit>]>([
    ['no token', async () => ({})],
    ['an expired token', async () => bearer(await auth0Idp.token({ [`${NS}roles`]: ['clinician'], exp: now() - 120, iat: now() - 300 }))],
    ['a token for another audience', async () => bearer(await auth0Idp.token({ [`${NS}roles`]: ['clinician'], aud: 'https://other.api' }))],
    [
      'a token from another issuer',
      async () => bearer(await auth0Idp.token({ [`${NS}roles`]: ['clinician'], iss: 'https://evil.example/' })),
    ],
    ['a tampered token', async () => bearer(tampered(await clinician(), { sub: 'auth0|admin' }))],
    [
      'an HS256 token signed with the public key',
      async () => bearer(await hmacWithPublicKey(auth0Idp.key, { iss: auth0Idp.issuer, aud: AUTH0_AUDIENCE, sub: 'x', exp: now() + 60 })),
    ],
    ['a Clerk-style __session cookie', async () => ({ headers: { cookie: `__session=${await clinician()}` } })],
  ])('refuses %s: 401 JSON from the proxy, nobody from /auth/me', async (_name, init) => {
    await expectSignedOut(started.demo, await init());
  });
});

describe('secrets', () => {
  it('no answer in any mode carried the ClinikAPI key, the Clerk secret key or the cookie secret', () => {
    expectNoKeyIn(captured, secrets().apiKey);
    const leaks = captured.filter((answer) =>
      [clerkIdp.secretKey, secrets().cookieSecret].some((secret) => `${answer.headers}\n${answer.body}`.includes(secret)),
    );
    expect(leaks.map((answer) => answer.url)).toEqual([]);
  });
});

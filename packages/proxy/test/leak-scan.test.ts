/**
 * The leak scan: drive the proxy through successes, denials and failures against a seeded emulator, capture every
 * log line (audit records and anything written to the console) and every error body, and look in them for the API
 * key, session tokens, cookies and the seeded patients' names, emails and phone numbers.
 */
import { DEMO_PATIENTS, seedDemoPatients, startEmulator, type RunningEmulator } from '@clinikapi/emulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { clerk } from '../src/session/clerk.ts';
import { allOf } from '../src/policy/policy.ts';
import { patientCompartment } from '../src/policy/patient-compartment.ts';
import { roles } from '../src/policy/roles.ts';
import { listen, proxyApp, settled, type ProxyApp } from './harness.ts';
import { now, sign, signingKey, tampered, type SigningKey } from './tokens.ts';
import { createServer } from 'node:http';

const APP_ORIGIN = 'http://localhost:3000';
const publishableKey = `pk_live_${Buffer.from('clerk.example.test$').toString('base64')}`;
const secretKey = ['sk', 'live', 'y'.repeat(24)].join('_');

let emulator: RunningEmulator;
let apiKey: string;
let signing: SigningKey;
let app: ProxyApp;
let seededIds: string[] = [];
const errorBodies: string[] = [];
/** Requests sent to the proxy: each gets an audit record, written when its response closes. */
let sent = 0;
const consoleLines: string[] = [];
const tokens: string[] = [];

const claims = (sub: string, extra: Record<string, unknown> = {}) => ({
  sub,
  sid: `sess_${sub}`,
  azp: APP_ORIGIN,
  iss: 'https://clerk.example.test',
  iat: now() - 10,
  nbf: now() - 10,
  exp: now() + 120,
  ...extra,
});

async function token(sub: string, extra: Record<string, unknown> = {}): Promise<string> {
  const minted = await sign(signing, claims(sub, extra));
  tokens.push(minted);
  return minted;
}

async function call(path: string, init: RequestInit = {}): Promise<Response> {
  sent += 1;
  const response = await fetch(`${app.url}/api/clinik${path}`, { redirect: 'manual', ...init });
  if (response.status >= 400) errorBodies.push(await response.clone().text());
  await response.arrayBuffer();
  return response;
}

beforeAll(async () => {
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void consoleLines.push(args.map(String).join(' ')));
  }
  emulator = await startEmulator();
  await emulator.emulator.admin.ensureOrganisation('org_leak', { name: 'Leak clinic', plan: 'pro' });
  apiKey = (await emulator.emulator.admin.createKey({ organisationId: 'org_leak', environment: 'test' })).key;
  seededIds = (await seedDemoPatients({ fetch: emulator.emulator.fetch, key: apiKey })).map((patient) => patient.id);
  signing = await signingKey();
  app = await proxyApp({
    apiKey,
    upstream: emulator.url,
    session: clerk({
      publishableKey,
      secretKey,
      jwtKey: signing.spki,
      authorizedParties: [APP_ORIGIN],
      toUser: (auth) => ({ id: auth.userId, roles: [String(auth.sessionClaims.role)], patientId: auth.sessionClaims.patientId }),
    }),
    policy: roles({
      clinician: '*',
      patient: allOf(() => true, patientCompartment({ patientId: (user) => user.patientId as string })),
    }),
  });
}, 60_000);

afterAll(async () => {
  vi.restoreAllMocks();
  await app?.close();
  await emulator?.stop();
});

describe('nothing secret or identifying leaks into logs or error bodies', () => {
  it('holds across successes, denials and failures', async () => {
    const doctor = { authorization: `Bearer ${await token('user_doc', { role: 'clinician' })}` };
    const patientUser = { authorization: `Bearer ${await token('user_pat', { role: 'patient', patientId: seededIds[0] })}` };
    const cookieToken = await token('user_cookie', { role: 'clinician' });
    const write = { 'content-type': 'application/json', 'x-csrf': '1' };

    for (const patient of DEMO_PATIENTS.slice(0, 5))
      expect((await call(`/patients?name=${encodeURIComponent(patient.lastName)}`, { headers: doctor })).status).toBe(200);
    for (const id of seededIds.slice(0, 5)) expect((await call(`/patients/${id}`, { headers: doctor })).status).toBe(200);
    expect(
      (
        await call('/patients', {
          method: 'POST',
          headers: { ...doctor, ...write },
          body: JSON.stringify({ firstName: 'Zephyrine', lastName: 'Quillfeather', email: 'zq@example.org' }),
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await call('/patients', {
          method: 'POST',
          headers: { ...doctor, ...write },
          body: JSON.stringify({ firstName: 'Amara', lastName: 'Okafor', birthDate: 'Amara-Okafor-1986' }),
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await call(`/patients/${seededIds[1]}`, {
          method: 'PATCH',
          headers: { ...doctor, ...write, 'if-match': 'W/"99"' },
          body: JSON.stringify({ lastName: 'Hartley-Smith' }),
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await call('', {
          method: 'POST',
          headers: { ...doctor, ...write },
          body: JSON.stringify({ action: 'patients.read', data: { id: seededIds[2] } }),
        })
      ).status,
    ).toBe(200);

    expect((await call(`/patients/${seededIds[3]}`, { headers: patientUser })).status).toBe(404);
    expect((await call('/patients?name=Okafor', { headers: patientUser })).status).toBe(403);
    expect(
      (await call('/patients', { headers: { authorization: `Bearer ${tampered(tokens[0] as string, { sub: 'user_admin' })}` } })).status,
    ).toBe(401);
    expect(
      (
        await call('/patients', {
          headers: { authorization: `Bearer ${await token('user_old', { exp: now() - 300, iat: now() - 600, nbf: now() - 600 })}` },
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await call('/patients', {
          method: 'POST',
          headers: { cookie: `__session=${cookieToken}; __client_uat=${now() - 30}`, 'content-type': 'application/json' },
          body: '{"firstName":"Benjamin","lastName":"Hartley"}',
        })
      ).status,
    ).toBe(403);
    expect((await call('/Amara-Okafor', { headers: doctor })).status).toBe(404);
    expect((await call('/patients?fullName=Amara+Okafor', { headers: doctor })).status).toBe(400);
    expect((await call(`/patients?access_token=${tokens[0]}`, { headers: doctor })).status).toBe(400);

    const dead = await listen(createServer());
    const deadUrl = dead.url;
    await dead.close();
    const down = await proxyApp({ apiKey, upstream: deadUrl, logger: app.log.logger });
    const downResponse = await fetch(`${down.url}/api/clinik/patients?name=Okafor`);
    sent += 1;
    expect(downResponse.status).toBe(502);
    errorBodies.push(await downResponse.text());
    await down.close();

    // Every record is in the log before it is scanned: the last can be written after its answer was read.
    await settled(app.log, sent);
    const haystack = [...app.log.lines, ...consoleLines, ...errorBodies].join('\n');
    expect(app.log.records().length).toBeGreaterThanOrEqual(20);
    expect(errorBodies.length).toBeGreaterThanOrEqual(9);

    const secret = apiKey.replace(/^clk_test_/, '').split('-')[0] as string;
    const needles = [
      apiKey,
      secret,
      secretKey,
      ...tokens,
      ...tokens.map((value) => value.split('.')[2] as string),
      cookieToken,
      'Zephyrine',
      'Quillfeather',
      'zq@example.org',
      ...DEMO_PATIENTS.flatMap((patient) => [patient.firstName, patient.lastName, patient.email, patient.phone]).filter(
        (value): value is string => Boolean(value),
      ),
    ];
    const found = needles.filter((needle) => haystack.toLowerCase().includes(needle.toLowerCase()));
    expect(found).toEqual([]);
  });
});

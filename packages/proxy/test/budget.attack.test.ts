/**
 * Attack suite, the clinic's upstream budget, against the real emulator (each test its own clinic on the Starter plan:
 * 200 upstream calls a minute for the whole clinic). Two patient accounts try to leave the clinician with 429s — by
 * invalid updates (two upstream calls each, before), by reads and valid updates, by storing megabytes of intakes —
 * and the clinician must keep every call.
 */
import { startEmulator, type RunningEmulator } from '@clinikapi/emulator';
import express, { type Request } from 'express';
import { createServer } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ClinikProxyOptions } from '../src/options.ts';
import { allOf } from '../src/policy/policy.ts';
import { patientCompartment } from '../src/policy/patient-compartment.ts';
import { grants, roles } from '../src/policy/roles.ts';
import type { ProxyUser } from '../src/request-context.ts';
import { clinikProxy } from '../src/clinik-proxy.ts';
import { captureLog, listen, type CapturedLog, type Listening } from './harness.ts';

let emulator: RunningEmulator;
let clinics = 0;

beforeAll(async () => {
  emulator = await startEmulator();
}, 60_000);
afterAll(() => emulator?.stop());

interface Clinic {
  readonly key: string;
  readonly patients: readonly [string, string];
  /** One observation of each patient. */
  readonly observations: readonly [string, string];
}

/** A new organisation on the Starter plan (200 calls a minute), with two patients and an observation each. */
async function newClinic(): Promise<Clinic> {
  clinics += 1;
  const organisationId = `org_budget_${clinics}`;
  await emulator.emulator.admin.ensureOrganisation(organisationId, { name: `Budget clinic ${clinics}`, plan: 'starter' });
  const { key } = await emulator.emulator.admin.createKey({ organisationId, environment: 'test' });
  const create = async (path: string, body: unknown): Promise<string> => {
    const response = await fetch(`${emulator.url}/v1/${path}`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`seeding ${path}: ${response.status}`);
    return ((await response.json()) as { data: { id: string } }).data.id;
  };
  const patients = [
    await create('patients', { firstName: 'Ada', lastName: 'One' }),
    await create('patients', { firstName: 'Bo', lastName: 'Two' }),
  ] as const;
  const observations = [
    await create('observations', { status: 'final', code: 'Heart rate', patientId: patients[0] }),
    await create('observations', { status: 'final', code: 'Heart rate', patientId: patients[1] }),
  ] as const;
  return { key, patients, observations };
}

const policy = roles({
  clinician: '*',
  patient: allOf(
    grants(['*:read', 'observations:update', 'intakes:create']),
    patientCompartment({ patientId: (user) => user.patientId as string }),
  ),
});

interface ProxiedClinic extends Listening {
  readonly log: CapturedLog;
  /** A request as `user` ('clinician', 'patient-0', 'patient-1'). */
  as(user: string, path: string, init?: { method?: string; body?: unknown }): Promise<Response>;
}

const running: Listening[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((app) => app.close()));
});

/**
 * The proxy as an app would mount it: the product's defaults, plus `options`. Built without the test harness's
 * defaults (which turn the per-user limit and body validation off).
 */
async function proxied(clinic: Clinic, options: Partial<ClinikProxyOptions> = {}): Promise<ProxiedClinic> {
  const users: Record<string, ProxyUser> = {
    clinician: { id: 'u-doc', roles: ['clinician'] },
    'patient-0': { id: 'u-pat0', roles: ['patient'], patientId: clinic.patients[0] },
    'patient-1': { id: 'u-pat1', roles: ['patient'], patientId: clinic.patients[1] },
  };
  const log = captureLog();
  const app = express().use(
    '/api/clinik',
    clinikProxy({
      session: (req: Request) => users[req.get('x-user') ?? ''] ?? null,
      policy,
      apiKey: clinic.key,
      upstream: emulator.url,
      logger: log.logger,
      ...options,
    }),
  );
  const listening = await listen(createServer(app));
  running.push(listening);
  return Object.assign(listening, {
    log,
    as: (user: string, path: string, init: { method?: string; body?: unknown } = {}) =>
      fetch(`${listening.url}/api/clinik${path}`, {
        method: init.method ?? 'GET',
        headers: { 'x-user': user, ...(init.body === undefined ? {} : { 'content-type': 'application/json', 'x-csrf': '1' }) },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      }),
  });
}

/**
 * Rounds of attack: in each, both patients send `perRound` requests each (all at once), then the clinician reads a
 * chart once. Answers the clinician's statuses and the patients'.
 */
async function attack(
  app: ProxiedClinic,
  clinic: Clinic,
  rounds: number,
  perRound: number,
  patientRequest: (patient: 0 | 1) => Promise<Response>,
) {
  const clinician: number[] = [];
  const patients: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    const burst = await Promise.all([0, 1].flatMap((patient) => Array.from({ length: perRound }, () => patientRequest(patient as 0 | 1))));
    for (const response of burst) {
      patients.push(response.status);
      await response.body?.cancel();
    }
    const chart = await app.as('clinician', `/observations?patientId=${clinic.patients[round % 2]}`);
    clinician.push(chart.status);
    await chart.body?.cancel();
  }
  return { clinician, patients };
}

const successRate = (statuses: readonly number[]) => statuses.filter((status) => status >= 200 && status < 300).length / statuses.length;

describe('two patients cannot spend the clinic’s upstream budget', () => {
  it('refuses invalid updates before they cost an upstream call: the clinician keeps 100% with the defaults', async () => {
    const clinic = await newClinic();
    const app = await proxied(clinic);
    // 300 invalid PATCHes of their own records: 600 upstream calls before (a check, then the refused write).
    const invalidUpdate = (patient: 0 | 1) =>
      app.as(`patient-${patient}`, `/observations/${clinic.observations[patient]}`, { method: 'PATCH', body: { status: 'not-a-status' } });
    const { clinician, patients } = await attack(app, clinic, 30, 5, invalidUpdate);
    expect(successRate(clinician)).toBe(1);
    expect(new Set(patients)).toEqual(new Set([422]));
    const refused = app.log.records().filter((record) => record.userId?.startsWith('u-pat'));
    expect(refused).toHaveLength(300);
    expect(refused.every((record) => (record.upstream?.status ?? null) === null)).toBe(true);
  }, 60_000);

  it('keeps staff whole against reads and valid updates, with a budget and role shares', async () => {
    const clinic = await newClinic();
    const app = await proxied(clinic, { budget: { perMinute: 200, staffRoles: ['clinician'], shares: { patient: 0.2 } } });
    let write = 0;
    const readOrUpdate = (patient: 0 | 1) => {
      write += 1;
      const path = `/observations/${clinic.observations[patient]}`;
      return write % 3 === 0
        ? app.as(`patient-${patient}`, path, { method: 'PATCH', body: { note: `update ${write}` } })
        : app.as(`patient-${patient}`, path);
    };
    const { clinician, patients } = await attack(app, clinic, 30, 5, readOrUpdate);
    expect(successRate(clinician)).toBe(1);
    // Each patient spent at most their 5% (10 calls a minute); the rest was refused by the proxy, with Retry-After.
    expect(patients.filter((status) => status === 429).length).toBeGreaterThan(250);
    const records = app.log.records().filter((record) => record.userId?.startsWith('u-pat'));
    expect(records.filter((record) => (record.upstream?.status ?? null) !== null).length).toBeLessThanOrEqual(20);
    expect(new Set(records.filter((record) => record.status === 429).map((record) => record.error))).toEqual(
      new Set(['budget:user-share']),
    );
    const refusal = await app.as('patient-0', `/observations/${clinic.observations[0]}`);
    expect(refusal.status).toBe(429);
    expect(Number(refusal.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refusal.json()).toMatchObject({ code: 'RATE_LIMITED', issues: [] });
  }, 60_000);

  it('caps what a patient can store: 40 intakes of 1 MB are refused after 4 MiB, and both charts still load', async () => {
    const clinic = await newClinic();
    const app = await proxied(clinic);
    const intake = {
      patientId: clinic.patients[0],
      items: Array.from({ length: 100 }, (_, i) => ({ linkId: `q${i}`, answer: [{ valueString: 'x'.repeat(10_000) }] })),
    };
    const statuses: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      const response = await app.as('patient-0', '/intakes', { method: 'POST', body: intake });
      statuses.push(response.status);
      await response.body?.cancel();
    }
    expect(statuses.slice(0, 4)).toEqual([201, 201, 201, 201]);
    expect(statuses.slice(4).every((status) => status === 429)).toBe(true);
    expect(
      app.log
        .records()
        .filter((record) => record.status === 429)
        .every((record) => record.error === 'limit:patient-write-bytes'),
    ).toBe(true);
    // The patient's own chart is read whole and checked; it still fits. The clinician pulls 4 MB, not 40.
    expect((await app.as('patient-0', '/intakes')).status).toBe(200);
    const chart = await app.as('clinician', `/intakes?patientId=${clinic.patients[0]}&count=50`);
    expect(chart.status).toBe(200);
    expect((await chart.arrayBuffer()).byteLength).toBeLessThan(4.5 * 1024 * 1024);
  }, 60_000);
});

describe('X-RateLimit headers describe the caller’s own limit', () => {
  it('never the clinic-wide counter', async () => {
    const clinic = await newClinic();
    const app = await proxied(clinic, { rateLimit: { limit: 50 } });
    const direct = await fetch(`${emulator.url}/v1/patients`, { headers: { 'x-api-key': clinic.key } });
    // The upstream says how much of the clinic's minute is left ...
    expect(direct.headers.get('x-ratelimit-limit')).toBe('200');
    await app.as('patient-1', `/observations/${clinic.observations[1]}`);
    const first = await app.as('clinician', '/patients');
    const second = await app.as('clinician', '/patients');
    const patient = await app.as('patient-0', `/observations/${clinic.observations[0]}`);
    // ... the proxy says how much of their own the caller has left, whoever else is calling.
    expect([first.headers.get('x-ratelimit-limit'), first.headers.get('x-ratelimit-remaining')]).toEqual(['50', '49']);
    expect(second.headers.get('x-ratelimit-remaining')).toBe('48');
    expect([patient.headers.get('x-ratelimit-limit'), patient.headers.get('x-ratelimit-remaining')]).toEqual(['50', '49']);
    expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0);
    // An error answer carries the caller's limit too, never the upstream's.
    const missing = await app.as('clinician', '/patients/no-such-patient');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-ratelimit-remaining')).toBe('47');
  }, 30_000);
});

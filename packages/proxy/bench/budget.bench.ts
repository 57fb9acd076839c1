/**
 * `npm run bench -- budget`: the clinician's success rate while two patient accounts attack the clinic's upstream
 * budget, on the real emulator — the Pro plan's 1,000 calls a minute, shared by everyone on the clinic's key.
 *
 * Two attacks, each patient sending 290 requests (under the per-user limit of 300 a minute) while the clinician reads
 * a chart 60 times in between:
 * - `invalid updates`: the issue's attack — PATCHes of their own observation that the upstream refuses, which cost
 *   two upstream calls each (the compartment check, then the refused write);
 * - `valid updates`: the same PATCHes with a valid body, which the upstream takes (and stores).
 * (Reads alone cannot do it: 300 a minute per user, one upstream call each, is 600 of the clinic's 1,000.)
 * Three proxies take each attack: `no limits` (body checks, write caps and the anonymous limit off — the proxy as it
 * was), `defaults`, and `defaults + budget` (`{ perMinute: 1000, staffRoles: ['clinician'], shares: { patient: 0.2 } }`).
 *
 * Every round runs each pair on a clinic of its own (a fresh organisation, so a fresh upstream minute) and a proxy
 * of its own. Reported: the clinician's success rate, median over rounds with its distribution-free interval
 * (median-interval.ts), against the goal of 100%; and how many patient calls reached the upstream.
 */
import { startEmulator, type RunningEmulator } from '@clinikapi/emulator';
import express, { type Request } from 'express';
import { createServer } from 'node:http';
import type { ClinikProxyOptions } from '../src/options.ts';
import { allOf } from '../src/policy/policy.ts';
import { patientCompartment } from '../src/policy/patient-compartment.ts';
import { grants, roles } from '../src/policy/roles.ts';
import type { ProxyUser } from '../src/request-context.ts';
import { clinikProxy } from '../src/clinik-proxy.ts';
import { captureLog, listen } from '../test/harness.ts';
import { median, medianInterval, verdict } from './median-interval.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const PATIENT_REQUESTS = 290;
const CLINICIAN_READS = 60;

const PROXIES: Readonly<Record<string, Partial<ClinikProxyOptions>>> = {
  'no limits': { validateBodies: false, patientWrites: false, anonymousLimit: false },
  defaults: {},
  'defaults + budget': { budget: { perMinute: 1000, staffRoles: ['clinician'], shares: { patient: 0.2 } } },
};

interface Clinic {
  readonly key: string;
  readonly patients: readonly string[];
  readonly observations: readonly string[];
}

type Attack = (
  send: (user: string, path: string, method?: string, body?: unknown) => Promise<number>,
  clinic: Clinic,
  patient: number,
  turn: number,
) => Promise<number>;

const ATTACKS: Readonly<Record<string, Attack>> = {
  'invalid updates': (send, clinic, patient) =>
    send(`patient-${patient}`, `/observations/${clinic.observations[patient]}`, 'PATCH', { status: 'not-a-status' }),
  'valid updates': (send, clinic, patient, turn) =>
    send(`patient-${patient}`, `/observations/${clinic.observations[patient]}`, 'PATCH', { note: `turn ${turn}` }),
};

const policy = roles({
  clinician: '*',
  patient: allOf(grants(['*:read', 'observations:update']), patientCompartment({ patientId: (user) => user.patientId as string })),
});

let clinics = 0;
async function newClinic(emulator: RunningEmulator): Promise<Clinic> {
  clinics += 1;
  const organisationId = `org_bench_${clinics}`;
  await emulator.emulator.admin.ensureOrganisation(organisationId, { name: `Bench clinic ${clinics}`, plan: 'pro' });
  const { key } = await emulator.emulator.admin.createKey({ organisationId, environment: 'test' });
  const create = async (path: string, body: unknown): Promise<string> => {
    const response = await fetch(`${emulator.url}/v1/${path}`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`seeding ${path}: HTTP ${response.status}`);
    return ((await response.json()) as { data: { id: string } }).data.id;
  };
  const patients = [
    await create('patients', { firstName: 'Ada', lastName: 'One' }),
    await create('patients', { firstName: 'Bo', lastName: 'Two' }),
  ];
  const observations = await Promise.all(
    patients.map((patientId) => create('observations', { status: 'final', code: 'Heart rate', patientId })),
  );
  return { key, patients, observations };
}

interface RunResult {
  /** Share of the clinician's reads answered 2xx. */
  readonly clinician: number;
  /** Patient requests that reached the upstream (at least one upstream call). */
  readonly patientUpstream: number;
}

async function run(emulator: RunningEmulator, options: Partial<ClinikProxyOptions>, attack: Attack): Promise<RunResult> {
  const clinic = await newClinic(emulator);
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
  const proxy = await listen(createServer(app));
  const send = async (user: string, path: string, method = 'GET', body?: unknown): Promise<number> => {
    const response = await fetch(`${proxy.url}/api/clinik${path}`, {
      method,
      headers: { 'x-user': user, ...(body === undefined ? {} : { 'content-type': 'application/json', 'x-csrf': '1' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    await response.arrayBuffer();
    return response.status;
  };
  try {
    let answered = 0;
    let turn = 0;
    for (let read = 0; read < CLINICIAN_READS; read += 1) {
      // The patients' requests spread evenly between the clinician's reads, each patient's burst sent at once.
      const burst = Math.floor(((read + 1) * PATIENT_REQUESTS) / CLINICIAN_READS) - Math.floor((read * PATIENT_REQUESTS) / CLINICIAN_READS);
      await Promise.all([0, 1].flatMap((patient) => Array.from({ length: burst }, () => attack(send, clinic, patient, (turn += 1)))));
      const status = await send('clinician', `/observations?patientId=${clinic.patients[read % 2]}`);
      if (status >= 200 && status < 300) answered += 1;
    }
    const patientRecords = log.records().filter((record) => record.userId?.startsWith('u-pat'));
    return {
      clinician: answered / CLINICIAN_READS,
      patientUpstream: patientRecords.filter((record) => (record.upstream?.status ?? null) !== null).length,
    };
  } finally {
    await proxy.close();
  }
}

async function main(): Promise<void> {
  const emulator = await startEmulator();
  try {
    const results = new Map<string, RunResult[]>();
    const pairs = Object.keys(ATTACKS).flatMap((attack) => Object.keys(PROXIES).map((proxy) => ({ attack, proxy })));
    for (let round = 0; round < ROUNDS; round += 1) {
      // A rotating order, so whatever slows the machine down in a round hits every pair alike.
      for (let i = 0; i < pairs.length; i += 1) {
        const { attack, proxy } = pairs[(i + round) % pairs.length] as (typeof pairs)[number];
        const name = `${attack} · ${proxy}`;
        const result = await run(emulator, PROXIES[proxy] as Partial<ClinikProxyOptions>, ATTACKS[attack] as Attack);
        results.set(name, [...(results.get(name) ?? []), result]);
      }
      console.log(
        `round ${round + 1}/${ROUNDS}: ${[...results].map(([name, runs]) => `${name} ${((runs.at(-1) as RunResult).clinician * 100).toFixed(0)}%`).join(' · ')}`,
      );
    }
    const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
    console.log(
      `\nClinician's success rate while two patients send ${PATIENT_REQUESTS} requests each, ${ROUNDS} rounds (Pro plan: 1,000 upstream calls/min per clinic).`,
    );
    const confidence = medianInterval((results.values().next().value as RunResult[]).map((result) => result.clinician)).confidence;
    console.log(`In brackets: the median's distribution-free ${(confidence * 100).toFixed(0)}% interval over the rounds.`);
    for (const [name, runs] of results) {
      const rate = medianInterval(runs.map((result) => result.clinician));
      console.log(
        `${name}: clinician ${percent(rate.median)} (${percent(rate.low)}–${percent(rate.high)}; goal 100%: ${verdict(rate, 1, 'higher')}), ` +
          `patient requests that reached the upstream: ${median(runs.map((result) => result.patientUpstream))} of ${PATIENT_REQUESTS * 2} (median).`,
      );
    }
  } finally {
    await emulator.stop();
  }
}

await main();

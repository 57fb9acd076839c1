/**
 * The demo's ClinikAPI: the emulator on PGlite in `<data dir>/emulator`. The first run creates the clinic's
 * organisation, a test key and the demo patients; the key is kept in `<data dir>/secrets.json`, a server-side file
 * only its owner can read — it never reaches the browser.
 */
import type { ApiResponse, Paginated, PatientSummary } from '@clinikapi/core';
import { DEMO_PATIENTS, startEmulator, type RunningEmulator } from '@clinikapi/emulator';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { makePrivateDir } from './data-dir.ts';
import { PORTAL_ACCOUNTS } from './demo-users.ts';

export const DEMO_ORGANISATION = 'org_demo_clinic';

export interface DemoSecrets {
  /** The ClinikAPI test key the proxy uses. */
  readonly apiKey: string;
  /** Signs the demo's session cookies. */
  readonly cookieSecret: string;
  /** Portal account id → the Patient record it may see. */
  readonly portalPatients: Readonly<Record<string, string>>;
  /** Staff account id → the Practitioner record that stands for them in ClinikAPI. */
  readonly practitioners: Readonly<Record<string, string>>;
  /** Signs the emulator's webhooks to the demo's proxy (live updates). */
  readonly webhookSecret: string;
}

export interface DemoEmulator {
  readonly running: RunningEmulator;
  readonly secrets: DemoSecrets;
  /** True when this start created the data (first run or after --reset). */
  readonly seeded: boolean;
}

const newSecret = (): string => randomBytes(32).toString('base64url');

function writeSecrets(path: string, secrets: DemoSecrets): void {
  writeFileSync(path, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
}

function readSecrets(path: string): DemoSecrets | undefined {
  if (!existsSync(path)) return undefined;
  chmodSync(path, 0o600);
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<DemoSecrets>;
  if (!parsed.apiKey || !parsed.cookieSecret) return undefined;
  const secrets = {
    apiKey: parsed.apiKey,
    cookieSecret: parsed.cookieSecret,
    portalPatients: parsed.portalPatients ?? {},
    practitioners: parsed.practitioners ?? {},
    webhookSecret: parsed.webhookSecret ?? `whsec_${newSecret()}`,
  };
  // Data from before live updates: the webhook secret is added once.
  if (!parsed.webhookSecret) writeSecrets(path, secrets);
  return secrets;
}

type ApiCaller = <T>(method: string, path: string, body?: unknown) => Promise<T>;

function apiCaller(fetch: (request: Request) => Promise<Response>, key: string): ApiCaller {
  return async <T>(method: string, path: string, body?: unknown) => {
    const response = await fetch(
      new Request(`http://emulator.local/v1/${path}`, {
        method,
        headers: { 'x-api-key': key, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
    if (!response.ok) throw new Error(`Seeding ${method} /v1/${path} failed with HTTP ${response.status}`);
    return ((await response.json()) as ApiResponse<T>).data;
  };
}

/**
 * The emulator's demo records are pinned to January 2025 so screenshots stay put; a clinic day also needs what is
 * coming up. A few appointments with Dr. Lin over the next days, at fixed UTC times.
 */
async function seedUpcomingAppointments(
  api: ApiCaller,
  practitionerId: string,
  patients: readonly PatientSummary[],
  today: Date,
): Promise<void> {
  const day = (offset: number, hour: number, minute = 0) => {
    const date = new Date(today);
    date.setUTCDate(date.getUTCDate() + offset);
    date.setUTCHours(hour, minute, 0, 0);
    return date;
  };
  const visits = [
    { lastName: 'Okafor', at: day(1, 9), minutes: 30, type: 'FOLLOWUP', description: 'Blood pressure review' },
    { lastName: 'Hartley', at: day(1, 10), minutes: 45, type: 'ROUTINE', description: 'Annual check-up' },
    { lastName: 'Ruiz', at: day(1, 14, 30), minutes: 15, type: 'FOLLOWUP', description: 'Lab results' },
    { lastName: 'Tanaka', at: day(2, 11), minutes: 30, type: 'CHECKUP', description: 'Diabetes check' },
  ];
  for (const visit of visits) {
    const patient = patients.find((candidate) => candidate.lastName === visit.lastName);
    if (!patient) continue;
    await api('POST', 'appointments', {
      status: 'booked',
      patientId: patient.id,
      practitionerId,
      start: visit.at.toISOString(),
      end: new Date(visit.at.getTime() + visit.minutes * 60_000).toISOString(),
      minutesDuration: visit.minutes,
      appointmentType: visit.type,
      description: visit.description,
    });
  }
}

async function seededPatients(fetch: (request: Request) => Promise<Response>, key: string): Promise<readonly PatientSummary[]> {
  const response = await fetch(new Request('http://emulator.local/v1/patients?count=100', { headers: { 'x-api-key': key } }));
  return ((await response.json()) as ApiResponse<Paginated<PatientSummary>>).data.data;
}

/**
 * Starts (and on first start seeds) the demo's emulator. `today` is the day the upcoming appointments are counted
 * from: the real one, except in tests that pin it beside the browser's clock so the README's screenshots hold still.
 */
export async function startDemoEmulator(dataDir: string, today = new Date()): Promise<DemoEmulator> {
  makePrivateDir(dataDir);
  const secretsPath = join(dataDir, 'secrets.json');
  // Webhooks go to the demo's own server on this machine: loopback is allowed, for this emulator only.
  const running = await startEmulator({
    dataDir: join(dataDir, 'emulator'),
    port: 0,
    databaseUrl: process.env.DATABASE_URL,
    webhooks: { allowLoopback: true },
  });
  try {
    const existing = readSecrets(secretsPath);
    if (existing) return { running, secrets: existing, seeded: false };

    const { admin } = running.emulator;
    await admin.ensureOrganisation(DEMO_ORGANISATION, { name: 'Riverside Family Clinic', plan: 'pro' });
    const { key } = await admin.createKey({ organisationId: DEMO_ORGANISATION, environment: 'test' });
    // Patients with their vitals, conditions, medications, allergies, appointments and immunizations.
    await admin.seedDemoData(DEMO_ORGANISATION, 'test');
    const patients = await seededPatients(running.emulator.fetch, key);
    const portalPatients = Object.fromEntries(
      PORTAL_ACCOUNTS.flatMap((account) => {
        const patient = patients.find((candidate) => candidate.lastName === account.lastName);
        return patient ? [[account.id, patient.id]] : [];
      }),
    );
    const api = apiCaller(running.emulator.fetch, key);
    const graceLin = await api<{ id: string }>('POST', 'practitioners', {
      firstName: 'Grace',
      lastName: 'Lin',
      prefix: ['Dr.'],
      email: 'grace.lin@riverside.example',
    });
    await seedUpcomingAppointments(api, graceLin.id, patients, today);
    const secrets: DemoSecrets = {
      apiKey: key,
      cookieSecret: newSecret(),
      portalPatients,
      practitioners: { user_grace_lin: graceLin.id },
      webhookSecret: `whsec_${newSecret()}`,
    };
    // Written last: a crash mid-seed leaves no secrets file, and the next start seeds again from scratch.
    writeSecrets(secretsPath, secrets);
    return { running, secrets, seeded: true };
  } catch (error) {
    await running.stop();
    throw error;
  }
}

/**
 * Points the clinic's webhook at the demo's proxy, wherever it listens this time: the emulator signs every change with
 * the demo's secret and delivers it to `/api/clinik/webhooks/clinikapi`, which tells each signed-in browser what its
 * role may see. The endpoint of an earlier run (another port) is removed first.
 */
export async function registerDemoWebhook(running: RunningEmulator, secrets: DemoSecrets, proxyUrl: string): Promise<void> {
  const { admin } = running.emulator;
  for (const webhook of await admin.listWebhooks(DEMO_ORGANISATION)) await admin.deleteWebhook(webhook.id);
  await admin.createWebhook({
    organisationId: DEMO_ORGANISATION,
    url: `${proxyUrl}/webhooks/clinikapi`,
    secret: secrets.webhookSecret,
    environment: 'test',
  });
}

export const DEMO_PATIENT_COUNT = DEMO_PATIENTS.length;

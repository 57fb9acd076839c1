/**
 * The demo's ClinikAPI: the emulator on PGlite in `.data/emulator`. The first run creates the clinic's
 * organisation, a test key and the demo patients; the key is kept in `.data/secrets.json`, a server-side file that
 * git ignores — it never reaches the browser.
 */
import type { ApiResponse, Paginated, PatientSummary } from '@clinikapi/core';
import { DEMO_PATIENTS, startEmulator, type RunningEmulator } from '@clinikapi/emulator';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PORTAL_ACCOUNTS } from './demo-users.ts';

export const DEMO_ORGANISATION = 'org_demo_clinic';

export interface DemoSecrets {
  /** The ClinikAPI test key the proxy uses. */
  readonly apiKey: string;
  /** Signs the demo's session cookies. */
  readonly cookieSecret: string;
  /** Portal account id → the Patient record it may see. */
  readonly portalPatients: Readonly<Record<string, string>>;
}

export interface DemoEmulator {
  readonly running: RunningEmulator;
  readonly secrets: DemoSecrets;
  /** True when this start created the data (first run or after --reset). */
  readonly seeded: boolean;
}

function readSecrets(path: string): DemoSecrets | undefined {
  if (!existsSync(path)) return undefined;
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<DemoSecrets>;
  return parsed.apiKey && parsed.cookieSecret
    ? { apiKey: parsed.apiKey, cookieSecret: parsed.cookieSecret, portalPatients: parsed.portalPatients ?? {} }
    : undefined;
}

async function seededPatients(fetch: (request: Request) => Promise<Response>, key: string): Promise<readonly PatientSummary[]> {
  const response = await fetch(new Request('http://emulator.local/v1/patients?count=100', { headers: { 'x-api-key': key } }));
  return ((await response.json()) as ApiResponse<Paginated<PatientSummary>>).data.data;
}

export async function startDemoEmulator(dataDir: string, port = 0): Promise<DemoEmulator> {
  mkdirSync(dataDir, { recursive: true });
  const secretsPath = join(dataDir, 'secrets.json');
  const running = await startEmulator({ dataDir: join(dataDir, 'emulator'), port, databaseUrl: process.env.DATABASE_URL });
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
    const secrets: DemoSecrets = { apiKey: key, cookieSecret: randomBytes(32).toString('base64url'), portalPatients };
    // Written last: a crash mid-seed leaves no secrets file, and the next start seeds again from scratch.
    writeFileSync(secretsPath, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
    return { running, secrets, seeded: true };
  } catch (error) {
    await running.stop();
    throw error;
  }
}

export const DEMO_PATIENT_COUNT = DEMO_PATIENTS.length;

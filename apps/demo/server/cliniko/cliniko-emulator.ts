/**
 * The demo's Cliniko: one shard (`au1`) of the Cliniko emulator on PGlite in `<data dir>/cliniko-emulator`. The first
 * run seeds the demo clinic (Harbourside Allied Health), adds the two portal patients, and makes a key for the
 * clinic's integration user; the key stays in `<data dir>/cliniko-secrets.json` (0600) and never reaches the browser.
 * Double bookings are refused, as a clinic that wants online booking would set it: a lost race is a 422 to show.
 */
import { startClinikoEmulator, type RunningClinikoEmulator } from '@clinikapi/emulator';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { makePrivateDir } from '../data-dir.ts';
import { PORTAL_ACCOUNTS } from '../demo-users.ts';

export const CLINIKO_SHARD = 'au1';
/** What the proxy tells Cliniko it is (Cliniko requires a name and a contact). */
export const CLINIKO_USER_AGENT = 'ClinikAPI demo (dev@clinikapi.local)';

export interface ClinikoDemoSecrets {
  /** The Cliniko key (ends `-au1`) the proxy uses. */
  readonly apiKey: string;
  readonly cookieSecret: string;
  /** Portal account id → their Cliniko patient id. */
  readonly portalPatients: Readonly<Record<string, string>>;
  readonly practitioners: Readonly<Record<string, string>>;
}

export interface ClinikoDemoEmulator {
  readonly running: RunningClinikoEmulator;
  readonly secrets: ClinikoDemoSecrets;
  readonly seeded: boolean;
}

export const CLINIKO_SECRETS_FILE = 'cliniko-secrets.json';

function readSecrets(path: string): ClinikoDemoSecrets | undefined {
  if (!existsSync(path)) return undefined;
  chmodSync(path, 0o600);
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<ClinikoDemoSecrets>;
  return parsed.apiKey && parsed.cookieSecret
    ? { apiKey: parsed.apiKey, cookieSecret: parsed.cookieSecret, portalPatients: parsed.portalPatients ?? {}, practitioners: {} }
    : undefined;
}

/** Creates a patient through the shard's API, as the clinic's own software would. */
async function createPatient(running: RunningClinikoEmulator, key: string, firstName: string, lastName: string): Promise<string> {
  const response = await running.emulator.fetch(
    new Request(`${running.baseUrl}/patients`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`,
        'user-agent': CLINIKO_USER_AGENT,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ first_name: firstName, last_name: lastName, email: `${firstName}.${lastName}@example.com`.toLowerCase() }),
    }),
  );
  if (!response.ok) throw new Error(`Seeding a Cliniko patient failed with HTTP ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

export async function startDemoCliniko(dataDir: string): Promise<ClinikoDemoEmulator> {
  makePrivateDir(dataDir);
  const secretsPath = join(dataDir, CLINIKO_SECRETS_FILE);
  const running = await startClinikoEmulator({
    shard: CLINIKO_SHARD,
    dataDir: join(dataDir, 'cliniko-emulator'),
    databaseUrl: process.env.DATABASE_URL,
    behaviour: { doubleBooking: 'refuse' },
  });
  try {
    const existing = readSecrets(secretsPath);
    if (existing) return { running, secrets: existing, seeded: false };
    const clinic = await running.emulator.admin.seed();
    const { key } = await running.emulator.admin.createKey({ userId: clinic.userIds.administrator });
    const portalPatients: Record<string, string> = {};
    for (const account of PORTAL_ACCOUNTS) {
      const [firstName = account.name, lastName = account.lastName] = account.name.split(' ');
      portalPatients[account.id] = await createPatient(running, key, firstName, lastName);
    }
    const secrets: ClinikoDemoSecrets = {
      apiKey: key,
      cookieSecret: randomBytes(32).toString('base64url'),
      portalPatients,
      practitioners: {},
    };
    // Written last: a crash mid-seed leaves no secrets file, and the next start seeds again.
    writeFileSync(secretsPath, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
    return { running, secrets, seeded: true };
  } catch (error) {
    await running.stop();
    throw error;
  }
}

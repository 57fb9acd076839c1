/** Reading and writing the test emulator directly, the way a second user would: to seed records and check results. */
import type { BrowserEmulator } from '@clinikapi/emulator/browser';
import { TEST_PROXY_URL } from './msw-server.ts';

async function call<T>(emulator: BrowserEmulator, method: string, path: string, body?: unknown): Promise<T> {
  const response = await emulator.handleProxyRequest(
    new Request(`http://localhost${TEST_PROXY_URL}/${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
    TEST_PROXY_URL,
  );
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { data: T }).data;
}

/** The id of the seeded patient with this family name. */
export async function patientIdOf(emulator: BrowserEmulator, lastName: string): Promise<string> {
  const page = await call<{ data: { id: string; lastName: string }[] }>(emulator, 'GET', `patients?name=${encodeURIComponent(lastName)}`);
  const match = page.data.find((patient) => patient.lastName === lastName);
  if (!match) throw new Error(`No seeded patient ${lastName}`);
  return match.id;
}

/** Creates a record through the API, as another client would. */
export function createRecord<T = { id: string }>(emulator: BrowserEmulator, path: string, body: unknown): Promise<T> {
  return call<T>(emulator, 'POST', path, body);
}

/** Every record of `path` for a patient. */
export async function recordsOf<T>(emulator: BrowserEmulator, path: string, patientId: string): Promise<T[]> {
  return (await call<{ data: T[] }>(emulator, 'GET', `${path}?patientId=${encodeURIComponent(patientId)}&count=100`)).data;
}

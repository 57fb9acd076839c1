/**
 * The Cliniko emulator in the browser: the memory store answers exactly what PGlite does, racing bookings are
 * serialised per practitioner as the advisory lock serialises them, and the proxy's steps (links on the mount, the
 * error envelope, Retry-After) are applied as `upstreams.cliniko()` applies them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBrowserClinikoEmulator, createClinikoMemoryStore, type BrowserClinikoEmulator } from '../../src/browser.ts';
import { clinikoClient, PINNED_NOW, startSeeded, type Seeded } from './helpers.ts';

const MOUNT = '/api/cliniko';

let onPglite: Seeded;
let inMemory: BrowserClinikoEmulator;

beforeAll(async () => {
  [onPglite, inMemory] = await Promise.all([startSeeded({ shard: 'au1' }), createBrowserClinikoEmulator({ now: () => PINNED_NOW })]);
}, 90_000);

afterAll(async () => {
  await onPglite?.stop();
});

/** A call through the browser emulator's stand-in proxy. */
async function viaMount(path: string, init: RequestInit = {}): Promise<Response> {
  const headers: Record<string, string> = init.body === undefined ? {} : { 'content-type': 'application/json' };
  return inMemory.handleProxyRequest(new Request(`http://localhost${MOUNT}${path}`, { ...init, headers }), MOUNT);
}

const PATHS = [
  '/patients?per_page=100&sort=last_name,first_name',
  '/businesses',
  '/practitioners',
  '/appointment_types',
  '/individual_appointments?per_page=100',
  '/medical_alerts',
  '/settings/public',
];

describe('the Cliniko emulator on the memory store', () => {
  it.each(PATHS)('answers %s as it does on PGlite, links on the mount instead of the shard', async (path) => {
    const direct = clinikoClient(onPglite.baseUrl, onPglite.seeded.key);
    const expected: unknown = JSON.parse(JSON.stringify(await direct.json(path)).replaceAll(onPglite.baseUrl, MOUNT));
    const response = await viaMount(path);
    expect(response.status).toBe(200);
    // Compared as values: jsonb orders an object's keys its own way, which no client may depend on.
    expect(await response.json()).toEqual(expected);
  });

  it('keeps 18-digit ids as strings, and pages by following links.next through the mount', async () => {
    const ids: string[] = [];
    let next: string | undefined = '/patients?per_page=50';
    let pages = 0;
    while (next) {
      const page = (await (await viaMount(next.replace(MOUNT, ''))).json()) as { patients: { id: string }[]; links: { next?: string } };
      ids.push(...page.patients.map((patient) => patient.id));
      next = page.links.next;
      if (next) expect(next.startsWith(`${MOUNT}/patients?`)).toBe(true);
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(ids).toHaveLength(117);
    const long = ids.filter((id) => id.length === 18);
    expect(long.length).toBeGreaterThan(90);
    // Larger than 2^53: a number would have changed it.
    for (const id of long) expect(BigInt(id) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
  });

  it('answers a created record with its Location on the mount', async () => {
    const response = await viaMount('/patients', { method: 'POST', body: JSON.stringify({ first_name: 'Ada', last_name: 'Park' }) });
    expect(response.status).toBe(201);
    const patient = (await response.json()) as { id: string; links: { self: string } };
    expect(patient.links.self).toBe(`${MOUNT}/patients/${patient.id}`);
    expect(response.headers.get('location')).toBe(`${MOUNT}/patients/${patient.id}`);
  });
});

describe('errors, as the proxy sends them', () => {
  it('turns a 422 into the envelope with Cliniko’s field errors as issues', async () => {
    const response = await viaMount('/patients', { method: 'POST', body: JSON.stringify({ first_name: 'Ada' }) });
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: 'Validation Error',
      code: 'VALIDATION_ERROR',
      requestId: expect.stringMatching(/^req_/),
      issues: [{ severity: 'error', code: 'invalid', diagnostics: 'last_name: can’t be blank', path: 'last_name' }],
    });
  });

  it('answers 404 in the envelope and 429 with the seconds until Cliniko’s reset', async () => {
    const missing = await viaMount('/patients/836447129235889999');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'NOT_FOUND', issues: [] });

    inMemory.emulator.forceRateLimit();
    const limited = await viaMount('/patients');
    expect(limited.status).toBe(429);
    expect((await limited.json()) as unknown).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
  });
});

describe('racing bookings in memory', () => {
  it('runs the work of one lock name one at a time, others alongside, and a failure does not hold the lock', async () => {
    const store = createClinikoMemoryStore();
    const log: string[] = [];
    const slow =
      (name: string, fail = false) =>
      async () => {
        log.push(`${name} start`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        log.push(`${name} end`);
        if (fail) throw new Error(name);
      };
    const first = store.exclusive('practitioner:1', slow('first', true));
    const second = store.exclusive('practitioner:1', slow('second'));
    const other = store.exclusive('practitioner:2', slow('other'));
    await Promise.allSettled([first, second, other]);
    await expect(first).rejects.toThrow('first');
    expect(log.indexOf('second start')).toBeGreaterThan(log.indexOf('first end'));
    expect(log.indexOf('other start')).toBeLessThan(log.indexOf('first end'));
  });

  it('lets exactly one of eight win when double bookings are refused', async () => {
    const refusing = await createBrowserClinikoEmulator({ now: () => PINNED_NOW, behaviour: { doubleBooking: 'refuse' } });
    const call = (path: string, init: RequestInit = {}) =>
      refusing.handleProxyRequest(
        new Request(`http://localhost${MOUNT}${path}`, { ...init, headers: { 'content-type': 'application/json' } }),
        MOUNT,
      );
    const patients = ((await (await call('/patients?per_page=8')).json()) as { patients: { id: string }[] }).patients;
    const { businessIds, practitionerIds, appointmentTypeIds } = refusing.seeded;
    const responses = await Promise.all(
      patients.map((patient) =>
        call('/individual_appointments', {
          method: 'POST',
          body: JSON.stringify({
            starts_at: '2025-03-13T05:00:00Z',
            patient_id: patient.id,
            practitioner_id: practitionerIds[0],
            appointment_type_id: appointmentTypeIds[1],
            business_id: businessIds[0],
          }),
        }),
      ),
    );
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 422)).toHaveLength(7);
    const loser = (await (responses.find((response) => response.status === 422) as Response).json()) as { issues: { path: string }[] };
    expect(loser.issues.map((issue) => issue.path)).toEqual(['starts_at']);
  });
});

/** Shared set-up for the Cliniko emulator tests: a seeded instance on a pinned clock, and a Cliniko-style client. */
import { startClinikoEmulator, type RunningClinikoEmulator, type StartClinikoEmulatorOptions } from '../../src/cliniko/node/server.ts';

/** Thursday 6 March 2025, 09:00 in Melbourne (AEDT, UTC+11): the clinic's day has just begun. */
export const PINNED_NOW = Date.parse('2025-03-05T22:00:00Z');

export const USER_AGENT = 'Emulator tests (tests@example.com)';

/** A clock tests can move. */
export function testClock(start = PINNED_NOW): { now: () => number; set(ms: number): void; advance(ms: number): void } {
  let current = start;
  return {
    now: () => current,
    set: (ms) => {
      current = ms;
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

export type Seeded = RunningClinikoEmulator & { readonly seeded: NonNullable<RunningClinikoEmulator['seeded']> };

/** A seeded instance (PGlite in memory unless told otherwise) on the pinned clock. */
export async function startSeeded(options: Partial<StartClinikoEmulatorOptions> = {}): Promise<Seeded> {
  return (await startClinikoEmulator({ shard: 'au2', now: () => PINNED_NOW, seed: true, ...options })) as Seeded;
}

export const basic = (key: string): string => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

export interface ClinikoClient {
  (path: string, init?: RequestInit): Promise<Response>;
  json<T = Record<string, unknown>>(path: string, init?: RequestInit): Promise<T>;
}

/**
 * Calls `base` (e.g. `http://127.0.0.1:4020/v1`) the way a well-behaved integration does: Basic auth and a
 * User-Agent. An absolute URL (a link the API gave) is followed as it is.
 */
export function clinikoClient(base: string, key: string): ClinikoClient {
  const call = (path: string, init: RequestInit = {}) =>
    fetch(/^https?:/.test(path) ? path : `${base}${path}`, {
      ...init,
      headers: {
        authorization: basic(key),
        'user-agent': USER_AGENT,
        accept: 'application/json',
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(init.headers as Record<string, string> | undefined),
      },
    });
  return Object.assign(call, {
    async json<T>(path: string, init?: RequestInit): Promise<T> {
      const response = await call(path, init);
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
  });
}

/** The id at the end of a Cliniko link. */
export const idOfLink = (link: { links: { self: string } }): string => link.links.self.split('/').pop() as string;

export interface ListPage {
  readonly total_entries: number;
  readonly links: { readonly self: string; readonly next?: string; readonly previous?: string };
  readonly [plural: string]: unknown;
}

/** Every page of a list, following the absolute `links.next` the API gives. */
export async function allPages<T>(client: ClinikoClient, path: string, plural: string): Promise<{ items: T[]; pages: ListPage[] }> {
  const items: T[] = [];
  const pages: ListPage[] = [];
  for (let next: string | undefined = path; next;) {
    const page: ListPage = await client.json<ListPage>(next);
    items.push(...(page[plural] as T[]));
    pages.push(page);
    next = page.links.next;
  }
  return { items, pages };
}

/** Books `count` appointments for one slot at once, each for another patient; answers their responses. */
export async function race(
  running: Seeded,
  client: ClinikoClient,
  startsAt: string,
  count: number,
  practitioner = running.seeded.practitionerIds[0],
): Promise<Response[]> {
  const patients = (await client.json<{ patients: { id: string }[] }>(`/patients?per_page=${count}`)).patients;
  return Promise.all(
    patients.map((patient) =>
      client('/individual_appointments', {
        method: 'POST',
        body: JSON.stringify({
          starts_at: startsAt,
          patient_id: patient.id,
          practitioner_id: practitioner,
          appointment_type_id: running.seeded.appointmentTypeIds[1],
          business_id: running.seeded.businessIds[0],
        }),
      }),
    ),
  );
}

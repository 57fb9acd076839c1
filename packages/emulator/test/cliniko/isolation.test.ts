/**
 * Every route of the API, generated from the router itself (so a route added later is covered too): each refuses
 * a request without a key, and a key of another shard, exactly like an unknown key; and a key of another account on
 * the same shard never reads, changes or even sees one record of the first account.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v1Routes } from '../../src/cliniko/http/app.ts';
import type { ClinikoSeedSummary } from '../../src/cliniko/seed/clinic.ts';
import { basic, clinikoClient, startSeeded, USER_AGENT, type ClinikoClient, type ListPage, type Seeded } from './helpers.ts';

let running: Seeded;
let owner: ClinikoClient;
let stranger: ClinikoClient;
let strangerKey: string;
/** Path parameter → an id of the first account's records. */
let params: Record<string, string>;
/** Every id of the first account's records. */
let ownIds: string[];

const ROUTES = v1Routes()
  .routes.filter((route) => route.method !== 'ALL')
  .map((route) => ({ method: route.method, path: route.path }));

beforeAll(async () => {
  running = await startSeeded();
  owner = clinikoClient(running.baseUrl, running.seeded.key);
  const other: ClinikoSeedSummary = await running.emulator.admin.seed();
  strangerKey = (await running.emulator.admin.createKey({ userId: other.userIds.administrator })).key;
  stranger = clinikoClient(running.baseUrl, strangerKey);
  const first = async (path: string, plural: string) => ((await owner.json<ListPage>(path))[plural] as { id: string }[])[0]?.id as string;
  params = {
    business_id: running.seeded.businessIds[0] as string,
    practitioner_id: running.seeded.practitionerIds[0] as string,
    appointment_type_id: running.seeded.appointmentTypeIds[1] as string,
  };
  const idsFor: Record<string, string> = {
    users: running.seeded.userIds.administrator,
    businesses: params.business_id as string,
    practitioners: params.practitioner_id as string,
    appointment_types: params.appointment_type_id as string,
    patients: await first('/patients', 'patients'),
    medical_alerts: await first('/medical_alerts', 'medical_alerts'),
    individual_appointments: await first('/individual_appointments', 'individual_appointments'),
    appointments: await first('/individual_appointments', 'individual_appointments'),
    daily_availabilities: await first('/daily_availabilities', 'daily_availabilities'),
    unavailable_blocks: await first('/unavailable_blocks', 'unavailable_blocks'),
  };
  params = { ...params, ...idsFor };
  ownIds = [];
  for (const [path, plural] of [
    ['/patients?q[]=archived_at:*&per_page=100', 'patients'],
    ['/patients?q[]=archived_at:*&per_page=100&page=2', 'patients'],
    ['/individual_appointments?q[]=archived_at:*&q[]=cancelled_at:*&per_page=100', 'individual_appointments'],
    ['/medical_alerts', 'medical_alerts'],
    ['/practitioners', 'practitioners'],
    ['/practitioners/inactive', 'practitioners'],
    ['/businesses', 'businesses'],
    ['/users', 'users'],
  ] as const) {
    ownIds.push(...((await owner.json<ListPage>(path))[plural] as { id: string }[]).map((record) => record.id));
  }
}, 90_000);

afterAll(() => running?.stop());

/** A concrete path for a route: `:id` is the id of the collection it follows, named params their own. */
function concrete(path: string): string {
  return path.replace(
    /\/([a-z_]+)\/:([a-z_]+)/g,
    (_match, collection: string, param: string) => `/${collection}/${params[param === 'id' ? collection : param]}`,
  );
}

const bodyFor = (method: string): RequestInit =>
  method === 'GET' ? {} : { body: JSON.stringify({ name: 'x', first_name: 'x', last_name: 'x', cancellation_reason: 50 }) };

describe('every route', () => {
  it('has routes to check', () => {
    expect(ROUTES.length).toBeGreaterThan(60);
    expect(ROUTES.map((route) => concrete(route.path)).every((path) => !path.includes(':') && !path.includes('undefined'))).toBe(true);
  });

  it.each(ROUTES)('$method $path refuses no key, another shard’s key and no User-Agent', async ({ method, path }) => {
    const url = `${running.baseUrl}${concrete(path)}`;
    const key = running.seeded.key;
    for (const authorization of [undefined, basic(`${key.slice(0, key.lastIndexOf('-'))}-uk1`)]) {
      const response = await fetch(url, { method, headers: { 'user-agent': USER_AGENT, ...(authorization ? { authorization } : {}) } });
      expect([response.status, await response.text()]).toEqual([401, 'HTTP Basic: Access denied.\n']);
    }
    const noAgent = await fetch(url, { method, headers: { authorization: basic(key), 'user-agent': '' } });
    expect(noAgent.status).toBe(403);
  });

  it.each(ROUTES)('$method $path never shows or touches another account’s records', async ({ method, path }) => {
    const before = method === 'GET' ? undefined : await owner(concrete(path).replace(/\/(archive|unarchive|cancel)$/, ''));
    const response = await stranger(concrete(path), { method, ...bodyFor(method) });
    const text = await response.text();
    if (/:/.test(path)) {
      expect(response.status).toBe(404);
    } else if (method === 'GET') {
      expect(response.status).toBe(200);
      for (const id of ownIds) expect(text).not.toContain(`/${id}"`);
    }
    if (before) {
      const after = await owner(concrete(path).replace(/\/(archive|unarchive|cancel)$/, ''));
      expect(await after.text()).toBe(await before.text());
    }
  });
});

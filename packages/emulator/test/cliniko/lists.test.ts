/**
 * Lists as Cliniko serves them: paging by following absolute links, `q[]` for each type and operator (checked
 * against the full list as an oracle), bad conditions refused in Cliniko's error shape, `sort`/`order`, and string
 * ids — 18 digits included — end to end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClinikoEmulator } from '../../src/cliniko/emulator.ts';
import { allPages, basic, clinikoClient, startSeeded, USER_AGENT, type ClinikoClient, type ListPage, type Seeded } from './helpers.ts';

interface Patient {
  id: string;
  first_name: string;
  last_name: string;
  email: string;
  date_of_birth: string;
  created_at: string;
  archived_at: string | null;
  links: { self: string };
}

let running: Seeded;
let client: ClinikoClient;
/** Every patient, archived ones included: the oracle the filters are checked against. */
let everyone: Patient[];

beforeAll(async () => {
  running = await startSeeded();
  client = clinikoClient(running.baseUrl, running.seeded.key);
  everyone = (await allPages<Patient>(client, '/patients?per_page=100&q[]=archived_at:*', 'patients')).items;
}, 60_000);

afterAll(() => running?.stop());

const q = (...conditions: string[]): string => conditions.map((condition) => `q[]=${encodeURIComponent(condition)}`).join('&');
const ids = (patients: readonly Patient[]): string[] => patients.map((patient) => patient.id).sort();
const active = (): Patient[] => everyone.filter((patient) => patient.archived_at === null);

async function filtered(...conditions: string[]): Promise<Patient[]> {
  return (await allPages<Patient>(client, `/patients?per_page=100&${q(...conditions)}`, 'patients')).items;
}

describe('paging', () => {
  it('walks every page by its next links, with absolute links on this host that keep the query', async () => {
    const { items, pages } = await allPages<Patient>(client, `/patients?${q('archived_at:*')}&per_page=50`, 'patients');
    expect(pages).toHaveLength(3);
    expect(pages.map((page) => page.total_entries)).toEqual([120, 120, 120]);
    expect(new Set(items.map((patient) => patient.id)).size).toBe(120);
    const [first, second, last] = pages as [ListPage, ListPage, ListPage];
    expect(first.links.self).toBe(`${running.baseUrl}/patients?q%5B%5D=archived_at%3A*&per_page=50&page=1`);
    expect(second.links).toEqual({
      self: `${running.baseUrl}/patients?q%5B%5D=archived_at%3A*&per_page=50&page=2`,
      next: `${running.baseUrl}/patients?q%5B%5D=archived_at%3A*&per_page=50&page=3`,
      previous: `${running.baseUrl}/patients?q%5B%5D=archived_at%3A*&per_page=50&page=1`,
    });
    expect(first.links.previous).toBeUndefined();
    expect(last.links.next).toBeUndefined();
    expect(last.patients).toHaveLength(20);
  });

  it('defaults to 50 a page, reads more than 100 as 100, and answers an empty page past the end', async () => {
    const byDefault = await client.json<ListPage>('/patients');
    expect([(byDefault.patients as unknown[]).length, byDefault.total_entries]).toEqual([50, 117]);
    expect(byDefault.links.next).toBe(`${running.baseUrl}/patients?page=2`);
    const clamped = await client.json<ListPage>('/patients?per_page=500');
    expect((clamped.patients as unknown[]).length).toBe(100);
    expect(clamped.links.next).toBe(`${running.baseUrl}/patients?per_page=100&page=2`);
    const past = await client.json<ListPage>('/patients?page=9');
    expect([past.patients, past.total_entries, past.links.next, past.links.previous]).toEqual([
      [],
      117,
      undefined,
      `${running.baseUrl}/patients?page=8`,
    ]);
  });

  it('refuses a page or per_page that is not a whole number from 1', async () => {
    for (const query of ['page=0', 'page=two', 'per_page=0', 'per_page=-5', 'page=1.5']) {
      const response = await client(`/patients?${query}`);
      expect(response.status, query).toBe(400);
      expect(Object.keys(((await response.json()) as { errors: object }).errors)).toEqual([query.split('=')[0]]);
    }
  });

  it('keeps ids as strings, 18-digit ones included, so they survive JSON.parse', async () => {
    const long = everyone.filter((patient) => patient.id.length === 18);
    const short = everyone.filter((patient) => patient.id.length < 18);
    expect([long.length, short.length]).toEqual([100, 20]);
    const raw = await (await client(`/patients/${(long[0] as Patient).id}`)).text();
    expect(raw).toContain(`"id":"${(long[0] as Patient).id}"`);
    expect(BigInt((long[0] as Patient).id)).toBeGreaterThan(BigInt(Number.MAX_SAFE_INTEGER));
    const appointment = await client.json<{ individual_appointments: { patient: { links: { self: string } } }[] }>(
      '/individual_appointments?per_page=1',
    );
    expect(appointment.individual_appointments[0]?.patient.links.self).toMatch(new RegExp(`^${running.baseUrl}/patients/\\d+$`));
  });
});

describe('q[] filters', () => {
  it('filters strings: = exact, != , ~ contains and ~~ with % wildcards (both ignoring case), ? and !?', async () => {
    expect(ids(await filtered('last_name:=Smith'))).toEqual(ids(active().filter((p) => p.last_name === 'Smith')));
    expect(ids(await filtered('last_name:=smith'))).toEqual([]);
    expect(ids(await filtered('last_name:!=Smith'))).toEqual(ids(active().filter((p) => p.last_name !== 'Smith')));
    const smiths = active().filter((p) => p.last_name.toLowerCase().includes('smith'));
    expect(new Set(smiths.map((p) => p.last_name))).toEqual(new Set(['Smith', 'Smithson', 'Smithers']));
    expect(ids(await filtered('last_name:~SMITH'))).toEqual(ids(smiths));
    expect(ids(await filtered('last_name:~~%son'))).toEqual(ids(active().filter((p) => p.last_name.endsWith('son'))));
    expect(ids(await filtered('last_name:~~sm%h%s'))).toEqual(ids(active().filter((p) => /^sm.*h.*s$/i.test(p.last_name))));
    expect(ids(await filtered('last_name:~son', 'first_name:~a'))).toEqual(
      ids(active().filter((p) => p.last_name.includes('son') && p.first_name.toLowerCase().includes('a'))),
    );
    expect(await filtered('email:!?')).toEqual([]);
    expect(ids(await filtered('old_reference_id:!?'))).toEqual(ids(active()));
    expect(ids(await filtered('email:?'))).toEqual(ids(active()));
  });

  it('filters dates with comparisons and per-character wildcards', async () => {
    const may = active().filter((p) => p.date_of_birth.slice(5, 7) === '05');
    expect(may.length).toBeGreaterThan(0);
    expect(ids(await filtered('date_of_birth:=****-05-**'))).toEqual(ids(may));
    expect(ids(await filtered('date_of_birth:<1960-01-01'))).toEqual(ids(active().filter((p) => p.date_of_birth < '1960-01-01')));
    expect(ids(await filtered('date_of_birth:>=1990-06-15', 'date_of_birth:<=1999-12-31'))).toEqual(
      ids(active().filter((p) => p.date_of_birth >= '1990-06-15' && p.date_of_birth <= '1999-12-31')),
    );
    const one = active()[7] as Patient;
    expect(ids(await filtered(`date_of_birth:=${one.date_of_birth}`))).toEqual(
      ids(active().filter((p) => p.date_of_birth === one.date_of_birth)),
    );
  });

  it('filters date-times with > >= < <= (UTC), and * brings archived records back', async () => {
    const pivot = (active()[30] as Patient).created_at;
    expect(ids(await filtered(`created_at:>${pivot}`))).toEqual(ids(active().filter((p) => p.created_at > pivot)));
    expect(ids(await filtered(`created_at:<=${pivot}`))).toEqual(ids(active().filter((p) => p.created_at <= pivot)));
    // The same instant written with an offset.
    const local = new Date(Date.parse(pivot) + 11 * 3_600_000).toISOString().slice(0, 19) + '+11:00';
    expect(ids(await filtered(`created_at:>=${local}`))).toEqual(ids(active().filter((p) => p.created_at >= pivot)));
    expect(await filtered('archived_at:*')).toHaveLength(120);
    expect(ids(await filtered('archived_at:?'))).toEqual(ids(everyone.filter((p) => p.archived_at !== null)));
  });

  it('filters integers: = with a comma list, != and comparisons, compared as 64-bit numbers', async () => {
    const [a, b, c] = [everyone[3], everyone[50], everyone[110]] as [Patient, Patient, Patient];
    expect(ids(await filtered(`id:=${a.id},${b.id},${c.id}`))).toEqual(ids([a, b, c]));
    expect(await filtered(`id:!=${a.id}`)).toHaveLength(116);
    // 18-digit ids sort after short ones as numbers, not as text.
    const short = active().filter((p) => p.id.length < 18);
    expect(ids(await filtered('id:<836447129235883061'))).toEqual(ids(short));
  });

  it('filters booleans, on appointments', async () => {
    const all = await client.json<ListPage>('/individual_appointments?per_page=100');
    const none = await client.json<ListPage>(`/individual_appointments?${q('did_not_arrive:=true')}`);
    const arrived = await client.json<ListPage>(`/individual_appointments?per_page=100&${q('did_not_arrive:!=true')}`);
    expect([none.total_entries, arrived.total_entries]).toEqual([0, all.total_entries]);
  });

  it('takes a single q= as the older docs do', async () => {
    expect(ids((await client.json<{ patients: Patient[] }>('/patients?per_page=100&q=last_name:%3DSmith')).patients)).toEqual(
      ids(active().filter((p) => p.last_name === 'Smith')),
    );
  });

  it.each([
    ['an unknown field', 'nickname:=Bo', 'nickname', 'is not a field you can filter on here'],
    ['an operator the type does not have', 'first_name:>A', 'first_name', 'takes one of the operators = != ~ ~~ ? !?'],
    ['= on a date-time', 'created_at:=2025-01-01T00:00:00Z', 'created_at', 'takes one of the operators >= > <= < ? !? *'],
    ['a date-time without a zone', 'created_at:>2025-01-01', 'created_at', 'must be a UTC date-time (YYYY-MM-DDTHH:MM:SSZ)'],
    ['a wildcard in a comparison', 'date_of_birth:>****-05-01', 'date_of_birth', 'must be a date (YYYY-MM-DD)'],
    ['a word for an integer', 'id:=seven', 'id', 'must be an integer'],
    ['no operator', 'last_name', 'last_name', 'must look like field:OPERATORvalue'],
    ['a missing value', 'last_name:=', 'last_name', 'needs a value'],
    ['a value after ?', 'email:?x', 'email', 'takes no value after this operator'],
    ['something that is not a field name', 'John Smith:=x', 'q', 'is not a field you can filter on here'],
  ])('refuses %s with a 400 naming the field, never the value', async (_label, condition, key, problem) => {
    const response = await client(`/patients?${q(condition)}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ message: 'Bad Request', errors: { [key]: problem } });
    expect(text).not.toContain('Smith');
  });

  it('ignores bad conditions instead when filters are lenient', async () => {
    const lenient = createClinikoEmulator({
      store: running.emulator.store,
      shard: 'au2',
      now: () => running.emulator.now(),
      behaviour: { strictFilters: false },
    });
    const response = await lenient.fetch(
      new Request(`${running.baseUrl}/patients?${q('nickname:=Bo', 'last_name:=Smith')}&per_page=100`, {
        headers: { authorization: basic(running.seeded.key), 'user-agent': USER_AGENT },
      }),
    );
    expect(ids(((await response.json()) as { patients: Patient[] }).patients)).toEqual(
      ids(active().filter((p) => p.last_name === 'Smith')),
    );
  });
});

describe('sort and order', () => {
  const names = (patients: readonly Patient[]) => patients.map((patient) => `${patient.last_name}, ${patient.first_name}`);
  const collator = new Intl.Collator('en');

  it('orders by created_at ascending by default, and order=desc flips it', async () => {
    const ascending = (await filtered()).map((patient) => patient.created_at);
    expect(ascending).toEqual([...ascending].sort());
    const descending = (await allPages<Patient>(client, '/patients?per_page=100&order=desc', 'patients')).items.map(
      (patient) => patient.created_at,
    );
    expect(descending).toEqual([...ascending].reverse());
  });

  it('sorts by several columns, each optionally flipped', async () => {
    const sorted = (await allPages<Patient>(client, '/patients?per_page=100&sort=last_name,first_name:desc', 'patients')).items;
    const expected = [...active()].sort(
      (a, b) =>
        collator.compare(a.last_name, b.last_name) || collator.compare(b.first_name, a.first_name) || Number(BigInt(a.id) - BigInt(b.id)),
    );
    expect(names(sorted)).toEqual(names(expected));
    const byBirth = (await allPages<Patient>(client, '/patients?per_page=100&sort=date_of_birth&order=desc', 'patients')).items;
    expect(byBirth.map((p) => p.date_of_birth)).toEqual(
      active()
        .map((p) => p.date_of_birth)
        .sort()
        .reverse(),
    );
  });

  it('refuses a column it cannot sort by, and an order that is not asc or desc', async () => {
    for (const [query, key] of [
      ['sort=nickname', 'sort'],
      ['sort=last_name:up', 'sort'],
      ['order=random', 'order'],
    ]) {
      const response = await client(`/patients?${query}`);
      expect(response.status).toBe(400);
      expect(Object.keys(((await response.json()) as { errors: object }).errors)).toEqual([key]);
    }
  });
});

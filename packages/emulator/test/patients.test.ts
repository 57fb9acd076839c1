/** The walking-skeleton surface of the emulator, over real HTTP on PGlite in an on-disk data dir. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../src/node/server.ts';
import { seedDemoPatients } from '../src/seed/seed.ts';
import { callerFor, json, newOrganisationKey, type Caller } from './helpers.ts';

let dataDir: string;
let running: RunningEmulator;
let clinic: Caller;
let otherClinic: Caller;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'clinik-emulator-'));
  running = await startEmulator({ dataDir });
  clinic = await newOrganisationKey(running, 'org_riverside');
  otherClinic = await newOrganisationKey(running, 'org_hillside');
  await seedDemoPatients({ fetch: running.emulator.fetch, key: clinic.key });
}, 60_000);

afterAll(async () => {
  await running?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

interface Envelope<T> {
  data: T;
  meta: { requestId: string; timestamp: string; status: number; rateLimitTotal: number; rateLimitRemaining: number };
}
interface Page<T> {
  data: T[];
  total: number;
  cursor?: string;
  hasMore: boolean;
}
interface Summary {
  id: string;
  fullName: string;
  firstName: string;
  lastName: string;
  active: boolean;
  birthDate?: string;
  phone?: string;
  meta: { versionId: string };
}

describe('emulator: health and authentication', () => {
  it('answers /health without a key', async () => {
    const response = await fetch(`${running.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', timestamp: expect.any(String) });
  });

  it.each([
    ['no key', {}, 'UNAUTHORIZED'],
    ['a malformed key', { 'x-api-key': 'sk_live_1234' }, 'INVALID_KEY_FORMAT'],
    ['an unknown key', { 'x-api-key': `clk_test_${'Z'.repeat(32)}` }, 'INVALID_KEY'],
  ])('refuses %s with 401 and the error envelope', async (_label, headers, code) => {
    const response = await fetch(`${running.url}/v1/patients`, { headers });
    expect(response.status).toBe(401);
    const body = await json(response);
    expect(body).toMatchObject({ code, requestId: response.headers.get('x-request-id'), issues: [] });
    expect(body.error).toEqual(expect.any(String));
  });
});

describe('emulator: patients', () => {
  it('creates a patient as a PatientSummary, stores FHIR with the tenant tag', async () => {
    const response = await clinic('/v1/patients', {
      method: 'POST',
      body: JSON.stringify({ firstName: 'Ada', lastName: 'Lovelace', birthDate: '1815-12-10', email: 'ada@example.org' }),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('etag')).toBe('W/"1"');
    const { data, meta } = await json<Envelope<Summary>>(response);
    expect(data).toMatchObject({ fullName: 'Ada Lovelace', firstName: 'Ada', lastName: 'Lovelace', active: true });
    expect(meta).toMatchObject({ status: 201, requestId: response.headers.get('x-request-id') });
    expect(response.headers.get('location')).toBe(`/v1/patients/${data.id}`);

    const stored = await running.emulator.store.readResource({
      datastore: 'test',
      tenant: 'org_riverside',
      resourceType: 'Patient',
      id: data.id,
    });
    expect(stored?.body).toMatchObject({
      resourceType: 'Patient',
      id: data.id,
      name: [{ use: 'official', given: ['Ada'], family: 'Lovelace' }],
      telecom: [{ system: 'email', value: 'ada@example.org' }],
      meta: { versionId: '1', tag: [{ system: 'https://clinikapi.com/tenant', code: 'org_riverside' }] },
    });
  });

  it('rejects bad bodies with one issue per field and stores nothing', async () => {
    const before = (await json<Envelope<Page<Summary>>>(await clinic('/v1/patients?count=1'))).data.total;
    const response = await clinic('/v1/patients', {
      method: 'POST',
      body: JSON.stringify({ lastName: 'X'.repeat(101), birthDate: '2024-02-30', gender: 'robot', nickname: 'secret' }),
    });
    expect(response.status).toBe(422);
    const body = await json<{ code: string; issues: { diagnostics: string; path?: string }[] }>(response);
    expect(body.code).toBe('VALIDATION_ERROR');
    expect(body.issues.map((issue) => issue.path ?? issue.diagnostics).sort()).toEqual(
      ['birthDate', 'firstName', 'gender', 'lastName', 'nickname: Unknown field nickname'].sort(),
    );
    // No submitted value is echoed back: the error is about fields, not their contents.
    expect(JSON.stringify(body)).not.toContain('robot');
    expect((await json<Envelope<Page<Summary>>>(await clinic('/v1/patients?count=1'))).data.total).toBe(before);
  });

  it('refuses malformed JSON with 400 INVALID_JSON', async () => {
    const response = await clinic('/v1/patients', { method: 'POST', body: '{"firstName": "Ada",' });
    expect(response.status).toBe(400);
    expect(await json(response)).toMatchObject({ code: 'INVALID_JSON' });
  });

  it('searches by partial, case-insensitive name and pages with an opaque cursor', async () => {
    const found = await json<Envelope<Page<Summary>>>(await clinic('/v1/patients?name=ANN'));
    expect(found.data.data.map((patient) => patient.fullName).sort()).toEqual(['Hannah Kowalski', 'Joanna Lindqvist']);

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await json<Envelope<Page<Summary>>>(
        await clinic(`/v1/patients?count=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
      );
      seen.push(...page.data.data.map((patient) => patient.id));
      expect(page.data.total).toBe(21);
      cursor = page.data.hasMore ? page.data.cursor : undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(21);
  });

  it('validates paging parameters', async () => {
    for (const query of ['count=101', 'count=0', 'count=abc', 'cursor=not-a-cursor']) {
      const response = await clinic(`/v1/patients?${query}`);
      expect(response.status, query).toBe(400);
    }
  });

  it('reads, updates with If-Match, and deletes by id', async () => {
    const created = (
      await json<Envelope<Summary>>(
        await clinic('/v1/patients', { method: 'POST', body: JSON.stringify({ firstName: 'Grace', lastName: 'Hopper' }) }),
      )
    ).data;
    const read = await clinic(`/v1/patients/${created.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('W/"1"');

    const updated = await clinic(`/v1/patients/${created.id}`, {
      method: 'PATCH',
      headers: { 'if-match': 'W/"1"' },
      body: JSON.stringify({ phone: '+1 555 0199', active: false }),
    });
    expect(updated.status).toBe(200);
    expect((await json<Envelope<Summary>>(updated)).data).toMatchObject({
      phone: '+1 555 0199',
      active: false,
      lastName: 'Hopper',
      meta: { versionId: '2' },
    });

    const stale = await clinic(`/v1/patients/${created.id}`, {
      method: 'PATCH',
      headers: { 'if-match': 'W/"1"' },
      body: JSON.stringify({ phone: '+1 555 0000' }),
    });
    expect(stale.status).toBe(409);
    expect((await json<Envelope<Summary>>(await clinic(`/v1/patients/${created.id}`))).data.phone).toBe('+1 555 0199');

    expect((await clinic(`/v1/patients/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await clinic(`/v1/patients/${created.id}`)).status).toBe(404);
  });

  it('isolates tenants: another organisation neither finds nor reaches the records', async () => {
    const mine = (await json<Envelope<Page<Summary>>>(await clinic('/v1/patients?name=okafor'))).data.data[0] as Summary;
    expect((await json<Envelope<Page<Summary>>>(await otherClinic('/v1/patients'))).data.total).toBe(0);
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const response = await otherClinic(`/v1/patients/${mine.id}`, {
        method,
        ...(method === 'PATCH' ? { body: JSON.stringify({ phone: '+1 555 0100' }) } : {}),
      });
      expect(response.status, method).toBe(404);
    }
    expect((await json<Envelope<Summary>>(await clinic(`/v1/patients/${mine.id}`))).data.fullName).toBe('Amara Okafor');
  });

  it('keeps its data in the data dir across a restart', async () => {
    await running.stop();
    running = await startEmulator({ dataDir });
    const again = callerFor(running, clinic.key);
    const found = await json<Envelope<Page<Summary>>>(await again('/v1/patients?name=okafor'));
    expect(found.data.data.map((patient) => patient.fullName)).toEqual(['Amara Okafor']);
  }, 60_000);

  it('refuses to open a data dir that is already open, here or in another live process', async () => {
    await expect(startEmulator({ dataDir })).rejects.toThrow(/already open in this process/);

    const foreign = mkdtempSync(join(tmpdir(), 'clinik-emulator-lock-'));
    writeFileSync(join(foreign, 'emulator.lock'), String(process.ppid));
    await expect(startEmulator({ dataDir: foreign })).rejects.toThrow(`in use by process ${process.ppid}`);
    // A lock left by a process that no longer exists is taken over.
    writeFileSync(join(foreign, 'emulator.lock'), '999999999');
    const recovered = await startEmulator({ dataDir: foreign });
    await recovered.stop();
    rmSync(foreign, { recursive: true, force: true });
  }, 60_000);
});

/**
 * Keys and shards, with two shards running at once: a key works on its own shard with or without its suffix; on
 * another shard it is refused exactly like a key that never existed. Also the User-Agent rule, the three ways to
 * address a shard, and that no key is ever stored or logged in the clear.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClinikoEmulator } from '../../src/cliniko/emulator.ts';
import { basic, clinikoClient, startSeeded, USER_AGENT, type Seeded } from './helpers.ts';

const logs: string[] = [];
const dataDir = mkdtempSync(join(tmpdir(), 'cliniko-auth-'));
let au2: Seeded;
let uk1: Seeded;

beforeAll(async () => {
  [au2, uk1] = await Promise.all([
    startSeeded({ shard: 'au2', dataDir: join(dataDir, 'au2'), log: (line) => logs.push(line) }),
    startSeeded({ shard: 'uk1', log: (line) => logs.push(line) }),
  ]);
}, 60_000);

afterAll(async () => {
  await au2?.stop();
  await uk1?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Status, headers (less the date) and body, to compare two refusals byte for byte. */
async function answer(url: string, headers: Record<string, string>) {
  const response = await fetch(url, { headers });
  const { date: _date, ...rest } = Object.fromEntries(response.headers);
  return { status: response.status, headers: rest, body: await response.text() };
}

const withoutSuffix = (key: string): string => key.slice(0, key.lastIndexOf('-'));

/** A key of the right shape that no shard ever issued. */
const unknownKey = (shard: string): string => `${'Q'.repeat(20)}${Date.now()}${'z'.repeat(7)}-${shard}`;

describe('Cliniko keys and shards', () => {
  it('prints keys in Cliniko form, with the shard suffix', () => {
    expect(au2.seeded.key).toMatch(/^[A-Za-z0-9]{40}-au2$/);
    expect(uk1.seeded.key).toMatch(/^[A-Za-z0-9]{40}-uk1$/);
  });

  it('accepts a key on its own shard with or without its suffix', async () => {
    for (const [running, key] of [
      [au2, au2.seeded.key],
      [uk1, uk1.seeded.key],
    ] as const) {
      for (const presented of [key, withoutSuffix(key)]) {
        const user = await clinikoClient(running.baseUrl, presented).json<{ id: string; role: string }>('/user');
        expect(user).toMatchObject({ id: running.seeded.userIds.administrator, role: 'administrator' });
      }
    }
  });

  it('refuses a key on another shard exactly as it refuses a key that does not exist', async () => {
    const url = `${au2.baseUrl}/user`;
    const refusal = await answer(url, { authorization: basic(unknownKey('au2')), 'user-agent': USER_AGENT });
    expect(refusal.status).toBe(401);
    expect(refusal.body).toBe('HTTP Basic: Access denied.\n');
    const otherShard = [uk1.seeded.key, withoutSuffix(uk1.seeded.key), `${withoutSuffix(au2.seeded.key)}-uk1`, unknownKey('uk1')];
    const malformed = [`${uk1.seeded.key}:`, 'not a key', ''];
    for (const key of [...otherShard, ...malformed]) {
      expect(await answer(url, { authorization: basic(key), 'user-agent': USER_AGENT })).toEqual(refusal);
    }
    // No header, another scheme, and the key as password behind an email (issue #102): the same answer.
    for (const authorization of [
      undefined,
      `Bearer ${au2.seeded.key}`,
      `Basic ${Buffer.from(`amelia@example.com:${au2.seeded.key}`).toString('base64')}`,
    ]) {
      expect(await answer(url, { ...(authorization ? { authorization } : {}), 'user-agent': USER_AGENT })).toEqual(refusal);
    }
    // The key is never taken from the query string.
    expect((await answer(`${url}?api_key=${au2.seeded.key}`, { 'user-agent': USER_AGENT })).status).toBe(401);
  });

  it('refuses a revoked key the same way', async () => {
    const { key, record } = await au2.emulator.admin.createKey({ userId: au2.seeded.userIds.receptionist });
    const client = clinikoClient(au2.baseUrl, key);
    expect((await client('/user')).status).toBe(200);
    expect(await au2.emulator.admin.revokeKey(record.id)).toBe(true);
    const response = await client('/user');
    expect([response.status, await response.text()]).toEqual([401, 'HTTP Basic: Access denied.\n']);
  });

  it('refuses a request without a User-Agent, and accepts one without an email unless told not to', async () => {
    const response = await fetch(`${au2.baseUrl}/user`, { headers: { authorization: basic(au2.seeded.key), 'user-agent': '' } });
    expect(response.status).toBe(403);
    expect(await response.text()).toBe('Requires a user agent');
    const bare = { authorization: basic(au2.seeded.key), 'user-agent': 'AppName/1.0' };
    expect((await fetch(`${au2.baseUrl}/user`, { headers: bare })).status).toBe(200);

    // The same data served by an emulator told to insist on a contact email, with another status.
    const strict = createClinikoEmulator({
      store: au2.emulator.store,
      shard: 'au2',
      behaviour: { requireUserAgentEmail: true, userAgentStatus: 400 },
    });
    const get = (userAgent: string) => strict.fetch(new Request(`${au2.baseUrl}/user`, { headers: { ...bare, 'user-agent': userAgent } }));
    const refused = await get('AppName/1.0');
    expect([refused.status, await refused.text()]).toEqual([
      400,
      'Requires a user agent naming your app and a contact email: "My app (dev@example.com)"',
    ]);
    expect((await get(USER_AGENT)).status).toBe(200);
  });

  it('answers on /v1, on /{shard}/v1 and on an api.{shard} host, with links on the address used', async () => {
    const byPath = await clinikoClient(`${au2.url}/au2/v1`, au2.seeded.key).json<{ links: { self: string } }>('/user');
    expect(byPath.links.self).toBe(`${au2.url}/au2/v1/users/${au2.seeded.userIds.administrator}`);

    const byHost = await rawGet(au2.port, `api.au2.localhost:${au2.port}`, '/v1/user', au2.seeded.key);
    expect(byHost.status).toBe(200);
    expect(JSON.parse(byHost.body).links.self).toBe(`http://api.au2.localhost:${au2.port}/v1/users/${au2.seeded.userIds.administrator}`);
  });

  it('answers a request for another shard with a bare 404, whatever the key', async () => {
    const byPath = await fetch(`${au2.url}/uk1/v1/user`, { headers: { authorization: basic(uk1.seeded.key), 'user-agent': USER_AGENT } });
    expect([byPath.status, await byPath.text()]).toEqual([404, '']);
    const byHost = await rawGet(au2.port, `api.uk1.localhost:${au2.port}`, '/v1/user', uk1.seeded.key);
    expect([byHost.status, byHost.body]).toEqual([404, '']);
  });

  it('never logs a key or a query string', async () => {
    await clinikoClient(au2.baseUrl, au2.seeded.key)('/patients?q[]=last_name:~smith');
    expect(logs.some((line) => /^GET \/v1\/patients 200 \d+ms shard=au2 key=sent$/.test(line))).toBe(true);
    for (const key of [au2.seeded.key, uk1.seeded.key]) {
      expect(logs.join('\n')).not.toContain(withoutSuffix(key));
    }
    expect(logs.join('\n')).not.toContain('smith');
  });

  it('keeps its data dir private and stores only hashes of keys', async () => {
    await au2.stop();
    const dir = join(dataDir, 'au2');
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const token = withoutSuffix(au2.seeded.key);
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(readFileSync(join(file.parentPath, file.name)).includes(token)).toBe(false);
  });
});

/** A GET with a chosen Host header (fetch does not let a caller set one). */
function rawGet(port: number, host: string, path: string, key: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: '127.0.0.1', port, path, headers: { host, authorization: basic(key), 'user-agent': USER_AGENT } },
      (incoming) => {
        let body = '';
        incoming.on('data', (chunk: Buffer) => (body += chunk.toString()));
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}

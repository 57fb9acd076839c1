/**
 * The demo's audit log is written asynchronously; stopping the server (Ctrl-C in `npm start`) must not lose the
 * records of the last calls. It, the secrets and the database are readable by their owner only. Plain HTTP: no
 * browser needed.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDemo } from '../server/demo-server.ts';

const dataDirs: string[] = [];
afterAll(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Signs in as Dr. Lin and returns the session cookie. */
async function signInCookie(url: string): Promise<string> {
  const login = await fetch(`${url}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf': '1' },
    body: JSON.stringify({ userId: 'user_grace_lin' }),
  });
  return (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

describe('the audit log', () => {
  it('keeps the record of a call made just before the server stops', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'clinik-demo-audit-'));
    dataDirs.push(dataDir);
    const demo = await startDemo({ dataDir, port: 0 });
    const cookie = await signInCookie(demo.url);
    const calls = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${demo.url}/api/clinik/patients?count=1`, { headers: { cookie } })),
    );
    expect(calls.map((call) => call.status)).toEqual(Array(20).fill(200));
    await Promise.all(calls.map((call) => call.text()));
    await demo.stop();

    const records = readFileSync(join(dataDir, 'audit.ndjson'), 'utf8').split('\n').filter(Boolean);
    expect(records).toHaveLength(20);
    expect(records.map((line) => (JSON.parse(line) as { audit?: { userId?: unknown } }).audit?.userId)).toEqual(
      Array(20).fill('user_grace_lin'),
    );
  });
});

describe('the data dir', () => {
  it('is created 0700, and the secrets, the audit log and every database file in it are 0600', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'clinik-demo-modes-'));
    dataDirs.push(parent);
    const dataDir = join(parent, 'data');
    const demo = await startDemo({ dataDir, port: 0 });
    try {
      const call = await fetch(`${demo.url}/api/clinik/patients?count=1`, { headers: { cookie: await signInCookie(demo.url) } });
      expect(call.status).toBe(200);
      await call.text();
    } finally {
      await demo.stop();
    }
    const modeOf = (name: string) => (statSync(join(dataDir, name)).mode & 0o777).toString(8);
    expect([modeOf(''), modeOf('secrets.json'), modeOf('audit.ndjson')]).toEqual(['700', '600', '600']);
    const loose = readdirSync(dataDir, { recursive: true, encoding: 'utf8' }).filter(
      (name) => modeOf(name) !== (statSync(join(dataDir, name)).isDirectory() ? '700' : '600'),
    );
    expect(loose).toEqual([]);
  });
});

/**
 * The demo's audit log is written asynchronously; stopping the server (Ctrl-C in `npm start`) must not lose the
 * records of the last calls. Plain HTTP: no browser needed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startDemo } from '../server/demo-server.ts';

const dataDirs: string[] = [];
afterAll(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the audit log', () => {
  it('keeps the record of a call made just before the server stops', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'clinik-demo-audit-'));
    dataDirs.push(dataDir);
    const demo = await startDemo({ dataDir, port: 0 });
    const login = await fetch(`${demo.url}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf': '1' },
      body: JSON.stringify({ userId: 'user_grace_lin' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const calls = await Promise.all(Array.from({ length: 20 }, () => fetch(`${demo.url}/api/clinik/patients?count=1`, { headers: { cookie } })));
    expect(calls.map((call) => call.status)).toEqual(Array(20).fill(200));
    await Promise.all(calls.map((call) => call.text()));
    await demo.stop();

    const records = readFileSync(join(dataDir, 'audit.ndjson'), 'utf8').split('\n').filter(Boolean);
    expect(records).toHaveLength(20);
    expect(records.map((line) => (JSON.parse(line) as { audit?: { userId?: unknown } }).audit?.userId)).toEqual(Array(20).fill('user_grace_lin'));
  });
});

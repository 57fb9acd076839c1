/** The `clinikapi-emulator` command as a user runs it, in child processes. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '../src/node/cli.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'clinik-cli-'));
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--conditions=@clinikapi/source', CLI, ...args], { encoding: 'utf8', timeout: 60_000 });

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('clinikapi-emulator CLI', () => {
  let key = '';

  it('creates a key, printing it once on stdout and nothing secret on stderr', () => {
    const result = run('keys', 'create', '--org', 'org_cli', '--env', 'test', '--scopes', 'read,write', '--data-dir', dataDir);
    expect(result.status, result.stderr).toBe(0);
    key = result.stdout.trim();
    expect(key).toMatch(/^clk_test_[A-Za-z0-9]{32}$/);
    expect(result.stderr).toMatch(/Created key_\w+ \(clk_test_…\w{4}\) for org_cli, scopes read,write/);
    expect(result.stderr).not.toContain(key);
  }, 60_000);

  it('explains bad arguments and exits 2', () => {
    const result = run('keys', 'create', '--org', 'org_cli', '--env', 'staging', '--data-dir', dataDir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--env must be test or live');
    expect(result.stderr).toContain('Usage:');
  });

  it('starts a server on the data dir that accepts the key, and stops on SIGINT', async () => {
    const child = spawn(process.execPath, ['--conditions=@clinikapi/source', CLI, 'start', '--port', '0', '--data-dir', dataDir]);
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
    });
    const headers = { 'x-api-key': key, 'content-type': 'application/json' };
    const created = await fetch(`${url}/v1/patients`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ firstName: 'Cli', lastName: 'Tester' }),
    });
    expect(created.status).toBe(201);
    expect((await fetch(`${url}/v1/patients`, { headers })).status).toBe(200);

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  }, 60_000);
});

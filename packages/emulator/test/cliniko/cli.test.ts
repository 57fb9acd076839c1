/** `clinikapi-emulator … --api cliniko` as a user runs it, in child processes, with and without a server running. */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { basic, USER_AGENT } from './helpers.ts';

const CLI = join(import.meta.dirname, '../../src/node/cli.ts');
const root = mkdtempSync(join(tmpdir(), 'cliniko-cli-'));
const dataDir = join(root, 'au2');
const run = (...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=@clinikapi/source', CLI, ...args],
      { encoding: 'utf8', timeout: 90_000, env: { ...process.env, DATABASE_URL: '' } },
      (error, stdout, stderr) => resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
const cliniko = (...args: string[]) => run(...args, '--api', 'cliniko', '--shard', 'au2', '--data-dir', dataDir);

let server: ChildProcessWithoutNullStreams | undefined;

afterAll(() => {
  server?.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

function startServer(): Promise<string> {
  server = spawn(
    process.execPath,
    ['--conditions=@clinikapi/source', CLI, 'start', '--api', 'cliniko', '--shard', 'au2', '--port', '0', '--data-dir', dataDir],
    {
      env: { ...process.env, DATABASE_URL: '' },
    },
  );
  const child = server;
  return new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /\(shard au2\) listening on (http:\/\/\S+)[\s\S]*Admin API on/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
  });
}

describe('clinikapi-emulator --api cliniko', () => {
  let accountId = '';
  let administrator = '';
  let key = '';

  it('seeds a clinic into a new account, into a private data dir', async () => {
    const seeded = await cliniko('seed');
    expect(seeded.status, seeded.stderr).toBe(0);
    accountId = seeded.stdout.trim();
    expect(accountId).toMatch(/^\d+$/);
    expect(seeded.stderr).toMatch(
      /Seeded account \d+ on au2: 120 patients, \d+ appointments; administrator user \d+, receptionist user \d+\./,
    );
    administrator = /administrator user (\d+)/.exec(seeded.stderr)?.[1] as string;
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
  }, 120_000);

  it('creates a key with its -au2 suffix, printed once on stdout and never on stderr', async () => {
    const created = await cliniko('keys', 'create', '--user', administrator);
    expect(created.status, created.stderr).toBe(0);
    key = created.stdout.trim();
    expect(key).toMatch(/^[A-Za-z0-9]{40}-au2$/);
    expect(created.stderr).toMatch(new RegExp(`Created key \\d+ \\(…\\w{4}-au2\\) for user ${administrator} of account ${accountId}`));
    expect(created.stderr).not.toContain(key.slice(0, 36));
    const listed = await cliniko('keys', 'list', '--account', accountId);
    expect(listed.stdout).toMatch(/^\d+\t…\w{4}-au2\tuser \d+\tactive\n$/);
    expect(listed.stdout).not.toContain(key.slice(0, 36));
  }, 60_000);

  it('explains a missing or malformed shard and a bad option, exiting 2', async () => {
    const noShard = await run('keys', 'create', '--api', 'cliniko', '--user', '1', '--data-dir', dataDir);
    expect([noShard.status, noShard.stderr.includes('--shard is required')]).toEqual([2, true]);
    const badShard = await run('seed', '--api', 'cliniko', '--shard', 'api.evil.com', '--data-dir', dataDir);
    expect([badShard.status, badShard.stderr.includes('--shard must be two letters')]).toEqual([2, true]);
    expect((await cliniko('start', '--double-booking', 'sometimes')).status).toBe(2);
    expect((await run('start', '--api', 'fhir')).status).toBe(2);
  }, 60_000);

  it('serves the shard; while it runs, the CLI goes through its admin API', async () => {
    const url = await startServer();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(statSync(join(dataDir, 'admin.json')).mode & 0o777).toBe(0o600);
    const headers = { authorization: basic(key), 'user-agent': USER_AGENT };
    const user = (await (await fetch(`${url}/user`, { headers })).json()) as { id: string };
    expect(user.id).toBe(administrator);

    const account = await cliniko('accounts', 'create', '--name', 'Second Clinic', '--time-zone', 'Australia/Perth');
    expect(account.status, account.stderr).toBe(0);
    const secondAccount = account.stdout.split('\t')[0] as string;
    const newUser = await cliniko(
      'users',
      'create',
      '--account',
      secondAccount,
      '--first-name',
      'Kim',
      '--last-name',
      'Lee',
      '--email',
      'kim@example.com',
      '--role',
      'receptionist',
    );
    expect(newUser.status, newUser.stderr).toBe(0);
    const created = await cliniko('keys', 'create', '--user', newUser.stdout.split('\t')[0] as string);
    const deskKey = created.stdout.trim();
    const desk = (await (await fetch(`${url}/user`, { headers: { ...headers, authorization: basic(deskKey) } })).json()) as {
      role: string;
      time_zone: string;
    };
    expect(desk).toMatchObject({ role: 'receptionist', time_zone: 'Perth' });
    expect((await cliniko('accounts', 'list')).stdout.trim().split('\n')).toHaveLength(2);

    const exited = new Promise<number | null>((resolve) => server?.once('exit', resolve));
    server?.kill('SIGINT');
    expect(await exited).toBe(0);
    server = undefined;
    expect(existsSync(join(dataDir, 'admin.json'))).toBe(false);
  }, 120_000);
});

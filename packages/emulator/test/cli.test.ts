/** The `clinikapi-emulator` command as a user runs it, in child processes, with and without a server running. */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = join(import.meta.dirname, '../src/node/cli.ts');
const dataDir = mkdtempSync(join(tmpdir(), 'clinik-cli-'));
/** Runs the CLI without blocking this process, so connections to the server it talks to stay serviced. */
const run = (...args: string[]) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--conditions=@clinikapi/source', CLI, ...args, '--data-dir', dataDir],
      { encoding: 'utf8', timeout: 60_000, env: { ...process.env, DATABASE_URL: '' } },
      (error, stdout, stderr) => resolve({ status: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });

let server: ChildProcessWithoutNullStreams | undefined;

afterAll(() => {
  server?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function startServer(...extra: string[]): Promise<string> {
  server = spawn(
    process.execPath,
    ['--conditions=@clinikapi/source', CLI, 'start', '--port', '0', '--admin-port', '0', '--data-dir', dataDir, ...extra],
    {
      env: { ...process.env, DATABASE_URL: '' },
    },
  );
  const child = server;
  return new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)[\s\S]*Admin API on/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited early with ${code}`)));
  });
}

describe('clinikapi-emulator CLI', () => {
  let key = '';
  let keyId = '';

  it('creates an organisation with a plan and region, and lists it', async () => {
    const created = await run('orgs', 'create', '--id', 'org_cli', '--name', 'CLI clinic', '--plan', 'pro', '--region', 'eu-west-2');
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toBe('org_cli\tpro\teu-west-2\tCLI clinic\n');
    expect((await run('orgs', 'list')).stdout).toContain('org_cli\tpro\teu-west-2');
    // The first run creates the PGlite data dir, which takes a while on a busy machine.
  }, 120_000);

  it('creates a key, printing it once on stdout and nothing secret on stderr', async () => {
    const result = await run('keys', 'create', '--org', 'org_cli', '--env', 'test', '--scopes', 'read,write');
    expect(result.status, result.stderr).toBe(0);
    key = result.stdout.trim();
    expect(key).toMatch(/^clk_test_[A-Za-z0-9]{32}$/);
    expect(result.stderr).toMatch(/Created key_\w+ \(clk_test_…\w{4}\) for org_cli, scopes read,write/);
    expect(result.stderr).not.toContain(key);
    keyId = /Created (key_\w+)/.exec(result.stderr)?.[1] as string;
  }, 60_000);

  it('explains bad arguments and exits 2', async () => {
    const result = await run('keys', 'create', '--org', 'org_cli', '--env', 'staging');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--env must be test or live');
    expect(result.stderr).toContain('Usage:');
    expect((await run('orgs', 'create', '--name', 'X', '--plan', 'platinum')).status).toBe(2);
    expect((await run('keys', 'revoke')).status).toBe(2);
  });

  it('while a server owns the data dir, manages keys through its admin API — and the server sees them', async () => {
    const url = await startServer();
    const adminFile = join(dataDir, 'admin.json');
    expect(statSync(adminFile).mode & 0o777).toBe(0o600);
    const headers = { 'x-api-key': key, 'content-type': 'application/json' };
    expect((await fetch(`${url}/v1/patients`, { headers })).status).toBe(200);

    const created = await run('keys', 'create', '--org', 'org_cli', '--env', 'live');
    expect(created.status, created.stderr).toBe(0);
    const liveKey = created.stdout.trim();
    expect((await fetch(`${url}/v1/patients`, { headers: { 'x-api-key': liveKey } })).status).toBe(200);

    const listed = await run('keys', 'list', '--org', 'org_cli');
    expect(listed.stdout.trim().split('\n')).toHaveLength(2);
    expect(listed.stdout).not.toContain(key.slice(9));

    const seeded = await run('seed', '--org', 'org_cli');
    expect(seeded.status, seeded.stderr).toBe(0);
    expect(seeded.stderr).toMatch(/Seeded 20 patients and \d+ other records into org_cli \(test\)/);
    const total = (await (await fetch(`${url}/v1/patients`, { headers })).json()) as { data: { total: number } };
    expect(total.data.total).toBe(20);

    const revoked = await run('keys', 'revoke', keyId);
    expect(revoked.status, revoked.stderr).toBe(0);
    expect((await run('keys', 'list', '--org', 'org_cli')).stdout).toMatch(new RegExp(`${keyId}\\t.*revoked`));

    const exited = new Promise<number | null>((resolve) => server?.once('exit', resolve));
    server?.kill('SIGINT');
    expect(await exited).toBe(0);
    server = undefined;
    expect(existsSync(adminFile)).toBe(false);
  }, 90_000);

  it('after the server stops, opens the data dir itself, with everything kept', async () => {
    const listed = await run('keys', 'list', '--org', 'org_cli');
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`${keyId}\\t.*revoked`));
  }, 60_000);

  it('registers a webhook on a server that allows loopback, which delivers a write to it, signed, on its own', async () => {
    let listening: (url: string) => void = () => undefined;
    const receiverUrl = new Promise<string>((resolve) => (listening = resolve));
    const delivered = new Promise<{ headers: IncomingHttpHeaders; body: string }>((resolve) => {
      const receiver = createServer((req, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => {
          res.writeHead(200).end();
          receiver.close();
          resolve({ headers: req.headers, body });
        });
      }).listen(0, '127.0.0.1');
      receiver.once('listening', () => listening(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/clinikapi`));
    });
    const url = await startServer('--allow-loopback-webhooks');
    const created = await run(
      'webhooks',
      'create',
      '--org',
      'org_cli',
      '--url',
      await receiverUrl,
      '--events',
      'patient.*',
      '--env',
      'test',
    );
    expect(created.status, created.stderr).toBe(0);
    const secret = created.stdout.trim();
    expect(secret).toMatch(/^whsec_[0-9a-f]{48}$/);
    const webhookId = /Created (wh_\w+)/.exec(created.stderr)?.[1] as string;
    expect((await run('webhooks', 'list', '--org', 'org_cli')).stdout).toBe(
      `${webhookId}\t${await receiverUrl}\tpatient.*\ttest\t-\t…${secret.slice(-4)}\n`,
    );

    const key = (await run('keys', 'create', '--org', 'org_cli', '--env', 'test')).stdout.trim();
    const write = await fetch(`${url}/v1/patients`, {
      method: 'POST',
      headers: { 'x-api-key': key, 'content-type': 'application/json' },
      body: JSON.stringify({ firstName: 'Webhook', lastName: 'Tester' }),
    });
    expect(write.status).toBe(201);
    const { headers, body } = await delivered;
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(headers['x-clinik-signature-v2'])) ?? [];
    expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
    expect(JSON.parse(body)).toMatchObject({ event: 'patient.created', data: { tenantId: 'org_cli', environment: 'test' } });

    await expect
      .poll(async () => (await run('webhooks', 'deliveries', webhookId)).stdout, { timeout: 20_000 })
      .toMatch(/\tpatient\.created\tdelivered\tattempts 1\t200\t-\t/);
    const deleted = await run('webhooks', 'delete', webhookId);
    expect(deleted.status, deleted.stderr).toBe(0);
    expect(deleted.stderr).toContain(`Deleted ${webhookId}`);
  }, 120_000);
});

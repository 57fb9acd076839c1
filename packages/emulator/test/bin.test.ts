/**
 * The `clinikapi-emulator` bin as a user of this repository runs it straight after `npm install`, with no build:
 * through npx, and called directly by a Node that strips types (in process) or one that does not (it hands over to
 * the Node the repository pins). Installed from the registry, it runs the build.
 */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = resolve(import.meta.dirname, '../../..');
const BIN = join(REPO, 'node_modules/.bin/clinikapi-emulator');
const dataDir = mkdtempSync(join(tmpdir(), 'clinik-bin-'));
/** A user's environment: no DATABASE_URL, and no node_modules/.bin on PATH unless npx puts it there. */
const env = {
  ...process.env,
  DATABASE_URL: '',
  PATH: (process.env.PATH ?? '')
    .split(':')
    .filter((dir) => !dir.includes('node_modules'))
    .join(':'),
};
const servers: ChildProcessWithoutNullStreams[] = [];

afterAll(() => {
  for (const server of servers) server.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

const run = (command: string, args: string[]) =>
  new Promise<{ status: number; stdout: string; stderr: string }>((done) => {
    execFile(command, args, { cwd: REPO, env, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) =>
      done({ status: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });

/** Starts `node [flags] bin start` and resolves with the server's URL once it listens. */
function start(nodeFlags: string[], port: string): Promise<{ url: string; server: ChildProcessWithoutNullStreams }> {
  const server = spawn(
    process.execPath,
    [...nodeFlags, BIN, 'start', '--port', port, '--admin-port', '0', '--data-dir', join(dataDir, port)],
    { cwd: REPO, env },
  );
  servers.push(server);
  return new Promise((done, fail) => {
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) done({ url, server });
    });
    server.once('exit', (code) => fail(new Error(`exited early with ${code}`)));
  });
}

const exitOf = (server: ChildProcessWithoutNullStreams) => new Promise<number | null>((done) => server.once('exit', (code) => done(code)));

describe('clinikapi-emulator bin', () => {
  it('prints its usage through npx and exits 0', async () => {
    const result = await run('npx', ['--no-install', 'clinikapi-emulator', '--help']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('clinikapi-emulator start [--port 4010]');
  }, 60_000);

  it('rejects an unknown command with the usage and exit code 2', async () => {
    const result = await run(process.execPath, [BIN, 'launch']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown command "launch"');
  }, 60_000);

  it('runs the build in dist/ when installed from the registry (inside node_modules), even with the sources shipped', async () => {
    const installed = join(dataDir, 'app/node_modules/@clinikapi/emulator');
    mkdirSync(join(installed, 'bin'), { recursive: true });
    mkdirSync(join(installed, 'dist'));
    mkdirSync(join(installed, 'src/node'), { recursive: true });
    copyFileSync(join(REPO, 'packages/emulator/bin/clinikapi-emulator.js'), join(installed, 'bin/clinikapi-emulator.js'));
    writeFileSync(join(installed, 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(join(installed, 'dist/cli.js'), 'export async function runCli(args) { console.log(`dist ${args.join(" ")}`); }\n');
    writeFileSync(join(installed, 'src/node/cli.ts'), 'throw new Error("the sources ran");\n');
    const result = await run(process.execPath, [join(installed, 'bin/clinikapi-emulator.js'), '--help']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('dist --help\n');
  });

  it.each([
    ['a Node that strips types, in process', []],
    ['a Node that does not, through the pinned Node', ['--no-experimental-strip-types']],
  ])(
    'starts a server that answers requests and stops on SIGTERM, on %s',
    async (_label, flags) => {
      const { url, server } = await start(flags, '0');
      expect((await fetch(`${url}/health`)).status).toBe(200);
      const unauthenticated = await fetch(`${url}/v1/patients`);
      expect(unauthenticated.status).toBe(401);
      expect(await unauthenticated.json()).toMatchObject({ code: 'UNAUTHORIZED' });

      const exited = exitOf(server);
      server.kill('SIGTERM');
      expect(await exited).toBe(0);
      // Nothing is left serving: the pinned Node's process stopped with the bin.
      await expect(fetch(`${url}/health`)).rejects.toThrow();
    },
    120_000,
  );
});

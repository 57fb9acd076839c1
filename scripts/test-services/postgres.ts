/**
 * A real PostgreSQL server for tests. With `DATABASE_URL` set, a fresh database is created on that server;
 * otherwise a private server is started from Debian's binaries in a temporary directory (as the `postgres` user
 * when running as root, since PostgreSQL refuses to run as root). Without PostgreSQL installed it fails with the
 * install command — the real-server tests are never skipped.
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { spawnOnFreePort, stopProcess } from './process.ts';

export interface TestPostgres {
  /** A `postgres://` URL for an empty database of its own. */
  readonly url: string;
  stop(): Promise<void>;
}

function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((name) => /^\d+$/.test(name)) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) {
    throw new Error(
      'PostgreSQL was not found in /usr/lib/postgresql. Install it with: sudo apt-get install -y --no-install-recommends postgresql ' +
        '(or set DATABASE_URL to a server the tests may create databases on).',
    );
  }
  return join(root, newest, 'bin');
}

async function onExistingServer(adminUrl: string): Promise<TestPostgres> {
  const name = `clinik_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async stop() {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

async function privateServer(): Promise<TestPostgres> {
  const bin = postgresBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'clinik-pg-'));
  const asRoot = userInfo().uid === 0;
  const run = (command: string, args: string[]): string[] =>
    asRoot ? ['runuser', '-u', 'postgres', '--', join(bin, command), ...args] : [join(bin, command), ...args];
  if (asRoot) {
    chmodSync(dir, 0o700);
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  const [initCommand, ...initArgs] = run('initdb', ['-D', data, '-A', 'trust', '-U', 'clinik', '--no-sync', '-E', 'UTF8', '--locale=C']);
  execFileSync(initCommand as string, initArgs, { stdio: 'pipe' });
  let server: ChildProcess;
  let port: number;
  try {
    ({ child: server, port } = await spawnOnFreePort(
      (free) => {
        const [command, ...args] = run('postgres', [
          '-D',
          data,
          '-p',
          String(free),
          '-k',
          dir,
          '-c',
          'listen_addresses=127.0.0.1',
          '-c',
          'fsync=off',
          '-c',
          'synchronous_commit=off',
          '-c',
          'full_page_writes=off',
        ]);
        return { command: command as string, args };
      },
      /database system is ready to accept connections/,
      /Address already in use/,
    ));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: `postgres://clinik@127.0.0.1:${port}/postgres`,
    async stop() {
      // runuser ignores SIGINT while it waits for its child; it passes SIGTERM on (a smart shutdown once the
      // clients have gone, which they have by the time a test stops its server).
      await stopProcess(server, asRoot ? 'SIGTERM' : 'SIGINT');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startTestPostgres(): Promise<TestPostgres> {
  const adminUrl = process.env.DATABASE_URL;
  return adminUrl ? onExistingServer(adminUrl) : privateServer();
}

/**
 * A real `redis-server` for tests, started from Debian's package on a free port with persistence off. Without it
 * the tests fail with the install command.
 */
import { existsSync } from 'node:fs';
import { spawnOnFreePort, stopProcess } from './process.ts';

export interface TestRedis {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startTestRedis(): Promise<TestRedis> {
  const binary = process.env.REDIS_SERVER_PATH || '/usr/bin/redis-server';
  if (!existsSync(binary)) {
    throw new Error(
      `redis-server was not found at ${binary}. Install it with: sudo apt-get install -y --no-install-recommends redis-server`,
    );
  }
  const { child: server, port } = await spawnOnFreePort(
    (free) => ({ command: binary, args: ['--port', String(free), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'] }),
    /Ready to accept connections/,
    /Address already in use/,
  );
  return { url: `redis://127.0.0.1:${port}`, stop: () => stopProcess(server) };
}

/** Serves an emulator over HTTP on Node. */
import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulator, type Emulator } from '../emulator.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { openStore, type StoreLocation } from './open-store.ts';

export interface StartEmulatorOptions extends StoreLocation {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Defaults to 127.0.0.1: the emulator is for this machine only. */
  readonly host?: string;
  readonly shard?: string;
  readonly now?: () => number;
}

export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:4010`. */
  readonly url: string;
  readonly port: number;
  readonly emulator: Emulator;
  stop(): Promise<void>;
}

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const release = options.dataDir && !options.databaseUrl ? lockDataDir(options.dataDir) : () => undefined;
  let emulator: Emulator;
  try {
    emulator = createEmulator({
      store: await openStore(options),
      ...(options.shard ? { shard: options.shard } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
  } catch (error) {
    release();
    throw error;
  }
  // Plain HTTP/1.1: the adaptor only returns an HTTP/2 server when asked to create one.
  const server = createAdaptorServer({ fetch: emulator.fetch, autoCleanupIncoming: true }) as Server;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    port,
    emulator,
    async stop() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await emulator.close();
      release();
    },
  };
}

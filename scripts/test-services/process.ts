/** Starting and stopping the throwaway servers tests run against. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Spawns `command` and resolves once a line of its output matches `ready`; rejects if it exits first. */
export async function spawnUntilReady(command: string, args: readonly string[], ready: RegExp, timeoutMs = 30_000): Promise<ChildProcess> {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${command} did not start in ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code}:\n${output}`));
    });
  });
  return child;
}

/**
 * Starts a server that must be told its port: on a port free a moment ago, again on another if, in that moment,
 * something else (a parallel test file, another user of the machine) took it. A port cannot be handed over still
 * bound, so this is the only way such a server never loses the race for it; any other failure is thrown at once.
 */
export async function spawnOnFreePort(
  start: (port: number) => { readonly command: string; readonly args: readonly string[] },
  ready: RegExp,
  portTaken: RegExp,
): Promise<{ readonly child: ChildProcess; readonly port: number }> {
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    const { command, args } = start(port);
    try {
      return { child: await spawnUntilReady(command, args, ready), port };
    } catch (error) {
      if (attempt === 5 || !(error instanceof Error) || !portTaken.test(error.message)) throw error;
    }
  }
}

/** Stops a child with `signal` and waits for it to exit. */
export async function stopProcess(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  await exited;
}

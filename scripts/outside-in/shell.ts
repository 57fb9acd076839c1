/**
 * Running commands the way a user types them: through a shell, in a folder outside this repo, with the user's
 * environment — not the one `npm test` runs in. npm's own settings, this repo's `node_modules/.bin` and Vitest's
 * variables would otherwise leak into the user's commands and hide what a stranger's machine does.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { homedir, tmpdir } from 'node:os';
import { delimiter } from 'node:path';

export interface CommandResult {
  readonly code: number | null;
  /** Standard output alone, for commands whose answer is their output. */
  readonly stdout: string;
  /** Standard output and error, interleaved as printed. */
  readonly output: string;
  readonly seconds: number;
}

/** Variables that npm, Vitest or this repo's scripts set for their own children: not part of a user's shell. */
const TOOL_VARIABLE = /^(npm_|VITEST|TINYPOOL|INIT_CWD$|NODE_ENV$|NODE_OPTIONS$|NODE_PATH$|TEST$|FORCE_COLOR$|PWD$|OLDPWD$)/;

/**
 * What a user's shell has: this machine's environment (certificates, proxies, locale, home and so npm's cache in
 * ~/.npm), less what npm and Vitest set for their children, and a PATH without any project's `node_modules/.bin` —
 * so `node` and `npm` are the machine's.
 */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !TOOL_VARIABLE.test(name)));
  env.PATH = (process.env.PATH ?? '')
    .split(delimiter)
    .filter((entry) => entry !== '' && !entry.includes('node_modules'))
    .join(delimiter);
  env.HOME ??= homedir();
  env.TMPDIR ??= tmpdir();
  return { ...env, ...extra };
}

/** Runs `script` in `sh -c`, as typed at a prompt, and returns its exit code and interleaved output. */
export async function sh(script: string, options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<CommandResult> {
  const started = performance.now();
  const child = spawn('sh', ['-c', script], {
    cwd: options.cwd,
    env: options.env ?? userEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), options.timeoutMs ?? 300_000);
  const code = await new Promise<number | null>((resolve) => child.once('close', (exitCode) => resolve(exitCode)));
  clearTimeout(timer);
  return { code, stdout, output, seconds: (performance.now() - started) / 1000 };
}

/** `sh`, failing with the command and the tail of its output when it does not exit 0. */
export async function mustSh(
  script: string,
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<CommandResult> {
  const result = await sh(script, options);
  if (result.code !== 0) throw new Error(`\`${script}\` in ${options.cwd} exited with ${result.code}:\n${result.output.slice(-4000)}`);
  return result;
}

export interface LongRunning {
  /** The first match of the ready pattern's first group (a URL, say). */
  readonly ready: string;
  /** Everything it printed so far. */
  output(): string;
  /** Ctrl-C for the whole process group, then waits for it to end (SIGKILL after 10 s). */
  stop(): Promise<void>;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-(child.pid as number), signal);
  } catch {
    // Already gone.
  }
}

/** Starts `script` in its own process group and resolves once its output matches `ready` (with one group). */
export async function startLongRunning(
  script: string,
  options: { cwd: string; env?: NodeJS.ProcessEnv; ready: RegExp; timeoutMs: number },
): Promise<LongRunning> {
  const child = spawn('sh', ['-c', script], {
    cwd: options.cwd,
    env: options.env ?? userEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    killGroup(child, 'SIGINT');
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
    await closed;
    clearTimeout(timer);
  };
  const ready = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(new Error(`\`${script}\` printed nothing matching ${options.ready} in ${options.timeoutMs} ms:\n${output.slice(-4000)}`)),
      options.timeoutMs,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = options.ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] ?? match[0]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`\`${script}\` exited with ${code} before it was ready:\n${output.slice(-4000)}`));
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { ready, output: () => output, stop };
}

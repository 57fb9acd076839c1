/**
 * `npm run bench -- soak`: 100,000 requests at 64 connections through the full pipeline (Auth0 JWT session, roles
 * policy, rate limiter, answer examination, audit), in batches of 10,000. Every request must succeed, and the proxy
 * process's resident memory (after a full GC) may grow by at most 30 MB from the end of the first batch to the end of
 * the last: what a leak per request, per connection or per user would show.
 *
 * It runs twice. First with Node's defaults: on a machine with this much memory, V8 lets the young generation grow to
 * 64 MB a semi-space, and the pages it touches for the first time stay resident — tens of MB of growth that level
 * off (seen: +28 MB at 100k, flat from 120k to 150k) while the heap in use stays flat. That warm-up would hide a leak
 * of the same size, or pass for one, so the run that decides the target fixes the young generation at 16 MB a
 * semi-space (`--max-semi-space-size=16`): what remains is growth the proxy causes. Both runs are printed.
 *
 * The upstream and the proxy run in child processes (the proxy's with `--expose-gc`); autocannon runs here.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { startServers, startUpstream } from './servers.ts';

interface AutocannonResult {
  readonly requests: { readonly total: number };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: Record<string, unknown>) => Promise<AutocannonResult>;

const TOTAL = Number(process.env.SOAK_REQUESTS ?? 100_000);
const BATCH = 10_000;
const CONNECTIONS = 64;
const GROWTH_LIMIT_MB = 30;

/** The proxy child: the bench servers, plus a port that answers its resident memory after a full GC. */
async function proxyChild(upstreamPort: number): Promise<void> {
  const ports = await startServers(upstreamPort);
  const memory = createServer((_req, res) => {
    (globalThis as { gc?: () => void }).gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    res.end(JSON.stringify({ rss, heapUsed }));
  });
  await new Promise<void>((resolve) => memory.listen(0, '127.0.0.1', resolve));
  process.stdout.write(
    `${JSON.stringify({ port: ports['full-auth0'], token: ports.tokens.auth0, memory: (memory.address() as AddressInfo).port })}\n`,
  );
}

function startChild(args: string[], flags: string[], running: ChildProcess[]): Promise<Record<string, unknown>> {
  const started = spawn(process.execPath, ['--conditions=@clinikapi/source', ...flags, import.meta.filename, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.push(started);
  return new Promise((resolve, reject) => {
    let buffer = '';
    started.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      if (buffer.includes('\n')) resolve(JSON.parse(buffer.split('\n')[0] as string) as Record<string, unknown>);
    });
    started.once('exit', (code) => reject(new Error(`soak child ${args[0]} exited with ${code}`)));
  });
}

interface SoakResult {
  readonly failures: number;
  readonly growthMb: number;
  readonly served: number;
}

/** One soak of the proxy started with `flags`; prints its batches and its summary. */
async function soak(label: string, flags: readonly string[]): Promise<SoakResult> {
  const running: ChildProcess[] = [];
  try {
    const upstream = await startChild(['upstream'], [], running);
    const proxy = await startChild(['proxy', String(upstream.port)], ['--expose-gc', ...flags], running);
    const memory = async () => {
      const { rss, heapUsed } = (await (await fetch(`http://127.0.0.1:${String(proxy.memory)}/`)).json()) as {
        rss: number;
        heapUsed: number;
      };
      return { rss: rss / 1024 / 1024, heap: heapUsed / 1024 / 1024 };
    };
    const url = `http://127.0.0.1:${String(proxy.port)}/api/clinik/patients?name=bench&count=20`;
    const samples: number[] = [];
    let failures = 0;
    let served = 0;
    const started = performance.now();
    for (let done = 0; done < TOTAL; done += BATCH) {
      const result = await autocannon({
        url,
        headers: { authorization: `Bearer ${String(proxy.token)}` },
        connections: CONNECTIONS,
        amount: BATCH,
      });
      failures += result.non2xx + result.errors + result.timeouts;
      served += result.requests.total;
      const now = await memory();
      samples.push(now.rss);
      console.log(
        `${done + BATCH} requests: RSS ${now.rss.toFixed(1)} MB, heap in use ${now.heap.toFixed(1)} MB, failures so far ${failures}`,
      );
    }
    const seconds = (performance.now() - started) / 1000;
    const growth = (samples.at(-1) as number) - (samples[0] as number);
    console.log(
      `Soak, ${label}: ${served} requests at ${CONNECTIONS} connections in ${seconds.toFixed(0)} s (${Math.round(served / seconds)} req/s): ${failures} failed; ` +
        `resident memory ${samples[0]?.toFixed(1)} MB after the first ${BATCH}, ${samples.at(-1)?.toFixed(1)} MB after the last: ` +
        `${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB.\n`,
    );
    return { failures, growthMb: growth, served };
  } finally {
    for (const child of running) child.kill();
  }
}

async function main(): Promise<void> {
  const defaults = await soak("Node's defaults", []);
  const fixed = await soak('young generation fixed at 16 MB a semi-space', ['--max-semi-space-size=16']);
  const failures = defaults.failures + fixed.failures;
  const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
  console.log(
    `Failed requests: ${failures} of ${defaults.served + fixed.served} (target 0: ${met(failures === 0)}). Resident memory growth, first ${BATCH} to last: ` +
      `${fixed.growthMb.toFixed(1)} MB with the young generation fixed (target ≤ ${GROWTH_LIMIT_MB} MB: ${met(fixed.growthMb <= GROWTH_LIMIT_MB)}); ` +
      `${defaults.growthMb.toFixed(1)} MB with Node's defaults, of which the young generation's warm-up is most.`,
  );
  if (failures > 0 || fixed.growthMb > GROWTH_LIMIT_MB || fixed.served < TOTAL || defaults.served < TOTAL) process.exitCode = 1;
}

if (process.argv[2] === 'upstream') process.stdout.write(`${JSON.stringify({ port: await startUpstream() })}\n`);
else if (process.argv[2] === 'proxy') await proxyChild(Number(process.argv[3]));
else await main();

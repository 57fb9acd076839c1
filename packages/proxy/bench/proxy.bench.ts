/**
 * `npm run bench -- proxy`: the full proxy pipeline (JWT session + roles policy + rate limiter + audit) against bare
 * http-proxy-middleware, the route users would otherwise write (session check + `fetch` + JSON re-serialised) and a
 * plain Express handler, side by side in one run, on the same upstream — with two
 * partial pipelines that show where the difference to bare HPM is spent, and the full pipeline writing its audit
 * records one write per record (see servers.ts).
 *
 * The upstream and the servers under test run in two child processes; autocannon runs here. The rounds are
 * interleaved (every configuration once per round, in a rotating order) so that a noisy neighbour on a small
 * machine hits all of them alike, and the medians across rounds are reported.
 *
 * Three figures per configuration and round:
 * - throughput: autocannon, saturated, 32 connections — req/s, and the ratio to bare HPM in the same round;
 * - CPU per request: the server process's CPU time over the run divided by the requests it served — far steadier
 *   than req/s when other processes share the two cores;
 * - latency: a closed loop of 4 requesters with microsecond timing (see latency.ts) — p50/p99, and p99 minus bare
 *   HPM's p99 in the same round.
 * `BENCH_BASELINE=<git revision>` adds the full Auth0 pipeline built from that revision's sources and reports the
 * current code's CPU and req/s against it round by round — how to tell whether a change helped on a noisy machine.
 *
 * Medians across rounds are reported; the target lines give each median with the interval its rounds support, and
 * call a target met or not only when that whole interval agrees (median-interval.ts).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { recordBenchFigure } from '../../../scripts/bench-results.ts';
import { measureLatency } from './latency.ts';
import { median, medianInterval, verdict } from './median-interval.ts';
import { startServers, startUpstream, type ServerPorts } from './servers.ts';

interface AutocannonResult {
  readonly requests: { readonly average: number; readonly total: number };
  readonly latency: { readonly p50: number; readonly p99: number };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

/** A git revision to measure the full Auth0 pipeline against, in the same process and rounds (see servers.ts). */
const BASELINE = process.env.BENCH_BASELINE;
const ALL_CONFIGS = [
  'direct',
  'fetch-route',
  'hpm',
  'pipeline-only',
  'full-auth0-no-audit',
  'full-auth0-audit-per-record',
  'full-auth0',
  'full-clerk',
  'full-auth0-verify-all',
  'full-auth0-baseline',
] as const;
type Config = (typeof ALL_CONFIGS)[number];
const CONFIGS: readonly Config[] = ALL_CONFIGS.filter((config) => BASELINE || config !== 'full-auth0-baseline');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);

/** Child process roles: this file starts itself as the upstream and as the servers under test. */
async function child(role: string): Promise<void> {
  if (role === 'upstream') {
    process.stdout.write(`${JSON.stringify({ port: await startUpstream() })}\n`);
  } else {
    process.stdout.write(`${JSON.stringify(await startServers(Number(process.argv[3]), process.argv[4]))}\n`);
  }
}

function startChild(args: string[], running: ChildProcess[]): Promise<{ process: ChildProcess; message: unknown }> {
  const started = spawn(process.execPath, ['--conditions=@clinikapi/source', import.meta.filename, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  running.push(started);
  return new Promise((resolve, reject) => {
    let buffer = '';
    started.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n')[0];
      if (buffer.includes('\n') && line) resolve({ process: started, message: JSON.parse(line) });
    });
    started.once('exit', (code) => reject(new Error(`bench child ${args[0]} exited with ${code}`)));
  });
}

function headersFor(config: Config, ports: ServerPorts): Record<string, string> {
  if (config.startsWith('full-auth0') || config === 'fetch-route') return { authorization: `Bearer ${ports.tokens.auth0}` };
  if (config === 'full-clerk') return { authorization: `Bearer ${ports.tokens.clerk}` };
  return {};
}

const cpuMicros = async (ports: ServerPorts): Promise<number> => Number(await (await fetch(`http://127.0.0.1:${ports.cpu}/`)).text());

interface Measured extends AutocannonResult {
  /** CPU time the server process spent per request, in µs: far steadier than req/s on a shared machine. */
  readonly cpuPerRequest: number;
}

async function load(config: Config, ports: ServerPorts, options: Record<string, unknown>): Promise<Measured> {
  const cpuBefore = await cpuMicros(ports);
  const result = await autocannon({
    url: urlFor(config, ports),
    headers: headersFor(config, ports),
    duration: SECONDS,
    ...options,
  });
  const cpuAfter = await cpuMicros(ports);
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${config}: ${result.non2xx} non-2xx and ${result.errors} errors — the bench is not measuring what it claims`);
  return { ...result, cpuPerRequest: (cpuAfter - cpuBefore) / Math.max(1, result.requests.total) };
}

const urlFor = (config: Config, ports: ServerPorts) => `http://127.0.0.1:${ports[config]}/api/clinik/patients?name=bench&count=20`;

const emptyRecord = (): Record<Config, number[]> =>
  Object.fromEntries(CONFIGS.map((config) => [config, []])) as unknown as Record<Config, number[]>;

/** The baseline revision's `packages/proxy/src`, copied next to this file so it resolves the same packages. */
function copyBaseline(revision: string): { readonly dir: string; readonly src: string } {
  // Archived first: an unknown revision fails here, before anything is left behind.
  const archive = execFileSync('git', ['archive', '--format=tar', revision, 'packages/proxy/src'], {
    cwd: join(import.meta.dirname, '../../..'),
    maxBuffer: 64 * 1024 * 1024,
  });
  const dir = mkdtempSync(join(import.meta.dirname, '.baseline-'));
  try {
    execFileSync('tar', ['-x', '-C', dir, '--strip-components=2'], { input: archive });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, src: join(dir, 'src') };
}

async function main(): Promise<void> {
  const baseline = BASELINE ? copyBaseline(BASELINE) : undefined;
  try {
    await measure(baseline?.src);
  } finally {
    if (baseline) rmSync(baseline.dir, { recursive: true, force: true });
  }
}

async function measure(baselineSrc: string | undefined): Promise<void> {
  // Every child started is stopped at the end, also when a later one fails to start (a broken baseline).
  const running: ChildProcess[] = [];
  try {
    const upstream = await startChild(['upstream'], running);
    const servers = await startChild(
      ['servers', String((upstream.message as { port: number }).port), ...(baselineSrc ? [baselineSrc] : [])],
      running,
    );
    const ports = servers.message as ServerPorts;
    // Warm-up: JIT, JWKS fetch, keep-alive pools.
    for (const config of CONFIGS) await load(config, ports, { connections: 16, duration: 2 });

    const throughput: Record<Config, number[]> = emptyRecord();
    const p50: Record<Config, number[]> = emptyRecord();
    const p99: Record<Config, number[]> = emptyRecord();
    const cpu: Record<Config, number[]> = emptyRecord();
    /** Per-round ratios to bare HPM (req/s, CPU per request): the runs were seconds apart, so a neighbour's load hits both alike. */
    const ratio: Record<Config, number[]> = emptyRecord();
    const cpuRatio: Record<Config, number[]> = emptyRecord();
    const addedP99: Record<Config, number[]> = emptyRecord();
    for (let round = 0; round < ROUNDS; round += 1) {
      const order = CONFIGS.map((_, i) => CONFIGS[(i + round) % CONFIGS.length] as Config);
      for (const config of order) {
        const result = await load(config, ports, { connections: 32 });
        throughput[config].push(result.requests.average);
        cpu[config].push(result.cpuPerRequest);
      }
      for (const config of CONFIGS) {
        ratio[config].push((throughput[config].at(-1) as number) / (throughput.hpm.at(-1) as number));
        cpuRatio[config].push((cpu[config].at(-1) as number) / (cpu.hpm.at(-1) as number));
      }
      for (const config of order) {
        const result = await measureLatency(urlFor(config, ports), headersFor(config, ports), SECONDS);
        p50[config].push(result.p50);
        p99[config].push(result.p99);
      }
      for (const config of CONFIGS) addedP99[config].push((p99[config].at(-1) as number) - (p99.hpm.at(-1) as number));
      console.log(
        `round ${round + 1}/${ROUNDS}: ${CONFIGS.map((config) => `${config} ${Math.round(throughput[config].at(-1) as number)} req/s, p99 ${(p99[config].at(-1) as number).toFixed(2)} ms`).join(' · ')}`,
      );
    }

    const rows = CONFIGS.map((config) => ({
      config,
      'req/s': Math.round(median(throughput[config])),
      'req/s min–max': `${Math.round(Math.min(...throughput[config]))}–${Math.round(Math.max(...throughput[config]))}`,
      'req/s vs hpm (median of rounds)': median(ratio[config]).toFixed(2),
      'CPU µs/req': Math.round(median(cpu[config])),
      'CPU vs hpm (median of rounds)': median(cpuRatio[config]).toFixed(2),
      'p50 ms': median(p50[config]).toFixed(2),
      'p99 ms': median(p99[config]).toFixed(2),
      'p99 added vs hpm ms': median(addedP99[config]).toFixed(2),
    }));
    console.log(
      `\nMedians of ${ROUNDS} interleaved rounds, ${SECONDS} s per run (throughput: autocannon, 32 connections; latency: 4 closed-loop requesters).`,
    );
    console.table(rows);
    // Each figure with the interval its rounds support (see median-interval.ts): a verdict is given only when the
    // whole interval is on one side of the target; a run too noisy to tell says so instead of flipping a coin.
    const { confidence } = medianInterval(ratio.hpm);
    console.log(`\nIn brackets: the median's distribution-free ${(confidence * 100).toFixed(0)}% interval over ${ROUNDS} rounds.`);
    const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
    // The goals (docs/decisions/0217-proxy-performance-goals.md): at least 1.5× the throughput of the route users would
    // otherwise write, at most 1.3× bare HPM's CPU per request, at most 1 ms added at p99 over bare HPM.
    for (const full of ['full-auth0', 'full-clerk', 'full-auth0-audit-per-record', 'full-auth0-verify-all'] as const) {
      const overFetch = medianInterval(throughput[full].map((value, round) => value / (throughput['fetch-route'][round] as number)));
      const kept = medianInterval(ratio[full]);
      const added = medianInterval(addedP99[full]);
      const cpuUsed = medianInterval(cpuRatio[full]);
      console.log(
        `${full}: ${overFetch.median.toFixed(2)}× the fetch route's throughput (${overFetch.low.toFixed(2)}–${overFetch.high.toFixed(2)}; goal ≥ 1.5×: ${verdict(overFetch, 1.5, 'higher')}), ` +
          `CPU per request ${cpuUsed.median.toFixed(2)}× HPM's (${cpuUsed.low.toFixed(2)}–${cpuUsed.high.toFixed(2)}; goal ≤ 1.3×: ${verdict(cpuUsed, 1.3, 'lower')}), ` +
          `${added.median.toFixed(2)} ms added at p99 (${added.low.toFixed(2)}–${added.high.toFixed(2)}; goal ≤ 1 ms: ${verdict(added, 1, 'lower')}); ` +
          `${percent(kept.median)} of bare HPM's throughput (${percent(kept.low)}–${percent(kept.high)}), ` +
          `${((median(throughput[full]) / median(throughput.direct)) * 100).toFixed(1)}% of a plain Express handler.`,
      );
      // For the decision records (docs/decisions/bench-results.json).
      recordBenchFigure(`proxy.${full}.over-fetch-route`, { ...overFetch, unit: '×', digits: 2, rounds: ROUNDS });
      recordBenchFigure(`proxy.${full}.cpu-vs-hpm`, { ...cpuUsed, unit: '×', digits: 2, rounds: ROUNDS });
      recordBenchFigure(`proxy.${full}.p99-added`, { ...added, unit: ' ms', digits: 2, rounds: ROUNDS });
      const asPercent = (value: number) => value * 100;
      recordBenchFigure(`proxy.${full}.rps-vs-hpm`, {
        median: asPercent(kept.median),
        low: asPercent(kept.low),
        high: asPercent(kept.high),
        unit: '%',
        digits: 1,
        rounds: ROUNDS,
      });
    }
    if (BASELINE) {
      const rounds = cpu['full-auth0'].map((used, round) => ({
        cpu: used / (cpu['full-auth0-baseline'][round] as number),
        throughput: (throughput['full-auth0'][round] as number) / (throughput['full-auth0-baseline'][round] as number),
      }));
      const cpuAgainst = medianInterval(rounds.map((round) => round.cpu));
      const throughputAgainst = medianInterval(rounds.map((round) => round.throughput));
      console.log(
        `full-auth0 against ${BASELINE}: CPU per request ${cpuAgainst.median.toFixed(3)}× the baseline's (${cpuAgainst.low.toFixed(3)}–${cpuAgainst.high.toFixed(3)}), ` +
          `req/s ${throughputAgainst.median.toFixed(3)}× (${throughputAgainst.low.toFixed(3)}–${throughputAgainst.high.toFixed(3)}).`,
      );
      recordBenchFigure(`proxy.vs-baseline.${BASELINE}.cpu`, { ...cpuAgainst, unit: '×', digits: 3, rounds: ROUNDS });
      recordBenchFigure(`proxy.vs-baseline.${BASELINE}.rps`, { ...throughputAgainst, unit: '×', digits: 3, rounds: ROUNDS });
    }
  } finally {
    for (const child of running) child.kill();
  }
}

if (process.argv[2]) await child(process.argv[2]);
else await main();

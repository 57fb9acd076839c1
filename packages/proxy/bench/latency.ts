/**
 * Closed-loop latency with microsecond resolution: a few requesters, each sending its next request as soon as the
 * previous answer is read, over keep-alive connections. At this low concurrency a server is far from saturation, so
 * the percentiles show what each request costs rather than how long it queued.
 */
import http from 'node:http';

export interface LatencyResult {
  readonly count: number;
  /** Milliseconds. */
  readonly p50: number;
  readonly p99: number;
}

function once(agent: http.Agent, url: URL, headers: Record<string, string>): Promise<number> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const request = http.get(
      { hostname: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, headers, agent },
      (response) => {
        if (response.statusCode !== 200) reject(new Error(`latency probe got HTTP ${response.statusCode}`));
        response.resume();
        response.on('end', () => resolve(Number(process.hrtime.bigint() - started) / 1e6));
      },
    );
    request.on('error', reject);
  });
}

export async function measureLatency(
  target: string,
  headers: Record<string, string>,
  seconds: number,
  concurrency = 4,
): Promise<LatencyResult> {
  const url = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const samples: number[] = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) samples.push(await once(agent, url, headers));
    }),
  );
  agent.destroy();
  samples.sort((a, b) => a - b);
  const at = (quantile: number) => samples[Math.min(samples.length - 1, Math.floor(quantile * samples.length))] as number;
  return { count: samples.length, p50: at(0.5), p99: at(0.99) };
}

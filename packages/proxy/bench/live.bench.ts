/**
 * `npm run bench -- live`: live updates, webhook in → event out, measured from outside the proxy.
 *
 * The proxy (clinikProxy with `live`, a roles policy, the audit records written as by default to /dev/null) runs in
 * a child process of its own; this process is everything around it: the upstream (which the proxy reads each
 * changed record from, to learn its patient), the subscribers (one raw HTTP connection each, as many browsers
 * would hold), the webhook sender and a polling client. Times are this process's clock: from just before the
 * signed webhook is sent to the moment each subscriber's socket hands over the event.
 *
 * 1. Delivery latency at 1, 100 and 1,000 subscribers: one event at a time (each sent once every subscriber has the
 *    previous one), p50 and p99 over every (event, subscriber) pair of a round; medians of the rounds, with
 *    distribution-free intervals. Target: p99 ≤ 100 ms at 1,000 subscribers.
 * 2. Sustained events per second at 100 and 1,000 subscribers: a burst sent with 32 in flight, timed until every
 *    subscriber has every event.
 * 3. Side by side with polling: writes at random moments; the time until the stream tells a subscriber, and until a
 *    client polling every 2.5 s (as the official reference app does) sees the record in its search.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import http, { createServer } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { medianInterval, verdict } from './median-interval.ts';

/** Made by the parent, handed to the proxy child in its environment. */
const SECRET = process.env.LIVE_BENCH_SECRET ?? `whsec_${randomBytes(24).toString('hex')}`;
const TENANT = 'org_bench';
const PATIENT = 'pat-bench';
const LATENCY_ROUNDS = 8;
const EVENTS_PER_ROUND = 20;
const POLL_MS = 2500;

// ---------------------------------------------------------------------------------------------------------------
// The child: the proxy under test.

async function proxyChild(upstreamUrl: string): Promise<void> {
  const [{ default: express }, { default: pino }, { clinikProxy }, { roles }, { auditDestination }] = await Promise.all([
    import('express'),
    import('pino'),
    import('../src/clinik-proxy.ts'),
    import('../src/policy/roles.ts'),
    import('../src/audit-destination.ts'),
  ]);
  const app = express();
  app.use(
    '/api/clinik',
    clinikProxy({
      apiKey: `clk_test_${'b'.repeat(32)}`,
      upstream: upstreamUrl,
      // Each subscriber is its own clinician: the header names them, as a session cookie would.
      session: (req) => ({ id: String(req.headers['x-user'] ?? ''), roles: ['clinician'] }),
      policy: roles({ clinician: '*' }),
      rateLimit: false,
      anonymousLimit: false,
      logger: pino({ name: 'clinikapi-proxy' }, auditDestination({ dest: '/dev/null' })),
      live: { webhookSecret: SECRET, tenantId: TENANT },
    }),
  );
  const server = createServer(app);
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`));
}

// ---------------------------------------------------------------------------------------------------------------
// This process: upstream, subscribers, sender, poller.

/** Records "written" so far: the upstream's search shows them, its read by id answers them. */
const written = new Set<string>();

function startUpstream(): Promise<string> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://upstream');
    const [, , path, id] = url.pathname.split('/');
    const record = (recordId: string) => ({
      resourceType: 'Observation',
      id: recordId,
      status: 'final',
      code: { text: 'Heart rate' },
      subject: { reference: `Patient/${PATIENT}` },
    });
    const body =
      path === 'observations' && id
        ? { data: record(id) }
        : {
            data: { data: [...written].map(record), total: written.size, hasMore: false },
            meta: { requestId: 'req_bench', timestamp: new Date().toISOString(), status: 200 },
          };
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
  );
}

function startChild(upstreamUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--conditions=@clinikapi/source', import.meta.filename, 'proxy', upstreamUrl], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, LIVE_BENCH_SECRET: SECRET },
  });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      if (buffer.includes('\n'))
        resolve({ child, url: `http://127.0.0.1:${(JSON.parse(buffer.split('\n')[0] as string) as { port: number }).port}` });
    });
    child.once('exit', (code) => reject(new Error(`the proxy child exited with ${code}`)));
  });
}

/** When each subscriber was told of each record id. */
const receipts = new Map<string, number[]>();
const waiters = new Map<string, { count: number; resolve: () => void }>();

function received(id: string, at: number): void {
  let times = receipts.get(id);
  if (!times) receipts.set(id, (times = []));
  times.push(at);
  const waiter = waiters.get(id);
  if (waiter && times.length >= waiter.count) {
    waiters.delete(id);
    waiter.resolve();
  }
}

/** Resolves once `count` subscribers have been told of `id`. */
function toldTimes(id: string, count: number): Promise<void> {
  if ((receipts.get(id)?.length ?? 0) >= count) return Promise.resolve();
  return new Promise((resolve) => waiters.set(id, { count, resolve }));
}

interface Subscriber {
  close(): void;
}

/**
 * One subscriber: a raw TCP connection with the stream's request written by hand, and the record ids picked out of
 * what arrives — a browser's parsing happens on the browser's machine, so the measuring side does as little as it
 * can on this one (it shares the two cores with the proxy).
 */
function subscribe(proxyUrl: string, user: string): Promise<Subscriber> {
  const { hostname, port } = new URL(proxyUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.setNoDelay(true);
      socket.write(`GET /api/clinik/events HTTP/1.1\r\nhost: ${hostname}:${port}\r\nx-user: ${user}\r\naccept: text/event-stream\r\n\r\n`);
    });
    socket.setEncoding('latin1');
    let tail: string | undefined;
    socket.on('data', (chunk: string) => {
      const at = performance.now();
      if (tail === undefined && !chunk.startsWith('HTTP/1.1 200')) reject(new Error(`subscriber got ${chunk.slice(0, 12)}`));
      const text = (tail ?? '') + chunk;
      if (text.includes('event: ready')) resolve({ close: () => socket.destroy() });
      // The last 64 characters are read again with the next chunk, so an id split between two is found whole; one
      // found entirely in them was counted the first time.
      const seen = tail?.length ?? 0;
      for (const found of text.matchAll(/"id":"([^"]+)"/g)) if (found.index + found[0].length > seen) received(found[1] as string, at);
      tail = text.slice(-64);
    });
    socket.on('error', reject);
  });
}

const sender = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** Sends ClinikAPI's signed delivery of `observation.created` for `id`. */
function sendWebhook(proxyUrl: string, id: string): Promise<void> {
  const now = Date.now();
  const eventId = `evt_${now.toString(36)}_${randomBytes(6).toString('hex')}`;
  const body = JSON.stringify({
    id: eventId,
    event: 'observation.created',
    timestamp: new Date(now).toISOString(),
    data: { resourceType: 'observation', resourceId: id, action: 'created', tenantId: TENANT, environment: 'test' },
  });
  const t = Math.floor(now / 1000);
  const signature = createHmac('sha256', SECRET).update(`${t}.${body}`).digest('hex');
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${proxyUrl}/api/clinik/webhooks/clinikapi`,
      {
        method: 'POST',
        agent: sender,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-clinik-signature-v2': `t=${t},v1=${signature}`,
          'x-clinik-delivery-id': eventId,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`webhook got HTTP ${response.statusCode}`))));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

let sequence = 0;
const nextId = () => `obs-${(sequence += 1)}`;
const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const interval = (values: readonly number[], format = ms) => {
  const found = medianInterval(values);
  return `${format(found.median)} (${format(found.low)}–${format(found.high)}, ${Math.round(found.confidence * 100)}%)`;
};

async function latencyAt(proxyUrl: string, subscribers: number): Promise<{ p50: number[]; p99: number[] }> {
  const p50: number[] = [];
  const p99: number[] = [];
  for (let round = 0; round < LATENCY_ROUNDS + 1; round += 1) {
    const samples: number[] = [];
    for (let event = 0; event < EVENTS_PER_ROUND; event += 1) {
      const id = nextId();
      const sent = performance.now();
      await sendWebhook(proxyUrl, id);
      await toldTimes(id, subscribers);
      for (const at of receipts.get(id) ?? []) samples.push(at - sent);
      receipts.delete(id);
    }
    // The first round warms the JIT and the connections: not counted.
    if (round === 0) continue;
    samples.sort((a, b) => a - b);
    p50.push(quantile(samples, 0.5));
    p99.push(quantile(samples, 0.99));
  }
  return { p50, p99 };
}

async function throughputAt(proxyUrl: string, subscribers: number, events: number): Promise<number[]> {
  const rates: number[] = [];
  for (let round = 0; round < 5; round += 1) {
    const ids = Array.from({ length: events }, nextId);
    const started = performance.now();
    const all = Promise.all(ids.map((id) => toldTimes(id, subscribers)));
    let next = 0;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < ids.length) await sendWebhook(proxyUrl, ids[next++] as string);
      }),
    );
    await all;
    rates.push(events / ((performance.now() - started) / 1000));
    for (const id of ids) receipts.delete(id);
  }
  return rates;
}

/** A client polling the search every 2.5 s, as the reference app does: resolves when a poll shows `id`. */
function pollUntilSeen(proxyUrl: string, id: string, phaseMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const poll = (): void => {
      http
        .get(`${proxyUrl}/api/clinik/observations?patientId=${PATIENT}`, { headers: { 'x-user': 'poller' }, agent: sender }, (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () => (body.includes(`"${id}"`) ? resolve(performance.now()) : setTimeout(poll, POLL_MS)));
        })
        .on('error', reject);
    };
    // The poller's clock runs independently of the write: its next poll is somewhere in the next 2.5 s.
    setTimeout(poll, phaseMs);
  });
}

async function sideBySide(proxyUrl: string, subscribers: number, writes: number): Promise<{ stream: number[]; polling: number[] }> {
  const stream: number[] = [];
  const polling: number[] = [];
  for (let index = 0; index < writes; index += 1) {
    const id = nextId();
    const writtenAt = performance.now();
    written.add(id);
    const polled = pollUntilSeen(proxyUrl, id, Math.random() * POLL_MS);
    await sendWebhook(proxyUrl, id);
    await toldTimes(id, subscribers);
    stream.push(Math.max(...(receipts.get(id) ?? [])) - writtenAt);
    polling.push((await polled) - writtenAt);
    receipts.delete(id);
  }
  return { stream, polling };
}

async function main(): Promise<void> {
  const upstreamUrl = await startUpstream();
  const { child, url: proxyUrl } = await startChild(upstreamUrl);
  let open: Subscriber[] = [];
  const subscribeUpTo = async (count: number) => {
    while (open.length < count) {
      const batch = Array.from({ length: Math.min(50, count - open.length) }, (_, index) =>
        subscribe(proxyUrl, `user_${open.length + index}`),
      );
      open = open.concat(await Promise.all(batch));
    }
  };
  try {
    console.log('Delivery latency, webhook sent → event read by each subscriber (one event at a time):');
    const latency: Record<number, { p50: number[]; p99: number[] }> = {};
    for (const count of [1, 100, 1000]) {
      await subscribeUpTo(count);
      latency[count] = await latencyAt(proxyUrl, count);
      console.log(`  ${String(count).padStart(5)} subscribers: p50 ${interval(latency[count].p50)} · p99 ${interval(latency[count].p99)}`);
    }
    const target = verdict(medianInterval(latency[1000]?.p99 ?? []), 100, 'lower');
    console.log(`  Target p99 ≤ 100 ms at 1,000 subscribers: ${target}.`);

    console.log('Sustained events per second (a burst, 32 webhooks in flight, until every subscriber has every event):');
    for (const [count, events] of [
      [100, 1000],
      [1000, 200],
    ] as const) {
      for (const subscriber of open.splice(count)) subscriber.close();
      await subscribeUpTo(count);
      const rates = await throughputAt(proxyUrl, count, events);
      console.log(
        `  ${String(count).padStart(5)} subscribers: ${interval(rates, (value) => `${Math.round(value)} events/s`)} — ${interval(rates, (value) => `${Math.round((value * count) / 1000)}k events told/s`)}`,
      );
    }

    for (const subscriber of open.splice(100)) subscriber.close();
    const { stream, polling } = await sideBySide(proxyUrl, 100, 12);
    console.log('Time to see a change, side by side (12 writes at random moments, 100 subscribers):');
    console.log(`  event stream (the last of 100 subscribers told): ${interval(stream)}`);
    console.log(`  polling every 2.5 s:                            ${interval(polling)}`);
    console.log(
      `  polling takes ${interval(
        polling.map((value, index) => value / (stream[index] as number)),
        (value) => `${Math.round(value)}×`,
      )} as long.`,
    );
  } finally {
    for (const subscriber of open) subscriber.close();
    sender.destroy();
    child.kill();
  }
  process.exit(0);
}

if (process.argv[2] === 'proxy') await proxyChild(process.argv[3] as string);
else await main();

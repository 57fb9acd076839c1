/**
 * `npm run bench -- audit`: what one audit record costs to write, by pino destination — the CPU of every thread
 * of the process (libuv's thread pool included) per record, so a destination that moves work off the main thread
 * is not counted as free. The proxy bench (proxy.bench.ts) writes its audit records the way the proxy does by
 * default (`auditDestination()`), and one write per record for comparison.
 *
 * Records are written in bursts of eight with an event-loop turn between bursts, as a loaded server would: an
 * asynchronous destination gets to finish its writes between them. Rounds are interleaved; medians are reported.
 */
import pino from 'pino';
import { writeAudit } from '../src/audit.ts';
import { auditDestination } from '../src/audit-destination.ts';
import type { ProxyRequestState } from '../src/request-context.ts';

const state = {
  requestId: 'req_0a1b2c3d4e5f00000001',
  startedAt: performance.now(),
  patientIds: new Set<string>(),
  user: { id: 'user_bench', roles: ['clinician'] },
  call: { interaction: 'search', resource: { resourceType: 'Patient' }, query: new URLSearchParams('name=bench&count=20') },
  decision: 'allow',
  reason: 'role:clinician',
  upstream: { environment: 'test', shard: undefined, keyFingerprint: 'fp_0123456789abcdef', status: 200, requestId: 'req_bench' },
} as unknown as ProxyRequestState;
const res = { headersSent: true, statusCode: 200, writableFinished: true } as Parameters<typeof writeAudit>[2];

const DESTINATIONS: Record<string, pino.Logger> = {
  'record built, level silent (nothing written)': pino({ level: 'silent' }),
  'sync, one write per record (pino stdout default)': pino(pino.destination({ dest: '/dev/null', sync: true })),
  'sync, one write per turn (auditDestination, the proxy default)': pino(auditDestination({ dest: '/dev/null' })),
  'sync, 4 KiB buffer': pino(pino.destination({ dest: '/dev/null', sync: true, minLength: 4096 })),
  'async, 4 KiB buffer (thread pool)': pino(pino.destination({ dest: '/dev/null', sync: false, minLength: 4096 })),
};
const RECORDS = 4000;
const ROUNDS = 25;

async function cpuPerRecord(logger: pino.Logger): Promise<number> {
  const before = process.cpuUsage();
  for (let i = 0; i < RECORDS; i += 8) {
    for (let j = 0; j < 8; j += 1) writeAudit(logger, state, res);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const used = process.cpuUsage(before);
  return (used.user + used.system) / RECORDS;
}

const results = new Map(Object.keys(DESTINATIONS).map((name) => [name, [] as number[]]));
for (let round = 0; round < ROUNDS + 5; round += 1) {
  for (const [name, logger] of Object.entries(DESTINATIONS)) {
    const cost = await cpuPerRecord(logger);
    if (round >= 5) results.get(name)?.push(cost); // the first rounds warm the JIT up
  }
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
console.log(`Audit record write, CPU µs per record (all threads), median of ${ROUNDS} interleaved rounds of ${RECORDS}:`);
console.table([...results].map(([destination, costs]) => ({ destination, 'CPU µs/record': median(costs).toFixed(2) })));

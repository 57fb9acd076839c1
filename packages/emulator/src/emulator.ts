/** Assembles an emulator — store, key cache, rate limiter, HTTP app and admin — independent of where it runs. */
import { createAdmin, type EmulatorAdmin } from './admin.ts';
import { createKeyCache } from './auth/key-cache.ts';
import { createApp } from './http/app.ts';
import { createQuotaMeter, MONTHLY_REQUESTS } from './http/quota.ts';
import { createRateLimiter, REQUESTS_PER_MINUTE } from './http/rate-limit.ts';
import type { EmulatorStore, Plan } from './store/types.ts';
import { createWebhookDispatcher, type WebhookTransport } from './webhooks/dispatcher.ts';

export interface EmulatorWebhookOptions {
  /** How deliveries leave: `startEmulator` passes Node's (DNS, connections pinned to the checked address). None: queued, never sent. */
  readonly transport?: WebhookTransport;
  /** Allow endpoints on this machine (loopback, `localhost`, plain http there) — for local development and tests only. */
  readonly allowLoopback?: boolean;
  /** Send due deliveries on a timer. Default true; false: only `webhooks.deliverDue()` sends (tests on a fake clock). */
  readonly autoDeliver?: boolean;
}

export interface EmulatorOptions {
  readonly store: EmulatorStore;
  /** The clock, in epoch milliseconds; tests pass a controllable one. */
  readonly now?: () => number;
  /** Run as the owner of one shard (`uk1`): issued keys carry `-uk1` and keys of other shards are refused. */
  readonly shard?: string;
  /** The plans' limits; the documented ones unless given (tests use small ones). */
  readonly limits?: {
    readonly requestsPerMinute?: Readonly<Record<Plan, number>>;
    /** Included requests per month; null is unlimited. */
    readonly monthlyRequests?: Readonly<Record<Plan, number | null>>;
  };
  /** Receives unexpected errors (bugs), for logging. Defaults to `console.error`. */
  readonly onUnexpectedError?: (error: unknown) => void;
  /** Webhook delivery: transport, loopback and timing. */
  readonly webhooks?: EmulatorWebhookOptions;
}

export interface Emulator {
  /** The API as a fetch handler. */
  readonly fetch: (request: Request) => Promise<Response>;
  readonly admin: EmulatorAdmin;
  readonly store: EmulatorStore;
  /** The webhook queue: `deliverDue()` sends what is due by the emulator's clock (and resolves with how many sends). */
  readonly webhooks: { deliverDue(): Promise<number> };
  close(): Promise<void>;
}

/**
 * Database errors carry the statement's parameters — patient data — so only the name, code and stack are logged.
 */
function logWithoutData(error: unknown): void {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    console.error(
      `[clinikapi-emulator] unexpected ${error.name}${typeof code === 'string' ? ` (${code})` : ''}: ${error.stack ?? error.message}`,
    );
  } else {
    console.error('[clinikapi-emulator] unexpected non-error value thrown');
  }
}

export function createEmulator(options: EmulatorOptions): Emulator {
  const now = options.now ?? Date.now;
  const { store, shard } = options;
  const onUnexpectedError = options.onUnexpectedError ?? logWithoutData;
  const transport = options.webhooks?.transport;
  const allowLoopback = options.webhooks?.allowLoopback ?? false;
  const dispatcher = createWebhookDispatcher({
    store,
    now,
    transport,
    allowLoopback,
    autoDeliver: options.webhooks?.autoDeliver ?? true,
    onError: onUnexpectedError,
  });
  const app = createApp({
    store,
    keys: createKeyCache(store, now),
    rateLimiter: createRateLimiter(now, options.limits?.requestsPerMinute ?? REQUESTS_PER_MINUTE),
    quotas: createQuotaMeter(now, options.limits?.monthlyRequests ?? MONTHLY_REQUESTS),
    exportLimiter: createRateLimiter(now, { sandbox: 5, starter: 5, pro: 5, team: 5, enterprise: 5 }, 60 * 60 * 1000),
    now,
    shard,
    onUnexpectedError,
    // A queue that cannot be written must not undo a committed write: the failure is reported, the answer stands.
    onChange: (change) => dispatcher.recordChange(change).catch(onUnexpectedError),
  });
  return {
    fetch: async (request) => app.fetch(request),
    admin: createAdmin(store, now, shard, { allowLoopback, resolve: transport?.resolve }),
    store,
    webhooks: { deliverDue: dispatcher.deliverDue },
    close: () => {
      dispatcher.close();
      return store.close();
    },
  };
}

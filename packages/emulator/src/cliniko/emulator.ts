/** Assembles a Cliniko emulator for one shard — store, clock, rate limiter, HTTP app, admin — wherever it runs. */
import { CLINIKO_REQUESTS_PER_MINUTE, SHARD_PATTERN } from '@clinikapi/core';
import { createClinikoAdmin, type ClinikoAdmin } from './admin.ts';
import { createClinikoApp } from './http/app.ts';
import { createClinikoRateLimiter } from './http/rate-limit.ts';
import type { ClinikoBehaviour } from './http/scope.ts';
import type { ClinikoStore } from './store/types.ts';

export type { ClinikoBehaviour } from './http/scope.ts';

const DEFAULT_BEHAVIOUR: ClinikoBehaviour = {
  doubleBooking: 'allow',
  strictFilters: true,
  requireUserAgentEmail: false,
  userAgentStatus: 403,
  slotStepMinutes: undefined,
  requestsPerMinute: CLINIKO_REQUESTS_PER_MINUTE,
};

export interface ClinikoEmulatorOptions {
  readonly store: ClinikoStore;
  /** The shard this instance is, e.g. `au2`: its keys end `-au2`, and keys of other shards are unknown here. */
  readonly shard: string;
  /** The clock, in epoch milliseconds; tests pass a controllable one. Used for availability, rate limits, timestamps. */
  readonly now?: () => number;
  /** Behaviours Cliniko leaves undocumented (see the README's "Cliniko mode"). */
  readonly behaviour?: Partial<ClinikoBehaviour>;
  /** Serve the test-only `/__emulator/*` control routes (clock, forced 429). Off by default. */
  readonly control?: boolean;
  /** One line per request (method, path without query, status, whether a key was sent). */
  readonly log?: (line: string) => void;
  /** Receives unexpected errors (bugs). Defaults to logging their name and stack, never their data. */
  readonly onUnexpectedError?: (error: unknown) => void;
}

export interface ClinikoEmulator {
  readonly shard: string;
  /** The API as a fetch handler. */
  readonly fetch: (request: Request) => Promise<Response>;
  readonly admin: ClinikoAdmin;
  readonly store: ClinikoStore;
  /** The next `count` API requests answer 429 (default 1). */
  forceRateLimit(count?: number): void;
  /** Pins "now" at `at` (epoch ms or ISO), or releases it with undefined. */
  setClock(at: number | string | undefined): void;
  now(): number;
  close(): Promise<void>;
}

/** Database errors carry their statement's parameters (patient data): only the name, code and stack are logged. */
function logWithoutData(error: unknown): void {
  const code = (error as { code?: unknown } | undefined)?.code;
  const stack = error instanceof Error ? (error.stack ?? error.message) : 'a non-error value was thrown';
  console.error(
    `[cliniko-emulator] unexpected ${error instanceof Error ? error.name : 'value'}${typeof code === 'string' ? ` (${code})` : ''}: ${stack}`,
  );
}

export function createClinikoEmulator(options: ClinikoEmulatorOptions): ClinikoEmulator {
  const { store, shard } = options;
  if (!SHARD_PATTERN.test(shard)) throw new Error('shard must be two letters and one or two digits, e.g. au2');
  const base = options.now ?? Date.now;
  let pinned: number | undefined;
  const now = (): number => pinned ?? base();
  const behaviour: ClinikoBehaviour = { ...DEFAULT_BEHAVIOUR, ...options.behaviour };
  const rateLimiter = createClinikoRateLimiter(behaviour.requestsPerMinute);
  const setClock = (at: number | string | undefined): void => {
    pinned = typeof at === 'string' ? Date.parse(at) : at;
  };
  const fetch = createClinikoApp({
    store,
    shard,
    now,
    behaviour,
    rateLimiter,
    control: options.control ? { now, pinClock: setClock, forceRateLimit: (count) => rateLimiter.force(count) } : undefined,
    log: options.log,
    onUnexpectedError: options.onUnexpectedError ?? logWithoutData,
  });
  return {
    shard,
    fetch,
    admin: createClinikoAdmin(store, shard, now),
    store,
    forceRateLimit: (count = 1) => rateLimiter.force(count),
    setClock,
    now,
    close: () => store.close(),
  };
}

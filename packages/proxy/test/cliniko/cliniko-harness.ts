/**
 * Cliniko test harness: seeded Cliniko emulator shards (PGlite in memory — few per file, their start-up dominates),
 * direct calls to a shard as Cliniko's own clients make them, a proxy on the Cliniko preset routing each shard to its
 * emulator, and a header session with a small cast of users.
 */
import { CLINIKO_ROUTES, type ClinikoRoute } from '@clinikapi/core';
import { startClinikoEmulator, type ClinikoBehaviour, type RunningClinikoEmulator } from '@clinikapi/emulator';
import type { Request } from 'express';
import type { ProxyUser } from '../../src/request-context.ts';
import { upstreams } from '../../src/upstream/presets.ts';
import type { UpstreamConfig } from '../../src/upstream/resolve-upstream.ts';
import type { Listening } from '../harness.ts';

export const USER_AGENT = 'ClinikAPI proxy tests (dev@clinikapi.local)';
export const MOUNT = '/api/clinik';

export interface Shard {
  readonly running: RunningClinikoEmulator;
  /** The seeded administrator's key, with its `-shard` suffix. */
  readonly key: string;
  /** Request lines the emulator served (method, path, status), to tell what reached it. */
  readonly served: string[];
}

/**
 * A seeded shard. Cliniko's 200 requests a minute per user is lifted (a suite makes more, all as one user) unless
 * `behaviour` says otherwise; `forceRateLimit` still answers 429.
 */
export async function startShard(shard: string, behaviour: Partial<ClinikoBehaviour> = {}): Promise<Shard> {
  const served: string[] = [];
  const running = await startClinikoEmulator({
    shard,
    seed: true,
    behaviour: { requestsPerMinute: 1_000_000, ...behaviour },
    log: (line) => served.push(line),
  });
  return { running, key: (running.seeded as NonNullable<typeof running.seeded>).key, served };
}

/** The key without its shard suffix, as keys issued before sharding look. */
export const withoutSuffix = (key: string): string => key.slice(0, key.lastIndexOf('-'));

/** Cliniko's headers for `key`, as a Cliniko client sends them straight to a shard. */
export const clinikoHeaders = (key: string): Record<string, string> => ({
  authorization: `Basic ${Buffer.from(`${key}:`).toString('base64')}`,
  'user-agent': USER_AGENT,
  accept: 'application/json',
});

/** A call straight to a shard (no proxy): to set up and to check what the proxy did. */
export async function direct<T = Record<string, unknown>>(
  shard: Shard,
  path: string,
  init: RequestInit = {},
): Promise<{ status: number; body: T }> {
  const headers = { ...clinikoHeaders(shard.key), ...(init.body ? { 'content-type': 'application/json' } : {}) };
  const response = await fetch(`${shard.running.baseUrl}${path}`, { ...init, headers });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/**
 * The Cliniko preset with each listed shard at its emulator (or wherever `hosts` says). Keys without a suffix go to
 * au1 when it is listed, else (the preset wants one of the listed shards) to the first.
 */
export function clinikoUpstream(hosts: Readonly<Record<string, { readonly url: string }>>): UpstreamConfig {
  const shards = Object.keys(hosts);
  return upstreams.cliniko({
    userAgent: USER_AGENT,
    shards,
    shardUrl: (shard) => (hosts[shard] as { url: string }).url,
    defaultShard: shards.includes('au1') ? 'au1' : shards[0],
  });
}

/** A Cliniko-format key no emulator knows, built at run time (no key-shaped literal is committed). */
export const standInKey = (shard = 'au1'): string => `${'Zk9'.repeat(14)}-${shard}`;

/** A session that trusts `x-test-user`: stands in for the app's own login. */
export function headerSession(users: Readonly<Record<string, ProxyUser>>): (req: Request) => ProxyUser | null {
  return (req) => users[req.get('x-test-user') ?? ''] ?? null;
}

/** `fetch` through the proxy as `user`, with the CSRF header on writes and a JSON body when one is given. */
export function asUser(app: Listening, user: string) {
  return (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Response> => {
    const method = init.method ?? 'GET';
    const headers: Record<string, string> = { 'x-test-user': user, ...init.headers };
    if (method !== 'GET') headers['x-csrf'] = '1';
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${app.url}${MOUNT}${path}`, { method, headers, ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }) });
  };
}

/** The id at the end of a Cliniko link (`…/patients/1001` → `1001`). */
export const idOfLink = (link: unknown): string => String(link).split('?')[0]?.split('/').at(-1) ?? '';

/** Cliniko's list body. */
export type ClinikoList<Key extends string, Item = Record<string, unknown>> = { readonly [K in Key]: Item[] } & {
  readonly total_entries: number;
  readonly links: { readonly self: string; readonly next?: string; readonly previous?: string };
};

/** The carried route `method` and `path` (under `/v1`) take, by core's table: ids are digit strings. */
export function routeOf(method: string, path: string): ClinikoRoute | undefined {
  return CLINIKO_ROUTES.find(
    (route) => route.method === method && new RegExp(`^${route.path.replace(/\{[a-z_]+\}/g, '\\d+')}$`).test(path),
  );
}

/** `route`'s path with ids filled in: 18-digit ones and short ones in turn, as Cliniko has both. */
export function concretePath(route: ClinikoRoute): string {
  let index = 0;
  return route.path.replace(/\{[a-z_]+\}/g, () => ((index += 1) % 2 === 1 ? '836447129235883061' : '1001'));
}

/** The query a route cannot do without: available times need their window. */
export function requiredQuery(route: ClinikoRoute): string {
  if (route.query !== 'window') return '';
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  return `?from=${day(1)}&to=${day(2)}`;
}

/** A body Cliniko takes for a route that takes one. */
export function bodyFor(route: ClinikoRoute): Record<string, unknown> | undefined {
  if (route.operation === 'cancel') return { cancellation_reason: 50 };
  if (route.operation === 'create' || route.operation === 'update') return { name: 'Stand-in', patient_id: '1001' };
  return undefined;
}

/**
 * What a well-behaved Cliniko shard at `origin` answers to `method` `url`: a list, a record, a view or nothing, by
 * the route's kind, with absolute links on the shard's host — for stand-in upstreams.
 */
export function clinikoAnswer(origin: string, method: string, url: string): { status: number; body: unknown } {
  const [path = ''] = url.split('?');
  const route = routeOf(method, path.replace(/^\/v1/, ''));
  const self = `${origin}${url}`;
  if (!route) return { status: 404, body: { message: 'Not found' } };
  if (route.answer === 'none') return { status: 204, body: undefined };
  if (route.answer === 'view') return { status: 200, body: { links: { self } } };
  const id = /\/(\d+)(?:\/[a-z_]+)?$/.exec(path)?.[1] ?? '836447129235883099';
  const record = {
    id,
    patient: { links: { self: `${origin}/v1/patients/1001` } },
    links: { self: `${origin}/v1/${route.resource}/${id}` },
  };
  if (route.answer === 'record')
    return { status: route.operation === 'create' ? 201 : 200, body: route.path === '/user' ? { ...record, id: '1004' } : record };
  return { status: 200, body: { [route.resource]: [record], total_entries: 1, links: { self } } };
}

/**
 * Mounts the live routes beside the API: `POST <mount>/webhooks/clinikapi` (ClinikAPI, signed) and `GET
 * <mount>/events` (a signed-in user's stream); every other request goes to the API pipeline untouched. Both routes
 * start as the pipeline does (request id, target and header hygiene, the request's audit record); the stream then
 * passes the same anonymous limit, session and per-user limit as a call.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { ProxySettings } from '../options.ts';
import { checkEntry, fail, signIn, startRequest } from '../pipeline.ts';
import { createTransport } from '../upstream/transport.ts';
import { parseChange, type LiveChange } from './change.ts';
import { createHub, type LiveHub } from './hub.ts';
import { memoryExpiringStore, redisExpiringStore } from './memory.ts';
import type { LiveSettings } from './options.ts';
import { createRecordPatients } from './record-patients.ts';
import { streamRoute } from './stream-route.ts';
import { webhookRoute } from './webhook-route.ts';

const WEBHOOK_PATH = '/webhooks/clinikapi';
const EVENTS_PATH = '/events';

/**
 * Where a change goes: straight to this instance's streams, or through Redis to every instance's (this one's too,
 * by its own subscription). A change Redis will not take is still told here.
 */
function createPublisher(hub: LiveHub, live: LiveSettings, settings: ProxySettings): (change: LiveChange) => Promise<void> {
  const redis = live.redis;
  if (!redis) return async (change) => hub.deliver(change);
  const channel = `${redis.prefix}changes`;
  const failed = (what: string) => (error: unknown) =>
    settings.logger.error(
      { live: { failure: `${what}:${error instanceof Error ? error.name : 'unknown'}` } },
      'clinikapi.proxy.live.failure',
    );
  Promise.resolve(
    redis.subscribe(channel, (message) => {
      const change = parseChange(message);
      if (change) hub.deliver(change);
    }),
  ).catch(failed('subscribe'));
  return async (change) => {
    try {
      await redis.sendCommand('PUBLISH', channel, JSON.stringify(change));
    } catch (error) {
      failed('publish')(error);
      hub.deliver(change);
    }
  };
}

export function withLiveRoutes(
  settings: ProxySettings,
  live: LiveSettings,
  api: (req: Request, res: Response) => Promise<void>,
): RequestHandler {
  const memory = live.redis ? redisExpiringStore(live.redis) : memoryExpiringStore(live.now);
  const hub = createHub({
    logger: settings.logger,
    policy: settings.policy,
    session: settings.session,
    heartbeatMs: live.heartbeatMs,
    sessionCheckMs: live.sessionCheckMs,
    replaySize: live.replaySize,
    replayMaxAgeMs: live.replayMaxAgeMs,
    now: live.now,
  });
  const patients = createRecordPatients({
    transport: createTransport({ agents: settings.agents, timeouts: settings.timeouts }),
    key: live.key,
    responseLimit: settings.responseLimit,
    memory,
    cacheMs: live.patientCacheMs,
  });
  const receive = webhookRoute({ live, memory, patients, publish: createPublisher(hub, live, settings), logger: settings.logger });
  const stream = streamRoute({
    hub,
    policy: settings.policy,
    logger: settings.logger,
    connectionsPerUser: live.connectionsPerUser,
    heartbeatMs: live.heartbeatMs,
    now: live.now,
  });
  const webhook = async (req: Request, res: Response): Promise<void> => {
    const state = startRequest(settings, res);
    try {
      checkEntry(req);
      await receive(req, res, state);
    } catch (error) {
      fail(error, res, state);
    }
  };
  const events = async (req: Request, res: Response): Promise<void> => {
    const state = startRequest(settings, res);
    try {
      checkEntry(req);
      settings.anonymousLimit?.check(req);
      const user = await signIn(settings, req, res, state);
      await settings.rateLimiter?.count(user, res);
      await stream(req, res, state, user);
    } catch (error) {
      fail(error, res, state);
    }
  };
  return (req, res) => {
    const query = req.url.indexOf('?');
    const path = query < 0 ? req.url : req.url.slice(0, query);
    if (path === WEBHOOK_PATH) return webhook(req, res);
    if (path === EVENTS_PATH) return events(req, res);
    return api(req, res);
  };
}

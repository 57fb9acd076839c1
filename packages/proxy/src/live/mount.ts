/**
 * Mounts the live routes beside the API: `POST <mount>/webhooks/clinikapi` (ClinikAPI, signed) and `GET
 * <mount>/events` (a signed-in user's stream); every other request goes to the API pipeline untouched. Both routes
 * start with the API's entry stage (request id, target and header hygiene, the request's audit record); the stream
 * then passes the same anonymous limit, session and per-user limit as a call.
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { ProxySettings } from '../options.ts';
import { entryStage, errorStage, sessionStage } from '../stages.ts';
import { createTransport } from '../upstream/transport.ts';
import { parseChange, type LiveChange } from './change.ts';
import { createHub, type LiveHub } from './hub.ts';
import { memoryExpiringStore, redisExpiringStore } from './memory.ts';
import type { LiveSettings } from './options.ts';
import { createRecordPatients } from './record-patients.ts';
import { streamStage } from './stream-route.ts';
import { webhookStage } from './webhook-route.ts';

type Compose = (stages: readonly RequestHandler[], fail: ErrorRequestHandler) => RequestHandler;

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
    settings.logger.error({ live: { failure: `${what}:${error instanceof Error ? error.name : 'unknown'}` } }, 'clinikapi.proxy.live.failure');
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

export function withLiveRoutes(settings: ProxySettings, live: LiveSettings, api: RequestHandler, compose: Compose): RequestHandler {
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
  const webhook = compose([entryStage(settings), webhookStage({ live, memory, patients, publish: createPublisher(hub, live, settings), logger: settings.logger })], errorStage());
  const stream = streamStage({ hub, policy: settings.policy, logger: settings.logger, connectionsPerUser: live.connectionsPerUser, heartbeatMs: live.heartbeatMs, now: live.now });
  const events = compose(
    [entryStage(settings), settings.anonymousLimit?.guard, sessionStage(settings), settings.rateLimiter, stream].filter((stage) => stage !== undefined),
    errorStage(),
  );
  return (req, res, next) => {
    const query = req.url.indexOf('?');
    const path = query < 0 ? req.url : req.url.slice(0, query);
    if (path === WEBHOOK_PATH) return webhook(req, res, next);
    if (path === EVENTS_PATH) return events(req, res, next);
    return api(req, res, next);
  };
}

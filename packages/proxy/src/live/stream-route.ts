/**
 * `GET <mount>/events`: a server-sent event stream bound to the caller's session (the same session stage as every
 * call put it there). Each user may hold a few streams on an instance; a stream that comes back with
 * `Last-Event-ID` is given what it missed (or told to start over), then `ready` with the newest id.
 *
 *   retry: 3000
 *   id: evt_…            event: change     data: {"resourceType":"Observation","path":"observations","id":"…",
 *                                                 "action":"created","patientIds":["…"]}
 *   :                    (heartbeat)
 *   event: reset         the id was too old: refetch everything
 *   event: session-ended the session is over: sign in again before reconnecting
 */
import type { Request, Response } from 'express';
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { BASE_RESPONSE_HEADERS, ProxyError } from '../errors.ts';
import type { Policy } from '../policy/policy.ts';
import { createVisibility } from '../policy/visibility.ts';
import type { ProxyRequestState, ProxyUser } from '../request-context.ts';
import type { LiveHub, LiveStream } from './hub.ts';
import { writeLiveAudit } from './live-audit.ts';

/** How long a browser waits before reconnecting (EventSource reads it; our client uses its own backoff). */
const RETRY_MS = 3000;
const EVENT_ID = /^[A-Za-z0-9_.-]{1,128}$/;

export interface StreamRouteDeps {
  readonly hub: LiveHub;
  readonly policy: Policy;
  readonly logger: Logger;
  readonly connectionsPerUser: number;
  readonly heartbeatMs: number;
  readonly now: () => number;
}

/** A signed-in user's stream: the last step of `GET <mount>/events`, after hygiene, session and limits. */
export type StreamRoute = (req: Request, res: Response, state: ProxyRequestState, user: ProxyUser) => Promise<void>;

export function streamRoute(deps: StreamRouteDeps): StreamRoute {
  return async (req, res, state, user) => {
    if (req.method !== 'GET')
      throw new ProxyError('METHOD_NOT_ALLOWED', 'The event stream is read with GET', {
        headers: { allow: 'GET' },
        reason: 'live:events-method',
      });
    if (deps.hub.streamsOf(user.id) >= deps.connectionsPerUser) {
      throw new ProxyError('RATE_LIMITED', 'Too many open event streams', {
        headers: { 'retry-after': '10' },
        reason: 'live:too-many-streams',
      });
    }
    const header = req.headers['last-event-id'];
    const lastEventId = typeof header === 'string' && EVENT_ID.test(header) ? header : undefined;

    state.decision = 'allow';
    state.reason = 'live:subscribe';
    res.writeHead(200, {
      ...BASE_RESPONSE_HEADERS,
      // no-transform: compression middleware leaves the stream alone (a compressed stream is held back in buffers).
      'cache-control': 'no-store, no-transform',
      'content-type': 'text/event-stream; charset=utf-8',
      'x-accel-buffering': 'no',
      'x-request-id': state.requestId,
    });
    req.socket.setNoDelay(true);
    res.write(`retry: ${RETRY_MS}\n\n`);

    const stream: LiveStream = {
      id: `str_${randomBytes(12).toString('base64url')}`,
      requestId: state.requestId,
      req,
      res,
      openedAt: deps.now(),
      user,
      visibility: createVisibility(deps.policy, user),
      decisions: new Map(),
      delivered: 0,
      closed: false,
      pending: '',
    };
    deps.hub.add(stream);
    const { replayed, reset } = lastEventId ? await deps.hub.replay(stream, lastEventId) : { replayed: 0, reset: false };
    writeLiveAudit(deps.logger, {
      kind: 'subscribe',
      streamId: stream.id,
      requestId: state.requestId,
      userId: user.id,
      roles: user.roles ?? [],
      resumedFrom: lastEventId ?? null,
      replayed,
      reset,
    });
    if (stream.closed) return;
    const head = deps.hub.head();
    deps.hub.send(stream, `event: ready\ndata: {"heartbeatMs":${deps.heartbeatMs}}\n${head ? `id: ${head}\n` : ''}\n`);
  };
}

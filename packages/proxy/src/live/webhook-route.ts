/**
 * `POST <mount>/webhooks/clinikapi`: ClinikAPI calling, not a user — so no session, but nothing is believed before
 * the signature is. Then, as the guide's handler does: verify → read → check environment and tenant → deduplicate
 * on the delivery id → answer 200 at once → find whose record it is and publish, after the answer. Everything that
 * is not acted on is still a 200 (a retry would change nothing); only a bad signature (401), a malformed event
 * (400) or an oversized body (413) is refused.
 */
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { BASE_RESPONSE_HEADERS, ProxyError } from '../errors.ts';
import type { ProxyRequestState } from '../request-context.ts';
import type { LiveChange } from './change.ts';
import { writeLiveAudit } from './live-audit.ts';
import type { ExpiringStore } from './memory.ts';
import type { LiveSettings } from './options.ts';
import { readEvent } from './payload.ts';
import type { RecordPatients } from './record-patients.ts';
import { verifyDelivery } from './signature.ts';

/** Far above any event (a few hundred bytes), far below anything worth sending to waste our time. */
const BODY_LIMIT = 64 * 1024;

export interface WebhookRouteDeps {
  readonly live: LiveSettings;
  readonly memory: ExpiringStore;
  readonly patients: RecordPatients;
  readonly publish: (change: LiveChange) => Promise<void>;
  readonly logger: Logger;
}

/** The raw bytes the signature covers. A body another middleware already parsed cannot be verified any more. */
async function rawBody(req: Request): Promise<Buffer> {
  const parsed = (req as Request & { body?: unknown }).body;
  if (Buffer.isBuffer(parsed)) return parsed;
  if (req.readableEnded) {
    throw new ProxyError('INTERNAL_ERROR', 'The webhook body was read before the proxy: mount clinikProxy before express.json()', {
      reason: 'live:body-already-read',
    });
  }
  if (Number(req.headers['content-length']) > BODY_LIMIT)
    throw new ProxyError('PAYLOAD_TOO_LARGE', undefined, { reason: 'live:webhook-too-large', headers: { connection: 'close' } });
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT)
      throw new ProxyError('PAYLOAD_TOO_LARGE', undefined, { reason: 'live:webhook-too-large', headers: { connection: 'close' } });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/** `POST <mount>/webhooks/clinikapi`, after the entry hygiene: the upstream calling, behind its signature. */
export type WebhookRoute = (req: Request, res: Response, state: ProxyRequestState) => Promise<void>;

export function webhookRoute(deps: WebhookRouteDeps): WebhookRoute {
  const { live } = deps;

  /** Whose record it is, then out to every instance. Runs after the answer; a failure costs this event only. */
  async function publish(change: Omit<LiveChange, 'patients'>, definition: Parameters<RecordPatients['audienceOf']>[0]): Promise<void> {
    const patients = await deps.patients.audienceOf(definition, change.id, change.action);
    await deps.publish({ ...change, patients });
  }

  return async (req, res, state) => {
    if (req.method !== 'POST') {
      throw new ProxyError('METHOD_NOT_ALLOWED', 'ClinikAPI webhooks are POSTed here', {
        headers: { allow: 'POST' },
        reason: 'live:webhook-method',
      });
    }
    const body = await rawBody(req);
    const verdict = verifyDelivery(body, req.headers, {
      secret: live.secret,
      strict: live.strict,
      toleranceSeconds: live.toleranceSeconds,
      now: live.now(),
    });
    if (!verdict.ok)
      throw new ProxyError('UNAUTHORIZED', 'The webhook signature is missing, wrong or stale', { reason: `live:${verdict.reason}` });
    const received = readEvent(body);
    if (!received) throw new ProxyError('BAD_REQUEST', 'The webhook body is not a ClinikAPI event', { reason: 'live:payload-invalid' });
    const { event, definition } = received;
    const deliveryId = req.headers['x-clinik-delivery-id'];
    if (deliveryId !== undefined && deliveryId !== event.id) {
      throw new ProxyError('BAD_REQUEST', 'X-Clinik-Delivery-Id does not match the event', { reason: 'live:delivery-id-mismatch' });
    }

    let outcome: string;
    if (event.data.environment !== live.environment) outcome = 'ignored:environment';
    else if (!live.tenants.has(event.data.tenantId)) outcome = 'ignored:tenant';
    else if (!definition) outcome = 'ignored:unknown-resource';
    // The signed id, not the header: a replayed delivery cannot dodge this by changing an unsigned header.
    else outcome = (await deps.memory.claim(`seen:${event.id}`, live.dedupeMs)) ? 'accepted' : 'duplicate';

    state.decision = 'allow';
    state.reason = `live:webhook:${outcome}`;
    const answer = '{"received":true}';
    res.writeHead(200, {
      ...BASE_RESPONSE_HEADERS,
      'x-request-id': state.requestId,
      'content-type': 'application/json; charset=utf-8',
      'content-length': String(answer.length),
    });
    res.end(answer);
    writeLiveAudit(deps.logger, {
      kind: 'webhook',
      requestId: state.requestId,
      eventId: event.id,
      event: event.event,
      resourceId: event.data.resourceId,
      tenantId: event.data.tenantId,
      environment: event.data.environment,
      outcome,
    });
    if (outcome !== 'accepted' || !definition) return;
    const change = { eventId: event.id, path: definition.path, id: event.data.resourceId, action: event.data.action, at: live.now() };
    publish(change, definition).catch((error: unknown) => {
      deps.logger.error(
        { live: { eventId: event.id, failure: error instanceof Error ? error.name : 'unknown' } },
        'clinikapi.proxy.live.failure',
      );
    });
  };
}

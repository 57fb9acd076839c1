/**
 * The body of a verified delivery, read strictly: an event the proxy will act on has exactly the documented shape,
 * ids of the documented form (they end up in SSE `id:` lines and audit records), and a resource name the API sends.
 */
import { WEBHOOK_ACTIONS, resourceOfWebhookName, type ResourceDefinition, type WebhookAction, type WebhookEvent } from '@clinikapi/core';

/** An event the proxy understood: the webhook's fields and the catalogue entry its resource name is. */
export interface ReceivedEvent {
  readonly event: WebhookEvent;
  /** Undefined for a resource name the catalogue does not have (a newer API): such an event is dropped. */
  readonly definition: ResourceDefinition | undefined;
}

/** Event and record ids: what ClinikAPI issues (`evt_…`, UUIDs), nothing that could break a line or a header. */
const ID = /^[A-Za-z0-9_.-]{1,128}$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The event in `body`, or undefined when it is not one (a 400: the signature was right, the shape is not). */
export function readEvent(body: Buffer): ReceivedEvent | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isObject(parsed) || !isObject(parsed.data)) return undefined;
  const { id, event, timestamp, data } = parsed;
  const { resourceType, resourceId, action, tenantId, environment } = data;
  if (
    typeof id !== 'string' ||
    !ID.test(id) ||
    typeof event !== 'string' ||
    typeof timestamp !== 'string' ||
    !Number.isFinite(Date.parse(timestamp))
  )
    return undefined;
  if (typeof resourceType !== 'string' || typeof resourceId !== 'string' || !ID.test(resourceId) || typeof tenantId !== 'string')
    return undefined;
  if (!WEBHOOK_ACTIONS.includes(action as WebhookAction) || (environment !== 'live' && environment !== 'test')) return undefined;
  // The name and the data must agree: `patient.created` about a patient that was created.
  if (event !== `${resourceType}.${action as string}`) return undefined;
  return {
    event: { id, event, timestamp, data: { resourceType, resourceId, action: action as WebhookAction, tenantId, environment } },
    definition: resourceOfWebhookName(resourceType),
  };
}

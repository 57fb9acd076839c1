/**
 * A change as webhooks tell it: the event name, the ID-only payload, and which registered endpoints want it (event
 * patterns, environment, sub-organisation pin).
 */
import {
  WEBHOOK_ACTIONS,
  resourceOfWebhookName,
  webhookEventName,
  webhookResourceName,
  type ResourceDefinition,
  type ResourcePath,
  type WebhookAction,
  type WebhookEnvironment,
  type WebhookEvent,
} from '@clinikapi/core';
import type { WebhookRecord } from '../store/types.ts';

/** A committed write, as the service layer reports it. */
export interface RecordChange {
  readonly definition: ResourceDefinition;
  readonly id: string;
  readonly action: WebhookAction;
  /** The organisation (or sub-organisation) whose key wrote it. */
  readonly tenant: string;
  /** Where it was written: `test`, `live` or `dedicated:<org>`. */
  readonly datastore: string;
}

/** `test` for the test datastore, `live` for the production and dedicated ones. */
export const environmentOf = (datastore: string): WebhookEnvironment => (datastore === 'test' ? 'test' : 'live');

/** True for `*`, `<resource>.*` and `<resource>.<action>` with a resource name the API sends. */
export function isEventPattern(pattern: string): boolean {
  if (pattern === '*') return true;
  const dot = pattern.lastIndexOf('.');
  const action = pattern.slice(dot + 1);
  return (
    dot > 0 &&
    resourceOfWebhookName(pattern.slice(0, dot)) !== undefined &&
    (action === '*' || WEBHOOK_ACTIONS.includes(action as WebhookAction))
  );
}

function patternMatches(pattern: string, event: string): boolean {
  if (pattern === '*' || pattern === event) return true;
  return pattern.endsWith('.*') && event.startsWith(pattern.slice(0, -1));
}

/** Whether `webhook` receives `event` from `tenant` in `environment`. */
export function wants(webhook: WebhookRecord, event: string, environment: WebhookEnvironment, tenant: string): boolean {
  if (webhook.environment !== 'both' && webhook.environment !== environment) return false;
  if (webhook.subOrganisationId !== null && webhook.subOrganisationId !== tenant) return false;
  return webhook.events.some((pattern) => patternMatches(pattern, event));
}

/** `evt_<time>_<random>`, as the API's ids look; the same id travels with every retry. */
export function newEventId(now: number): string {
  const random = crypto.getRandomValues(new Uint8Array(9));
  return `evt_${now.toString(36)}_${[...random]
    .map((byte) => byte.toString(36).padStart(2, '0'))
    .join('')
    .slice(0, 12)}`;
}

/** The event for a change: names and ids only, never a field of the record. */
export function eventOf(change: RecordChange, id: string, now: number): WebhookEvent {
  const path = change.definition.path as ResourcePath;
  return {
    id,
    event: webhookEventName(path, change.action),
    timestamp: new Date(now).toISOString(),
    data: {
      resourceType: webhookResourceName(path),
      resourceId: change.id,
      action: change.action,
      tenantId: change.tenant,
      environment: environmentOf(change.datastore),
    },
  };
}

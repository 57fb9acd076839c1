/**
 * A change as the proxy passes it on: which record, what happened, and whose compartment it touches — ids only,
 * never the record. The same value travels between instances (Redis), sits in the replay buffer, and is decided
 * per user; what a browser receives is `changeFrame`'s, without the compartment bookkeeping.
 */
import { findResource, type WebhookAction } from '@clinikapi/core';

export interface LiveChange {
  /** The webhook event's id: the SSE `id:` a stream resumes from. */
  readonly eventId: string;
  /** The catalogue path, e.g. `observations`. */
  readonly path: string;
  readonly id: string;
  readonly action: WebhookAction;
  /** The patients whose compartment it touches (`record-patients.ts`); null when that could not be told. */
  readonly patients: readonly string[] | null;
  /** When the proxy accepted the webhook (epoch ms): the replay window is measured from it. */
  readonly at: number;
}

/** What a browser is told: `{ resourceType, path, id, action, patientIds }` — the patients it may know of. */
export function changeFrame(change: LiveChange, resourceType: string, patientIds: readonly string[]): string {
  const data = JSON.stringify({ resourceType, path: change.path, id: change.id, action: change.action, patientIds });
  return `id: ${change.eventId}\nevent: change\ndata: ${data}\n\n`;
}

const ACTIONS: readonly string[] = ['created', 'updated', 'deleted'];
const ID = /^[A-Za-z0-9_.-]{1,128}$/;

/** A change published by another instance, checked before it is trusted with a stream. */
export function parseChange(message: string): LiveChange | undefined {
  let value: Partial<LiveChange>;
  try {
    value = JSON.parse(message) as Partial<LiveChange>;
  } catch {
    return undefined;
  }
  const { eventId, path, id, action, patients, at } = value;
  if (typeof eventId !== 'string' || !ID.test(eventId) || typeof id !== 'string' || !ID.test(id)) return undefined;
  if (typeof path !== 'string' || !findResource(path) || typeof action !== 'string' || !ACTIONS.includes(action) || typeof at !== 'number')
    return undefined;
  if (patients !== null && !(Array.isArray(patients) && patients.every((patient) => typeof patient === 'string'))) return undefined;
  return { eventId, path, id, action: action as WebhookAction, patients: patients ?? null, at };
}

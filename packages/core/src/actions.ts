/**
 * The action protocol of the official widgets: `POST <proxy>` with `{ "action": "appointments.create", "data": {...} }`.
 * Each action names exactly one REST call; the proxy translates and authorizes it like any other request.
 */
import type { ResourcePath } from './catalogue.ts';

/** What an action does: the method, the resource path and whether `data.id` names the record. */
export interface ActionRoute {
  readonly method: 'GET' | 'POST' | 'PATCH';
  readonly path: ResourcePath;
  /** True when the call targets one record, whose id is read from `data.id`. */
  readonly byId: boolean;
}

/**
 * The 17 actions the official widget pages document. `medications.create` is here although no official widget sends
 * it (and the official reference proxy forgets it); `labs.read` is what the lab viewer uses to load a report.
 */
export const WIDGET_ACTIONS = {
  'patients.create': { method: 'POST', path: 'patients', byId: false },
  'patients.read': { method: 'GET', path: 'patients', byId: true },
  'patients.update': { method: 'PATCH', path: 'patients', byId: true },
  'appointments.create': { method: 'POST', path: 'appointments', byId: false },
  'prescriptions.create': { method: 'POST', path: 'prescriptions', byId: false },
  'medications.create': { method: 'POST', path: 'medications', byId: false },
  'notes.create': { method: 'POST', path: 'notes', byId: false },
  'intakes.submit': { method: 'POST', path: 'intakes', byId: false },
  'consents.sign': { method: 'POST', path: 'consents', byId: false },
  'observations.create': { method: 'POST', path: 'observations', byId: false },
  'labs.create': { method: 'POST', path: 'labs', byId: false },
  'labs.read': { method: 'GET', path: 'labs', byId: true },
  'conditions.create': { method: 'POST', path: 'conditions', byId: false },
  'allergies.create': { method: 'POST', path: 'allergies', byId: false },
  'immunizations.create': { method: 'POST', path: 'immunizations', byId: false },
  'care-plans.create': { method: 'POST', path: 'care-plans', byId: false },
  'goals.create': { method: 'POST', path: 'goals', byId: false },
} as const satisfies Record<string, ActionRoute>;

/** The name of a widget action, e.g. `'consents.sign'`. */
export type WidgetAction = keyof typeof WIDGET_ACTIONS;

/** True when `name` is one of the 17 widget actions. */
export function isWidgetAction(name: unknown): name is WidgetAction {
  return typeof name === 'string' && Object.hasOwn(WIDGET_ACTIONS, name);
}

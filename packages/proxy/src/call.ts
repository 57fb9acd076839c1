/** The one shape both protocols (REST passthrough and widget actions) are translated into before any decision. */
import type { ResourceDefinition, WidgetAction } from '@clinikapi/core';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** What a call does to its resource, in the catalogue's terms. */
export type Interaction = 'read' | 'search' | 'create' | 'update' | 'delete';

export interface ApiCall {
  readonly method: HttpMethod;
  readonly interaction: Interaction;
  readonly resource: ResourceDefinition;
  /** The record id for read, update and delete. */
  readonly id: string | undefined;
  /** The checked query, re-serialised for the upstream: the raw query string is never forwarded. */
  readonly query: URLSearchParams;
  /** The parsed JSON body of create and update; `undefined` for reads and deletes. */
  readonly body: unknown;
  /** `application/json` or `application/json-patch+json` when there is a body. */
  readonly contentType: string | undefined;
  /** The widget action this call came from, when it came through the action protocol. */
  readonly action: WidgetAction | undefined;
}

export const INTERACTION_METHOD: Readonly<Record<Interaction, HttpMethod>> = {
  read: 'GET',
  search: 'GET',
  create: 'POST',
  update: 'PATCH',
  delete: 'DELETE',
};

/** True for methods that change data: these need write scope and, for cookie sessions, the CSRF header. */
export function isStateChanging(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
}

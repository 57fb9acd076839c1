/**
 * The one shape every protocol (ClinikAPI's REST passthrough and widget actions, Cliniko's routes) is translated
 * into before any decision.
 */
import type { ClinikoResourceDefinition, HttpMethod, Interaction, ResourceDefinition, WidgetAction } from '@clinikapi/core';

/** `@clinikapi/core`'s, re-exported as part of the proxy's public API. */
export type { HttpMethod, Interaction };

/** The catalogue entry a call is about: ClinikAPI's (`@clinikapi/core` `RESOURCE_CATALOGUE`) or Cliniko's (`CLINIKO_RESOURCES`). */
export type CallResource = ResourceDefinition | ClinikoResourceDefinition;

/** A record a nested path goes through: the patient of `/patients/1/appointments`. */
export interface CallParent {
  /** The parent's resource name, e.g. `patients`. */
  readonly resource: string;
  readonly id: string;
}

export interface ApiCall<Resource extends CallResource = CallResource> {
  readonly method: HttpMethod;
  readonly interaction: Interaction;
  readonly resource: Resource;
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
  /** The records a nested path goes through, outermost first (Cliniko); absent for paths that nest nothing. */
  readonly parents?: readonly CallParent[];
  /** The path under `/v1` when it is not `/<resource>[/<id>]` (Cliniko's nested and action routes). */
  readonly path?: string;
}

/** True for a Cliniko catalogue entry. */
export function isClinikoResource(resource: CallResource): resource is ClinikoResourceDefinition {
  return (resource as { readonly api?: unknown }).api === 'cliniko';
}

export const INTERACTION_METHOD: Readonly<Record<Interaction, HttpMethod>> = {
  read: 'GET',
  search: 'GET',
  create: 'POST',
  update: 'PATCH',
  delete: 'DELETE',
  cancel: 'PATCH',
  archive: 'POST',
  unarchive: 'POST',
};

/** True for methods that change data: these need write scope and, for cookie sessions, the CSRF header. */
export function isStateChanging(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
}

/**
 * Cliniko's paths, from core's route table: a path is carried only when every segment is a literal of one route or
 * an id where that route has one. Ids are Cliniko's: digit strings (int64, kept as text — an 18-digit id must
 * survive), so no id can smuggle a path or a query into the upstream call.
 */
import {
  CLINIKO_PARENT_PARAMS,
  CLINIKO_ROUTES,
  findClinikoResource,
  type ClinikoResourceDefinition,
  type ClinikoRoute,
} from '@clinikapi/core';
import type { CallParent, HttpMethod } from '../call.ts';
import { ProxyError } from '../errors.ts';

/** An int64 id as Cliniko writes it: digits, no sign, no leading zero. */
export const CLINIKO_ID = /^(?:0|[1-9][0-9]{0,18})$/;

export interface MatchedRoute {
  readonly route: ClinikoRoute;
  readonly resource: ClinikoResourceDefinition;
  /** The record's id, for routes with `{id}`. */
  readonly id: string | undefined;
  readonly parents: readonly CallParent[];
}

interface CompiledRoute {
  readonly route: ClinikoRoute;
  readonly resource: ClinikoResourceDefinition;
  /** For each segment, the name of the id it holds (`id`, `patient_id`), or `undefined` for a literal. */
  readonly params: readonly (string | undefined)[];
}

/**
 * Routes by shape: the path with every id segment as `{}` (`patients/{}/appointments`). Literal segments are
 * lower-case words and ids are digits, so a path matches a route exactly when their shapes are equal — one map
 * lookup per path, which matters: every link of an answer is matched (a page holds a few hundred).
 */
const BY_SHAPE = new Map<string, CompiledRoute[]>();
for (const route of CLINIKO_ROUTES) {
  const resource = findClinikoResource(route.resource);
  if (!resource) throw new Error(`Cliniko route ${route.path} names no resource`);
  const segments = route.path.split('/').slice(1);
  const shape = segments.map((segment) => (segment.startsWith('{') ? '{}' : segment)).join('/');
  const routes = BY_SHAPE.get(shape) ?? [];
  routes.push({ route, resource, params: segments.map((segment) => (segment.startsWith('{') ? segment.slice(1, -1) : undefined)) });
  BY_SHAPE.set(shape, routes);
}

/** The routes a mount-relative path (`/patients/1/appointments`) matches, whatever their method, and its segments. */
function candidates(path: string): { readonly segments: readonly string[]; readonly routes: readonly CompiledRoute[] } {
  const segments = path.split('/').slice(1);
  const shape = segments.map((segment) => (CLINIKO_ID.test(segment) ? '{}' : segment)).join('/');
  return { segments, routes: BY_SHAPE.get(shape) ?? [] };
}

function matched(compiled: CompiledRoute, segments: readonly string[]): MatchedRoute {
  let id: string | undefined;
  const parents: CallParent[] = [];
  compiled.params.forEach((param, index) => {
    if (param === undefined) return;
    const value = segments[index] as string;
    if (param === 'id') id = value;
    else parents.push({ resource: CLINIKO_PARENT_PARAMS[param] as string, id: value });
  });
  return { route: compiled.route, resource: compiled.resource, id, parents };
}

/** The route `method` and `path` take; a 404 for a path Cliniko's catalogue does not have, a 405 naming the methods it has. */
export function matchRoute(method: HttpMethod, path: string): MatchedRoute {
  const { segments, routes } = candidates(path);
  if (routes.length === 0) throw new ProxyError('NOT_FOUND', 'No such resource path', { reason: 'path:not-in-catalogue' });
  const found = routes.find((compiled) => compiled.route.method === method);
  if (!found) {
    throw new ProxyError('METHOD_NOT_ALLOWED', `${method} is not allowed on this path`, {
      headers: { allow: [...new Set(routes.map((compiled) => compiled.route.method))].join(', ') },
      reason: 'method:not-in-catalogue',
    });
  }
  return matched(found, segments);
}

/** Whether the proxy serves a `GET` of `path`: what a link in an answer may point at. */
export function isReadablePath(path: string): boolean {
  return candidates(path).routes.some((compiled) => compiled.route.method === 'GET');
}

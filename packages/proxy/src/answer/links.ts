/**
 * URLs in an answer that point at the upstream — a `Location`, a Bundle's `fullUrl` and `link[].url`, the values of
 * `links` objects at any depth — would send the browser to the API's host, around the proxy. Each is rewritten to
 * the same path under the proxy's mount, or dropped when the proxy serves no such path (which paths it serves is the
 * API dialect's `MountedPath`). A rewritten URL always starts with the mount followed by a served path, so it can
 * never come out protocol-relative (`//host`), whatever the mount and whatever the upstream sent.
 */
import { findResource, findResourceByType } from '@clinikapi/core';
import { isRecordId } from '../protocol/rest.ts';

export interface UpstreamLocation {
  /** `https://api.clinikapi.com` */
  readonly origin: string;
  /** The upstream's path prefix before `/v1`, usually `''`. */
  readonly basePath: string;
}

export type UrlVerdict =
  | { readonly kind: 'rewritten'; readonly url: string }
  /** On the upstream's host, but not a record the proxy serves (`/v1/fhir/...` of an unknown type, `/health`). */
  | { readonly kind: 'outside-api' }
  /** Another host or scheme, or not a URL at all. */
  | { readonly kind: 'off-host' };

/** A path a browser resolves on the page's own origin: one slash, then neither a slash nor a backslash; no controls. */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const SAME_ORIGIN_PATH = /^\/(?![/\\])[^\\\u0000-\u001f\u007f]*$/;

/** The mount-relative path (`/patients/1`) of the part of an upstream path after `/v1/`, or `undefined` when none is served. */
export type MountedPath = (rest: string) => string | undefined;

/** ClinikAPI's: `/<path>[/<id>]` of the catalogue, from the part of an upstream path after `/v1/`. */
export function clinikapiMountedPath(rest: string): string | undefined {
  const segments = rest.split('/');
  // The FHIR form the emulator's Bundles use: `fhir/Observation/<id>` is `observations/<id>` here.
  if (segments[0] === 'fhir' && segments.length === 3) {
    const definition = findResourceByType(segments[1] ?? '');
    return definition && isRecordId(segments[2]) ? `/${definition.path}/${segments[2]}` : undefined;
  }
  if (segments.length > 2 || !findResource(segments[0] ?? '')) return undefined;
  if (segments.length === 2 && !isRecordId(segments[1])) return undefined;
  return `/${segments.join('/')}`;
}

/** Where `value` (absolute, or relative to the upstream's base) may send the browser. */
export function rewriteUpstreamUrl(
  value: string,
  upstream: UpstreamLocation,
  mountPath: string,
  mapPath: MountedPath = clinikapiMountedPath,
): UrlVerdict {
  let url: URL;
  try {
    url = new URL(value, `${upstream.origin}${upstream.basePath}/`);
  } catch {
    return { kind: 'off-host' };
  }
  if (url.origin !== upstream.origin || url.username !== '' || url.password !== '') return { kind: 'off-host' };
  const apiPrefix = `${upstream.basePath}/v1/`;
  if (!url.pathname.startsWith(apiPrefix)) return { kind: 'outside-api' };
  const path = mapPath(url.pathname.slice(apiPrefix.length));
  if (path === undefined) return { kind: 'outside-api' };
  const local = `${mountPath.replace(/\/+$/, '')}${path}${url.search}`;
  // The mount comes from the request's own path: whatever it holds, the result must stay a path on this origin.
  return SAME_ORIGIN_PATH.test(local) ? { kind: 'rewritten', url: local } : { kind: 'outside-api' };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Rewrites, in place, every URL of `answer` that FHIR Bundles and paged answers carry: `fullUrl`, `link[].url` and
 * the values of a `links` object. One that cannot be rewritten is removed. Returns how many were removed.
 */
export function rewriteAnswerUrls(
  answer: unknown,
  upstream: UpstreamLocation,
  mountPath: string,
  mapPath: MountedPath = clinikapiMountedPath,
): number {
  let dropped = 0;
  const rewrite = (holder: Record<string, unknown>, key: string): void => {
    const value = holder[key];
    if (typeof value !== 'string') return;
    const verdict = rewriteUpstreamUrl(value, upstream, mountPath, mapPath);
    if (verdict.kind === 'rewritten') holder[key] = verdict.url;
    else {
      delete holder[key];
      dropped += 1;
    }
  };
  const stack: unknown[] = [answer];
  while (stack.length > 0) {
    const value = stack.pop();
    if (!isObject(value)) continue;
    if (!Array.isArray(value)) {
      if ('fullUrl' in value) rewrite(value, 'fullUrl');
      if (Array.isArray(value.link)) for (const link of value.link) if (isObject(link) && 'url' in link) rewrite(link, 'url');
      if (isObject(value.links) && !Array.isArray(value.links)) for (const key of Object.keys(value.links)) rewrite(value.links, key);
    }
    for (const child of Object.values(value)) stack.push(child);
  }
  return dropped;
}

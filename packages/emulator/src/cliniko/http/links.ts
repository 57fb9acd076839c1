/**
 * Absolute links on the host and path prefix the request came in on (`http://127.0.0.1:4020/v1`,
 * `http://127.0.0.1:4020/au2/v1` or `http://api.au2.localhost:4020/v1`): Cliniko's links name the shard host the
 * client called, and a proxy has to rewrite exactly these.
 */

/** `{"links":{"self": …}}`, the shape of every relation and of every object's own link. */
export interface LinkObject {
  readonly links: { readonly self: string };
}

export interface Links {
  /** The absolute URL of a path under `/v1`. */
  url(path: string): string;
  /** `{"links":{"self": <url(path)>}}`. */
  ref(path: string): LinkObject;
}

/** Links under `base`, e.g. `http://127.0.0.1:4020/v1`. */
export function linksOn(base: string): Links {
  const url = (path: string): string => `${base}${path}`;
  return { url, ref: (path) => ({ links: { self: url(path) } }) };
}

/** A relation to the record `id` of `collection`, or null when there is none. */
export function refOrNull(links: Links, collection: string, id: unknown): LinkObject | null {
  return typeof id === 'string' && id !== '' ? links.ref(`/${collection}/${id}`) : null;
}

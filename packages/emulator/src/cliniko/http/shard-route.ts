/**
 * Which shard a request is addressed to. An instance serves one shard, reached three ways: `/v1/…` on any host,
 * `/{shard}/v1/…` (a path-based upstream template), or `/v1/…` on `api.{shard}.<anything>` (host-based, as Cliniko's
 * own hosts). A request naming another shard reaches nothing — in reality that host would not even resolve — so it
 * gets a bare 404 with no body (our choice), never a hint about keys.
 */

export interface ShardRoute {
  /** `""` or `/{shard}`: what goes before `/v1` in this request's links. */
  readonly prefix: string;
  /** The path without that prefix, for routing. */
  readonly path: string;
}

const PATH_SHARD = /^\/([a-z]{2}[0-9]{1,2})(\/.*)?$/;
const HOST_SHARD = /^api\.([^.]+)\./i;

/** The route of a request on `shard`'s instance; undefined when it names another shard. */
export function shardRouteOf(url: URL, host: string | null, shard: string): ShardRoute | undefined {
  const hostShard = HOST_SHARD.exec(host ?? '')?.[1]?.toLowerCase();
  if (hostShard !== undefined && hostShard !== shard) return undefined;
  const byPath = PATH_SHARD.exec(url.pathname);
  if (!byPath) return { prefix: '', path: url.pathname };
  return byPath[1] === shard ? { prefix: `/${shard}`, path: byPath[2] ?? '/' } : undefined;
}

export { clinikProxy } from './router.ts';
export { DEFAULT_UPSTREAM, type ClinikProxyOptions, type SessionResolver } from './options.ts';
export type { ProxyUser } from './request-context.ts';
export { FORWARDED_REQUEST_HEADERS } from './headers.ts';

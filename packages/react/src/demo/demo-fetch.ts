/**
 * `fetch` for `proxyUrl="demo"`: no network at all. The in-memory demo API is a separate chunk, loaded by the first
 * request — an app that never uses demo mode never downloads it.
 */
import type { DemoServer } from './demo-server.ts';

/** A fetch answered by a fresh in-memory demo API (one per provider, so demos never share state). */
export function createDemoFetch(): typeof fetch {
  let server: Promise<DemoServer> | undefined;
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    server ??= import('./demo-server.ts').then((module) => module.createDemoServer());
    return (await server).handle(String(input), init ?? {});
  };
}

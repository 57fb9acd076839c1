/**
 * What the page sends to the network while a test runs. Every listener added here is removed when the test that added
 * it ends, passed or failed, so no test has to clean up after itself and none hears another's requests.
 */
import { onTestFinished } from 'vitest';
import { mswServer } from './msw-server.ts';
import { TEST_PROXY_URL } from './proxy-url.ts';

/** Calls `listener` with every request sent until the current test ends. */
export function onRequest(listener: (request: Request) => void): void {
  const heard = ({ request }: { request: Request }) => listener(request);
  mswServer.events.on('request:start', heard);
  onTestFinished(() => {
    mswServer.events.removeListener('request:start', heard);
  });
}

/** The requests sent until the current test ends that `matches`, as copies whose bodies can still be read. */
export function requestsSent(matches: (request: Request) => boolean = () => true): Request[] {
  const seen: Request[] = [];
  onRequest((request) => {
    if (matches(request)) seen.push(request.clone());
  });
  return seen;
}

/** The requests sent with `method` until the current test ends. */
export function requestsWith(method: string): Request[] {
  return requestsSent((request) => request.method === method);
}

/** How many requests the page sends to the proxy until the current test ends, by method and path (`GET patients`). */
export function countRequests(): Map<string, number> {
  const counts = new Map<string, number>();
  onRequest((request) => {
    const key = `${request.method} ${new URL(request.url).pathname.replace(`${TEST_PROXY_URL}/`, '')}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return counts;
}

import { EventEmitter } from 'node:events';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Exchange, type UpstreamCall } from './exchange.ts';
import type { UpstreamFailure } from './failure.ts';
import { upstreams } from './presets.ts';

const call: UpstreamCall = {
  target: upstreams.clinikapi().targets[0]!,
  method: 'GET',
  path: '/v1/patients',
  headers: {},
  body: undefined,
};

/** The browser's request, for the tests that do not look at what it shows httpxy. */
const browserRequest = () => ({ url: '/api/clinik/patients', headers: {} });

/** The browser's response as the exchange sees it; `destroy` must never be called by the exchange. */
class FakeClient extends EventEmitter {
  writableFinished = false;
  destroyed = false;
  readonly destroy = vi.fn();
  close(finished: boolean): void {
    this.writableFinished = finished;
    this.destroyed = true;
    this.emit('close');
  }
}

/** An upstream request: `destroy(error)` emits the error and closes, as Node's does; httpxy listens for errors. */
class FakeRequest extends EventEmitter {
  constructor() {
    super();
    this.on('error', () => undefined);
  }
  readonly destroy = vi.fn((error?: Error) => {
    if (error) this.emit('error', error);
    this.emit('close');
  });
}

async function failureOf(exchange: Exchange): Promise<UpstreamFailure> {
  try {
    await exchange.settled;
  } catch (error) {
    return error as UpstreamFailure;
  }
  throw new Error('expected the exchange to fail');
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Exchange', () => {
  it('lends the request the call’s headers and gives its own back once, never over a later call’s', () => {
    const browser = { url: '/api/clinik/notes/n1', headers: { cookie: 'app_session=s' } };
    const req = { ...browser };
    const first = new Exchange(call, new FakeClient(), 1000, req);
    first.showCall({ accept: 'application/json' });
    req.url = '/v1/patients/n1';
    expect(req.headers).toEqual({ accept: 'application/json' });
    first.restoreClient();
    expect(req).toEqual(browser);
    // A second call of the same request (a compartment write after its read) is being prepared ...
    const second = new Exchange(call, new FakeClient(), 1000, req);
    second.showCall({ 'if-match': 'W/"2"' });
    // ... when the first call's restore runs again: it must not put the browser's headers back under it.
    first.restoreClient();
    expect(req.headers).toEqual({ 'if-match': 'W/"2"' });
    second.restoreClient();
    expect(req).toEqual(browser);
  });

  it('gives the request its own headers back when the call settles before any upstream request was made', async () => {
    const browser = { url: '/api/clinik/notes/n1', headers: { cookie: 'app_session=s' } };
    const req = { ...browser };
    const exchange = new Exchange(call, new FakeClient(), 1000, req);
    exchange.showCall({ accept: 'application/json' });
    req.url = '/v1/notes/n1';
    exchange.fail(new Error('connect ECONNREFUSED'));
    expect(req).toEqual(browser);
    await expect(exchange.settled).rejects.toBeInstanceOf(Error);
  });

  it('settles once, with the upstream response; later failures change nothing', async () => {
    const client = new FakeClient();
    const exchange = new Exchange(call, client, 1000, browserRequest());
    const request = new FakeRequest();
    expect(exchange.attach(request as unknown as ClientRequest)).toBe(true);
    const response = new EventEmitter() as IncomingMessage;
    exchange.respond(response);
    exchange.fail(Object.assign(new Error('reset'), { code: 'ECONNRESET' }));
    const settled = await exchange.settled;
    expect(settled.response).toBe(response);
    expect(settled.cutBecause()).toBeUndefined();
    // The response timer is gone with the settlement.
    await vi.advanceTimersByTimeAsync(2000);
    expect(request.destroy).not.toHaveBeenCalled();
  });

  it('gives up when no response headers arrive in time, cancelling the request', async () => {
    const exchange = new Exchange(call, new FakeClient(), 1000, browserRequest());
    const request = new FakeRequest();
    exchange.attach(request as unknown as ClientRequest);
    const failure = failureOf(exchange);
    await vi.advanceTimersByTimeAsync(1000);
    expect((await failure).kind).toBe('timeout');
    expect(request.destroy).toHaveBeenCalledWith(expect.objectContaining({ kind: 'timeout' }));
  });

  it('cancels a request created after it gave up (HPM was still preparing it)', async () => {
    const exchange = new Exchange(call, new FakeClient(), 1000, browserRequest());
    const failure = failureOf(exchange);
    await vi.advanceTimersByTimeAsync(1000);
    const request = new FakeRequest();
    expect(exchange.attach(request as unknown as ClientRequest)).toBe(false);
    expect(request.destroy).toHaveBeenCalledWith(expect.objectContaining({ kind: 'timeout' }));
    expect((await failure).kind).toBe('timeout');
  });

  it('names a stall when the socket went silent (httpxy proxyTimeout), not a reset', async () => {
    const exchange = new Exchange(call, new FakeClient(), 1000, browserRequest());
    const request = new FakeRequest();
    exchange.attach(request as unknown as ClientRequest);
    request.emit('timeout');
    exchange.fail(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    expect((await failureOf(exchange)).kind).toBe('idle');
  });

  it('mirrors a client that leaves early: aborted, and a close that tells httpxy the answer was incomplete', async () => {
    const client = new FakeClient();
    const exchange = new Exchange(call, client, 1000, browserRequest());
    const closed = vi.fn(() => exchange.writableFinished);
    exchange.on('close', closed);
    const failure = failureOf(exchange);
    client.close(false);
    expect((await failure).kind).toBe('aborted');
    expect(closed).toHaveReturnedWith(false);
    // A request httpxy creates afterwards is never sent.
    const request = new FakeRequest();
    expect(exchange.attach(request as unknown as ClientRequest)).toBe(false);
    expect(request.destroy).toHaveBeenCalledOnce();
  });

  it('mirrors a client that got its whole answer as finished, so httpxy keeps the socket', async () => {
    const client = new FakeClient();
    const exchange = new Exchange(call, client, 1000, browserRequest());
    const response = new EventEmitter() as IncomingMessage;
    exchange.respond(response);
    const closed = vi.fn(() => exchange.writableFinished);
    exchange.on('close', closed);
    client.close(true);
    expect(closed).toHaveReturnedWith(true);
    expect((await exchange.settled).cutBecause()).toBeUndefined();
  });

  it('settles a request that closes with neither response nor error as a reset', async () => {
    const exchange = new Exchange(call, new FakeClient(), 1000, browserRequest());
    const request = new FakeRequest();
    exchange.attach(request as unknown as ClientRequest);
    request.emit('close');
    expect((await failureOf(exchange)).kind).toBe('reset');
  });

  it('never writes to or destroys the client when httpxy reports a broken upstream response', async () => {
    const client = new FakeClient();
    const exchange = new Exchange(call, client, 1000, browserRequest());
    exchange.respond(new EventEmitter() as IncomingMessage);
    expect(exchange.headersSent).toBe(true);
    exchange.destroy();
    expect(exchange.destroyed).toBe(true);
    expect(client.destroy).not.toHaveBeenCalled();
    await exchange.settled;
  });
});

import { waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { changeFrame, READY, serveEventStreams } from '../test/event-streams.ts';
import { TEST_PROXY_URL } from '../test/msw-server.ts';
import { openLiveConnection, type LiveChange, type LiveConnection, type LiveStatus } from './live-connection.ts';

let connection: LiveConnection | undefined;
afterEach(() => connection?.close());

function connect() {
  const statuses: LiveStatus[] = [];
  const changes: LiveChange[] = [];
  const resets: number[] = [];
  connection = openLiveConnection({
    url: `${TEST_PROXY_URL}/events`,
    fetch: (input, init) => fetch(input, init),
    headers: { 'x-tenant': 'north' },
    onChange: (change) => changes.push(change),
    onReset: () => resets.push(1),
    onStatus: (status) => statuses.push(status),
    retryBaseMs: 5,
  });
  return { statuses, changes, resets };
}

describe('the live connection', () => {
  it('reads changes, and when the stream ends comes back with the last id it saw', async () => {
    const streams = serveEventStreams();
    const { statuses, changes } = connect();
    const first = await streams.nth(0);
    expect(first.headers.get('accept')).toBe('text/event-stream');
    expect(first.headers.get('x-tenant')).toBe('north');
    expect(first.headers.get('last-event-id')).toBeNull();
    first.send(READY);
    first.send(changeFrame('evt_1', { path: 'observations', id: 'obs-1', action: 'created', patientIds: ['amara'] }));
    await waitFor(() => expect(changes).toHaveLength(1));
    expect(changes[0]).toEqual({
      resourceType: 'Observation',
      path: 'observations',
      id: 'obs-1',
      action: 'created',
      patientIds: ['amara'],
    });
    expect(statuses).toEqual(['connecting', 'live']);

    first.end();
    const second = await streams.nth(1);
    expect(second.headers.get('last-event-id')).toBe('evt_1');
    expect(statuses).toContain('reconnecting');
    second.send('event: reset\ndata: {}\n\n');
    second.send(READY);
    await waitFor(() => expect(statuses.at(-1)).toBe('live'));
  });

  it('stops when the proxy refuses the session, until told to try again', async () => {
    const streams = serveEventStreams();
    streams.refuseWith(401);
    const { statuses } = connect();
    await waitFor(() => expect(statuses.at(-1)).toBe('stopped'));
    streams.refuseWith(200);
    connection?.reconnect();
    (await streams.nth(0)).send(READY);
    await waitFor(() => expect(statuses.at(-1)).toBe('live'));
  });

  it('after "session-ended", tries once at once with fresh credentials, and stops if they are refused too', async () => {
    const streams = serveEventStreams();
    const { statuses } = connect();
    const first = await streams.nth(0);
    first.send(READY);
    first.send('event: session-ended\ndata: {}\n\n');
    streams.refuseWith(401);
    first.end();
    await waitFor(() => expect(statuses.at(-1)).toBe('stopped'));
    expect(streams.opened).toHaveLength(1);
  });

  it('backs off and keeps trying while the proxy is unavailable', async () => {
    const streams = serveEventStreams();
    streams.refuseWith(503);
    const { statuses } = connect();
    await waitFor(() => expect(statuses.filter((status) => status === 'reconnecting').length).toBeGreaterThanOrEqual(2));
    streams.refuseWith(200);
    (await streams.nth(0)).send(READY);
    await waitFor(() => expect(statuses.at(-1)).toBe('live'));
  });
});

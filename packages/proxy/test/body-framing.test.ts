/**
 * Bodies arrive intact whatever ran before the proxy: nothing, `express.json()`, `express.raw()`, `express.text()`
 * or `express.urlencoded()`. http-proxy-middleware famously drops or mis-frames a body a parser already read; here
 * the upstream must receive the same bytes, correctly framed, in every case — for REST and for all 17 widget actions.
 */
import { WIDGET_ACTIONS, type WidgetAction } from '@clinikapi/core';
import express, { type Express } from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { proxyApp, recordingUpstream, type ProxyApp } from './harness.ts';

const PREPARES: Record<string, ((app: Express) => void) | undefined> = {
  'no body parser': undefined,
  'express.json()': (app) => app.use(express.json({ limit: '5mb' })),
  'express.raw()': (app) => app.use(express.raw({ type: '*/*', limit: '5mb' })),
  'express.text()': (app) => app.use(express.text({ type: '*/*', limit: '5mb' })),
  'express.urlencoded()': (app) => app.use(express.urlencoded({ extended: false })),
};

let upstream: Awaited<ReturnType<typeof recordingUpstream>>;
beforeAll(async () => {
  upstream = await recordingUpstream();
});
afterAll(() => upstream.close());
beforeEach(() => {
  upstream.requests.length = 0;
});

const headers = { 'content-type': 'application/json', 'x-csrf': '1' };
const patient = { firstName: 'Zoë', lastName: 'Ñúñez', address: { line: ['1 Émile Street'] }, note: 'x'.repeat(200_000) };

describe.each(Object.entries(PREPARES))('with %s before the proxy', (_name, prepare) => {
  let app: ProxyApp;
  beforeAll(async () => {
    app = await proxyApp({ upstream: upstream.url, ...(prepare ? { prepare } : {}) });
  });
  afterAll(() => app.close());

  it('forwards a REST create byte for byte, with a correct Content-Length', async () => {
    const response = await fetch(`${app.url}/api/clinik/patients`, { method: 'POST', headers, body: JSON.stringify(patient) });
    expect(response.status).toBe(200);
    const [seen] = upstream.requests;
    expect(seen?.body).toBe(JSON.stringify(patient));
    expect(seen?.headers['content-length']).toBe(String(Buffer.byteLength(JSON.stringify(patient))));
    expect(seen?.headers['transfer-encoding']).toBeUndefined();
  });

  it('forwards a JSON Patch update with its media type', async () => {
    const patch = [{ op: 'replace', path: '/lastName', value: 'Núñez' }];
    const response = await fetch(`${app.url}/api/clinik/patients/p1`, {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/json-patch+json' },
      body: JSON.stringify(patch),
    });
    expect(response.status).toBe(200);
    expect(upstream.requests[0]).toMatchObject({ method: 'PATCH', url: '/v1/patients/p1', body: JSON.stringify(patch) });
    expect(upstream.requests[0]?.headers['content-type']).toBe('application/json-patch+json');
  });

  it('still refuses more than 1 MiB when a parser with a higher limit read the body first', async () => {
    const response = await fetch(`${app.url}/api/clinik/patients`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ ...patient, note: 'y'.repeat(1_500_000) }),
    });
    expect(response.status).toBe(413);
    expect(upstream.requests).toEqual([]);
  });

  it.each(Object.keys(WIDGET_ACTIONS) as WidgetAction[])('translates the %s action to its REST call', async (action) => {
    const route = WIDGET_ACTIONS[action];
    const data = route.byId ? { id: 'rec-1', status: 'final' } : { patientId: 'p1', status: 'final', note: 'Ünïcode ✓' };
    const response = await fetch(`${app.url}/api/clinik`, { method: 'POST', headers, body: JSON.stringify({ action, data }) });
    expect(response.status).toBe(200);
    const [seen] = upstream.requests;
    expect(seen?.method).toBe(route.method);
    expect(seen?.url).toBe(`/v1/${route.path}${route.byId ? '/rec-1' : ''}`);
    const expected = route.method === 'GET' ? '' : JSON.stringify(route.method === 'PATCH' ? { status: 'final' } : data);
    expect(seen?.body).toBe(expected);
    if (expected) expect(seen?.headers['content-length']).toBe(String(Buffer.byteLength(expected)));
  });
});

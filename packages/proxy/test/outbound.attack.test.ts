/** Attack suite, outbound hygiene and CORS: what the browser may see of the upstream's answer, and from where. */
import express from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, proxyApp, recordingUpstream, successBody, type ProxyApp } from './harness.ts';

type Answer = (req: IncomingMessage, res: ServerResponse) => void;
const answers = new Map<string, Answer>();
let upstream: Awaited<ReturnType<typeof recordingUpstream>>;
let app: ProxyApp;

beforeAll(async () => {
  upstream = await recordingUpstream((req, res) => {
    const answer = answers.get(req.url ?? '');
    if (answer) answer(req, res);
    else
      res
        .writeHead(200, { 'content-type': 'application/json', 'set-cookie': 'tracking=1', server: 'nginx/1.2', 'x-powered-by': 'PHP' })
        .end(successBody(req.method ?? 'GET', req.url ?? '/').body);
  });
  app = await proxyApp({
    upstream: upstream.url,
    cors: { origins: ['https://app.example.com'] },
    prepare: (host) => host.use(express.json()),
  });
});
afterAll(async () => {
  await app.close();
  await upstream.close();
});

describe('upstream redirects', () => {
  it('refuses a redirect to another host with 502 and no Location', async () => {
    answers.set('/v1/labs/r1', (_req, res) => res.writeHead(302, { location: 'https://evil.example/phish' }).end());
    const response = await fetch(`${app.url}/api/clinik/labs/r1`, { redirect: 'manual' });
    expect(response.status).toBe(502);
    expect(response.headers.get('location')).toBeNull();
  });

  it('refuses a redirect out of the API on the same host', async () => {
    answers.set('/v1/labs/r2', (_req, res) => res.writeHead(303, { location: '/dashboard/login' }).end());
    expect((await fetch(`${app.url}/api/clinik/labs/r2`, { redirect: 'manual' })).status).toBe(502);
  });

  it('rewrites a redirect within the API to the mount', async () => {
    answers.set('/v1/labs/r3', (_req, res) => res.writeHead(301, { location: '/v1/labs/r4' }).end());
    const response = await fetch(`${app.url}/api/clinik/labs/r3`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/api/clinik/labs/r4');
  });

  it('drops a Location to another host on a 201', async () => {
    answers.set('/v1/labs', (_req, res) =>
      res.writeHead(201, { 'content-type': 'application/json', location: 'https://evil.example/v1/labs/1' }).end('{"data":{}}'),
    );
    const response = await fetch(`${app.url}/api/clinik/labs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf': '1' },
      body: '{"patientId":"p1"}',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBeNull();
  });
});

describe('response headers', () => {
  it('strips Set-Cookie, Server and both X-Powered-By (upstream and Express)', async () => {
    const response = await fetch(`${app.url}/api/clinik/patients`);
    expect(response.status).toBe(200);
    for (const name of ['set-cookie', 'server', 'x-powered-by']) expect(response.headers.get(name), name).toBeNull();
  });

  it.each([
    ['a success', '/api/clinik/patients'],
    ['a 404', '/api/clinik/nothing'],
    ['a 400', '/api/clinik/patients?bad=1'],
  ])('marks %s no-store and nosniff', async (_name, path) => {
    const response = await fetch(`${app.url}${path}`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('CORS', () => {
  const preflight = (origin: string) =>
    fetch(`${app.url}/api/clinik/patients`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-csrf' },
    });

  it('answers a preflight from an allowed origin', async () => {
    const response = await preflight('https://app.example.com');
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-headers')).toContain('x-csrf');
  });

  it.each(['https://evil.example', 'null', 'https://app.example.com.evil.example'])('refuses a preflight from %s', async (origin) => {
    const response = await preflight(origin);
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('gives no Access-Control-Allow-Origin to a request from another origin', async () => {
    const response = await fetch(`${app.url}/api/clinik/patients`, { headers: { origin: 'https://evil.example' } });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('refuses a state-changing request from the opaque origin null', async () => {
    const response = await fetch(`${app.url}/api/clinik/patients`, {
      method: 'POST',
      headers: { origin: 'null', 'x-csrf': '1', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(403);
    expect(await json(response)).toMatchObject({ code: 'CSRF_REQUIRED' });
  });

  it('requires the CSRF header from a cookie session', async () => {
    const response = await fetch(`${app.url}/api/clinik/patients`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(403);
    expect(await json(response)).toMatchObject({ code: 'CSRF_REQUIRED' });
  });
});

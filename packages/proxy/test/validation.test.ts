/**
 * Body checks against the real emulator: for every resource, an invalid create is refused by the proxy with exactly
 * the issues the emulator would have answered — and without asking it.
 */
import { RESOURCE_CATALOGUE, hasSimplifiedSchemas } from '@clinikapi/core';
import { startEmulator, type RunningEmulator } from '@clinikapi/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proxyApp, settled, type ProxyApp } from './harness.ts';

let emulator: RunningEmulator;
let key: string;
let app: ProxyApp;

beforeAll(async () => {
  emulator = await startEmulator();
  await emulator.emulator.admin.ensureOrganisation('org_validation', { name: 'Validation clinic', plan: 'pro' });
  key = (await emulator.emulator.admin.createKey({ organisationId: 'org_validation', environment: 'test' })).key;
  app = await proxyApp({ apiKey: key, upstream: emulator.url, validateBodies: true });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await emulator?.stop();
});

const creatable = RESOURCE_CATALOGUE.filter((resource) => (resource.operations as readonly string[]).includes('create'));
const post = (url: string, headers: Record<string, string>, body: unknown) =>
  fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('invalid creates are refused as the emulator refuses them, before any upstream call', () => {
  it.each(creatable)('$path', async (resource) => {
    const body = hasSimplifiedSchemas(resource.path) ? { notAField: 'x' } : { resourceType: 'NotAType', status: 'final' };
    const direct = await post(`${emulator.url}/v1/${resource.path}`, { 'x-api-key': key }, body);
    const before = app.log.records().length;
    const proxied = await post(`${app.url}/api/clinik/${resource.path}`, { 'x-csrf': '1' }, body);
    expect(direct.status).toBe(422);
    expect(proxied.status).toBe(422);
    const [upstreamBody, proxyBody] = [(await direct.json()) as { issues: unknown }, (await proxied.json()) as { issues: unknown; code: string }];
    expect(proxyBody.code).toBe('VALIDATION_ERROR');
    expect(proxyBody.issues).toEqual(upstreamBody.issues);
    const [record] = (await settled(app.log, before + 1)).slice(before);
    expect(record).toMatchObject({ status: 422, error: 'body:invalid', upstream: null });
  });
});

/**
 * Body checks against the real emulator: for every resource, an invalid create — in the simplified shape on all 62
 * paths, and as FHIR JSON on the 43 that also take it — and an invalid object PATCH (a merge of simplified fields) of
 * a stored record are refused by the proxy with exactly the issues the emulator would have answered, and without
 * asking it.
 */
import { RESOURCE_CATALOGUE, hasSimplifiedSchemas, type ResourceDefinition } from '@clinikapi/core';
import { startEmulator, type RunningEmulator } from '@clinikapi/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACT_BODIES, forPatient } from '../../emulator/test/sdk-contract/bodies.ts';
import { proxyApp, settled, type ProxyApp } from './harness.ts';

let emulator: RunningEmulator;
let key: string;
let app: ProxyApp;
let patientId: string;

beforeAll(async () => {
  emulator = await startEmulator();
  await emulator.emulator.admin.ensureOrganisation('org_validation', { name: 'Validation clinic', plan: 'pro' });
  key = (await emulator.emulator.admin.createKey({ organisationId: 'org_validation', environment: 'test' })).key;
  app = await proxyApp({ apiKey: key, upstream: emulator.url, validateBodies: true });
  patientId = (
    (await (await send('POST', `${emulator.url}/v1/patients`, true, { firstName: 'Val', lastName: 'Idation' })).json()) as {
      data: { id: string };
    }
  ).data.id;
}, 60_000);
afterAll(async () => {
  await app?.close();
  await emulator?.stop();
});

const allowing = (interaction: string) =>
  RESOURCE_CATALOGUE.filter((resource) => (resource.operations as readonly string[]).includes(interaction));
const send = (method: string, url: string, direct: boolean, body: unknown) =>
  fetch(url, {
    method,
    headers: { ...(direct ? { 'x-api-key': key } : { 'x-csrf': '1' }), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** Sends `body` to the emulator and through the proxy: both refuse it with the same issues, the proxy on its own. */
async function expectSameRefusal(method: string, path: string, body: unknown): Promise<void> {
  const direct = await send(method, `${emulator.url}/v1/${path}`, true, body);
  const before = app.log.records().length;
  const proxied = await send(method, `${app.url}/api/clinik/${path}`, false, body);
  const [upstreamBody, proxyBody] = [
    (await direct.json()) as { issues: unknown },
    (await proxied.json()) as { issues: unknown; code: string },
  ];
  expect(direct.status, JSON.stringify(upstreamBody)).toBe(422);
  expect(proxied.status).toBe(422);
  expect(proxyBody.code).toBe('VALIDATION_ERROR');
  expect(proxyBody.issues).toEqual(upstreamBody.issues);
  const [record] = (await settled(app.log, before + 1)).slice(before);
  expect(record).toMatchObject({ status: 422, error: 'body:invalid', upstream: null });
}

/** A body with a `Type/id` where the shape takes a bare id of one type (an unknown field on paths with no patientId). */
const badReference = (resource: ResourceDefinition) =>
  resource.path === 'patients'
    ? { firstName: 'Ada', lastName: 'Quist', generalPractitionerId: 'Organization/o-1' }
    : { patientId: 'Organization/o-1' };

describe('invalid creates are refused as the emulator refuses them, before any upstream call', () => {
  it.each(allowing('create'))('$path: in the simplified shape', async (resource) => {
    await expectSameRefusal('POST', resource.path, { notAField: 'x' });
    await expectSameRefusal('POST', resource.path, badReference(resource));
  });

  it.each(allowing('create').filter((resource) => !hasSimplifiedSchemas(resource.path)))('$path: as FHIR JSON', async (resource) => {
    await expectSameRefusal('POST', resource.path, { resourceType: 'NotAType', status: 'final' });
  });
});

describe('invalid object PATCHes (merges of simplified fields) are refused as the emulator refuses them', () => {
  it.each(allowing('update'))('$path', async (resource) => {
    const { minimal } = CONTRACT_BODIES.find((entry) => entry.path === resource.path) as { minimal: Record<string, unknown> };
    const created = await send('POST', `${emulator.url}/v1/${resource.path}`, true, forPatient(minimal, patientId));
    expect(created.status).toBe(201);
    const { id } = ((await created.json()) as { data: { id: string } }).data;
    await expectSameRefusal('PATCH', `${resource.path}/${id}`, { notAField: 'x' });
    await expectSameRefusal('PATCH', `${resource.path}/${id}`, {});
  });
});

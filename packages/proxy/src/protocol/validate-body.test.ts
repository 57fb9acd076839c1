import { RESOURCE_CATALOGUE, hasSimplifiedSchemas, type ResourceDefinition } from '@clinikapi/core';
import { describe, expect, it } from 'vitest';
import { INTERACTION_METHOD, type ApiCall, type Interaction } from '../call.ts';
import { ProxyError } from '../errors.ts';
import { checkCallBody } from './validate-body.ts';

const callOf = (resource: ResourceDefinition, interaction: Interaction, body: unknown, contentType = 'application/json'): ApiCall => ({
  method: INTERACTION_METHOD[interaction],
  interaction,
  resource,
  id: interaction === 'create' || interaction === 'search' ? undefined : 'r1',
  query: new URLSearchParams(),
  body,
  contentType,
  action: undefined,
});

/** What checkCallBody throws, or 'ok'. */
function verdict(call: ApiCall): ProxyError | 'ok' {
  try {
    checkCallBody(call);
    return 'ok';
  } catch (error) {
    if (error instanceof ProxyError) return error;
    throw error;
  }
}

const writable = (interaction: Interaction) =>
  RESOURCE_CATALOGUE.filter((resource) => (resource.operations as readonly string[]).includes(interaction));
/** The 43 paths whose creates also take the FHIR resource itself. */
const fhirToo = writable('create').filter((resource) => !hasSimplifiedSchemas(resource.path));

describe('checkCallBody', () => {
  it('knows a simplified shape of every path', () => {
    expect(writable('create')).toHaveLength(62);
    expect(fhirToo).toHaveLength(43);
  });

  it.each(writable('create'))('refuses an incomplete $path create with 422 and one issue per field', (resource) => {
    const error = verdict(callOf(resource, 'create', { notAField: 1 }));
    expect(error).toMatchObject({ status: 422, code: 'VALIDATION_ERROR', reason: 'body:invalid' });
    expect((error as ProxyError).issues).toContainEqual({
      severity: 'error',
      code: 'invalid',
      diagnostics: 'notAField: Unknown field notAField',
    });
    expect(verdict(callOf(resource, 'create', ['not', 'an', 'object']))).toMatchObject({ status: 422 });
  });

  it.each(writable('update'))(
    'refuses a $path update with an unknown field, resourceType among them (an object PATCH is a merge of simplified fields)',
    (resource) => {
      expect(verdict(callOf(resource, 'update', { notAField: 1 }))).toMatchObject({ status: 422, code: 'VALIDATION_ERROR' });
      expect(verdict(callOf(resource, 'update', { resourceType: resource.resourceType }))).toMatchObject({
        status: 422,
        code: 'VALIDATION_ERROR',
      });
    },
  );

  it.each(fhirToo)('takes a $path create with resourceType as a FHIR $resourceType resource', (resource) => {
    expect(verdict(callOf(resource, 'create', { resourceType: 'Patient-ish', status: 'final' }))).toMatchObject({
      status: 422,
      issues: [{ diagnostics: `resourceType: Must be ${resource.resourceType}` }],
    });
    expect(verdict(callOf(resource, 'create', { resourceType: resource.resourceType }))).toBe('ok');
  });

  it.each(writable('create').filter((resource) => hasSimplifiedSchemas(resource.path)))(
    'takes a $path create with resourceType as its simplified shape',
    (resource) => {
      const error = verdict(callOf(resource, 'create', { resourceType: resource.resourceType }));
      expect((error as ProxyError).issues).toContainEqual({
        severity: 'error',
        code: 'invalid',
        diagnostics: 'resourceType: Unknown field resourceType',
      });
    },
  );

  const observations = RESOURCE_CATALOGUE.find((resource) => resource.path === 'observations') as ResourceDefinition;
  const patch = (body: unknown, contentType = 'application/json-patch+json') => verdict(callOf(observations, 'update', body, contentType));

  it('checks a JSON Patch by its shape, as the emulator does', () => {
    expect(
      patch([
        { op: 'replace', path: '/status', value: 'amended' },
        { op: 'remove', path: '/note' },
        { op: 'copy', from: '/a', path: '/b' },
      ]),
    ).toBe('ok');
    expect(patch([])).toMatchObject({ status: 400, reason: 'body:patch-empty' });
    expect(patch(Array.from({ length: 1001 }, () => ({ op: 'remove', path: '/a' })))).toMatchObject({
      status: 400,
      reason: 'body:patch-too-long',
    });
    expect(
      patch([
        { op: 'remove', path: '/a' },
        { op: 'nope', path: '/a' },
      ]),
    ).toMatchObject({ status: 400, issues: [{ path: '1', diagnostics: '1: op must be add, remove, replace, move, copy or test' }] });
    expect(patch([{ op: 'replace', path: 'status', value: 1 }])).toMatchObject({
      issues: [{ diagnostics: '0: path must be a JSON Pointer such as /status' }],
    });
    expect(patch([{ op: 'add', path: '/a' }])).toMatchObject({ issues: [{ diagnostics: '0: add needs a value' }] });
    expect(patch([{ op: 'move', path: '/a' }])).toMatchObject({
      issues: [{ diagnostics: '0: from must be a JSON Pointer such as /status' }],
    });
    expect(patch(['replace'])).toMatchObject({ issues: [{ diagnostics: '0: Must be an object' }] });
  });

  it('refuses a PATCH body that is neither changes nor a patch, and a missing body', () => {
    expect(patch({ status: 'amended' })).toMatchObject({ status: 400, reason: 'body:patch-not-array' });
    expect(patch('amended', 'application/json')).toMatchObject({ status: 400, reason: 'body:not-an-object' });
    expect(patch(undefined, 'application/json')).toMatchObject({ status: 400, reason: 'body:empty' });
  });

  it('leaves reads, searches and deletes alone', () => {
    for (const interaction of ['read', 'search', 'delete'] as const)
      expect(verdict(callOf(observations, interaction, undefined))).toBe('ok');
  });
});

import { findResource, type ResourceDefinition } from '@clinikapi/core';
import { describe, expect, it } from 'vitest';
import { type ProxyError } from '../errors.ts';
import { checkQuery } from './query.ts';

const patients = findResource('patients') as ResourceDefinition;
const check = (interaction: 'search' | 'read' | 'create', text: string): ProxyError | undefined => {
  try {
    checkQuery(interaction, patients, new URLSearchParams(text));
    return undefined;
  } catch (error) {
    return error as ProxyError;
  }
};

describe('checkQuery', () => {
  it('accepts the catalogue search parameters, paging and include directives', () => {
    expect(
      check('search', 'name=a&birthDate=1990-01-01&count=5&cursor=abc&_include=x&_include=y&_has:Observation:patient:code=1'),
    ).toBeUndefined();
    expect(check('read', '_revinclude=Observation:subject&_revinclude=Encounter:subject')).toBeUndefined();
  });

  it('refuses unknown parameters, quoting only safe names', () => {
    expect(check('search', 'access_token=abc')?.issues[0]).toMatchObject({ path: 'access_token' });
    expect(check('read', 'name=a')?.reason).toBe('query:unknown-parameter');
    expect(check('create', 'count=1')?.reason).toBe('query:unknown-parameter');
    const odd = check('search', `${encodeURIComponent('<script>')}=1`);
    expect(odd?.issues[0]?.path).toBeUndefined();
    expect(JSON.stringify(odd?.issues)).not.toContain('<script>');
  });

  it('refuses repeated parameters (parameter pollution)', () => {
    expect(check('search', 'name=a&name=b')?.reason).toBe('query:repeated-parameter');
  });
});

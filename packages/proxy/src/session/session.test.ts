import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { proxyApp, recordingUpstream } from '../../test/harness.ts';
import { isProxyUser, rolesFromClaims, toSessionAdapter } from './session.ts';

const req = {} as Request;
const res = {} as Response;

describe('sessions', () => {
  it('wraps a function as an app session (treated like a cookie session for CSRF)', async () => {
    const adapter = toSessionAdapter(() => ({ id: 'u1', roles: ['clinician'] }));
    expect(adapter.kind).toBe('custom');
    expect(await adapter.authenticate(req, res)).toEqual({ user: { id: 'u1', roles: ['clinician'] }, transport: 'app' });
    expect(await toSessionAdapter(async () => null).authenticate(req, res)).toMatchObject({ user: null, reason: 'session:none' });
    expect(() => toSessionAdapter('cookie' as never)).toThrow('option "session"');
  });

  it('takes a resolver that answers at once or with any thenable', async () => {
    expect(await toSessionAdapter(() => ({ id: 'u1' })).authenticate(req, res)).toEqual({ user: { id: 'u1' }, transport: 'app' });
    const thenable = { then: (resolve: (user: { id: string }) => void) => resolve({ id: 'u2' }) };
    expect(await toSessionAdapter(() => thenable as never).authenticate(req, res)).toEqual({ user: { id: 'u2' }, transport: 'app' });
    expect(await toSessionAdapter(() => null).authenticate(req, res)).toEqual({ user: null, transport: 'app', reason: 'session:none' });
  });

  it('accepts only users with a non-empty string id and string roles', () => {
    expect(isProxyUser({ id: 'u1' })).toBe(true);
    expect(isProxyUser({ id: 'u1', roles: ['a'] })).toBe(true);
    for (const bad of [null, 'u1', { id: '' }, { id: 1 }, { id: 'u1', roles: 'admin' }, { id: 'u1', roles: [1] }])
      expect(isProxyUser(bad)).toBe(false);
  });

  it('reads roles from the common claim shapes', () => {
    expect(
      rolesFromClaims({ roles: ['a'], metadata: { role: 'b' }, publicMetadata: { roles: ['c'] } }, ['org:admin', null]).sort(),
    ).toEqual(['a', 'admin', 'b', 'c']);
    expect(rolesFromClaims(null)).toEqual([]);
  });
});

describe('a session adapter or policy answering later, through the pipeline', () => {
  it('is awaited whatever thenable it answers with — a user signs in and a policy allows', async () => {
    const later = <T>(value: T) => ({ then: (resolve: (v: T) => void) => setTimeout(() => resolve(value), 5) });
    const upstream = await recordingUpstream();
    const app = await proxyApp({
      upstream: upstream.url,
      session: { kind: 'custom', authenticate: () => later({ user: { id: 'u_late', roles: [] }, transport: 'bearer' as const }) as never },
      policy: () => later(true) as never,
    });
    try {
      const response = await fetch(`${app.url}/api/clinik/patients`);
      expect(response.status).toBe(200);
      expect(upstream.requests).toHaveLength(1);
    } finally {
      await app.close();
      await upstream.close();
    }
  });
});

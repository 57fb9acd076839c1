import { describe, expect, it } from 'vitest';
import { rewriteAnswerUrls, rewriteUpstreamUrl } from './links.ts';

const upstream = { origin: 'https://api.clinikapi.com', basePath: '' };

describe('rewriting upstream URLs to the mount', () => {
  it('rewrites same-host records to the mount, keeping the query', () => {
    expect(rewriteUpstreamUrl('/v1/patients/abc', upstream, '/api/clinik')).toEqual({ kind: 'rewritten', url: '/api/clinik/patients/abc' });
    expect(rewriteUpstreamUrl('https://api.clinikapi.com/v1/labs/1?x=1', upstream, '/m')).toEqual({
      kind: 'rewritten',
      url: '/m/labs/1?x=1',
    });
    expect(rewriteUpstreamUrl('https://api.clinikapi.com/v1/fhir/Observation/o-1', upstream, '/m')).toEqual({
      kind: 'rewritten',
      url: '/m/observations/o-1',
    });
    expect(rewriteUpstreamUrl('https://api.clinikapi.com/v1/patients', upstream, '')).toEqual({ kind: 'rewritten', url: '/patients' });
  });

  it('refuses other hosts, schemes, credentials, and paths that are not records the proxy serves', () => {
    expect(rewriteUpstreamUrl('https://evil.test/v1/patients', upstream, '/m')).toEqual({ kind: 'off-host' });
    expect(rewriteUpstreamUrl('//evil.test/v1/patients', upstream, '/m')).toEqual({ kind: 'off-host' });
    expect(rewriteUpstreamUrl('http://api.clinikapi.com/v1/patients', upstream, '/m')).toEqual({ kind: 'off-host' });
    expect(rewriteUpstreamUrl('https://user:pw@api.clinikapi.com/v1/patients', upstream, '/m')).toEqual({ kind: 'off-host' });
    expect(rewriteUpstreamUrl('/dashboard', upstream, '/m')).toEqual({ kind: 'outside-api' });
    expect(rewriteUpstreamUrl('/v1/fhir/Patient/$everything', upstream, '/m')).toEqual({ kind: 'outside-api' });
    expect(rewriteUpstreamUrl('/v1/bulk/export', upstream, '/m')).toEqual({ kind: 'outside-api' });
    expect(rewriteUpstreamUrl('/v1/patients/a/b', upstream, '/m')).toEqual({ kind: 'outside-api' });
  });

  it('never produces a protocol-relative or backslashed URL, whatever the mount or the upstream path', () => {
    const mounts = ['', '/', '//', '/m', '/m/', '//evil.test', '/\\evil.test', '\\\\evil.test'];
    const paths = [
      '/v1/patients',
      '/v1//evil.test/x',
      '/v1/\\evil.test',
      '/v1/%2F%2Fevil.test',
      '//evil.test/v1/patients',
      '/v1/patients/..%2F..',
    ];
    for (const mount of mounts) {
      for (const path of paths) {
        const verdict = rewriteUpstreamUrl(path, upstream, mount);
        if (verdict.kind === 'rewritten') expect(verdict.url, `${mount} + ${path}`).toMatch(/^\/(?![/\\])[^\\]*$/);
      }
    }
  });

  it('rewrites every fullUrl, Bundle link and links value of an answer in place, and drops the rest', () => {
    const answer = {
      data: {
        resourceType: 'Bundle',
        link: [
          { relation: 'self', url: 'https://api.clinikapi.com/v1/patients/p1?_revinclude=*' },
          { relation: 'next', url: 'https://evil.test/x' },
        ],
        entry: [
          { fullUrl: 'https://api.clinikapi.com/v1/fhir/Patient/p1', resource: { resourceType: 'Patient', id: 'p1' } },
          { fullUrl: 'https://api.clinikapi.com/v1/fhir/Questionnaire/q1', resource: { resourceType: 'Condition', id: 'c1' } },
        ],
      },
      links: { self: 'https://api.clinikapi.com/v1/labs', next: 'https://api.clinikapi.com/internal' },
    };
    expect(rewriteAnswerUrls(answer, upstream, '/api/clinik')).toBe(3);
    expect(answer).toEqual({
      data: {
        resourceType: 'Bundle',
        link: [{ relation: 'self', url: '/api/clinik/patients/p1?_revinclude=*' }, { relation: 'next' }],
        entry: [
          { fullUrl: '/api/clinik/patients/p1', resource: { resourceType: 'Patient', id: 'p1' } },
          { resource: { resourceType: 'Condition', id: 'c1' } },
        ],
      },
      links: { self: '/api/clinik/labs' },
    });
  });
});

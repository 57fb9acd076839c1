import { describe, expect, it } from 'vitest';
import { normaliseProxyUrl } from './proxy-url.ts';

const origin = 'https://clinic.example';

describe('normaliseProxyUrl', () => {
  it('accepts a path on this site or a URL with this origin, without the trailing slash', () => {
    expect(normaliseProxyUrl('/api/clinik/', origin)).toBe('/api/clinik');
    expect(normaliseProxyUrl(' /api/clinik ', origin)).toBe('/api/clinik');
    expect(normaliseProxyUrl('https://clinic.example/api/clinik/', origin)).toBe('https://clinic.example/api/clinik');
    expect(normaliseProxyUrl('demo', origin)).toBe('demo');
  });

  it.each([
    'https://evil.example/api/clinik',
    '//evil.example/api',
    '/\\evil.example',
    'javascript:alert(1)',
    'api/clinik',
    'http://clinic.example/api/clinik',
    'https://user:pass@clinic.example/api',
  ])('refuses %s, naming the prop and the rule', (value) => {
    expect(() => normaliseProxyUrl(value, origin)).toThrow(/ClinikProvider: proxyUrl must be a path on this site/);
  });

  it('asks for a value when there is none', () => {
    expect(() => normaliseProxyUrl('', origin)).toThrow('ClinikProvider: proxyUrl is required');
  });

  it('lets an absolute URL through on the server, where the origin is unknown, and checks it in the browser', () => {
    expect(normaliseProxyUrl('https://clinic.example/api', undefined)).toBe('https://clinic.example/api');
    expect(() => normaliseProxyUrl('javascript:alert(1)', undefined)).toThrow(/proxyUrl must be/);
  });
});

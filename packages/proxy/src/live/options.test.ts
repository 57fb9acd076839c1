import { describe, expect, it } from 'vitest';
import { FAKE_KEY } from '../../test/harness.ts';
import { upstreams } from '../upstream/presets.ts';
import { resolveLiveOptions, type LiveOptions } from './options.ts';

const secret = 'whsec_0123456789abcdef0123';
const resolve = (live: Partial<LiveOptions>, apiKey: Parameters<typeof resolveLiveOptions>[1] = FAKE_KEY) =>
  resolveLiveOptions({ webhookSecret: secret, tenantId: 'org_a', ...live } as LiveOptions, apiKey, upstreams.clinikapi(), {});

describe('the live option', () => {
  it('takes the environment from the key records are read with, and defaults the rest', () => {
    const settings = resolve({ tenantId: ['org_a', 'org_b'] });
    expect(settings).toMatchObject({
      environment: 'test',
      strict: true,
      toleranceSeconds: 300,
      connectionsPerUser: 5,
      replaySize: 1000,
      redis: undefined,
    });
    expect([...settings.tenants]).toEqual(['org_a', 'org_b']);
    expect(settings.key.fingerprint).toMatch(/^kfp_/);
    expect(resolve({ environment: 'test' }).environment).toBe('test');
  });

  it('names what is wrong, never the secret or the key', () => {
    const refusals: [Partial<LiveOptions>, string][] = [
      [{ webhookSecret: 'short' }, 'live.webhookSecret'],
      [{ tenantId: [] }, 'live.tenantId'],
      [{ tenantId: 'org a/b' }, 'live.tenantId'],
      [{ environment: 'staging' as never }, 'live.environment'],
      [{ environment: 'live' }, 'live.environment'],
      [{ strict: 'yes' as never }, 'live.strict'],
      [{ heartbeatMs: 0 }, 'live.heartbeatMs'],
      [{ dedupeMs: 60_000 }, 'live.dedupeMs'],
      [{ redis: { sendCommand: () => Promise.resolve() } as never }, 'live.redis'],
      [{ webhookSecrets: secret } as never, 'live.webhookSecrets'],
    ];
    for (const [live, option] of refusals) {
      expect(() => resolve(live), option).toThrow(`option "${option}"`);
      try {
        resolve(live);
      } catch (error) {
        expect(String(error)).not.toContain(secret);
      }
    }
  });

  it('needs a key of its own when the proxy picks keys per user', () => {
    expect(() => resolve({}, () => FAKE_KEY)).toThrow('option "live.apiKey" is required');
    expect(resolve({ apiKey: FAKE_KEY }, () => FAKE_KEY).environment).toBe('test');
  });
});

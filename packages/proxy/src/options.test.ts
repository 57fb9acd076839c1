import { describe, expect, it } from 'vitest';
import { resolveOptions, type ClinikProxyOptions } from './options.ts';
import { patientCompartment } from './policy/patient-compartment.ts';
import { allOf } from './policy/policy.ts';
import { grants, roles } from './policy/roles.ts';
import { upstreams } from './upstream/presets.ts';

const key = `clk_test_${'C'.repeat(32)}`;
const base: ClinikProxyOptions = { session: () => null, policy: () => true, apiKey: key };
const messageOf = (options: unknown, env: NodeJS.ProcessEnv = {}): string => {
  try {
    resolveOptions(options as ClinikProxyOptions, env);
  } catch (error) {
    return (error as Error).message;
  }
  return '';
};

describe('resolveOptions', () => {
  it('names the bad option', () => {
    expect(messageOf(null)).toContain('option "options"');
    expect(messageOf({ policy: () => true, apiKey: key })).toContain('option "session"');
    expect(messageOf({ session: 'cookie', policy: () => true, apiKey: key })).toContain('option "session"');
    expect(messageOf({ session: () => null, apiKey: key })).toContain('option "policy"');
    expect(messageOf({ ...base, polciy: () => true })).toContain('option "polciy" is not an option');
    expect(messageOf({ ...base, upstream: 'not a url' })).toContain('option "upstream.test"');
    expect(messageOf({ ...base, upstream: 42 })).toContain('option "upstream"');
    // A dialect decides what a user may see: a hand-made one (its type is not even public) is refused, not trusted.
    const handMade = { ...upstreams.clinikapi(), dialect: { ...upstreams.clinikapi().dialect } };
    expect(messageOf({ ...base, upstream: handMade })).toContain('option "upstream" carries a dialect');
    expect(messageOf({ ...base, upstream: { ...upstreams.clinikapi(), canonical: (each: string) => each } })).toBe('');
    expect(messageOf({ ...base, bodyLimit: -1 })).toContain('option "bodyLimit"');
    expect(messageOf({ ...base, timeouts: { responseMs: 0 } })).toContain('option "timeouts.responseMs"');
    expect(messageOf({ ...base, csrf: 'yes' })).toContain('option "csrf"');
    expect(messageOf({ ...base, rateLimit: { limit: 0 } })).toContain('option "rateLimit.limit"');
    expect(messageOf({ ...base, cors: { origins: ['null'] } })).toContain('option "cors.origins"');
    expect(messageOf({ ...base, cors: { origins: ['https://*.example.com'] } })).toContain('option "cors.origins"');
    expect(messageOf({ ...base, logger: {} })).toContain('option "logger"');
    expect(messageOf({ ...base, budget: { perMinute: 100 } })).toContain('option "budget.staffRoles"');
    expect(messageOf({ ...base, patientWrites: { bytes: 0 } })).toContain('option "patientWrites.bytes"');
    expect(messageOf({ ...base, anonymousLimit: { windowMs: 'a minute' } })).toContain('option "anonymousLimit.windowMs"');
    expect(messageOf({ ...base, trustProxy: true })).toContain('option "trustProxy"');
    expect(messageOf({ ...base, validateBodies: 'yes' })).toContain('option "validateBodies"');
  });

  it('never echoes a key in a start-up error', () => {
    const wrong = `sk_live_${'x'.repeat(30)}`;
    const message = messageOf({ ...base, apiKey: wrong });
    expect(message).toContain('option "apiKey"');
    expect(message).not.toContain(wrong);
  });

  it('applies the documented defaults', () => {
    const settings = resolveOptions({ session: () => null, policy: () => true }, { CLINIKAPI_SECRET_KEY: key });
    expect(settings).toMatchObject({
      csrf: true,
      bodyLimit: 1024 * 1024,
      timeouts: { responseMs: 30_000, idleMs: 30_000 },
      cors: undefined,
    });
    expect(settings.rateLimiter?.count).toBeTypeOf('function');
    expect(resolveOptions({ ...base, rateLimit: false }).rateLimiter).toBeUndefined();
    // On by default: the write caps, the anonymous limit, body checks for ClinikAPI. The budget needs the plan's numbers.
    expect(settings).toMatchObject({ budget: undefined, validateBodies: true });
    expect(settings.patientWrites).toBeDefined();
    expect(settings.anonymousLimit).toBeDefined();
    expect(resolveOptions({ ...base, patientWrites: false, anonymousLimit: false })).toMatchObject({
      patientWrites: undefined,
      anonymousLimit: undefined,
    });
  });

  it("leaves body checks off for Cliniko, whose bodies are not ClinikAPI's", () => {
    const cliniko = {
      ...base,
      apiKey: `MS0x${'c'.repeat(40)}-au1`,
      upstream: upstreams.cliniko({ userAgent: 'Test clinic (dev@example.org)' }),
    };
    expect(resolveOptions(cliniko).validateBodies).toBe(false);
    expect(resolveOptions({ ...cliniko, validateBodies: true }).validateBodies).toBe(true);
  });

  const cliniko = {
    ...base,
    apiKey: `MS0x${'c'.repeat(40)}-au2`,
    upstream: upstreams.cliniko({ userAgent: 'Test clinic (dev@example.org)' }),
  };

  it("gives a Cliniko budget Cliniko's own limit, 200 a minute per user, and asks ClinikAPI's for the plan's", () => {
    const budget = resolveOptions({ ...cliniko, budget: { staffRoles: ['frontDesk'] } }).budget;
    expect(budget?.charges({ id: 'u', roles: ['frontDesk'] }, 'kfp_x', 1).map((charge) => charge.limit)).toEqual([200]);
    expect(
      resolveOptions({ ...cliniko, budget: { perMinute: 150, staffRoles: ['frontDesk'] } }).budget?.charges(
        { id: 'u', roles: ['frontDesk'] },
        'kfp_x',
        1,
      )[0]?.limit,
    ).toBe(150);
    expect(messageOf({ ...base, budget: { staffRoles: ['frontDesk'] } })).toContain('option "budget.perMinute" is required');
  });

  it('checks the resources a policy names against the API its upstream speaks', () => {
    const clinikoDesk = roles({ frontDesk: ['individual_appointments:*', 'available_times:read', 'patients:archive'] });
    expect(() => resolveOptions({ ...cliniko, policy: clinikoDesk })).not.toThrow();
    expect(messageOf({ ...base, policy: clinikoDesk })).toContain(
      'option "policy" names "individual_appointments", which is not a resource of the clinikapi API',
    );
    expect(messageOf({ ...cliniko, policy: roles({ clinician: '*', frontDesk: ['care-plans:read'] }) })).toContain('"care-plans"');
    const nested = roles({
      patient: allOf(grants(['patients:read']), patientCompartment({ patientId: () => '1', shared: ['businesses'] })),
    });
    expect(messageOf({ ...base, policy: nested })).toContain('"businesses"');
    expect(() => resolveOptions({ ...cliniko, policy: nested })).not.toThrow();
    // A policy of the app's own names nothing the proxy can check.
    expect(() => resolveOptions({ ...cliniko, policy: () => true })).not.toThrow();
    expect(() => roles({ frontDesk: ['individual_appointment:read'] })).toThrow(/individual_appointment:read/);
    expect(() => roles({ frontDesk: ['patients:cancel', 'patients:constructor'] })).toThrow(/patients:constructor/);
  });
});

/**
 * 200 requests per minute per user, on the emulator's clock: the 201st is a 429 with `X-RateLimit-Reset` (Unix
 * seconds), shared by every key of the user and not by other users; and the control routes that let another
 * process's tests force a 429 or pin the clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinikoClient, PINNED_NOW, startSeeded, testClock, type Seeded } from './helpers.ts';

const clock = testClock();
let running: Seeded;

beforeAll(async () => {
  running = await startSeeded({ now: clock.now, control: true });
}, 60_000);

afterAll(() => running?.stop());

describe('rate limit', () => {
  it('answers the 201st request of a minute with 429 and X-RateLimit-Reset, for every key of the user', async () => {
    clock.set(PINNED_NOW + 10 * 60_000);
    const windowStart = clock.now();
    const { admin } = running.emulator;
    const first = clinikoClient(running.baseUrl, running.seeded.key);
    const second = clinikoClient(running.baseUrl, (await admin.createKey({ userId: running.seeded.userIds.administrator })).key);
    const desk = clinikoClient(running.baseUrl, (await admin.createKey({ userId: running.seeded.userIds.receptionist })).key);
    for (let index = 0; index < 200; index += 10) {
      const batch = await Promise.all(Array.from({ length: 10 }, (_, offset) => ((index + offset) % 2 ? first : second)('/user')));
      expect(batch.map((response) => response.status)).toEqual(Array(10).fill(200));
      clock.advance(2_000);
    }
    const refused = await second('/user');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-ratelimit-reset')).toBe(String((windowStart + 60_000) / 1000));
    expect(await refused.text()).toBe('');
    // Another user has a budget of their own.
    expect((await desk('/user')).status).toBe(200);
    clock.set(windowStart + 60_000);
    expect((await first('/user')).status).toBe(200);
  });

  it('lets a test force the next answers to be 429 through a control route', async () => {
    const client = clinikoClient(running.baseUrl, running.seeded.key);
    const forced = await fetch(`${running.url}/__emulator/rate-limit`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"count":2}',
    });
    expect(forced.status).toBe(204);
    expect([(await client('/user')).status, (await client('/patients')).status, (await client('/user')).status]).toEqual([429, 429, 200]);
    running.emulator.forceRateLimit();
    const again = await client('/user');
    expect([again.status, Number(again.headers.get('x-ratelimit-reset')) > clock.now() / 1000]).toEqual([429, true]);
  });

  it('lets a test pin the clock through a control route', async () => {
    const pinned = await fetch(`${running.url}/__emulator/clock`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: '{"now":"2025-03-10T23:00:00Z"}',
    });
    expect(await pinned.json()).toEqual({ now: '2025-03-10T23:00:00Z' });
    const client = clinikoClient(running.baseUrl, running.seeded.key);
    const created = await client.json<{ created_at: string }>('/patients', {
      method: 'POST',
      body: JSON.stringify({ first_name: 'Pinned', last_name: 'Clock' }),
    });
    expect(created.created_at).toBe('2025-03-10T23:00:00Z');
    expect(
      (
        await fetch(`${running.url}/__emulator/clock`, {
          method: 'PUT',
          body: '{"now":"soon"}',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(400);
    const released = await fetch(`${running.url}/__emulator/clock`, { method: 'DELETE' });
    expect(await released.json()).toEqual({ now: new Date(clock.now()).toISOString().replace('.000Z', 'Z') });
  });
});

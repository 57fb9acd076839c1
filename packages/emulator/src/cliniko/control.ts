/**
 * Test-only control routes outside `/v1` (not Cliniko; off unless the emulator is started with `control: true`),
 * so a proxy's or a browser's tests can steer an emulator running in another process:
 *
 *   POST   /__emulator/rate-limit   {"count": 1}                 the next `count` API requests answer 429
 *   GET    /__emulator/clock                                      {"now": "…Z"}
 *   PUT    /__emulator/clock        {"now": "2025-03-03T09:00:00Z"}  pin "now"
 *   DELETE /__emulator/clock                                      back to the emulator's own clock
 *
 * They need no key: they are for a loopback test instance and change no data.
 */
import type { Hono } from 'hono';
import { readBody } from './http/body.ts';
import { ClinikoError } from './errors.ts';
import type { ClinikoEnv } from './http/scope.ts';
import { parseDateTime, utcDateTime } from './time.ts';

export interface ControlState {
  readonly now: () => number;
  /** Pins the clock at `ms`, or (undefined) releases it. */
  pinClock(ms: number | undefined): void;
  forceRateLimit(count: number): void;
}

const bad = (message: string): ClinikoError => new ClinikoError(400, { message });

export function mountControlRoutes(app: Hono<ClinikoEnv>, control: ControlState): void {
  app.post('/__emulator/rate-limit', async (c) => {
    const { count = 1 } = await readBody(c.req.raw);
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) throw bad('count must be a whole number');
    control.forceRateLimit(count);
    return new Response(null, { status: 204 });
  });
  app.get('/__emulator/clock', (c) => c.json({ now: utcDateTime(control.now()) }));
  app.put('/__emulator/clock', async (c) => {
    const { now } = await readBody(c.req.raw);
    const ms = typeof now === 'string' ? parseDateTime(now) : undefined;
    if (ms === undefined) throw bad('now must be a date-time with a zone');
    control.pinClock(ms);
    return c.json({ now: utcDateTime(ms) });
  });
  app.delete('/__emulator/clock', (c) => {
    control.pinClock(undefined);
    return c.json({ now: utcDateTime(control.now()) });
  });
}

import { describe, expect, it } from 'vitest';
import { chargeAll } from './charge.ts';
import { createPatientWrites } from './patient-writes.ts';
import { memoryWindowCounter } from './window-counter.ts';

describe('createPatientWrites', () => {
  it('is on by default and off with false', () => {
    expect(createPatientWrites(undefined)).toBeDefined();
    expect(createPatientWrites(false)).toBeUndefined();
  });

  it.each([
    [{ limit: 0 }, '"patientWrites.limit"'],
    [{ bytes: 1.5 }, '"patientWrites.bytes"'],
    [{ windowMs: -1 }, '"patientWrites.windowMs"'],
    [{ store: 'redis' }, '"patientWrites.store"'],
    [true, '"patientWrites"'],
  ])('names the bad option in %j', (options, message) => {
    expect(() => createPatientWrites(options as never)).toThrow(message);
  });

  it('caps the number of writes and their bytes per user, and only counts what went through', () => {
    const writes = createPatientWrites({ limit: 5, bytes: 3_000, store: memoryWindowCounter() });
    const write = (user: string, bytes: number) =>
      (chargeAll(writes?.charges(user, bytes) ?? []) as { reason: string } | undefined)?.reason ?? 'ok';
    expect([write('p1', 1_000), write('p1', 1_000), write('p1', 1_000)]).toEqual(['ok', 'ok', 'ok']);
    expect(write('p1', 1)).toBe('limit:patient-write-bytes');
    // Deletes carry no body: they count, in number only.
    expect([write('p1', 0), write('p1', 0), write('p1', 0)]).toEqual(['ok', 'ok', 'limit:patient-writes']);
    expect(write('p2', 2_500)).toBe('ok');
  });
});

import { describe, expect, it } from 'vitest';
import { memoryExpiringStore } from './memory.ts';

describe('the in-process memory of the live routes', () => {
  it('claims a key once until it expires, and forgets the oldest entries past its size', async () => {
    let now = 0;
    const memory = memoryExpiringStore(() => now, 3);
    expect(await memory.claim('seen:a', 1000)).toBe(true);
    expect(await memory.claim('seen:a', 1000)).toBe(false);
    now = 1000;
    expect(await memory.claim('seen:a', 1000)).toBe(true);
    await memory.set('owners:x', '["p"]', 500);
    expect(await memory.get('owners:x')).toBe('["p"]');
    now = 1500;
    expect(await memory.get('owners:x')).toBeUndefined();
    for (const key of ['b', 'c', 'd', 'e']) await memory.claim(key, 10_000);
    // Four more in a memory of three: the oldest (a) went first, then b.
    expect(await memory.claim('b', 10_000)).toBe(true);
    expect(await memory.claim('e', 10_000)).toBe(false);
  });
});

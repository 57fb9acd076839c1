import { describe, expect, it } from 'vitest';
import { newRequestId } from './request-context.ts';

/** How many leading characters two strings share. */
function sharedPrefix(a: string, b: string): number {
  let length = 0;
  while (length < a.length && a[length] === b[length]) length += 1;
  return length;
}

describe('newRequestId', () => {
  // More than one pool's worth (256), so refills are crossed.
  const ids = Array.from({ length: 5_000 }, () => newRequestId());

  it('gives 128 random bits after req_, every id different', () => {
    expect(ids.filter((id) => !/^req_[\w-]{22}$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is no counter: consecutive ids share no prefix, and every position varies', () => {
    const random = ids.map((id) => id.slice('req_'.length));
    // Two random ids share 6 leading characters with a chance of 64^-6 (1 in 69 billion) per pair.
    expect(random.slice(1).filter((id, index) => sharedPrefix(id, random[index] as string) >= 6)).toEqual([]);
    // Each of the first 21 characters carries 6 random bits (the 22nd only 2): over 5,000 ids each takes nearly all 64 values.
    const valuesAt = Array.from({ length: 21 }, (_, position) => new Set(random.map((id) => id[position])).size);
    expect(valuesAt.filter((count) => count < 60)).toEqual([]);
  });
});
